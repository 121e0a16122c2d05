/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-core.h"
#include "cw-report.h"
#include "test-helpers.h"
#include "test-report-helpers.h"

/* The report engine, its PDFs read back by Poppler: pages, text, headings
 * in order, the outline, links from the contents, metadata from the
 * project's clock, tables over pages with their header on each, a row
 * taller than a page kept whole over several, text Pango lays out itself,
 * the same bytes twice, and a cancel that leaves nothing. */

static void
draw_box (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  double *seen = user_data;

  seen[0] = width;
  seen[1] = height;
  cairo_rectangle (cr, 10, 10, width - 20, height - 20);
  cairo_fill (cr);
}

static CwReportDocument *
sample_document (double *figure_seen)
{
  CwReportDocument *document = cw_report_document_new ("Learning review report");
  const char *pairs[] = { "Reference", "TEST-2026-001", "Status", "Draft", NULL };
  const char *items[] = { "First <b>point</b>", "Second point", NULL };
  const char *values[] = { "Lead reviewer", "Dr Example", "Partnership", "Northshire", NULL };

  cw_report_document_set_reference (document, "TEST-2026-001");
  cw_report_document_set_author (document, "Test Reviewer");
  cw_report_document_set_subject (document, "A test of the engine");
  cw_report_document_add_title_page (document, "The subtitle", pairs);
  cw_report_document_add_contents (document);
  cw_report_document_add_heading (document, 1, "Background");
  cw_report_document_add_paragraph (document, "Some <b>bold</b> and <i>italic</i> words.");
  cw_report_document_add_heading (document, 2, "Members of the group");
  cw_report_document_add_key_values (document, values);
  cw_report_document_add_list (document, TRUE, items);
  cw_report_document_add_heading (document, 3, "Detail below");
  cw_report_document_add_text (document, "Plain <text> & more, never markup.");
  cw_report_document_add_page_break (document);
  cw_report_document_add_heading (document, 1, "Shared timeline");
  cw_report_document_add_figure (document, 2000, 400, draw_box, figure_seen, NULL,
                                 "Figure 1: a box");
  cw_report_document_add_divider (document, "Episode one");
  cw_report_document_add_paragraph (document, "Under the divider.");
  cw_report_document_add_heading (document, 1, "Recommendations");
  cw_report_document_add_list (document, FALSE, items);
  return document;
}

static void
test_pages_and_headings (void)
{
  double seen[2] = { 0, 0 };
  g_autoptr (CwReportDocument) document = sample_document (seen);
  PopplerDocument *pdf = render (document, NULL);
  static const char *const order[] = {
    "Background", "Members of the group", "Detail below", "Shared timeline", "Episode one",
    "Recommendations",
  };
  int page = 2, last = 0;

  /* The title page, the contents, then the body: a page break before
   * "Shared timeline". */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 4);
  assert_page_has (pdf, 0, "The subtitle");
  assert_page_has (pdf, 0, "TEST-2026-001");
  assert_page_has (pdf, 1, "Contents");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      int at = text_offset (pdf, page, order[i]);

      if (at < 0 && page == 2)
        page = 3, last = 0, at = text_offset (pdf, page, order[i]);
      g_test_message ("%s: page %d, offset %d", order[i], page + 1, at);
      g_assert_cmpint (at, >, last - 1);
      last = at;
    }
  g_assert_cmpint (page, ==, 3);
  assert_page_has (pdf, 2, "Plain <text> & more, never markup.");
  assert_page_has (pdf, 2, "Dr Example");
  /* The figure drawn at its own size, scaled down to the page. */
  g_assert_cmpfloat (seen[0], ==, 2000);
  g_assert_cmpfloat (seen[1], ==, 400);
  g_object_unref (pdf);
}

static void
outline_titles (PopplerIndexIter *iter,
                GString          *out,
                guint             depth)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_string_append_printf (out, "%u:%s;", depth, action->any.title);
      if (child != NULL)
        outline_titles (child, out, depth + 1);
      g_clear_pointer (&child, poppler_index_iter_free);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

static void
test_outline (void)
{
  double seen[2];
  g_autoptr (CwReportDocument) document = sample_document (seen);
  PopplerDocument *pdf = render (document, NULL);
  PopplerIndexIter *iter = poppler_index_iter_new (pdf);
  g_autoptr (GString) titles = g_string_new (NULL);

  g_assert_nonnull (iter);
  outline_titles (iter, titles, 1);
  g_assert_cmpstr (titles->str, ==,
                   "1:Background;2:Members of the group;3:Detail below;"
                   "1:Shared timeline;2:Episode one;1:Recommendations;");
  poppler_index_iter_free (iter);
  g_object_unref (pdf);
}

/* The page a link on the contents page leads to, from 1. */
static int
link_target (PopplerDocument *pdf,
             PopplerAction   *action)
{
  PopplerDest *dest;
  int page;

  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  dest = action->goto_dest.dest;
  if (dest->type != POPPLER_DEST_NAMED)
    return dest->page_num;
  dest = poppler_document_find_dest (pdf, dest->named_dest);
  g_assert_nonnull (dest);
  page = dest->page_num;
  poppler_dest_free (dest);
  return page;
}

static void
test_contents_links (void)
{
  double seen[2];
  g_autoptr (CwReportDocument) document = sample_document (seen);
  PopplerDocument *pdf = render (document, NULL);
  PopplerPage *contents = poppler_document_get_page (pdf, 1);
  GList *links = poppler_page_get_link_mapping (contents);
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (int));

  /* Levels 1 and 2: five entries, each leading to its heading's page. */
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      int page = link_target (pdf, link->action);

      g_array_append_val (targets, page);
    }
  g_assert_cmpuint (targets->len, ==, 5);
  g_array_sort (targets, (GCompareFunc) compare_ints);
  g_assert_cmpint (g_array_index (targets, int, 0), ==, 3);
  g_assert_cmpint (g_array_index (targets, int, 1), ==, 3);
  g_assert_cmpint (g_array_index (targets, int, 2), ==, 4);
  g_assert_cmpint (g_array_index (targets, int, 4), ==, 4);
  assert_page_has (pdf, 1, "Members of the group");
  g_assert_cmpint (text_offset (pdf, 1, "Detail below"), <, 0);
  poppler_page_free_link_mapping (links);
  g_object_unref (contents);
  g_object_unref (pdf);
}

static void
test_metadata (void)
{
  double seen[2];
  g_autoptr (CwReportDocument) document = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  PopplerDocument *pdf;
  double width, height;

  g_assert_true (cw_clock_set ("2027-03-04T10:11:12Z", NULL));
  now = cw_clock_now ();
  document = sample_document (seen);
  pdf = render (document, NULL);
  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  subject = poppler_document_get_subject (pdf);
  g_assert_cmpstr (title, ==, "Learning review report");
  g_assert_cmpstr (author, ==, "Test Reviewer");
  g_assert_cmpstr (subject, ==, "A test of the engine");
  g_assert_cmpint (poppler_document_get_creation_date (pdf), ==, g_date_time_to_unix (now));
  /* A4 portrait */
  page_size (pdf, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  g_object_unref (pdf);
}

static void
test_marking_and_status (void)
{
  g_autoptr (CwReportDocument) internal = cw_report_document_new ("Internal");
  g_autoptr (CwReportDocument) published = cw_report_document_new ("Published");
  PopplerDocument *pdf;

  cw_report_document_add_text (internal, "One page.");
  cw_report_document_add_page_break (internal);
  cw_report_document_add_text (internal, "Two pages.");
  pdf = render (internal, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      assert_page_has (pdf, i, "OFFICIAL-SENSITIVE");
      assert_page_has (pdf, i, "DRAFT");
    }
  assert_page_has (pdf, 1, "Page 2 of 2");
  g_object_unref (pdf);

  cw_report_document_set_marking (published, NULL);
  cw_report_document_set_status (published, CW_REPORT_FINAL);
  cw_report_document_set_orientation (published, CW_REPORT_LANDSCAPE);
  cw_report_document_add_text (published, "For the website.");
  pdf = render (published, NULL);
  g_assert_cmpint (text_offset (pdf, 0, "OFFICIAL"), <, 0);
  g_assert_cmpint (text_offset (pdf, 0, "DRAFT"), <, 0);
  assert_page_has (pdf, 0, "FINAL");
  assert_page_has (pdf, 0, "Page 1 of 1");
  {
    double width, height;

    page_size (pdf, 0, &width, &height);
    g_assert_cmpfloat (width, >, height);
  }
  g_object_unref (pdf);
}

static CwReportDocument *
long_table (guint rows,
            guint tall_row)
{
  CwReportDocument *document = cw_report_document_new ("A long table");
  const double widths[] = { 70, 0.3, 0.7 };
  const char *header[] = { "When it was", "Who saw", "What happened" };
  CwReportTable *table;

  cw_report_document_add_heading (document, 1, "The table");
  table = cw_report_document_add_table (document, 3, widths);
  cw_report_table_set_header (table, header);
  cw_report_table_add_divider (table, "The first part");
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *when = g_strdup_printf ("%02u/03/2024", i % 28 + 1);
      g_autofree char *what = NULL;
      g_autoptr (GString) tall = g_string_new (NULL);

      if (i == tall_row)
        for (guint k = 0; k < 600; k++)
          g_string_append_printf (tall, "Line%u of the tall row. ", k);
      what = i == tall_row ? g_strdup (tall->str)
                           : g_strdup_printf ("Row%u: a home visit, as recorded.", i);
      {
        const char *cells[] = { when, "Health visitor", what };

        if (i % 10 == 7)
          cw_report_table_add_span (table, CW_REPORT_ROW_SHADED, "No contact for 40 days");
        cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, cells);
      }
    }
  return document;
}

static void
test_table_over_pages (void)
{
  g_autoptr (CwReportDocument) document = long_table (200, 90);
  guint n_pages = 0;
  PopplerDocument *pdf = render (document, &n_pages);
  g_autofree char *all = all_text (pdf);

  /* The tall row alone takes more than two pages. */
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      assert_page_has (pdf, i, "When it was");
      assert_page_has (pdf, i, "What happened");
    }
  /* Every row, and every line of the tall one, once. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *row = g_strdup_printf ("Row%u:", i);

      if (i != 90)
        g_assert_cmpint (count_of_text (all, row), ==, 1);
    }
  for (guint k = 0; k < 600; k++)
    {
      g_autofree char *line = g_strdup_printf ("Line%u ", k);

      g_assert_cmpint (count_of_text (all, line), ==, 1);
    }
  /* The tall row starts on the page the row before it ends on. */
  {
    int before = page_of (pdf, "Row89:"), first = page_of (pdf, "Line0 "),
        last = page_of (pdf, "Line599 "), after = page_of (pdf, "Row91:");

    g_assert_cmpint (first, ==, before);
    g_assert_cmpint (last, >, first + 1);
    g_assert_cmpint (after, ==, last);
  }
  g_object_unref (pdf);
}

static void
test_same_bytes_twice (void)
{
  double seen[2];
  g_autoptr (CwReportDocument) one = NULL;
  g_autoptr (CwReportDocument) two = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;

  g_assert_true (cw_clock_set ("2027-01-05", NULL));
  one = sample_document (seen);
  first = render_bytes (one, NULL);
  /* Fonts, caches and tables all new: nothing carried over. */
  two = sample_document (seen);
  second = render_bytes (two, NULL);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_text_pango_lays_out (void)
{
  g_autoptr (CwReportDocument) document = cw_report_document_new ("Scripts");
  const double widths[] = { 0.5, 0.5 };
  CwReportTable *table = cw_report_document_add_table (document, 2, widths);
  const char *arabic[] = { "مرحبا بالعالم", "שלום עולם" };
  const char *long_word[] = { "Pneumonoultramicroscopicsilicovolcanoconiosis"
                              "Pneumonoultramicroscopicsilicovolcanoconiosis", "official" };
  const char *marked[] = { "<b>bold</b> &amp; fine", "x&lt;y" };
  PopplerDocument *pdf;

  cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, arabic);
  cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, long_word);
  cw_report_table_add_row_markup (table, CW_REPORT_ROW_NORMAL, marked);
  /* Markup that is not: printed as it was written, with a warning. */
  g_test_expect_message ("casewise-report", G_LOG_LEVEL_WARNING, "*not valid markup*");
  cw_report_document_add_paragraph (document, "Ages 3 < 5 & <b>unclosed");
  g_test_assert_expected_messages ();
  pdf = render (document, NULL);
  assert_page_has (pdf, 0, "Pneumonoultramicroscopicsilicovolcanoconiosis");
  assert_page_has (pdf, 0, "bold & fine");
  assert_page_has (pdf, 0, "x<y");
  assert_page_has (pdf, 0, "Ages 3 < 5 & <b>unclosed");
  /* A ligature (ffi) is found as its letters: the publication check
   * searches the text for names. */
  assert_page_has (pdf, 0, "official");
  assert_page_has (pdf, 0, "ب");
  assert_page_has (pdf, 0, "ש");
  g_object_unref (pdf);
}

static void
test_cancel_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (CwReportDocument) document = long_table (50, G_MAXUINT);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no", "report.pdf", NULL);

  g_assert_true (g_file_set_contents (path, "before", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (cw_report_document_write_file (document, f->store, path, NULL, cancellable,
                                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
  g_clear_error (&error);
  /* A folder that is not there: the message names the file. */
  g_assert_false (cw_report_document_write_file (document, f->store, missing, NULL, NULL,
                                                 &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  /* Never over the database. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize n_before, n_after;

    g_assert_true (g_file_get_contents (f->path, &before, &n_before, NULL));
    g_assert_false (cw_report_document_write_file (document, f->store, f->path, NULL, NULL,
                                                   &error));
    g_assert_nonnull (error);
    g_assert_true (g_file_get_contents (f->path, &after, &n_after, NULL));
    g_assert_cmpmem (before, n_before, after, n_after);
  }
}

static void
test_write_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (CwReportDocument) document = long_table (20, G_MAXUINT);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf;
  GStatBuf st;
  guint n_pages = 0;

  g_assert_true (cw_report_document_write_file (document, f->store, path, &n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
#ifndef G_OS_WIN32
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
#endif
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  assert_page_has (pdf, 0, "Row19:");
  g_object_unref (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  cw_clock_set ("2026-11-23", NULL);
  g_test_add_func ("/report/pages-and-headings", test_pages_and_headings);
  g_test_add_func ("/report/outline", test_outline);
  g_test_add_func ("/report/contents-links", test_contents_links);
  g_test_add_func ("/report/metadata", test_metadata);
  g_test_add_func ("/report/marking-and-status", test_marking_and_status);
  g_test_add_func ("/report/table-over-pages", test_table_over_pages);
  g_test_add_func ("/report/same-bytes-twice", test_same_bytes_twice);
  g_test_add_func ("/report/text-pango-lays-out", test_text_pango_lays_out);
  g_test_add ("/report/cancel-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_cancel_leaves_nothing, fixture_tear_down);
  g_test_add ("/report/write-file", Fixture, NULL, fixture_set_up, test_write_file,
              fixture_tear_down);
  return g_test_run ();
}
