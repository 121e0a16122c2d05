/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "cw-history.h"
#include "cw-privacy-enums.h"
#include "cw-register-entities.h"
#include "cw-report-generated.h"
#include "test-helpers.h"
#include "test-report-helpers.h"

/* The register of generated documents (versions, who, when, checksum, the
 * PDF kept in the database, audited) and the publication check of the
 * sample review "Child A": names, dates of birth, postcodes, NHS numbers,
 * phones, emails and internal material found with their pages, a clean
 * anonymised chronology passing, and publishable only when clean. */

typedef struct
{
  Fixture base;
  gint64  review;
} Sample;

static void
sample_set_up (Sample        *s,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autoptr (CwRecord) review = NULL;
  GDate today = date_of ("2026-11-23");

  cw_clock_set ("2026-11-23", NULL);
  fixture_set_up (&s->base, data);
  reference = cw_store_add_demo (s->base.store, &today, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (s->base.store, reference, &error);
  g_assert_no_error (error);
  s->review = cw_record_get_id (review);
}

static void
sample_tear_down (Sample        *s,
                  gconstpointer  data)
{
  fixture_tear_down (&s->base, data);
}

static gint64
generate (Sample   *s,
          gboolean  anonymised)
{
  g_autoptr (GError) error = NULL;
  CwReportOptions options = { anonymised, CW_REPORT_DRAFT };
  gint64 id = cw_report_generate (s->base.store, s->review, "chronology", &options, NULL, NULL,
                                  NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CwRecord *
get_document (Sample *s,
              gint64  id)
{
  g_autoptr (GError) error = NULL;
  CwRecord *row = cw_store_get (s->base.store, &cw_entity_generated_document, id, &error);

  g_assert_no_error (error);
  return row;
}

static void
count_progress (double      fraction,
                const char *text,
                gpointer    data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_nonnull (text);
  *last = fraction;
}

static guint
count_history (Sample     *s,
               const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) history = cw_history_list (s->base.store, s->review, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr (CwHistoryLine) line = g_list_model_get_item (history, i);
      g_autofree char *all = g_strjoin (" | ", cw_history_line_get_what (line),
                                        cw_history_line_get_before (line) ?: "",
                                        cw_history_line_get_after (line) ?: "", NULL);

      /* The lines about generated documents only. */
      n += strstr (all, "generated document") != NULL && strstr (all, needle) != NULL;
    }
  return n;
}

static void
test_generate (Sample        *s,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) first = NULL;
  g_autoptr (CwRecord) second = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr (GListModel) list = NULL;
  CwReportOptions options = { TRUE, CW_REPORT_FINAL };
  double last = 0;
  gint64 a, b;
  PopplerDocument *pdf;

  a = cw_report_generate (s->base.store, s->review, "chronology", &options, count_progress, &last,
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  b = generate (s, FALSE);
  first = get_document (s, a);
  second = get_document (s, b);
  /* Numbered per document; when (the project's clock), who, the options. */
  g_assert_cmpstr (cw_record_get (first, "version"), ==, "1");
  g_assert_cmpstr (cw_record_get (second, "version"), ==, "2");
  g_assert_cmpstr (cw_record_get (first, "generated_at"), ==, "2026-11-23T12:00:00Z");
  g_assert_cmpstr (cw_record_get (first, "generated_by"), ==, "Test Reviewer");
  g_assert_cmpstr (cw_record_get (first, "anonymised"), ==, "yes");
  g_assert_cmpstr (cw_record_get (first, "status"), ==, "final");
  g_assert_cmpstr (cw_record_get (second, "anonymised"), ==, "no");
  g_assert_cmpstr (cw_record_get (first, "publishable"), ==, "no");
  /* The PDF itself, its checksum proving it. */
  bytes = cw_report_generated_read (s->base.store, a, &error);
  g_assert_no_error (error);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (cw_record_get (first, "checksum"), ==, checksum);
  g_assert_cmpint (g_ascii_strtoll (cw_record_get (first, "size"), NULL, 10), ==,
                   g_bytes_get_size (bytes));
  pdf = open_pdf_bytes (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   g_ascii_strtoll (cw_record_get (first, "pages"), NULL, 10));
  assert_page_has (pdf, 0, "FINAL");
  g_object_unref (pdf);
  g_assert_cmpint (cw_report_generated_find (s->base.store, s->review, checksum), ==, a);
  /* Listed newest first, and in the review's history. */
  list = cw_store_list (s->base.store, &cw_entity_generated_document, s->review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (count_history (s, "Added generated document"), >=, 2);
  /* A damaged copy is refused, not shown. */
  g_assert_true (cw_store_exec (s->base.store, "UPDATE generated_document"
                                               " SET data = x'00' WHERE version = 2", &error));
  g_assert_null (cw_report_generated_read (s->base.store, b, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
}

static void
test_cancel (Sample        *s,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GListModel) list = NULL;
  CwReportOptions options = { TRUE, CW_REPORT_DRAFT };

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (cw_report_generate (s->base.store, s->review, "chronology", &options, NULL,
                                       NULL, cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  list = cw_store_list (s->base.store, &cw_entity_generated_document, s->review, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* Generating on another thread with its own connection, as the app does. */
static gpointer
generate_thread (gpointer data)
{
  Sample *s = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open (s->base.path, &error);
  CwReportOptions options = { TRUE, CW_REPORT_DRAFT };

  g_assert_no_error (error);
  return GINT_TO_POINTER ((int) cw_report_generate (store, s->review, "chronology", &options,
                                                    NULL, NULL, NULL, &error));
}

static void
test_thread (Sample        *s,
             gconstpointer  data)
{
  GThread *thread = g_thread_new ("generate", generate_thread, s);
  gint64 id = GPOINTER_TO_INT (g_thread_join (thread));
  g_autoptr (CwRecord) row = NULL;

  g_assert_cmpint (id, >, 0);
  row = get_document (s, id);
  g_assert_cmpstr (cw_record_get (row, "version"), ==, "1");
}

/* As the app runs them: jobs with their own connections and progress. */
static void
test_jobs (Sample        *s,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  CwReportOptions options = { TRUE, CW_REPORT_DRAFT };
  g_autoptr (CwJob) generate_job = cw_report_generate_job_new (s->base.store, s->review,
                                                               "chronology", &options);
  g_autoptr (CwJob) check_job = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 id;

  g_assert_true (cw_job_run_sync (generate_job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cw_job_get_fraction (generate_job), ==, 1.0);
  id = cw_report_generate_job_get_document (generate_job);
  g_assert_cmpint (id, >, 0);
  check_job = cw_report_check_job_new (s->base.store, id);
  g_assert_true (cw_job_run_sync (check_job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_report_check_job_get_hits (check_job)->len, ==, 0);
  row = get_document (s, id);
  g_assert_cmpstr (cw_record_get (row, "check_hits"), ==, "0");
}

static CwRedactor *
check_redactor (Sample *s)
{
  g_autoptr (GError) error = NULL;
  CwRedactor *redactor = cw_report_check_redactor_new (s->base.store, s->review, &error);

  g_assert_no_error (error);
  return redactor;
}

static const CwReportHit *
find_hit (GPtrArray    *hits,
          CwRedactKind  kind,
          const char   *match)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const CwReportHit *hit = hits->pdata[i];

      if (hit->kind == kind && g_str_equal (hit->match, match))
        return hit;
    }
  g_test_message ("not found: %s", match);
  return NULL;
}

static void
test_check_seeded (Sample        *s,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = check_redactor (s);
  g_autoptr (CwReportDocument) document = cw_report_document_new ("Seeded");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *summary = NULL;
  const CwReportHit *hit;
  guint n_pages = 0;

  cw_report_document_add_text (document, "Child A was seen with AMÉLIA’s brother and Leanne’s "
                                         "friend at home in NE1 4ST.");
  cw_report_document_add_text (document, "Her NHS number is 943 476 5919; call 0191 496 0000 "
                                         "or write to someone@example.org.");
  cw_report_document_add_page_break (document);
  cw_report_document_add_text (document, "Born 14/06/2024. The emergency department's liaison "
                                         "list misses attendances whose electronic flag is not "
                                         "set, the panel heard.");
  bytes = render_bytes (document, NULL);
  hits = cw_report_check_pdf (redactor, bytes, &n_pages, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  /* Names in any case, with accents and possessives; whose, by pseudonym. */
  g_assert_nonnull ((hit = find_hit (hits, CW_REDACT_NAME, "AMÉLIA’s")));
  g_assert_cmpuint (hit->page, ==, 1);
  g_assert_cmpstr (hit->what, ==, "Real name of Child A");
  g_assert_nonnull (strstr (hit->context, "brother and"));
  g_assert_nonnull ((hit = find_hit (hits, CW_REDACT_NAME, "Leanne’s")));
  g_assert_nonnull ((hit = find_hit (hits, CW_REDACT_POSTCODE, "NE1 4ST")));
  g_assert_cmpstr (hit->what, ==, "Postcode");
  g_assert_nonnull ((hit = find_hit (hits, CW_REDACT_NHS_NUMBER, "943 476 5919")));
  g_assert_nonnull (find_hit (hits, CW_REDACT_PHONE, "0191 496 0000"));
  g_assert_nonnull (find_hit (hits, CW_REDACT_EMAIL, "someone@example.org"));
  /* Page 2: a date of birth, and a sentence of the urgent issue. */
  g_assert_nonnull ((hit = find_hit (hits, CW_REDACT_DATE_OF_BIRTH, "14/06/2024")));
  g_assert_cmpuint (hit->page, ==, 2);
  g_assert_cmpstr (hit->what, ==, "Date of birth of Child A");
  for (guint i = 0; i < hits->len && hit->kind != CW_REDACT_TERM; i++)
    hit = hits->pdata[i];
  g_assert_cmpint (hit->kind, ==, CW_REDACT_TERM);
  g_assert_cmpuint (hit->page, ==, 2);
  g_assert_cmpstr (hit->what, ==, "An urgent issue");
  g_assert_cmpuint (hits->len, ==, 8);
  /* The audit trail's words name no one. */
  summary = cw_report_check_summary (hits);
  g_assert_cmpstr (summary, ==, "8 found (real name 2, date of birth 1, postcode 1, NHS number "
                                "1, phone number 1, email address 1, internal material 1), pages "
                                "1, 2");
}

/* An NHS number whose check digit is wrong is no NHS number. */
static void
test_check_nhs_modulus (Sample        *s,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = check_redactor (s);
  g_autoptr (CwReportDocument) document = cw_report_document_new ("Numbers");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) hits = NULL;

  cw_report_document_add_text (document, "Reference 943 476 5918 and 943 476 5919.");
  bytes = render_bytes (document, NULL);
  hits = cw_report_check_pdf (redactor, bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_nonnull (find_hit (hits, CW_REDACT_NHS_NUMBER, "943 476 5919"));
}

static void
test_check_not_pdf (Sample        *s,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = check_redactor (s);
  g_autoptr (GBytes) bytes = g_bytes_new_static ("not a PDF", 9);

  g_assert_null (cw_report_check_pdf (redactor, bytes, NULL, NULL, &error));
  g_assert_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT);
}

static void
test_check_clean_chronology (Sample        *s,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 id = generate (s, TRUE);

  g_assert_true (cw_report_generated_check (s->base.store, id, &hits, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_test_message ("page %u: %s", ((CwReportHit *) hits->pdata[i])->page,
                    ((CwReportHit *) hits->pdata[i])->what);
  g_assert_cmpuint (hits->len, ==, 0);
  row = get_document (s, id);
  g_assert_cmpstr (cw_record_get (row, "check_hits"), ==, "0");
  g_assert_cmpstr (cw_record_get (row, "check_result"), ==, "Nothing found");
  g_assert_cmpstr (cw_record_get (row, "checked_at"), ==, "2026-11-23T12:00:00Z");
  g_assert_cmpuint (count_history (s, "Nothing found"), ==, 1);
  /* Clean, but the chronology is internal: never published. */
  g_assert_false (cw_report_generated_mark_publishable (s->base.store, id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "never published"));
}

static void
test_check_full_chronology (Sample        *s,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 id = generate (s, FALSE);

  g_assert_true (cw_report_generated_check (s->base.store, id, &hits, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 50);
  g_assert_nonnull (find_hit (hits, CW_REDACT_NAME, "Amelia"));
  row = get_document (s, id);
  g_assert_cmpint (g_ascii_strtoll (cw_record_get (row, "check_hits"), NULL, 10), ==, hits->len);
  /* The history says how many and where, never the names found. */
  g_assert_cmpuint (count_history (s, "real name"), ==, 1);
  g_assert_cmpuint (count_history (s, "Amelia"), ==, 0);
}

/* A document of a kind that may be published (the other documents come
 * with their own templates): marked publishable only when its last check
 * found nothing, and no longer once a check finds something. */
static void
test_publishable (Sample        *s,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReportDocument) clean = cw_report_document_new ("Learning summary");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (CwRecord) row = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *hex = NULL;
  GString *blob;
  const guint8 *data_bytes;
  gsize size;
  gint64 id;

  cw_report_document_add_text (clean, "Child A was seen by the health visitor.");
  bytes = render_bytes (clean, NULL);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  data_bytes = g_bytes_get_data (bytes, &size);
  blob = g_string_new (NULL);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (blob, "%02x", data_bytes[i]);
  hex = g_string_free (blob, FALSE);
  sql = g_strdup_printf ("INSERT INTO generated_document (review_id, document, version,"
                         " generated_at, pages, size, checksum, data) VALUES (%" G_GINT64_FORMAT
                         ", 'summary', 1, '2026-11-23T12:00:00Z', 1, %" G_GSIZE_FORMAT
                         ", '%s', x'%s')", s->review, size, checksum, hex);
  g_assert_true (cw_store_exec (s->base.store, sql, &error));
  g_assert_no_error (error);
  id = cw_report_generated_find (s->base.store, s->review, checksum);
  g_assert_cmpint (id, >, 0);
  /* Not checked yet. */
  g_assert_false (cw_report_generated_mark_publishable (s->base.store, id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Nor by going round the core: the table refuses it. */
  g_assert_false (cw_store_exec (s->base.store, "UPDATE generated_document"
                                                " SET publishable = 'yes'", &error));
  g_clear_error (&error);
  g_assert_true (cw_report_generated_check (s->base.store, id, &hits, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_true (cw_report_generated_mark_publishable (s->base.store, id, &error));
  g_assert_no_error (error);
  row = get_document (s, id);
  g_assert_cmpstr (cw_record_get (row, "publishable"), ==, "yes");
  g_clear_object (&row);
  /* A later check that finds something takes it back. */
  {
    g_autoptr (GPtrArray) found = g_ptr_array_new ();
    CwReportHit hit = { 1, CW_REDACT_POSTCODE, (char *) "Postcode", (char *) "NE1 4ST",
                        (char *) "NE1 4ST" };

    g_ptr_array_add (found, &hit);
    g_assert_true (cw_report_generated_record_check (s->base.store, id, found, &error));
    g_assert_no_error (error);
  }
  row = get_document (s, id);
  g_assert_cmpstr (cw_record_get (row, "publishable"), ==, "no");
  g_assert_false (cw_report_generated_mark_publishable (s->base.store, id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "postcode 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/report/generated/" path, Sample, NULL, sample_set_up, func, sample_tear_down)
  ADD ("generate", test_generate);
  ADD ("cancel", test_cancel);
  ADD ("thread", test_thread);
  ADD ("jobs", test_jobs);
  ADD ("check-seeded", test_check_seeded);
  ADD ("check-nhs-modulus", test_check_nhs_modulus);
  ADD ("check-not-pdf", test_check_not_pdf);
  ADD ("check-clean-chronology", test_check_clean_chronology);
  ADD ("check-full-chronology", test_check_full_chronology);
  ADD ("publishable", test_publishable);
#undef ADD
  return g_test_run ();
}
