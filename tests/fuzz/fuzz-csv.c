/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer entry point for the CSV reader: any bytes, read to the end.
 * Not part of the meson build; from the project root:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I src/core/import -I build \
 *     tests/fuzz/fuzz-csv.c src/core/import/cw-csv.c $(pkg-config --cflags --libs glib-2.0) \
 *     -o /tmp/fuzz-csv
 *   /tmp/fuzz-csv -max_total_time=30 -dict=tests/fuzz/csv.dict \
 *     /tmp/fuzz-csv-corpus tests/fuzz/corpus-csv
 *
 * (libclang-rt-14-dev on Debian 12.) Add -DCW_CSV_MAX_FIELD=64
 * -DCW_CSV_MAX_RECORD=256 -DCW_CSV_MAX_COLUMNS=16 to reach the limits with
 * small inputs. Besides crashes, it aborts when the
 * reader breaks a promise: fields that are not UTF-8 or over the limits,
 * rows that do not increase, more records than the input could hold, an
 * error from another domain, or reading every record at once (as an import
 * does) giving other records or another error than reading them one by
 * one. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cw-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check (gboolean ok)
{
  if (!ok)
    abort ();
}

static void
check_record (GPtrArray *fields)
{
  check (fields != NULL && fields->len >= 1 && fields->len <= CW_CSV_MAX_COLUMNS);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      check (strlen (field) <= CW_CSV_MAX_FIELD);
      check (g_utf8_validate (field, -1, NULL));
    }
}

static void
render (GString   *out,
        guint      row,
        gpointer  *cells,
        guint      n)
{
  g_string_append_printf (out, "%u:", row);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "[%s]", (const char *) cells[i]);
  g_string_append_c (out, '\n');
}

/* Every record at once (what an import reads) is what the records one by
 * one were, or the same error. */
static void
check_read_all (GBytes       *bytes,
                const GString *expected,
                const GError *expected_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "fuzz.csv", &error);
  g_autoptr (GString) got = g_string_new (NULL);
  CwCsvTable table;

  check (reader != NULL);
  if (!cw_csv_reader_read_all (reader, &table, &error))
    {
      check (expected_error != NULL && error->code == expected_error->code
             && strcmp (error->message, expected_error->message) == 0);
      return;
    }
  check (expected_error == NULL);
  for (guint r = 0; r < table.rows->len; r++)
    {
      guint start = g_array_index (table.starts, guint, r);

      render (got, g_array_index (table.rows, guint, r), table.cells->pdata + start,
              g_array_index (table.starts, guint, r + 1) - start);
    }
  check (strcmp (got->str, expected->str) == 0);
  cw_csv_table_clear (&table);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "fuzz.csv", &error);
  g_autoptr (GString) seen = g_string_new (NULL);
  GPtrArray *fields = NULL;
  guint row = 0;
  guint last_row = 0;
  gsize records = 0;

  if (reader == NULL)
    {
      check (error != NULL && error->domain == CW_CSV_ERROR);
      return 0;
    }
  while (cw_csv_reader_next (reader, &fields, &row, &error))
    {
      check_record (fields);
      check (row > last_row);
      last_row = row;
      check (++records <= 2 * size + 4);
      render (seen, row, fields->pdata, fields->len);
    }
  check (error == NULL || error->domain == CW_CSV_ERROR);
  check_read_all (bytes, seen, error);
  return 0;
}
