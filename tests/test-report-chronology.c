/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "cw-register-entities.h"
#include "cw-report-chronology.h"
#include "cw-report-documents.h"
#include "test-helpers.h"
#include "test-report-helpers.h"
#include "test-report-sample.h"

/* The merged chronology report of the sample review "Child A", read back
 * by Poppler: every entry and gap, the header on every page, linked
 * reports marked, episodes as sections, no real name in the anonymised
 * version, the same bytes twice, and built on another thread from its
 * snapshot. */

static void
sample_tear_down (Sample        *s,
                  gconstpointer  data)
{
  fixture_tear_down (&s->base, data);
}

static CwReportChronology *
read_sample (Sample   *s,
             gboolean  anonymised)
{
  g_autoptr (GError) error = NULL;
  CwReportChronology *chronology = cw_report_chronology_read (s->base.store, s->review,
                                                              anonymised, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chronology);
  return chronology;
}

static PopplerDocument *
render_chronology (const CwReportChronology *chronology,
                   CwReportStatus            status,
                   guint                    *n_pages)
{
  g_autoptr (CwReportDocument) document = cw_report_chronology_build (chronology, status);

  return render (document, n_pages);
}

static void
test_full (Sample        *s,
           gconstpointer  data)
{
  g_autoptr (CwReportChronology) chronology = read_sample (s, FALSE);
  guint n_pages = 0;
  PopplerDocument *pdf = render_chronology (chronology, CW_REPORT_DRAFT, &n_pages);
  g_autofree char *all = all_text (pdf);
  double width, height;

  /* The sample's 153 entries and its gaps, over landscape pages. */
  g_assert_cmpuint (chronology->n_entries, ==, 153);
  g_assert_cmpuint (chronology->n_agencies, ==, 6);
  g_assert_cmpuint (chronology->rows->len, ==, chronology->n_entries + chronology->n_gaps);
  g_assert_cmpuint (chronology->n_gaps, >, 0);
  g_assert_cmpuint (n_pages, >, 8);
  page_size (pdf, 0, &width, &height);
  g_assert_cmpfloat (width, >, height);
  assert_page_has (pdf, 0, "Merged multi-agency chronology");
  assert_page_has (pdf, 0, "153 from 6 agencies");
  assert_page_has (pdf, 0, "Full: as the agencies wrote it");
  /* The header row on every page of the table; the marking on all. */
  for (guint i = 0; i < n_pages; i++)
    {
      if (i > 0)
        assert_page_has (pdf, i, "Impact on the child");
      assert_page_has (pdf, i, "OFFICIAL-SENSITIVE");
      assert_page_has (pdf, i, "DRAFT");
    }
  /* Every entry: each has its record reference in the Source column. */
  for (guint i = 0; i < chronology->rows->len; i++)
    {
      const CwReportChronologyRow *row = &g_array_index (chronology->rows, CwReportChronologyRow,
                                                         i);

      if (row->kind == CW_CHRONOLOGY_ITEM_ENTRY && row->source != NULL
          && strchr (row->source, ' ') == NULL)
        g_assert_cmpuint (count_of_text (all, row->source), >=, 1);
    }
  g_assert_cmpuint (count_of_text (all, "no agency contact for"), ==, chronology->n_gaps);
  /* Reports of one happening name each other; approximate dates as such. */
  g_assert_cmpuint (count_of_text (all, "= Also ") + count_of_text (all, "≠ Also "), >=, 2);
  g_assert_cmpuint (count_of_text (all, "Amelia"), >, 0);
  g_object_unref (pdf);
}

static void
test_anonymised (Sample        *s,
                 gconstpointer  data)
{
  g_autoptr (CwReportChronology) chronology = read_sample (s, TRUE);
  guint n_pages = 0;
  PopplerDocument *pdf = render_chronology (chronology, CW_REPORT_FINAL, &n_pages);
  g_autofree char *all = all_text (pdf);
  g_autofree char *title = poppler_document_get_subject (pdf);

  assert_no_real_names (s, "the anonymised chronology", all);
  assert_no_real_names (s, "its subject", title);
  assert_page_has (pdf, 0, "Anonymised");
  assert_page_has (pdf, 0, "Child A");
  assert_page_has (pdf, n_pages - 1, "FINAL");
  g_assert_cmpint (text_offset (pdf, n_pages - 1, "DRAFT"), <, 0);
  /* The family by pseudonym; the agencies' records all there. */
  g_assert_cmpuint (count_of_text (all, "Sibling B"), >, 10);
  g_assert_cmpuint (count_of_text (all, "Mother"), >, 10);
  g_assert_cmpuint (count_of_text (all, "Northshire Police"), >, 0);
  g_assert_cmpuint (chronology->n_entries, ==, 153);
  g_object_unref (pdf);
}

/* Returns: the first page (from 1) after the contents with @needle */
static int
body_page_of (PopplerDocument *pdf,
              const char      *needle)
{
  for (int i = 2; i < poppler_document_get_n_pages (pdf); i++)
    if (text_offset (pdf, i, needle) >= 0)
      return i + 1;
  return 0;
}

static void
test_episodes (Sample        *s,
               gconstpointer  data)
{
  g_autoptr (CwReportChronology) chronology = read_sample (s, TRUE);
  g_autoptr (GString) outline = g_string_new (NULL);
  PopplerDocument *pdf;
  PopplerIndexIter *iter;
  int first, second;

  /* The analysis adds them; added out of order, shown in order. A title
   * that names someone is anonymised like the entries. */
  cw_report_chronology_add_episode (chronology, "Amelia’s injuries noticed", "2025-06-01",
                                    "2025-08-31");
  cw_report_chronology_add_episode (chronology, "Before the birth", "2024-01-01",
                                    "2024-06-13");
  pdf = render_chronology (chronology, CW_REPORT_DRAFT, NULL);
  iter = poppler_index_iter_new (pdf);
  g_assert_nonnull (iter);
  outline_of (iter, outline, NULL);
  poppler_index_iter_free (iter);
  g_assert_cmpstr (outline->str, ==,
                   "Chronology>Before the birth (1 Jan 2024 – 13 Jun 2024)|"
                   "Child A’s injuries noticed (1 Jun 2025 – 31 Aug 2025)");
  /* Listed on the contents page, the table's sections in date order. */
  assert_page_has (pdf, 1, "Contents");
  assert_page_has (pdf, 1, "Before the birth");
  first = body_page_of (pdf, "Before the birth (1 Jan 2024");
  second = body_page_of (pdf, "injuries noticed (1 Jun 2025");
  g_assert_cmpint (first, >, 2);
  g_assert_cmpint (second, >, first);
  g_object_unref (pdf);
}

static void
test_same_bytes_twice (Sample        *s,
                       gconstpointer  data)
{
  g_autoptr (CwReportChronology) one = read_sample (s, TRUE);
  g_autoptr (CwReportChronology) two = read_sample (s, TRUE);
  g_autoptr (CwReportDocument) first = cw_report_chronology_build (one, CW_REPORT_FINAL);
  g_autoptr (CwReportDocument) second = cw_report_chronology_build (two, CW_REPORT_FINAL);
  g_autoptr (GBytes) a = render_bytes (first, NULL);
  g_autoptr (GBytes) b = render_bytes (second, NULL);

  g_assert_true (g_bytes_equal (a, b));
}

static gpointer
build_and_write (gpointer data)
{
  g_autoptr (CwReportDocument) document = cw_report_snapshot_build (data);

  return render_bytes (document, NULL);
}

/* What a background job will do: read on the store's thread, build and
 * write on another; the same bytes as all on one. */
static void
test_snapshot_in_thread (Sample        *s,
                         gconstpointer  data)
{
  CwReportOptions options = { TRUE, CW_REPORT_DRAFT };
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReportSnapshot) snapshot = cw_report_snapshot_read (s->base.store, s->review,
                                                                   "chronology", &options,
                                                                   &error);
  g_autoptr (CwReportSnapshot) again = cw_report_snapshot_read (s->base.store, s->review,
                                                                "chronology", &options, NULL);
  g_autoptr (CwReportDocument) here = cw_report_snapshot_build (again);
  g_autoptr (GBytes) expected = render_bytes (here, NULL);
  g_autoptr (GBytes) bytes = NULL;
  GThread *thread;

  g_assert_no_error (error);
  thread = g_thread_new ("report", build_and_write, snapshot);
  bytes = g_thread_join (thread);
  g_assert_true (g_bytes_equal (bytes, expected));
}

static void
test_documents (Sample        *s,
                gconstpointer  data)
{
  CwReportOptions options = { FALSE, CW_REPORT_DRAFT };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (s->base.dir, "chronology.pdf", NULL);
  guint n_kinds, n_pages = 0;
  const CwReportKind *kinds = cw_report_kinds (&n_kinds);

  g_assert_cmpuint (n_kinds, >=, 1);
  g_assert_cmpstr (kinds[0].id, ==, "chronology");
  g_assert_true (kinds[0].internal);
  g_assert_null (cw_report_snapshot_read (s->base.store, s->review, "minutes", &options,
                                          &error));
  g_assert_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "chronology"));
  g_clear_error (&error);
  g_assert_true (cw_report_render_file (s->base.store, s->review, "chronology", &options, path,
                                        &n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 8);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A review with nothing imported still makes a document that says so. */
static void
test_empty (Sample        *s,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *reference = cw_store_create_review (s->base.store, "cspr", "Empty", "Child Z",
                                                       NULL, &id, &error);
  g_autoptr (CwReportChronology) chronology = NULL;
  PopplerDocument *pdf;

  g_assert_no_error (error);
  chronology = cw_report_chronology_read (s->base.store, id, FALSE, &error);
  g_assert_no_error (error);
  pdf = render_chronology (chronology, CW_REPORT_DRAFT, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  assert_page_has (pdf, 1, "No entries");
  g_object_unref (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/report/chronology/" path, Sample, NULL, sample_set_up, func, sample_tear_down)
  ADD ("full", test_full);
  ADD ("anonymised", test_anonymised);
  ADD ("episodes", test_episodes);
  ADD ("same-bytes-twice", test_same_bytes_twice);
  ADD ("snapshot-in-thread", test_snapshot_in_thread);
  ADD ("documents", test_documents);
  ADD ("empty", test_empty);
#undef ADD
  return g_test_run ();
}
