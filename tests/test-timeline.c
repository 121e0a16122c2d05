/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <poppler.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "cw-page-size.h"
#include "cw-privacy.h"
#include "cw-review.h"
#include "cw-timeline.h"
#include "test-helpers.h"
#include "test-pdf.h"

/* The sample review's timeline: lanes remembered per review, and the files
 * it exports opened again: a PNG of the size asked, an SVG that parses, a
 * PDF of one A4 landscape page without real names when anonymised. */

typedef struct
{
  Fixture            base;
  gint64             review;
  CwChronologyModel *model;
  CwTimeline        *timeline;
} Tl;

static void
tl_set_up (Tl            *t,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autoptr (CwRecord) review = NULL;
  GDate today = date_of ("2026-11-23");

  fixture_set_up (&t->base, data);
  reference = cw_store_add_demo (t->base.store, &today, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (t->base.store, reference, &error);
  t->review = cw_record_get_id (review);
  t->model = cw_chronology_model_new (t->base.store, t->review);
  g_assert_true (cw_chronology_model_refresh (t->model, NULL, &error));
  t->timeline = cw_timeline_new (t->base.store, t->review);
  g_assert_true (cw_timeline_load (t->timeline, t->model, &error));
  g_assert_no_error (error);
}

static void
tl_tear_down (Tl            *t,
              gconstpointer  data)
{
  cw_timeline_free (t->timeline);
  g_clear_object (&t->model);
  fixture_tear_down (&t->base, data);
}

static void
view_whole (Tl             *t,
            CwTimelineFrame *view,
            double          width,
            double          height)
{
  double first, last;

  memset (view, 0, sizeof *view);
  view->width = width;
  view->height = height;
  view->title = "CSPR-2026-001 · Child A: Amelia Hartley";
  g_assert_true (cw_timeline_layout_get_extent (cw_timeline_get_layout (t->timeline), &first,
                                                &last));
  cw_timeline_scale_fit (&view->scale, first, last, width - CW_TIMELINE_LANE_LABELS);
}

static void
test_lanes (Tl            *t,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *lanes = cw_timeline_get_lanes (t->timeline);
  g_autofree char *first = NULL;
  CwTimeline *again;

  /* One lane per agency involved, the sample's seven. */
  g_assert_cmpuint (lanes->len, ==, 7);
  g_assert_cmpuint (cw_timeline_layout_get_n_events (cw_timeline_get_layout (t->timeline)), ==,
                    153);
  first = g_strdup (((CwTimelineLane *) lanes->pdata[0])->name);
  g_assert_true (cw_timeline_move_lane (t->timeline, 0, 1, &error));
  g_assert_true (cw_timeline_set_lane_visible (t->timeline, 2, FALSE, &error));
  g_assert_no_error (error);
  /* Remembered for the review. */
  again = cw_timeline_new (t->base.store, t->review);
  g_assert_true (cw_timeline_load (again, t->model, &error));
  lanes = cw_timeline_get_lanes (again);
  g_assert_cmpstr (((CwTimelineLane *) lanes->pdata[1])->name, ==, first);
  g_assert_false (((CwTimelineLane *) lanes->pdata[2])->visible);
  cw_timeline_free (again);
  /* Gaps come from the chronology: the sample has two. */
  g_assert_cmpuint (cw_timeline_get_gaps (t->timeline)->len, ==, 4);

  /* A short view still has every lane in sight, above its bottom: the six
   * agencies left shown and the child's context, 18.3 px each here. */
  {
    CwTimelineFrame view;
    double lane;

    view_whole (t, &view, 1240, 180);
    view.title = NULL;
    lane = cw_timeline_lane_height (t->timeline, &view);
    g_assert_cmpuint (cw_timeline_n_lanes_shown (t->timeline), ==, 7);
    g_assert_cmpfloat (lane, >=, CW_TIMELINE_MIN_LANE_HEIGHT);
    g_assert_cmpfloat (cw_timeline_lane_y (t->timeline, &view, 6) + lane, <=, view.height);
  }
}

static const CwTimelineLane *
lane_named (CwTimeline *timeline,
            const char *name,
            guint      *index)
{
  GPtrArray *lanes = cw_timeline_get_lanes (timeline);

  for (guint i = 0; i < lanes->len; i++)
    if (g_str_equal (((CwTimelineLane *) lanes->pdata[i])->name, name))
      {
        *index = i;
        return lanes->pdata[i];
      }
  g_error ("no lane %s", name);
}

/* The visible lanes have distinct pairs of colour and mark */
static void
assert_styles_distinct (CwTimeline *timeline,
                        guint       expected)
{
  GPtrArray *lanes = cw_timeline_get_lanes (timeline);
  g_autoptr (GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) marks = g_hash_table_new (NULL, NULL);
  guint shown = 0;

  for (guint i = 0; i < lanes->len; i++)
    {
      CwTimelineLaneStyle style;

      if (!cw_timeline_lane_style (timeline, i, &style))
        continue;
      shown++;
      g_assert_cmpuint (style.mark, <, CW_TIMELINE_N_MARKS);
      g_assert_cmpfloat (style.red + style.green + style.blue, <, 2.4); /* readable on white */
      g_assert_false (g_hash_table_contains (colours, GUINT_TO_POINTER (style.colour + 1)));
      g_assert_false (g_hash_table_contains (marks, GUINT_TO_POINTER (style.mark + 1)));
      g_hash_table_add (colours, GUINT_TO_POINTER (style.colour + 1));
      g_hash_table_add (marks, GUINT_TO_POINTER (style.mark + 1));
    }
  g_assert_cmpuint (shown, ==, expected);
}

/* Every visible lane has a colour and a mark of its own: the sample's
 * Children's Social Care and Northshire Homes shared a colour; and so do
 * twelve lanes, and a style stays with its lane when the lane moves. */
static void
test_lane_styles (Tl            *t,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *lanes = cw_timeline_get_lanes (t->timeline);
  CwTimelineLaneStyle social, homes, moved;
  guint a, b;

  lane_named (t->timeline, "Northshire Children's Social Care", &a);
  lane_named (t->timeline, "Northshire Homes", &b);
  g_assert_true (cw_timeline_lane_style (t->timeline, a, &social));
  g_assert_true (cw_timeline_lane_style (t->timeline, b, &homes));
  g_assert_true (social.colour != homes.colour);
  g_assert_true (social.mark != homes.mark);
  assert_styles_distinct (t->timeline, 7);

  g_assert_true (cw_timeline_move_lane (t->timeline, a, a ? -1 : 1, &error));
  g_assert_no_error (error);
  lane_named (t->timeline, "Northshire Children's Social Care", &a);
  cw_timeline_lane_style (t->timeline, a, &moved);
  g_assert_cmpuint (moved.colour, ==, social.colour);
  g_assert_cmpuint (moved.mark, ==, social.mark);

  /* Twelve lanes and more: twelve distinct; hidden ones have none. */
  for (guint i = lanes->len; i < 16; i++)
    {
      CwTimelineLane *lane = g_new0 (CwTimelineLane, 1);

      lane->agency_id = 1000 + i;
      lane->name = g_strdup_printf ("Agency %u", i);
      lane->visible = TRUE;
      g_ptr_array_add (lanes, lane);
    }
  for (guint i = 12; i < 16; i++)
    ((CwTimelineLane *) lanes->pdata[i])->visible = FALSE;
  assert_styles_distinct (t->timeline, 12);
  ((CwTimelineLane *) lanes->pdata[0])->visible = FALSE;
  ((CwTimelineLane *) lanes->pdata[13])->visible = TRUE;
  assert_styles_distinct (t->timeline, 12);
  g_assert_false (cw_timeline_lane_style (t->timeline, 0, &moved));
}

/* Labels in monospace: 7 pixels a character. */
static double
measure_mono (const char *text,
              gpointer    data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

static gboolean
is_initials (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* Whole words only: each line of @label is words of @name or @short_name
 * (the last maybe with "…"), or @name's initials. */
static void
assert_whole_words (const char *label,
                    const char *name,
                    const char *short_name,
                    double      width)
{
  g_auto (GStrv) lines = g_strsplit (label, "\n", -1);
  g_autofree char *padded_name = g_strdup_printf (" %s ", name);
  g_autofree char *padded_short = g_strdup_printf (" %s ", short_name ? short_name : "");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);
      g_auto (GStrv) words = NULL;

      g_assert_cmpfloat (measure_mono (line, NULL), <=, width);
      if (g_str_has_suffix (line, "…"))
        line[strlen (line) - strlen ("…")] = '\0';
      words = g_strsplit (line, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *padded = g_strdup_printf (" %s ", words[w]);
          if (*words[w] == '\0')
            continue;
          if (strstr (padded_name, padded) == NULL && strstr (padded_short, padded) == NULL
              && !(lines[1] == NULL && words[1] == NULL && is_initials (words[0])))
            g_error ("“%s” of “%s” at %g px is not a whole word of “%s”", words[w], label,
                     width, name);
        }
    }
}

static void
test_fit_label (void)
{
  const char *names[][2] = {
    { "Northshire Police", "NP" },
    { "Northshire Park Primary", NULL },
    { "Northshire Children’s Social Care", "Social care" },
    { "Northshire Integrated Community Health Visiting Service", "Health visiting" },
    { "Supercalifragilistic", NULL },
  };
  char *label;

  /* The name where it fits, else the short name, else wrapped */
  label = cw_timeline_fit_label ("Northshire Police", "NP", 200, 1, measure_mono, NULL);
  g_assert_cmpstr (label, ==, "Northshire Police");
  g_free (label);
  label = cw_timeline_fit_label ("Northshire Police", "NP", 100, 1, measure_mono, NULL);
  g_assert_cmpstr (label, ==, "NP");
  g_free (label);
  label = cw_timeline_fit_label ("Northshire Park Primary", NULL, 100, 2, measure_mono, NULL);
  g_assert_cmpstr (label, ==, "Northshire\nPark Primary");
  g_free (label);
  label = cw_timeline_fit_label ("Northshire Park Primary", NULL, 100, 1, measure_mono, NULL);
  g_assert_cmpstr (label, ==, "Northshire…");
  g_free (label);
  label = cw_timeline_fit_label ("Northshire Park Primary", NULL, 40, 1, measure_mono, NULL);
  g_assert_cmpstr (label, ==, "NPP");
  g_free (label);
  /* At every width and height: whole words */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (double width = 10; width < 420; width += 3)
      for (guint lines = 1; lines <= 3; lines++)
        {
          label = cw_timeline_fit_label (names[i][0], names[i][1], width, lines, measure_mono,
                                         NULL);
          g_assert_cmpuint (1 + (guint) (strchr (label, '\n') != NULL)
                              + (guint) (strchr (label, '\n') && strchr (strchr (label, '\n') + 1, '\n')),
                            <=, lines);
          assert_whole_words (label, names[i][0], names[i][1], width);
          g_free (label);
        }
}

static char *
temp_file (Tl         *t,
           const char *name)
{
  return g_build_filename (t->base.dir, name, NULL);
}

static void
test_export_png (Tl            *t,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_file (t, "timeline.png");
  CwTimelineFrame view;
  cairo_surface_t *png;

  view_whole (t, &view, 1400, 520);
  g_assert_true (cw_timeline_export (t->timeline, &view, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1400);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 520);
  cairo_surface_destroy (png);
#ifndef G_OS_WIN32
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif
}

static void
test_export_svg (Tl            *t,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_file (t, "timeline.svg");
  g_autofree char *svg = NULL;
  g_autoptr (GMarkupParseContext) parser = NULL;
  static const GMarkupParser nothing = { 0 };
  CwTimelineFrame view;
  gsize length;

  view_whole (t, &view, 1200, 500);
  g_assert_true (cw_timeline_export (t->timeline, &view, path, &error));
  g_assert_true (g_file_get_contents (path, &svg, &length, &error));
  g_assert_nonnull (strstr (svg, "<svg"));
  parser = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, svg, (gssize) length, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
}

static void
insert_ok (Tl             *t,
           const CwEntity *entity,
           gint64          review,
           const char    **pairs)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (cw_store_insert (t->base.store, entity, review, pairs, &error), >, 0);
  g_assert_no_error (error);
}

/* An agency of the review whose name names the family: its lane's label. */
static void
add_agency (Tl         *t,
            const char *name)
{
  const char *agency[] = { "name", name, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 agency_id = cw_store_insert (t->base.store, &cw_entity_agency, 0, agency, &error);

  g_assert_no_error (error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, agency_id);
  insert_ok (t, &cw_entity_review_agency, t->review, (const char *[]) { "agency_id", id, NULL });
}

static void
test_export_pdf_anonymised (Tl            *t,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autofree char *path = temp_file (t, "timeline.pdf");
  g_autofree char *uri = NULL;
  g_autofree char *folded = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  double width, height;
  char *text;
  CwTimelineFrame view;

  /* More of the family in the register: a two-letter surname, an accent. */
  insert_ok (t, &cw_entity_person, t->review,
             (const char *[]) { "pseudonym", "Father", "real_name", "Wei Li", NULL });
  insert_ok (t, &cw_entity_person, t->review,
             (const char *[]) { "pseudonym", "Cousin", "real_name", "Zoë Müller", NULL });
  /* Labels typed freely: a first name, a surname in other case, a family,
   * possessives without apostrophe, an accent left out or decomposed, a
   * zero-width space, a date of birth. */
  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other", "label", "amelia with her grandmother",
                                "start_date", "2024-07-01", "end_date", "2024-09-01", NULL });
  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other", "label", "Stay with Ms HARTLEY",
                                "start_date", "2025-07-01", "end_date", "2025-12-01", NULL });
  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other", "label", "the Hartleys",
                                "start_date", "2024-12-01", "end_date", "2025-02-20", NULL });
  add_agency (t, "The Hartleys' landlord");
  add_agency (t, "Amelias nursery");
  add_agency (t, "Mr Li, private fostering");
  add_agency (t, "Zoe\xcc\x88 Muller's school");
  add_agency (t, "Ame\xe2\x80\x8blia DOB 14/06/2024");
  g_assert_true (cw_timeline_load (t->timeline, t->model, &error));
  redactor = cw_redactor_new_for_review (t->base.store, t->review, &error);
  g_assert_no_error (error);
  view_whole (t, &view, 1600, 595);
  view.redactor = redactor;
  g_assert_true (cw_timeline_export (t->timeline, &view, path, &error));
  uri = g_filename_to_uri (path, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 1600, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.5);
  text = poppler_page_get_text (page);
  g_strdelimit (text, "\n", ' '); /* labels wrap at their words */
  /* The title named the child: drawn by her pseudonym; a family name, in
   * any case, as "[name]"; the lanes and periods likewise. */
  g_assert_nonnull (strstr (text, "Child A"));
  folded = g_utf8_casefold (text, -1);
  g_assert_null (strstr (folded, "amelia"));
  g_assert_null (strstr (folded, "hartley"));
  g_assert_null (strstr (folded, "li,"));
  g_assert_null (strstr (folded, "zoe"));
  g_assert_null (strstr (folded, "muller"));
  g_assert_null (strstr (folded, "14/06/2024"));
  g_assert_false (cw_redactor_find_real_name (redactor, text, NULL, NULL));
  g_assert_nonnull (strstr (text, "[name]s' landlord"));
  g_assert_nonnull (strstr (text, "Child A's nursery"));
  g_assert_nonnull (strstr (text, "Mr Father, private fostering"));
  g_assert_nonnull (strstr (text, "Cousin's school"));
  g_assert_nonnull (strstr (text, "Child A DOB [date of birth]"));
  g_assert_nonnull (strstr (text, "the [name]s"));
  g_assert_nonnull (strstr (text, "Ms [name]"));
  g_assert_nonnull (strstr (text, "Northshire Police"));
  /* The child's context lane, with the sample's periods. */
  g_assert_nonnull (strstr (text, "context"));
  g_assert_nonnull (strstr (text, "Child in need plan"));
  g_free (text);
  g_object_unref (page);
  g_object_unref (document);
}

/* No two letters on the page overlap: no label draws over another. */
static void
assert_letters_apart (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  g_autofree gunichar *letters = NULL;
  glong n_letters = 0;
  guint n_boxes = 0;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  letters = g_utf8_to_ucs4_fast (text, -1, &n_letters);
  g_strdelimit (text, "\n", ' '); /* for the message; one byte for one */
  g_assert_cmpuint (n_boxes, ==, n_letters);
  for (guint i = 0; i < n_boxes; i++)
    for (guint j = i + 1; j < n_boxes && !g_unichar_isspace (letters[i]); j++)
      {
        const PopplerRectangle *a = &boxes[i], *b = &boxes[j];
        /* Letters side by side in a word may touch: a point of slack. */
        double across = MIN (a->x2, b->x2) - MAX (a->x1, b->x1) - 1.0;
        double down = MIN (a->y2, b->y2) - MAX (a->y1, b->y1) - 1.0;

        if (g_unichar_isspace (letters[j]) || across <= 0 || down <= 0)
          continue;
        g_error ("“%.20s” and “%.20s” are drawn over each other at %.0f,%.0f",
                 g_utf8_offset_to_pointer (text, MAX ((glong) i - 6, 0)),
                 g_utf8_offset_to_pointer (text, MAX ((glong) j - 6, 0)), b->x1, b->y1);
      }
}

/* Periods of the child's context that overlap (the sample's mother's
 * partner living in the household while Child A is in hospital, and
 * more): each label stops where the next period in its row starts, and
 * overlapping periods take the second row where the lane has two. */
static void
test_context_labels_apart (Tl            *t,
                           gconstpointer  data)
{
  const double heights[] = { 300, 595 };

  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other",
                                "label", "Alpha: staying with relatives in the north of the county "
                                         "while the mother moved house twice",
                                "start_date", "2024-01-01", "end_date", "2025-12-31", NULL });
  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other", "label", "Bravo: respite",
                                "start_date", "2024-06-01", "end_date", "2024-07-01", NULL });
  insert_ok (t, &cw_entity_period, t->review,
             (const char *[]) { "kind", "other", "label", "Charlie: a week at a friend's",
                                "start_date", "2025-03-01", "end_date", "2025-03-08", NULL });
  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = temp_file (t, "context.pdf");
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autoptr (GObject) document = NULL;
      g_autoptr (GObject) page = NULL;
      g_autofree char *text = NULL;
      CwTimelineFrame view;

      g_assert_true (cw_timeline_load (t->timeline, t->model, &error));
      view_whole (t, &view, 1366, heights[h]);
      g_assert_true (cw_timeline_export (t->timeline, &view, path, &error));
      g_assert_no_error (error);
      document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
      g_assert_no_error (error);
      page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
      text = poppler_page_get_text (POPPLER_PAGE (page));
      g_assert_nonnull (strstr (text, "Alpha"));
      g_assert_nonnull (strstr (text, "Bravo"));
      g_assert_nonnull (strstr (text, "Charlie"));
      assert_letters_apart (POPPLER_PAGE (page));
    }
}

/* Runs the export job to @name, as the window does; returns the path. */
static char *
export_by_job (Tl         *t,
               const char *name,
               gboolean    anonymised)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwJob) job = NULL;
  char *path = temp_file (t, name);
  CwTimelineFrame frame;

  view_whole (t, &frame, 1600, 595);
  job = cw_timeline_export_job_new (t->base.store, t->review, NULL, &frame, TRUE, anonymised,
                                    path);
  g_assert_true (cw_job_run_sync (job, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
pdf_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_strdelimit (text, "\n", ' ');
  g_object_unref (page);
  g_object_unref (document);
  return text;
}

/* An exported timeline has a legend (the agencies, the marks, what the
 * hatching and shading mean) and a title with the review's reference, in
 * the PDF's text and the SVG's; anonymised, neither names the family. */
static void
test_export_legend (Tl            *t,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL, *svg = NULL, *plain = NULL;
  g_autofree char *text = NULL, *folded = NULL, *contents = NULL;
  g_autofree char *svg_folded = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  const char *legend[] = { "Agencies", "Northshire Police", "Routine: hollow",
                           "Significant: filled", "Key: larger, ringed", "Hatched",
                           "Shaded: no contact", "Child A's nursery" };

  add_agency (t, "Amelias nursery");
  g_assert_true (cw_timeline_load (t->timeline, t->model, &error));

  /* Not anonymised: the real name is there, so its absence below counts */
  plain = export_by_job (t, "plain.pdf", FALSE);
  text = pdf_text (plain);
  g_assert_nonnull (strstr (text, "Amelias nursery"));
  g_assert_nonnull (strstr (text, "Routine: hollow"));
  g_clear_pointer (&text, g_free);

  pdf = export_by_job (t, "legend.pdf", TRUE);
  text = pdf_text (pdf);
  g_assert_true (g_str_has_prefix (text, "CSPR-2026-001 · Child A"));
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    if (strstr (text, legend[i]) == NULL)
      g_error ("“%s” is not in the PDF: %s", legend[i], text);
  folded = g_utf8_casefold (text, -1);
  g_assert_null (strstr (folded, "amelia"));
  g_assert_null (strstr (folded, "hartley"));
  redactor = cw_redactor_new_for_review (t->base.store, t->review, &error);
  g_assert_no_error (error);
  g_assert_false (cw_redactor_find_real_name (redactor, text, NULL, NULL));

  svg = export_by_job (t, "legend.svg", TRUE);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>CSPR-2026-001 · Child A</title>"));
  g_assert_nonnull (strstr (contents, "<desc>Agencies:"));
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (legend[i], -1);
      if (strstr (contents, escaped) == NULL)
        g_error ("“%s” is not in the SVG", legend[i]);
    }
  svg_folded = g_utf8_casefold (contents, -1);
  g_assert_null (strstr (svg_folded, "amelia"));
  g_assert_null (strstr (svg_folded, "hartley"));
  g_assert_false (cw_redactor_find_real_name (redactor, contents, NULL, NULL));
}

/* The colour of the pixel at (@x, @y) of a PNG drawn of @view. */
static guint32
pixel_at (Tl              *t,
          CwTimelineFrame *view,
          int              x,
          int              y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) view->width,
                                                         (int) view->height);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  cw_timeline_render (t->timeline, view, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + y * cairo_image_surface_get_stride (surface) + x * 4);
  cairo_surface_destroy (surface);
  return pixel & 0xffffff;
}

/* An episode drawn as a band: tinting the lanes where it falls and only
 * there, named, anonymised with the rest, and kept when the chronology
 * is loaded again. */
static void
test_band (Tl            *t,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autofree char *path = temp_file (t, "band.pdf");
  g_autofree char *text = NULL;
  GDate from = date_of ("2025-03-01"), to = date_of ("2025-05-01");
  CwTimelineBand band = { 7, cw_timeline_day_of_date (&from), cw_timeline_day_of_date (&to),
                          (char *) "Episode 2: Amelia goes home" };
  CwTimelineFrame view;
  int inside, outside, y;
  guint32 plain_inside, plain_outside;

  view_whole (t, &view, 1400, 520);
  view.title = NULL;
  inside = (int) (cw_timeline_scale_x (&view.scale, band.first + 30) + CW_TIMELINE_LANE_LABELS);
  outside = (int) (cw_timeline_scale_x (&view.scale, band.first - 60) + CW_TIMELINE_LANE_LABELS);
  y = (int) view.height - 3;
  plain_inside = pixel_at (t, &view, inside, y);
  plain_outside = pixel_at (t, &view, outside, y);
  cw_timeline_set_bands (t->timeline, &band, 1);
  g_assert_true (cw_timeline_load (t->timeline, t->model, &error));
  g_assert_cmpuint (cw_timeline_get_n_bands (t->timeline), ==, 1);
  g_assert_cmpint (cw_timeline_get_band (t->timeline, 0)->id, ==, 7);
  g_assert_cmpuint (pixel_at (t, &view, inside, y), !=, plain_inside);
  g_assert_cmpuint (pixel_at (t, &view, outside, y), ==, plain_outside);

  redactor = cw_redactor_new_for_review (t->base.store, t->review, &error);
  g_assert_no_error (error);
  view.redactor = redactor;
  g_assert_true (cw_timeline_export (t->timeline, &view, path, &error));
  g_assert_no_error (error);
  text = test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Episode 2: Child A goes home"));
  g_assert_null (strstr (text, "Amelia"));

  cw_timeline_set_bands (t->timeline, NULL, 0);
  g_assert_cmpuint (pixel_at (t, &view, inside, y), ==, plain_inside);
}

static void
test_period_dates_in_order (Tl            *t,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *pairs[] = { "kind", "hospital", "label", "In hospital", "start_date", "2025-03-10",
                          NULL };
  gint64 id = cw_store_insert (t->base.store, &cw_entity_period, t->review, pairs, &error);

  g_assert_no_error (error);
  g_assert_false (cw_store_update (t->base.store, &cw_entity_period, id, "end_date", "1/3/2025",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_store_update (t->base.store, &cw_entity_period, id, "end_date", "12/3/2025",
                                  &error));
  g_assert_no_error (error);
}

/* The same rule holds for a period added with both dates at once. */
static void
test_period_insert_dates_in_order (Tl            *t,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *backwards[] = { "kind", "hospital", "label", "In hospital", "start_date",
                              "10/3/2025", "end_date", "1/3/2025", NULL };
  const char *forwards[] = { "kind", "hospital", "label", "In hospital", "start_date",
                             "10/3/2025", "end_date", "10/3/2025", NULL };
  guint before = count_of (cw_store_list (t->base.store, &cw_entity_period, t->review, NULL));

  g_assert_cmpint (cw_store_insert (t->base.store, &cw_entity_period, t->review, backwards,
                                    &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);
  g_assert_cmpuint (count_of (cw_store_list (t->base.store, &cw_entity_period, t->review, NULL)),
                    ==, before);
  g_assert_cmpint (cw_store_insert (t->base.store, &cw_entity_period, t->review, forwards,
                                    &error), >, 0);
  g_assert_no_error (error);
}

static void
test_export_refuses_format (Tl            *t,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_file (t, "timeline.gif");
  CwTimelineFrame view;

  view_whole (t, &view, 800, 400);
  g_assert_false (cw_timeline_export (t->timeline, &view, path, &error));
  g_assert_error (error, CW_TIMELINE_ERROR, CW_TIMELINE_ERROR_FORMAT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A click on a stacked mark finds that mark, not its neighbour above. */
static void
test_hit_stacked (Tl            *t,
                  gconstpointer  data)
{
  CwTimelineFrame view;
  g_autoptr (GArray) items = NULL;
  guint checked = 0;

  GDate january;

  view_whole (t, &view, 1400, 700);
  g_date_clear (&january, 1);
  g_date_set_dmy (&january, 20, G_DATE_JANUARY, 2026);
  view.scale.start = cw_timeline_day_of_date (&january);
  view.scale.px_per_day = 20.0;
  items = cw_timeline_place (t->timeline, &view);
  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      gint64 id;

      if (item->kind != CW_TIMELINE_ITEM_EVENT || item->row == 0)
        continue;
      id = cw_timeline_layout_get_event (cw_timeline_get_layout (t->timeline), item->event)->id;
      g_assert_cmpint (cw_timeline_hit (t->timeline, &view, cw_timeline_item_x (item),
                                        cw_timeline_item_y (t->timeline, &view, item), NULL),
                       ==, id);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* A click finds the entry drawn there. */
static void
test_hit (Tl            *t,
          gconstpointer  data)
{
  CwTimelineFrame view;
  g_autoptr (GArray) items = NULL;
  const CwTimelineItem *item = NULL;
  guint event = G_MAXUINT;

  view_whole (t, &view, 1400, 520);
  items = cw_timeline_place (t->timeline, &view);
  for (guint i = 0; i < items->len && item == NULL; i++)
    if (g_array_index (items, CwTimelineItem, i).kind == CW_TIMELINE_ITEM_EVENT)
      item = &g_array_index (items, CwTimelineItem, i);
  g_assert_nonnull (item);
  g_assert_cmpint (cw_timeline_hit (t->timeline, &view, cw_timeline_item_x (item),
                                    cw_timeline_item_y (t->timeline, &view, item), &event),
                   ==, cw_timeline_layout_get_event (cw_timeline_get_layout (t->timeline),
                                                     item->event)->id);
  g_assert_cmpuint (event, ==, item->event);
  g_assert_cmpint (cw_timeline_hit (t->timeline, &view, 5, 5, NULL), ==, 0);
}

/* The sizes the app's save dialog offers and the CLI defaults to. */
static void
test_page_sizes (void)
{
  static const struct { const char *id; double width, height; } expected[] = {
    { "a4", 842, 595 }, { "a3", 1191, 842 }, { "hd", 1600, 900 }, { "large", 2400, 1350 },
  };
  guint n_sizes = 0;
  const CwPageSize *sizes = cw_page_sizes (&n_sizes);

  g_assert_cmpuint (n_sizes, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_sizes; i++)
    {
      g_assert_cmpstr (sizes[i].id, ==, expected[i].id);
      g_assert_cmpfloat (sizes[i].width, ==, expected[i].width);
      g_assert_cmpfloat (sizes[i].height, ==, expected[i].height);
      g_assert_true (sizes[i].label != NULL && *sizes[i].label != '\0');
      g_assert_true (cw_page_size_lookup (sizes[i].id) == &sizes[i]);
    }
  /* A3 is A4 doubled: its short side is A4's long one. */
  g_assert_cmpfloat (cw_page_size_lookup ("a3")->height, ==, cw_page_size_lookup ("a4")->width);
  g_assert_cmpstr (cw_page_size_lookup (CW_PAGE_SIZE_PDF)->id, ==, "a4");
  g_assert_cmpstr (cw_page_size_lookup (CW_PAGE_SIZE_PICTURE)->id, ==, "hd");
  /* The export sizes round ISO A4. */
  g_assert_cmpfloat_with_epsilon (cw_page_size_lookup ("a4")->width, CW_PAGE_A4_LONG, 0.5);
  g_assert_cmpfloat_with_epsilon (cw_page_size_lookup ("a4")->height, CW_PAGE_A4_SHORT, 0.5);
  g_assert_null (cw_page_size_lookup ("shown"));
  g_assert_null (cw_page_size_lookup (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) g_test_add ("/timeline/" path, Tl, NULL, tl_set_up, func, tl_tear_down)
  ADD ("lanes", test_lanes);
  ADD ("lane-styles", test_lane_styles);
  ADD ("export-png", test_export_png);
  ADD ("export-svg", test_export_svg);
  ADD ("export-pdf-anonymised", test_export_pdf_anonymised);
  ADD ("export-legend", test_export_legend);
  ADD ("export-refuses-format", test_export_refuses_format);
  ADD ("hit", test_hit);
  ADD ("band", test_band);
  ADD ("hit-stacked", test_hit_stacked);
  ADD ("period-dates-in-order", test_period_dates_in_order);
  ADD ("context-labels-apart", test_context_labels_apart);
  ADD ("period-insert-dates-in-order", test_period_insert_dates_in_order);
#undef ADD
  g_test_add_func ("/timeline/page-sizes", test_page_sizes);
  g_test_add_func ("/timeline/fit-label", test_fit_label);
  return g_test_run ();
}
