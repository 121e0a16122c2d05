/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-privacy"

#include "config.h"

#include <string.h>

#include "cw-redactor-private.h"

/* Text is searched in a folded copy: lower case, compatibility-decomposed
 * with every accent dropped ("Zoë", "ZOE" and "Zoe" with a combining
 * diaeresis all read "zoe"), without invisible characters (zero-width
 * spaces and joiners, soft hyphens), with every space one space and every
 * apostrophe and dash the ASCII one. Each folded byte remembers the
 * character of the original it came from, so what is found is reported,
 * and replaced, where it was written. */

static void
emit (CwFolded   *folded,
      const char *bytes,
      gsize       n,
      gsize       start,
      gsize       end)
{
  CwFoldSpan span = { start, end };

  g_string_append_len (folded->text, bytes, n);
  for (gsize i = 0; folded->from != NULL && i < n; i++)
    g_array_append_val (folded->from, span);
}

/* Characters that never change what a name says. */
static gboolean
is_ignorable (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_FORMAT: /* zero-width space, joiners, soft hyphen, byte order mark */
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Letters without a decomposition that people write without their stroke,
 * and the apostrophes and dashes that mean the ASCII ones. */
static const char *
special (gunichar c)
{
  static const struct
  {
    gunichar    c;
    const char *as;
  } table[] = {
    { 0x00B4, "'" },  { 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00F0, "d" },  { 0x00F8, "o" },
    { 0x00FE, "th" }, { 0x0111, "d" },  { 0x0127, "h" },  { 0x0131, "i" },  { 0x0142, "l" },
    { 0x0153, "oe" }, { 0x0167, "t" },  { 0x02BC, "'" },  { 0x1E9E, "ss" }, { 0x2010, "-" },
    { 0x2011, "-" },  { 0x2012, "-" },  { 0x2013, "-" },  { 0x2014, "-" },  { 0x2018, "'" },
    { 0x2019, "'" },  { 0x2032, "'" },  { 0x2212, "-" },  { 0xFF07, "'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].c == c)
      return table[i].as;
  return NULL;
}

static void
fold_simple (CwFolded *folded,
             gunichar  c,
             gsize     start,
             gsize     end)
{
  char buffer[8];
  const char *as;

  c = g_unichar_tolower (c);
  if (is_ignorable (c))
    return;
  if (g_unichar_isspace (c))
    emit (folded, " ", 1, start, end);
  else if ((as = special (c)) != NULL)
    emit (folded, as, strlen (as), start, end);
  else
    emit (folded, buffer, g_unichar_to_utf8 (c, buffer), start, end);
}

static void
fold_char (CwFolded *folded,
           gunichar  c,
           gsize     start,
           gsize     end)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (is_ignorable (c) || g_unichar_isspace (c) || special (g_unichar_tolower (c)) != NULL)
    {
      fold_simple (folded, c, start, end);
      return;
    }
  n = g_unichar_fully_decompose (g_unichar_tolower (c), TRUE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    fold_simple (folded, parts[i], start, end);
}

void
cw_fold_text (const char *text,
              CwFolded   *folded)
{
  gsize length = strlen (text);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gsize start = (gsize) (p - text);
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          CwFoldSpan span = { start, start + 1 };

          g_string_append_c (folded->text, *p == '`'             ? '\''
                                           : g_ascii_isspace (*p) ? ' '
                                                                  : g_ascii_tolower (*p));
          if (folded->from != NULL)
            g_array_append_val (folded->from, span);
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          emit (folded, "?", 1, start, start + 1);
          p++;
          continue;
        }
      fold_char (folded, c, start, (gsize) (g_utf8_next_char (p) - text));
      p = g_utf8_next_char (p);
    }
}

char *
cw_fold_plain (const char *text)
{
  CwFolded folded = { g_string_sized_new (strlen (text) + 8), NULL };

  cw_fold_text (text, &folded);
  return g_string_free (folded.text, FALSE);
}
