/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "cw-analysis-entities.h"
#include "cw-privacy.h"
#include "cw-register-entities.h"
#include "cw-report-generated.h"

/* The publication check: a PDF's text read back by Poppler, page by page,
 * and searched by the one redactor (src/core/privacy) of the review: the
 * real names and dates of birth of its people register, postcodes, NHS
 * numbers, phone numbers and email addresses, and the review's internal
 * material as terms: what participants said at the learning event, the
 * urgent issues, and the referral's fields about the family. */

/* Internal material is found by its phrases: a long text is cut at its
 * punctuation, and each run of at least this many words is a term, so a
 * sentence copied into a document is found without every short common
 * phrase ("the child was seen") counting. */
#define MIN_PHRASE_WORDS 6

/* The referral's fields about the family, never published: one-line ones
 * whole, paragraphs by their phrases. (Practitioners, the referrer among
 * them, are named in internal documents such as the chronology.) */
static const char *const referral_fields[] = {
  "child_name", "swis_number", "parents_carers", "household", "circumstances",
  "key_facts", "reasons", NULL,
};

void
cw_report_hit_free (CwReportHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->what);
  g_free (hit->match);
  g_free (hit->context);
  g_free (hit);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      n += alnum && !in_word;
      in_word = alnum;
    }
  return n;
}

/* Adds @text to @redactor: whole when @whole, else each phrase of enough
 * words. */
static void
add_material (CwRedactor *redactor,
              const char *text,
              gboolean    whole,
              const char *what)
{
  g_autoptr (GString) phrase = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    return;
  if (whole)
    {
      cw_redactor_add_term (redactor, text, what);
      return;
    }
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || !(g_unichar_isalnum (c) || g_unichar_isspace (c) || c == '-' || c == '\''
                      || c == 0x2019))
        {
          if (count_words (phrase->str) >= MIN_PHRASE_WORDS)
            cw_redactor_add_term (redactor, phrase->str, what);
          g_string_truncate (phrase, 0);
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (phrase, c);
    }
}

static gboolean
add_texts (CwRedactor      *redactor,
           CwStore         *store,
           gint64           review_id,
           const CwEntity  *entity,
           const char      *field,
           const char      *what,
           GError         **error)
{
  g_autoptr (GListModel) rows = cw_store_list (store, entity, review_id, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);

      add_material (redactor, cw_record_get (row, field), FALSE, what);
    }
  return TRUE;
}

/**
 * cw_report_check_redactor_new:
 *
 * Returns: (transfer full) (nullable): the review's redactor
 *   (cw_redactor_new_for_review()) that also knows its internal material
 */
CwRedactor *
cw_report_check_redactor_new (CwStore  *store,
                              gint64    review_id,
                              GError  **error)
{
  g_autoptr (CwRedactor) redactor = cw_redactor_new_for_review (store, review_id, error);
  g_autoptr (GListModel) referrals = NULL;

  if (redactor == NULL
      || !add_texts (redactor, store, review_id, &cw_entity_event_note, "text",
                     _("A participant’s account at the learning event"), error)
      || !add_texts (redactor, store, review_id, &cw_entity_urgent_issue, "description",
                     _("An urgent issue"), error)
      || (referrals = cw_store_list (store, &cw_entity_referral, review_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr (CwRecord) referral = g_list_model_get_item (referrals, i);

      for (guint f = 0; referral_fields[f] != NULL; f++)
        {
          const CwField *field = cw_entity_find_field (&cw_entity_referral, referral_fields[f]);
          /* Translators: a field of the referral form, e.g. "Reasons a review is requested" */
          g_autofree char *what = g_strdup_printf (_("The referral: %s"), _(field->label));

          add_material (redactor, cw_record_get (referral, field->name),
                        field->type != CW_FIELD_LONG_TEXT, what);
        }
    }
  return g_steal_pointer (&redactor);
}

/* The words around @offset..@end of @text, on one line. */
static char *
context_of (const char *text,
            gsize       offset,
            gsize       end)
{
  const char *start = text + offset;
  const char *stop = text + end;
  g_autoptr (GString) context = g_string_new (NULL);
  gboolean space = FALSE;

  for (guint i = 0; i < 40 && start > text; i++)
    start = g_utf8_prev_char (start);
  for (guint i = 0; i < 40 && *stop != '\0'; i++)
    stop = g_utf8_next_char (stop);
  if (start > text)
    g_string_append (context, "…");
  for (const char *p = start; p < stop; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        space = TRUE;
      else
        {
          if (space && context->len > 0)
            g_string_append_c (context, ' ');
          space = FALSE;
          g_string_append_unichar (context, c);
        }
    }
  if (*stop != '\0')
    g_string_append (context, "…");
  return g_string_free (g_steal_pointer (&context), FALSE);
}

static char *
describe (const CwRedactHit *hit)
{
  switch (hit->kind)
    {
    case CW_REDACT_NAME:
      return hit->who ? g_strdup_printf (_("Real name of %s"), hit->who)
                      : g_strdup (_("A real name"));
    case CW_REDACT_DATE_OF_BIRTH:
      return hit->who ? g_strdup_printf (_("Date of birth of %s"), hit->who)
                      : g_strdup (_("A date of birth"));
    case CW_REDACT_TERM:
      return g_strdup (hit->replacement);
    case CW_REDACT_POSTCODE:
    case CW_REDACT_NHS_NUMBER:
    case CW_REDACT_PHONE:
    case CW_REDACT_EMAIL:
    default:
      {
        const char *label = cw_redact_kind_label (hit->kind);
        const char *rest = g_utf8_next_char (label);
        char first[8] = { 0 };

        g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (label)), first);
        return g_strconcat (first, rest, NULL);
      }
    }
}

/**
 * cw_report_check_pdf:
 * @redactor: what to look for (cw_report_check_redactor_new())
 * @pdf: the document's bytes
 * @n_pages: (out) (optional): how many pages it has
 *
 * Reads the text of every page of @pdf with Poppler and searches it.
 *
 * Returns: (transfer container) (element-type CwReportHit) (nullable):
 *   every hit in page order, empty when the document is clean; %NULL with
 *   @error when it is no PDF Poppler can read, or cancelled
 */
GPtrArray *
cw_report_check_pdf (CwRedactor    *redactor,
                     GBytes        *pdf,
                     guint         *n_pages_out,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_report_hit_free);
  g_autoptr (GError) local_error = NULL;
  PopplerDocument *document;
  int n_pages;

  g_return_val_if_fail (redactor != NULL && pdf != NULL, NULL);

  if ((document = poppler_document_new_from_bytes (pdf, NULL, &local_error)) == NULL)
    {
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT,
                   _("This is not a PDF that can be read (%s)"), local_error->message);
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (document);
  if (n_pages_out != NULL)
    *n_pages_out = n_pages;
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      g_autofree char *text = NULL;
      g_autoptr (GArray) found = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (document);
          return NULL;
        }
      page = poppler_document_get_page (document, i);
      text = page ? poppler_page_get_text (page) : NULL;
      g_clear_object (&page);
      if (text == NULL)
        continue;
      /* A phrase or name wrapped over two lines is found: the same bytes. */
      g_strdelimit (text, "\r\n", ' ');
      found = cw_redactor_find (redactor, text);
      for (guint h = 0; h < found->len; h++)
        {
          const CwRedactHit *raw = &g_array_index (found, CwRedactHit, h);
          CwReportHit *hit = g_new0 (CwReportHit, 1);

          hit->page = i + 1;
          hit->kind = raw->kind;
          hit->what = describe (raw);
          hit->match = g_strdup (raw->match);
          hit->context = context_of (text, raw->offset, raw->offset + raw->length);
          g_ptr_array_add (hits, hit);
        }
    }
  g_object_unref (document);
  return g_steal_pointer (&hits);
}

/**
 * cw_report_check_summary:
 * @hits: (element-type CwReportHit)
 *
 * Returns: (transfer full): the check's result in words that name no one,
 *   for the audit trail: "Nothing found", or "3 found: 2 real names, 1
 *   postcode; pages 1, 4"
 */
char *
cw_report_check_summary (GPtrArray *hits)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) pages = g_string_new (NULL);
  guint counts[CW_REDACT_TERM + 1] = { 0 };
  guint last_page = 0;
  guint n_pages = 0;
  gboolean first = TRUE;

  if (hits->len == 0)
    return g_strdup (_("Nothing found"));
  for (guint i = 0; i < hits->len; i++)
    {
      const CwReportHit *hit = hits->pdata[i];

      if (hit->kind <= CW_REDACT_TERM)
        counts[hit->kind]++;
      if (hit->page != last_page && ++n_pages)
        g_string_append_printf (pages, "%s%u", pages->len ? ", " : "", hit->page);
      last_page = hit->page;
    }
  /* Translators: how many things were found, then what they are */
  g_string_append_printf (out, _("%u found ("), hits->len);
  for (guint k = 0; k <= CW_REDACT_TERM; k++)
    if (counts[k] > 0)
      {
        g_string_append_printf (out, "%s%s %u", first ? "" : ", ",
                                k == CW_REDACT_TERM ? _("internal material")
                                                    : cw_redact_kind_label (k), counts[k]);
        first = FALSE;
      }
  g_string_append_printf (out, g_dngettext (NULL, "), page %s", "), pages %s", n_pages),
                          pages->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
