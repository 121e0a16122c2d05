/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The test suite's short run of a fuzz target, without libFuzzer: every
 * file of the seed corpus, then a fixed number of deterministic mutations
 * of them (flips, insertions, deletions, splices), through the same
 * LLVMFuzzerTestOneInput the real fuzzer calls. The target aborts when the
 * code under test breaks a promise, so reaching the end is the pass.
 *
 *   test-fuzz-csv CORPUS-DIR [ROUNDS]
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *corpus_dir;
static guint rounds = 5000;

static GPtrArray *
load_corpus (void)
{
  GPtrArray *seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GDir) dir = g_dir_open (corpus_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (seeds, g_bytes_new_take (contents, length));
    }
  return seeds;
}

static GByteArray *
mutate (GRand  *rand,
        GBytes *seed,
        GBytes *other)
{
  GByteArray *out = g_byte_array_new ();
  gsize size, other_size;
  const guint8 *data = g_bytes_get_data (seed, &size);
  const guint8 *splice = g_bytes_get_data (other, &other_size);
  static const guint8 interesting[] = { '"', ',', '\t', ';', '\r', '\n', 0, 0xff, 0xfe, 0xef };

  g_byte_array_append (out, data, size);
  for (int edits = g_rand_int_range (rand, 1, 9); edits > 0; edits--)
    {
      guint at = out->len ? g_rand_int_range (rand, 0, out->len) : 0;
      guint8 byte = g_rand_boolean (rand) ? interesting[g_rand_int_range (rand, 0, 10)]
                                          : (guint8) g_rand_int_range (rand, 0, 256);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (out->len)
            out->data[at] = byte;
          break;
        case 1: /* insert (g_byte_array_insert is newer than GLib 2.74) */
          g_byte_array_append (out, &byte, 1);
          memmove (out->data + at + 1, out->data + at, out->len - at - 1);
          out->data[at] = byte;
          break;
        case 2:
          if (out->len)
            g_byte_array_remove_index (out, at);
          break;
        default:
          if (other_size)
            g_byte_array_append (out, splice, g_rand_int_range (rand, 0, other_size) + 1);
        }
    }
  return out;
}

static void
test_replay (void)
{
  g_autoptr (GPtrArray) seeds = load_corpus ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);

  g_assert_cmpuint (seeds->len, >, 0);
  for (guint i = 0; i < seeds->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (seeds->pdata[i], &size);
      LLVMFuzzerTestOneInput (data, size);
    }
  for (guint round = 0; round < rounds; round++)
    {
      GBytes *seed = seeds->pdata[g_rand_int_range (rand, 0, seeds->len)];
      GBytes *other = seeds->pdata[g_rand_int_range (rand, 0, seeds->len)];
      g_autoptr (GByteArray) input = mutate (rand, seed, other);
      LLVMFuzzerTestOneInput (input->data, input->len);
    }
  g_test_message ("%u seeds and %u mutations ran to the end", seeds->len, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR [ROUNDS]\n", argv[0]);
      return 2;
    }
  corpus_dir = argv[1];
  if (argc > 2)
    rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  g_test_add_func ("/fuzz/replay", test_replay);
  return g_test_run ();
}
