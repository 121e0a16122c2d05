/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-json.h"
#include "cw-text.h"

/* Text as people type, paste and import it: control characters found,
 * cleaned from paragraphs, refused in names, escaped for a terminal. */

typedef struct
{
  const char *text;
  gunichar    in_line;       /* the first control a line may not hold, or 0 */
  gunichar    in_paragraphs; /* the same in paragraphs */
  const char *line;          /* cleaned as one line */
  const char *paragraphs;    /* cleaned as paragraphs */
} CleanCase;

static const CleanCase clean_cases[] = {
  { "Child A", 0, 0, "Child A", "Child A" },
  { "café 東京 — “quoted”", 0, 0, "café 東京 — “quoted”", "café 東京 — “quoted”" },
  { "a\x1b[31mred", 0x1b, 0x1b, "a[31mred", "a[31mred" },
  { "bell\a", 0x07, 0x07, "bell", "bell" },
  { "nul\x01soh\x7f", 0x01, 0x01, "nulsoh", "nulsoh" },
  { "one\ntwo", '\n', 0, "one two", "one\ntwo" },
  { "one\r\ntwo\rthree", '\r', 0, "one two three", "one\ntwo\nthree" },
  { "tab\there", '\t', 0, "tab here", "tab\there" },
  { "csi\xc2\x9b" "2J", 0x9b, 0x9b, "csi2J", "csi2J" },
  { "evil\xe2\x80\xae" "txt.exe", 0x202e, 0x202e, "eviltxt.exe", "eviltxt.exe" },
  { "iso\xe2\x81\xa6x\xe2\x81\xa9", 0x2066, 0x2066, "isox", "isox" },
  { "line\xe2\x80\xa8sep\xe2\x80\xa9par", 0x2028, 0, "line sep par", "line\nsep\npar" },
  /* marks that shape right-to-left text are text */
  { "\xe2\x80\x8f" "abc", 0, 0, "\xe2\x80\x8f" "abc", "\xe2\x80\x8f" "abc" },
};

static void
test_clean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (clean_cases); i++)
    {
      const CleanCase *c = &clean_cases[i];
      g_autofree char *line = cw_text_clean (c->text, CW_TEXT_LINE);
      g_autofree char *paragraphs = cw_text_clean (c->text, CW_TEXT_PARAGRAPHS);

      g_test_message ("case %u", i);
      g_assert_cmpuint (cw_text_find_control (c->text, CW_TEXT_LINE), ==, c->in_line);
      g_assert_cmpuint (cw_text_find_control (c->text, CW_TEXT_PARAGRAPHS), ==,
                        c->in_paragraphs);
      g_assert_cmpstr (line, ==, c->line);
      g_assert_cmpstr (paragraphs, ==, c->paragraphs);
      g_assert_true (cw_text_needs_cleaning (c->text, CW_TEXT_LINE) == (strcmp (line, c->text)
                                                                         != 0));
      g_assert_true (cw_text_needs_cleaning (c->text, CW_TEXT_PARAGRAPHS)
                     == (strcmp (paragraphs, c->text) != 0));
      g_assert_cmpuint (cw_text_find_control (line, CW_TEXT_LINE), ==, 0);
    }
}

static void
test_check (void)
{
  g_autofree char *long_name = g_strnfill (101, 'x');
  g_autofree char *ok_name = g_strnfill (100, 'x');
  g_autofree char *control = cw_text_check ("Reviewer\x1b]0;pwned\a", CW_TEXT_LINE, 100);
  g_autofree char *newline = cw_text_check ("Two\nlines", CW_TEXT_LINE, 100);
  g_autofree char *too_long = cw_text_check (long_name, CW_TEXT_LINE, 100);
  g_autofree char *blank = cw_text_check (" \t ", CW_TEXT_PARAGRAPHS, 100);
  g_autofree char *empty = cw_text_check ("", CW_TEXT_LINE, 100);
  g_autofree char *fine = cw_text_check (ok_name, CW_TEXT_LINE, 100);
  g_autofree char *paragraphs = cw_text_check ("Two\nlines\tand a tab", CW_TEXT_PARAGRAPHS, 100);
  /* characters, not bytes */
  g_autofree char *accents = cw_text_check ("éééé", CW_TEXT_LINE, 4);

  g_assert_cmpstr (control, ==, "holds a control character (U+001B), which is not text; type it "
                                "again without it");
  g_assert_nonnull (strstr (newline, "(U+000A)"));
  g_assert_cmpstr (too_long, ==, "is 101 characters long; it may have at most 100");
  g_assert_cmpstr (blank, ==, "is blank");
  g_assert_cmpstr (empty, ==, "is blank");
  g_assert_null (fine);
  g_assert_null (paragraphs);
  g_assert_null (accents);
}

static void
test_escape (void)
{
  static const struct { const char *text, *escaped; } cases[] = {
    { "plain café\n\tindented", "plain café\n\tindented" },
    { "\x1b[2J\x1b]0;title\a", "\\u001B[2J\\u001B]0;title\\u0007" },
    { "over\rwrite", "over\\u000Dwrite" },
    { "csi\xc2\x9b", "csi\\u009B" },
    { "a\xe2\x80\xae" "b", "a\\u202Eb" },
    { "bad \xff byte", "bad \\xFF byte" },
    { "cut \xe2\x80", "cut \\xE2\\x80" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = cw_text_escape (cases[i].text);
      g_autofree char *again = cw_text_escape (escaped);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_cmpstr (again, ==, escaped);
    }
}

/* JSON escapes every control, so a terminal showing it acts on none. */
static void
test_json (void)
{
  g_autoptr (GString) out = g_string_new (NULL);

  cw_json_escape (out, "a\x1b" "b\xc2\x9b" "c\xe2\x80\xae" "d\x7f\n");
  g_assert_cmpstr (out->str, ==, "\"a\\u001bb\\u009bc\\u202ed\\u007f\\n\"");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/text/clean", test_clean);
  g_test_add_func ("/text/check", test_check);
  g_test_add_func ("/text/escape", test_escape);
  g_test_add_func ("/text/json", test_json);
  return g_test_run ();
}
