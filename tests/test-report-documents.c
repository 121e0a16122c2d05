/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "cw-actions.h"
#include "cw-analysis-entities.h"
#include "cw-clock.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "cw-register-entities.h"
#include "cw-report-documents.h"
#include "cw-report-generated.h"
#include "cw-report-template.h"
#include "test-helpers.h"
#include "test-report-helpers.h"
#include "test-report-sample.h"

/* The documents made from templates (data/reports/), each rendered from
 * the sample review "Child A" and read back by Poppler: its pages, its
 * headings in the template's order (from the outline), its metadata, no
 * real name when anonymised or publishable, no internal material in a
 * publishable one; a long table over pages with its header repeated; and a
 * partnership's own template reordering, removing and naming, with its
 * mistakes named by file and line. */

static void
sample_tear_down (Sample        *s,
                  gconstpointer  data)
{
  g_autofree char *user = cw_report_template_user_path ("practice-review");

  g_remove (user);
  fixture_tear_down (&s->base, data);
}

static PopplerDocument *
render_document (Sample     *s,
                 const char *id,
                 gboolean    anonymised,
                 guint      *n_pages)
{
  CwReportOptions options = { anonymised, CW_REPORT_DRAFT };
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReportSnapshot) snapshot = cw_report_snapshot_read (s->base.store, s->review, id,
                                                                   &options, &error);
  g_autoptr (CwReportDocument) document = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  document = cw_report_snapshot_build (snapshot);
  return render (document, n_pages);
}

/* Returns: every bookmark, depth first, in the order of the document */
static GPtrArray *
outline (PopplerDocument *pdf)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (pdf);

  g_assert_nonnull (iter);
  outline_of (iter, NULL, titles);
  poppler_index_iter_free (iter);
  return titles;
}

static int
index_in (GPtrArray  *titles,
          const char *title,
          int         from)
{
  for (guint i = from; i < titles->len; i++)
    if (g_strcmp0 (titles->pdata[i], title) == 0)
      return i;
  return -1;
}

/* Each document: pages, its template's headings in order in the outline,
 * the metadata, and no real name in the anonymised version. */
static void
test_each (Sample        *s,
           gconstpointer  data)
{
  guint n_kinds;
  const CwReportKind *kinds = cw_report_kinds (&n_kinds);
  g_autoptr (GDateTime) now = cw_clock_now ();

  g_assert_cmpuint (n_kinds, ==, 10);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwReportTemplate) template = cw_report_template_load (kinds[k].id, &error);
      g_assert_no_error (error);

      for (int anonymised = 0; anonymised <= 1; anonymised++)
        {
          guint n_pages = 0;
          PopplerDocument *pdf = render_document (s, kinds[k].id, anonymised, &n_pages);
          g_autoptr (GPtrArray) titles = outline (pdf);
          g_autofree char *all = all_text (pdf);
          g_autofree char *title = poppler_document_get_title (pdf);
          g_autofree char *subject = poppler_document_get_subject (pdf);
          g_autofree char *keywords = poppler_document_get_keywords (pdf);
          g_autofree char *what = g_strdup_printf ("the %s version of %s",
                                                   anonymised ? "anonymised" : "full",
                                                   kinds[k].id);
          int at = 0;

          g_test_message ("%s: %u pages", what, n_pages);
          g_assert_cmpuint (n_pages, >, 0);
          g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
          /* The headings of the template, in its order. */
          for (guint i = 0; i < template->sections->len; i++)
            {
              const CwReportTemplateSection *section = template->sections->pdata[i];
              int found;

              if (section->heading == NULL)
                continue;
              found = index_in (titles, section->heading, at);
              if (found < 0)
                g_error ("“%s” is not in the outline of %s after bookmark %d", section->heading,
                         what, at);
              at = found + 1;
            }
          g_assert_cmpstr (title, ==, template->title);
          g_assert_cmpstr (keywords, ==, "CSPR-2026-001");
          g_assert_cmpuint (strlen (subject ? subject : ""), >, 0);
          g_assert_cmpint (poppler_document_get_creation_date (pdf), ==,
                           g_date_time_to_unix (now));
          /* The marking on every page: internal ones OFFICIAL-SENSITIVE. */
          for (guint i = 0; i < n_pages; i++)
            assert_page_has (pdf, i, kinds[k].internal ? "OFFICIAL-SENSITIVE" : "OFFICIAL");
          if (!kinds[k].internal)
            g_assert_cmpuint (count_of_text (all, "OFFICIAL-SENSITIVE"), ==, 0);
          /* A document for publication names no one, even when not asked
           * to be anonymised. */
          if (anonymised || !kinds[k].internal)
            {
              assert_no_real_names (s, what, all);
              assert_no_real_names (s, what, subject);
            }
          g_object_unref (pdf);
        }
    }
}

/* What practitioners said, urgent issues, the referral: never in a
 * document for publication. */
static void
test_internal_material (Sample        *s,
                        gconstpointer  data)
{
  const char *internal[] = {
    "one of many that month",            /* a participant's account */
    "Closing the plan felt right",       /* another */
    "Name of Child or Young Person",     /* the referral form */
    "SWIS",
    NULL,
  };
  guint n_kinds;
  const CwReportKind *kinds = cw_report_kinds (&n_kinds);
  PopplerDocument *referral;
  g_autofree char *referral_text = NULL;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) check = cw_report_check_redactor_new (s->base.store, s->review, &error);

  g_assert_no_error (error);
  for (guint k = 0; k < n_kinds; k++)
    {
      CwReportOptions options = { FALSE, CW_REPORT_FINAL };
      g_autoptr (CwReportSnapshot) snapshot = NULL;
      g_autoptr (CwReportDocument) document = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GPtrArray) hits = NULL;
      PopplerDocument *pdf;
      g_autofree char *all = NULL;

      if (kinds[k].internal)
        continue;
      /* The publication check passes it, as it is made. */
      snapshot = cw_report_snapshot_read (s->base.store, s->review, kinds[k].id, &options,
                                          &error);
      g_assert_no_error (error);
      document = cw_report_snapshot_build (snapshot);
      bytes = render_bytes (document, NULL);
      hits = cw_report_check_pdf (check, bytes, NULL, NULL, &error);
      g_assert_no_error (error);
      if (hits->len > 0)
        g_error ("the publication check finds %s in %s", ((CwReportHit *) hits->pdata[0])->what,
                 kinds[k].id);
      pdf = open_pdf_bytes (bytes);
      all = all_text (pdf);
      for (guint i = 0; internal[i] != NULL; i++)
        if (strstr (all, internal[i]) != NULL)
          g_error ("“%s” is in %s, for publication", internal[i], kinds[k].id);
      g_object_unref (pdf);
    }
  /* ... and they are where they belong. */
  referral = render_document (s, "referral", FALSE, NULL);
  referral_text = all_text (referral);
  g_assert_nonnull (strstr (referral_text, "Name of Child or Young Person"));
  g_assert_nonnull (strstr (referral_text, "SWIS No."));
  g_assert_nonnull (strstr (referral_text, "Decision: Proceed to Learning Review YES / NO"));
  g_object_unref (referral);
}

/* The learning summary: Slough's eleven rows, as two columns. */
static void
test_learning_summary (Sample        *s,
                       gconstpointer  data)
{
  const char *rows[] = {
    "Date Form Completed", "Type of Review conducted", "Month/year of incident",
    "Review reference code", "What you learnt about the case: Key themes/ early learning.",
    "What you learnt about the review/ methodology:", "Key recommendations - single agency",
    "Key recommendations - Multi-agency", "How do you intend to make changes? Who's doing what?",
    "How will you audit the impact? I.e. how will you know anything has changed?",
    "Any other comments, advice, suggestions - about the case, the method, embedding change "
    "or evidencing impact/change", NULL,
  };
  PopplerDocument *pdf = render_document (s, "learning-summary", FALSE, NULL);
  g_autofree char *all = all_text (pdf);
  const char *at = all;

  for (guint i = 0; rows[i] != NULL; i++)
    {
      const char *found = strstr (at, rows[i]);

      if (found == NULL)
        g_error ("row %u, “%s”, is missing or out of order", i + 1, rows[i]);
      at = found + strlen (rows[i]);
    }
  g_assert_nonnull (strstr (all, "CSPR-2026-001"));
  g_assert_nonnull (strstr (all, "23 Nov 2026"));
  /* The guidance where there is nothing to say yet. */
  g_assert_nonnull (strstr (all, "(What worked / didn't?"));
  g_object_unref (pdf);
}

/* The practice review: the Cumbria headings and the timeline as a figure. */
static void
test_practice_review (Sample        *s,
                      gconstpointer  data)
{
  PopplerDocument *pdf = render_document (s, "practice-review", TRUE, NULL);
  g_autofree char *all = all_text (pdf);
  int page = 0;
  PopplerPage *timeline;
  g_autofree char *text = NULL;

  g_assert_nonnull (strstr (all, "LSCB Business Group Meeting date:"));
  g_assert_nonnull (strstr (all, "PRACTICE REVIEW"));
  /* The group by role alone when anonymised. */
  g_assert_nonnull (strstr (all, "Independent chair and lead reviewer"));
  g_assert_null (strstr (all, "Helen Marsh"));
  /* The timeline drawn as vectors: its lanes are text on the page after
   * the contents. */
  for (int i = 2; i < poppler_document_get_n_pages (pdf) && page == 0; i++)
    if (text_offset (pdf, i, "Shared timelines (as presented by the case review group).") >= 0)
      page = i + 1;
  g_assert_cmpint (page, >, 2);
  timeline = poppler_document_get_page (pdf, page - 1);
  text = poppler_page_get_text (timeline);
  g_assert_nonnull (strstr (text, "Northshire Police"));
  g_assert_nonnull (strstr (text, "2025"));
  g_object_unref (timeline);
  g_object_unref (pdf);
}

/* The event pack: Falkirk's prompts with the nine factors, or Salford's
 * stages when the event uses that tool; the episodes either way. */
static void
test_event_pack (Sample        *s,
                 gconstpointer  data)
{
  const char *factors[] = {
    "Aspects of the family", "Aspects of your role", "Conditions of work/work environment",
    "Personal aspects", "Your own team factors", "Inter-agency/inter-professional team factors",
    "Organisational culture and management", "Wider political context", NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) events = cw_store_list (s->base.store, &cw_entity_learning_event,
                                                 s->review, &error);
  g_autoptr (CwRecord) event = NULL;
  PopplerDocument *pdf = render_document (s, "event-pack", FALSE, NULL);
  g_autofree char *all = all_text (pdf);
  g_autoptr (GPtrArray) titles = outline (pdf);
  g_autofree char *salford_text = NULL;
  const char *at = all;

  for (guint i = 0; factors[i] != NULL; i++)
    {
      const char *found = strstr (at, factors[i]);

      if (found == NULL)
        g_error ("the factor “%s” is missing or out of order", factors[i]);
      at = found;
    }
  g_assert_cmpint (index_in (titles, "3c. Contributory factors", 0), >, 0);
  g_assert_cmpint (index_in (titles, "Anatomy of a Learning Review Discussion", 0), >=, 0);
  g_assert_nonnull (strstr (all, "Two emergency attendances of a child who was not mobile"));
  g_object_unref (pdf);

  g_assert_no_error (error);
  event = g_list_model_get_item (events, 0);
  g_assert_true (cw_store_update (s->base.store, &cw_entity_learning_event,
                                  cw_record_get_id (event), "tool", "salford", &error));
  g_assert_no_error (error);
  pdf = render_document (s, "event-pack", FALSE, NULL);
  salford_text = all_text (pdf);
  g_assert_nonnull (strstr (salford_text, "4. Simple root cause analysis"));
  g_assert_null (strstr (salford_text, "3c. Contributory factors"));
  g_assert_nonnull (strstr (salford_text, "Two emergency attendances of a child who was not "
                                          "mobile"));
  g_object_unref (pdf);
}

/* A long table goes on over pages, its header on each. */
static void
test_long_table (Sample        *s,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) recommendations = cw_store_list (s->base.store,
                                                          &cw_entity_recommendation, s->review,
                                                          &error);
  g_autoptr (CwRecord) recommendation = g_list_model_get_item (recommendations, 0);
  guint n_pages = 0, with_rows = 0;
  PopplerDocument *pdf;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Follow-up action number %d, to train every "
                                               "team in the protocol", i);

      g_assert_cmpint (cw_actions_add (s->base.store, cw_record_get_id (recommendation), text,
                                       &error), >, 0);
      g_assert_no_error (error);
    }
  pdf = render_document (s, "action-plan", FALSE, &n_pages);
  g_assert_cmpuint (n_pages, >=, 5);
  for (guint i = 2; i < n_pages; i++)
    if (text_offset (pdf, i, "Follow-up action number") >= 0)
      {
        with_rows++;
        assert_page_has (pdf, i, "How do you intend to make changes?");
        assert_page_has (pdf, i, "Latest update");
      }
  g_assert_cmpuint (with_rows, >=, 2);
  /* Every row, once. */
  {
    g_autofree char *all = all_text (pdf);

    for (int i = 0; i < 40; i++)
      {
        g_autofree char *needle = g_strdup_printf ("Follow-up action number %d,", i);

        g_assert_cmpuint (count_of_text (all, needle), ==, 1);
      }
  }
  g_object_unref (pdf);
}

/* The merged chronology has the analysis's episodes as its sections. */
static void
test_chronology_episodes (Sample        *s,
                          gconstpointer  data)
{
  PopplerDocument *pdf = render_document (s, "chronology", TRUE, NULL);
  g_autoptr (GPtrArray) titles = outline (pdf);
  int at = index_in (titles, "Chronology", 0);

  g_assert_cmpint (at, >=, 0);
  g_assert_cmpuint (titles->len, ==, at + 1 + 4);
  g_assert_true (g_str_has_prefix (titles->pdata[at + 1], "Closing Sibling B"));
  g_assert_true (g_str_has_prefix (titles->pdata[at + 4], "Two emergency attendances"));
  g_object_unref (pdf);
}

static void
write_user_template (const char *id,
                     const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cw_report_template_user_path (id);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static char *
write_logo (Sample *s)
{
  char *path = g_build_filename (s->base.dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 40);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A partnership's own template: its name and logo; the sections it keeps,
 * in its order, with the built-in headings. */
static void
test_partnership_template (Sample        *s,
                           gconstpointer  data)
{
  g_autofree char *logo = write_logo (s);
  g_autofree char *text = g_strdup_printf (
    "# Ours: recommendations first, no timeline\n"
    "[document]\n"
    "partnership = Cumbria LSCB\n"
    "logo = %s\n"
    "\n"
    "[section]\nkind = recommendations\n"
    "[section]\nkind = key-learning\nheading = What we learnt\n"
    "[section]\nkind = background\n"
    "[section]\nkind = review-group\n", logo);
  PopplerDocument *before = render_document (s, "practice-review", FALSE, NULL);
  g_autoptr (GPtrArray) builtin = outline (before);
  PopplerDocument *pdf;
  g_autoptr (GPtrArray) titles = NULL;
  PopplerPage *first;
  GList *images;

  g_assert_cmpint (index_in (builtin, "Recommendations for action by LSCB Business Group", 0), >,
                   index_in (builtin, "Background to this Practice Review - introduction", 0));
  g_object_unref (before);

  write_user_template ("practice-review", text);
  pdf = render_document (s, "practice-review", FALSE, NULL);
  titles = outline (pdf);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (titles->pdata[0], ==, "Recommendations for action by LSCB Business Group");
  g_assert_cmpstr (titles->pdata[1], ==, "What we learnt");
  g_assert_cmpstr (titles->pdata[2], ==, "Background to this Practice Review - introduction");
  g_assert_cmpstr (titles->pdata[3], ==, "Members of case review group included:");
  g_assert_cmpint (index_in (titles, "Shared timelines (as presented by the case review group).",
                             0), <, 0);
  assert_page_has (pdf, 0, "Cumbria LSCB");
  /* The logo on the title page. */
  first = poppler_document_get_page (pdf, 0);
  images = poppler_page_get_image_mapping (first);
  g_assert_cmpuint (g_list_length (images), ==, 1);
  poppler_page_free_image_mapping (images);
  g_object_unref (first);
  g_object_unref (pdf);
}

static void
assert_template_error (Sample     *s,
                       const char *id,
                       const char *text,
                       const char *expected)
{
  CwReportOptions options = { FALSE, CW_REPORT_DRAFT };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cw_report_template_user_path (id);
  g_autofree char *where = NULL;

  write_user_template (id, text);
  g_assert_null (cw_report_snapshot_read (s->base.store, s->review, id, &options, &error));
  g_assert_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE);
  if (strstr (error->message, path) == NULL || strstr (error->message, expected) == NULL)
    g_error ("“%s” does not name %s and “%s”", error->message, path, expected);
  g_remove (path);
}

/* Mistakes in a partnership's file are named by file and line. */
static void
test_template_errors (Sample        *s,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReportTemplate) parsed = NULL;

  assert_template_error (s, "practice-review", "[document]\ncolour = red\n",
                         "line 2: “colour” is not a key of [document]");
  assert_template_error (s, "practice-review", "[document]\n\n[section]\nkind = minutes\n",
                         "line 3: there is no section kind “minutes”");
  assert_template_error (s, "practice-review", "[section]\nheading = Background\n",
                         "line 1: this [section] has no “kind”");
  assert_template_error (s, "practice-review", "[document]\norientation = sideways\n",
                         "line 2: orientation is “sideways”");
  assert_template_error (s, "practice-review", "title = Ours\n",
                         "line 1: “title” comes before any group");
  assert_template_error (s, "practice-review", "[document]\nlogo = /nowhere/logo.png\n",
                         "line 2: the logo /nowhere/logo.png could not be read");
  /* Internal material is refused in a document for publication. */
  assert_template_error (s, "learning-summary",
                         "# ours\n[section]\nkind = learning-summary\n\n[section]\n"
                         "kind = participant-accounts\nheading = What they said\n",
                         "line 5: the section “participant-accounts” holds internal material");
  assert_template_error (s, "response", "[document]\n[section]\nkind = referral\n",
                         "line 2: the section “referral” holds internal material");
  /* Every built-in template is well formed. */
  parsed = cw_report_template_parse ("[document]\nid = x\ntitle = X\n", -1, "x.report", FALSE,
                                     &error);
  g_assert_null (parsed);
  g_assert_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "x.report, line 1: a template needs at least one"));
}

/* The annual extract counts the year's reviews. */
static void
test_annual_report (Sample        *s,
                    gconstpointer  data)
{
  PopplerDocument *pdf = render_document (s, "annual-report", FALSE, NULL);
  g_autofree char *all = all_text (pdf);

  g_assert_nonnull (strstr (all, "1 review was held in 2026"));
  g_assert_nonnull (strstr (all, "5 findings"));
  g_assert_nonnull (strstr (all, "4 recommendations"));
  g_assert_nonnull (strstr (all, "Information sharing"));
  g_object_unref (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/report/documents/" path, Sample, NULL, sample_set_up, func, sample_tear_down)
  ADD ("each", test_each);
  ADD ("internal-material", test_internal_material);
  ADD ("learning-summary", test_learning_summary);
  ADD ("practice-review", test_practice_review);
  ADD ("event-pack", test_event_pack);
  ADD ("long-table", test_long_table);
  ADD ("chronology-episodes", test_chronology_episodes);
  ADD ("partnership-template", test_partnership_template);
  ADD ("template-errors", test_template_errors);
  ADD ("annual-report", test_annual_report);
#undef ADD
  return g_test_run ();
}
