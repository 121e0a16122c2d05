/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-text.h"

/* Control characters are not text. Stored, ESC and BEL would reach a
 * terminal that acts on them (colours, a title, a rewritten line), a
 * carriage return would overwrite what is shown, and bidirectional
 * overrides make a name read differently from what it holds. A name or a
 * title with one is refused; paragraphs, pasted from anywhere, keep their
 * line breaks and tabs and lose the rest. */

/**
 * cw_text_is_control:
 *
 * Returns: whether @c is a control character rather than text: C0 and C1
 *   controls (line breaks and tabs included), DEL, the bidirectional
 *   embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
 *   the line and paragraph separators (U+2028, U+2029)
 */
gboolean
cw_text_is_control (gunichar c)
{
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/* A line break in paragraphs, in any of the forms pasted text brings. */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Whether @c may stay as it is in text of @kind. */
static gboolean
is_kept (gunichar   c,
         CwTextKind kind)
{
  if (!cw_text_is_control (c))
    return TRUE;
  return kind == CW_TEXT_PARAGRAPHS && (c == '\n' || c == '\t');
}

/**
 * cw_text_find_control:
 * @text: valid UTF-8
 *
 * Returns: the first control character @text may not hold, or 0. In
 *   paragraphs, line breaks of any kind and tabs are allowed.
 */
gunichar
cw_text_find_control (const char *text,
                      CwTextKind  kind)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (cw_text_is_control (c) && !(kind == CW_TEXT_PARAGRAPHS && (is_line_break (c) || c == '\t')))
        return c;
    }
  return 0;
}

/**
 * cw_text_needs_cleaning:
 * @text: valid UTF-8
 *
 * A quick look, so that imports copy only the rare cell that needs it.
 *
 * Returns: whether cw_text_clean() would change @text
 */
gboolean
cw_text_needs_cleaning (const char *text,
                        CwTextKind  kind)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      /* Every control is below 0x20, 0x7F, or starts with 0xC2 or 0xE2. */
      if (*p >= 0x20 && *p != 0x7F && *p != 0xC2 && *p != 0xE2)
        continue;
      if (!is_kept (g_utf8_get_char ((const char *) p), kind))
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_text_clean:
 * @text: UTF-8; invalid bytes become U+FFFD
 *
 * Paragraphs keep their tabs and their line breaks, each made a newline
 * (CR LF, CR, U+2028 and U+2029 alike); in one line, those become spaces.
 * Every other control character is dropped.
 *
 * Returns: (transfer full): the text without control characters
 */
char *
cw_text_clean (const char *text,
               CwTextKind  kind)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_kept (c, kind))
        g_string_append_unichar (out, c);
      else if (c == '\r' && p[1] == '\n')
        continue; /* the newline that follows stands for both */
      else if (is_line_break (c))
        g_string_append_c (out, kind == CW_TEXT_PARAGRAPHS ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/**
 * cw_text_check:
 * @text: valid UTF-8, as it would be stored
 * @max_chars: the most characters it may have
 *
 * Returns: (transfer full) (nullable): %NULL when @text may be stored as
 *   it is, else what is wrong with it, to follow the name of what holds it:
 *   "holds a control character (U+001B), …"
 */
char *
cw_text_check (const char *text,
               CwTextKind  kind,
               guint       max_chars)
{
  gunichar control;
  glong length;

  g_return_val_if_fail (text != NULL, NULL);

  if ((control = cw_text_find_control (text, kind)) != 0)
    return g_strdup_printf (_("holds a control character (U+%04X), which is not text; type it "
                              "again without it"),
                            control);
  length = g_utf8_strlen (text, -1);
  if ((gulong) length > max_chars)
    return g_strdup_printf (_("is %ld characters long; it may have at most %u"), length,
                            max_chars);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return NULL;
  return g_strdup (_("is blank"));
}

/**
 * cw_text_escape:
 * @text: what a terminal is to show
 *
 * Every control character but newline and tab becomes `\uXXXX`, and every
 * byte that is not UTF-8 `\xXX`, so a terminal shows what is there instead
 * of acting on it. JSON stays valid: `\uXXXX` means the same character there.
 *
 * Returns: (transfer full): @text safe to print
 */
char *
cw_text_escape (const char *text)
{
  GString *out;
  const char *p = text;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  out = g_string_sized_new (end - text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p++);
          continue;
        }
      if (cw_text_is_control (c) && c != '\n' && c != '\t')
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
