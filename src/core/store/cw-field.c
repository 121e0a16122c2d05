/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-field"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cw-chrono-date.h"
#include "cw-entity.h"
#include "cw-store.h"

/* Values travel as text: dates as YYYY-MM-DD, choices as ids. This file
 * checks and normalises what a person typed, and formats it back. */

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
parse_month_name (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (g_str_has_prefix (lower, month_names[i]))
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

static gboolean
set_dmy (GDate *out,
         int    day,
         int    month,
         int    year)
{
  if (year < 100)
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
    return set_dmy (out, c, b, a);
  if (!parse_number (parts[0], &a) || strlen (parts[0]) > 2 || !parse_number (parts[2], &c))
    return FALSE;
  if (strlen (parts[2]) != 2 && strlen (parts[2]) != 4)
    return FALSE;
  if (!parse_number (parts[1], &b) && (b = parse_month_name (parts[1])) == 0)
    return FALSE;
  return set_dmy (out, a, b, c);
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
  static const char *const months[] = {
    NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
    NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
    NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
    NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
    NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
    NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
  };
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", months[g_date_get_month (date) - 1]);
  /* Translators: a short date: day of the month, abbreviated month, year,
   * as in "3 Apr 2021"; use %1$u, %2$s and %3$u to reorder */
  return g_strdup_printf (C_("short date", "%u %s %u"), (guint) g_date_get_day (date), month,
                          (guint) g_date_get_year (date));
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

static gboolean
normalize_flags (const CwField *field,
                 const char    *value,
                 char         **normalized,
                 GError       **error)
{
  g_auto (GStrv) ids = g_strsplit (value, ",", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  /* Keep the order of the field's list so equal sets compare equal. */
  for (guint i = 0; field->choices[i].id != NULL; i++)
    for (guint j = 0; ids[j] != NULL; j++)
      if (g_str_equal (g_strstrip (ids[j]), field->choices[i].id))
        {
          g_string_append_printf (out, "%s%s", out->len ? "," : "", field->choices[i].id);
          break;
        }
  for (guint j = 0; ids[j] != NULL; j++)
    if (*ids[j] != '\0' && !cw_choice_contains (field->choices, ids[j]))
      {
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                     _("%s: “%s” is not one of the choices"), _(field->label), ids[j]);
        return FALSE;
      }
  *normalized = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* A chronology date is entered as the agencies write it, day first. */
static gboolean
normalize_chrono_date (const CwField *field,
                       const char    *value,
                       char         **normalized,
                       GError       **error)
{
  g_autoptr (GError) local = NULL;
  CwChronoDate date;

  if (!cw_chrono_date_parse (value, CW_DATE_ORDER_DMY, &date, &local))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, "%s: %s", _(field->label),
                   local->message);
      return FALSE;
    }
  *normalized = cw_chrono_date_to_iso (&date);
  return TRUE;
}

static gboolean
normalize_typed (const CwField *field,
                 const char    *value,
                 char         **normalized,
                 GError       **error)
{
  GDate date;
  gint64 number;

  switch (field->type)
    {
    case CW_FIELD_DATE:
      if (!cw_date_parse (value, &date))
        break;
      *normalized = cw_date_format_iso (&date);
      return TRUE;
    case CW_FIELD_CHOICE:
      if (!cw_choice_contains (field->choices, value))
        break;
      *normalized = g_strdup (value);
      return TRUE;
    case CW_FIELD_FLAGS:
      return normalize_flags (field, value, normalized, error);
    case CW_FIELD_CHRONO_DATE:
      return normalize_chrono_date (field, value, normalized, error);
    case CW_FIELD_INT:
      if (!g_ascii_string_to_signed (value, 10, -100000, 100000, &number, NULL))
        break;
      *normalized = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      return TRUE;
    case CW_FIELD_TEXT:
    case CW_FIELD_LONG_TEXT:
    case CW_FIELD_REF:
    default:
      *normalized = g_strdup (value);
      return TRUE;
    }

  if (field->type == CW_FIELD_DATE)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a date; write it day first, e.g. 3/4/2021 or 3 Apr 2021"),
                 _(field->label), value);
  else if (field->type == CW_FIELD_INT)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a whole number"), _(field->label), value);
  else
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: “%s” is not one of the choices"), _(field->label), value);
  return FALSE;
}

/**
 * cw_field_normalize:
 * @field: the field
 * @value: (nullable): what was entered
 * @normalized: (out) (transfer full) (nullable): the value to store, %NULL for empty
 * @error: a #CW_STORE_ERROR_INVALID naming the field on bad input
 *
 * Returns: whether @value is acceptable for @field
 */
gboolean
cw_field_normalize (const CwField *field,
                    const char    *value,
                    char         **normalized,
                    GError       **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;
  trimmed = value ? g_strstrip (g_strdup (value)) : NULL;
  if (trimmed == NULL || *trimmed == '\0')
    {
      if (field->flags & CW_FIELD_REQUIRED)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("%s is required"),
                       _(field->label));
          return FALSE;
        }
      return TRUE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), _(field->label));
      return FALSE;
    }
  return normalize_typed (field, trimmed, normalized, error);
}

/**
 * cw_field_format:
 * @field: the field
 * @value: (nullable): a stored value
 *
 * Returns: (transfer full): the value as a person reads it ("" when unset)
 */
char *
cw_field_format (const CwField *field,
                 const char    *value)
{
  g_autoptr (GString) out = NULL;
  g_auto (GStrv) ids = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || *value == '\0')
    return g_strdup ("");
  switch (field->type)
    {
    case CW_FIELD_DATE:
      {
        char *display = cw_date_iso_to_display (value);
        return display ? display : g_strdup (value);
      }
    case CW_FIELD_CHRONO_DATE:
      {
        CwChronoDate date;
        return cw_chrono_date_from_iso (value, &date) ? cw_chrono_date_format (&date)
                                                       : g_strdup (value);
      }
    case CW_FIELD_CHOICE:
      return g_strdup (cw_choice_label (field->choices, value) ?: value);
    case CW_FIELD_FLAGS:
      out = g_string_new (NULL);
      ids = g_strsplit (value, ",", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        g_string_append_printf (out, "%s%s", i ? "; " : "",
                                cw_choice_label (field->choices, ids[i]) ?: ids[i]);
      return g_string_free (g_steal_pointer (&out), FALSE);
    default:
      return g_strdup (value);
    }
}
