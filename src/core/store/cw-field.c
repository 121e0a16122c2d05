/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-field"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cw-chrono-date.h"
#include "cw-date.h"
#include "cw-entity.h"
#include "cw-store.h"
#include "cw-text.h"

/* Values travel as text: dates as YYYY-MM-DD, choices as ids. This file
 * checks and normalises what a person typed, and formats it back. */

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
    {
      g_autofree char *why = cw_date_explain_invalid (value);
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, "%s: %s", _(field->label), why);
    }
  else if (field->type == CW_FIELD_INT)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a whole number"), _(field->label), value);
  else
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: “%s” is not one of the choices"), _(field->label), value);
  return FALSE;
}

/* Control characters are refused in everything but paragraphs (which lost
 * theirs above), and text has a length a person could have meant. */
static gboolean
check_text (const CwField  *field,
            const char     *text,
            GError        **error)
{
  gboolean paragraphs = field->type == CW_FIELD_LONG_TEXT;
  guint max = paragraphs ? CW_TEXT_MAX_PARAGRAPHS : CW_TEXT_MAX_LINE;
  g_autofree char *problem = cw_text_check (text, paragraphs ? CW_TEXT_PARAGRAPHS : CW_TEXT_LINE,
                                            max);

  if (problem == NULL)
    return TRUE;
  /* Translators: a field's name, then what is wrong: "Title is 600 characters long; ..." */
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("%s %s"), _(field->label),
               problem);
  return FALSE;
}

/**
 * cw_field_normalize:
 * @field: the field
 * @value: (nullable): what was entered
 * @normalized: (out) (transfer full) (nullable): the value to store, %NULL for empty
 * @error: a #CW_STORE_ERROR_INVALID naming the field on bad input
 *
 * Text of one line (names, titles) holding a control character (ESC, BEL,
 * a line break, a bidirectional override) is refused; paragraphs keep
 * their line breaks and tabs and lose any other control. Both have a
 * greatest length (cw-text.h).
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
  if (trimmed != NULL && !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), _(field->label));
      return FALSE;
    }
  /* Paragraphs are pasted from anywhere: their stray controls go. */
  if (trimmed != NULL && field->type == CW_FIELD_LONG_TEXT
      && cw_text_needs_cleaning (trimmed, CW_TEXT_PARAGRAPHS))
    {
      char *cleaned = cw_text_clean (trimmed, CW_TEXT_PARAGRAPHS);

      g_free (trimmed);
      trimmed = g_strstrip (cleaned);
    }
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
  if (!check_text (field, trimmed, error))
    return FALSE;
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
