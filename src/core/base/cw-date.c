/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chrono-date.h"
#include "cw-date.h"

/* Values travel as text: dates as YYYY-MM-DD. This file reads what a person
 * typed and writes a date back the way it is shown everywhere. */

static const char *const month_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* Translated where shown; marked here once for every place that shows them. */
static const char *const month_abbreviations[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

static const char *const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/**
 * cw_translate_once:
 * @cache: where the translation is kept, %NULL at first
 * @context: (nullable): the message's context, as given to C_() or NC_()
 * @msgid: the message, marked with N_() or NC_()
 *
 * Translates @msgid the first time, then gives the same translation: a
 * gettext lookup costs some thousands of instructions, and the chronology
 * table formats a date for each of the 200 rows it binds when it jumps.
 * The language is set once, when the program starts.
 *
 * Returns: the translation of @msgid
 */
const char *
cw_translate_once (const char **cache,
                   const char  *context,
                   const char  *msgid)
{
  const char *text = g_atomic_pointer_get (cache);

  if (text == NULL)
    {
      text = context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                     : g_dgettext (GETTEXT_PACKAGE, msgid);
      g_atomic_pointer_set (cache, text);
    }
  return text;
}

/**
 * cw_date_month_abbreviation:
 * @month: 1 to 12
 *
 * Returns: "Jan" … "Dec", translated
 */
const char *
cw_date_month_abbreviation (int month)
{
  static const char *translated[G_N_ELEMENTS (month_abbreviations)];

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return cw_translate_once (&translated[month - 1], "abbreviated month",
                            month_abbreviations[month - 1]);
}

/**
 * cw_date_month_name:
 * @month: 1 to 12
 *
 * Returns: "January" … "December", translated
 */
const char *
cw_date_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

/**
 * cw_date_parse_month_name:
 * @word: a word that starts with the first three letters of an English
 *   month's name ("Sept", "april"), in any case
 *
 * Returns: the month, 1 to 12, or 0
 */
int
cw_date_parse_month_name (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);
  size_t len = strlen (lower);

  if (len < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (strncmp (month_words[i], lower, 3) == 0)
      return i + 1;
  return 0;
}

static gboolean
parse_number (const char *word,
              int        *out)
{
  char *end = NULL;
  gint64 value;

  if (word[0] == '\0' || !g_ascii_isdigit (word[0]))
    return FALSE;
  value = g_ascii_strtoll (word, &end, 10);
  if (*end != '\0' || value > 9999)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* Two digits are a year of this century or the last; four digits are the
 * year they say (0099 is not 1999, and is refused as out of range). */
static gboolean
set_dmy (GDate *out,
         int    day,
         int    month,
         int    year,
         gsize  year_digits)
{
  if (year_digits <= 2)
    year += year < 70 ? 2000 : 1900;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * cw_date_parse:
 * @text: a date as a person types it in the UK: `3/4/2021`, `03-04-21`,
 *   `3 April 2021`, `3-Apr-2021` or ISO `2021-04-03`
 * @out: (out): the date
 *
 * Day-first throughout. Impossible dates such as 31/02/2021 are refused.
 *
 * Returns: whether @text is a whole, valid date
 */
gboolean
cw_date_parse (const char *text,
               GDate      *out)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *clean = NULL;
  int a, b, c;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  clean = g_strstrip (g_strdup (text));
  parts = g_regex_split_simple ("[\\s/.,-]+", clean, 0, 0);
  if (g_strv_length (parts) != 3)
    return FALSE;
  if (strlen (parts[0]) == 4 && parse_number (parts[0], &a) && parse_number (parts[1], &b)
      && parse_number (parts[2], &c))
    return set_dmy (out, c, b, a, 4);
  if (!parse_number (parts[0], &a) || strlen (parts[0]) > 2 || !parse_number (parts[2], &c))
    return FALSE;
  if (strlen (parts[2]) != 2 && strlen (parts[2]) != 4)
    return FALSE;
  if (!parse_number (parts[1], &b) && (b = cw_date_parse_month_name (parts[1])) == 0)
    return FALSE;
  return set_dmy (out, a, b, c, strlen (parts[2]));
}

/**
 * cw_date_explain_invalid:
 * @text: what cw_date_parse() refused
 *
 * Why @text is not a date, quoting it: a day that does not exist
 * (31/02/2026) is "not a real date" with what the month has; anything else
 * is told how to write one, day first.
 *
 * Returns: (transfer full): the reason, a sentence without a full stop
 */
char *
cw_date_explain_invalid (const char *text)
{
  g_autoptr (GError) local = NULL;
  CwChronoDate date;

  g_return_val_if_fail (text != NULL, NULL);

  if (!cw_chrono_date_parse (text, CW_DATE_ORDER_DMY, &date, &local)
      && g_error_matches (local, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE))
    return g_strdup (local->message);
  return g_strdup_printf (_("“%s” is not a date; write it day first, e.g. 3/4/2021 or 3 Apr 2021"),
                          text);
}

char *
cw_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * cw_date_format_display:
 *
 * Returns: (transfer full): the date as shown everywhere, "3 Apr 2021"
 */
char *
cw_date_format_display (const GDate *date)
{
  static const char *format;
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = cw_date_month_abbreviation (g_date_get_month (date));
  return g_strdup_printf (cw_translate_once (&format, "short date",
                                             /* Translators: a short date: day of the month,
                                              * abbreviated month, year, as in "3 Apr 2021";
                                              * use %1$u, %2$s and %3$u to reorder */
                                             NC_("short date", "%u %s %u")),
                          (guint) g_date_get_day (date), month, (guint) g_date_get_year (date));
}

/**
 * cw_date_iso_to_display:
 * @iso: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): "3 Apr 2021", or %NULL when @iso is unset or invalid
 */
char *
cw_date_iso_to_display (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !cw_date_parse (iso, &date))
    return NULL;
  return cw_date_format_display (&date);
}

