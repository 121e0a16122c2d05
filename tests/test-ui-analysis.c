/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Analysis section as a person uses it, in a real window (under Xvfb in
 * CI): key practice episodes made from a span dragged across the timeline
 * and from rows of the chronology, shown back in the chronology (entries
 * highlighted, a band on the timeline), deleted and undone; and a
 * contributory factor's kind chosen among Falkirk's nine chips. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-analysis.h"
#include "cw-analysis-page.h"
#include "cw-chronology-view.h"
#include "cw-core.h"
#include "cw-record-table.h"
#include "cw-timeline-view.h"
#include "cw-undo-bar.h"
#include "test-ui-helpers.h"
#include "test-ui-selection.h"

static CwChronologyView *
chronology_view (Ui *ui)
{
  return CW_CHRONOLOGY_VIEW (cw_review_view_get_part (review_view (ui), "chronology"));
}

static CwAnalysisPage *
analysis_page (Ui *ui)
{
  return CW_ANALYSIS_PAGE (cw_review_view_get_part (review_view (ui), "analysis"));
}

static CwTimelineView *
open_sample_timeline (Ui *ui)
{
  CwTimelineView *timeline;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "chronology");
  timeline = cw_chronology_view_get_timeline (chronology_view (ui));
  wait_for (cw_timeline_view_is_loaded (timeline));
  wait_for_draw (GTK_WIDGET (timeline));
  return timeline;
}

static GtkSelectionModel *
table_selection (CwChronologyView *view)
{
  GtkWidget *column_view = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "column_view"));

  return gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
}

/* Whether the store's episode @episode_id covers exactly @ids. */
static void
assert_episode_covers (Ui     *ui,
                       gint64  episode_id,
                       GArray *ids)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) covered = cw_analysis_get_episode_entries (ui->store, episode_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (covered->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < covered->len && !found; j++)
        found = g_array_index (covered, gint64, j) == g_array_index (ids, gint64, i);
      g_assert_true (found);
    }
}

/* How many cells of the table a person sees tinted as the episode's. */
static guint
count_tinted (GtkWidget *widget)
{
  guint n = GTK_IS_INSCRIPTION (widget) && gtk_widget_has_css_class (widget, "in-episode")
            && gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_tinted (child);
  return n;
}

static guint
n_episodes (Ui *ui)
{
  return g_list_model_get_n_items (cw_analysis_page_get_episodes (analysis_page (ui)));
}

/* Dragged across the timeline: the span filters the table and selects its
 * entries; New episode from selection makes an episode of them, opened in
 * Analysis; back in the chronology, its entries are tinted and its span is
 * a band on the timeline. */
static void
test_episode_from_timeline_span (Ui *ui, gconstpointer data)
{
  CwTimelineView *timeline = open_sample_timeline (ui);
  CwChronologyView *view = chronology_view (ui);
  const CwTimelineScale *scale;
  const CwTimelineBand *band;
  GDate from = { 0 }, to = { 0 };
  g_autoptr (GArray) ids = NULL;
  g_autoptr (CwRecord) episode = NULL;
  double first, last;
  gint64 id;
  guint before;

  /* Opening the review highlights nothing; the Analysis section shown, its
   * episode selected is. */
  g_assert_cmpuint (cw_timeline_get_n_bands (cw_timeline_view_get_timeline (timeline)), ==, 0);
  show_section (ui, "analysis");
  before = n_episodes (ui);
  g_assert_cmpuint (before, ==, 4);
  g_assert_cmpuint (cw_timeline_get_n_bands (cw_timeline_view_get_timeline (timeline)), ==, 1);
  g_assert_cmpint (cw_timeline_get_band (cw_timeline_view_get_timeline (timeline), 0)->id, ==,
                   cw_analysis_page_get_episode (analysis_page (ui)));
  show_section (ui, "chronology");
  cw_timeline_view_zoom_to_fit (timeline);
  wait_for_draw (GTK_WIDGET (timeline));
  scale = cw_timeline_view_get_scale (timeline);
  g_date_set_dmy (&from, 1, G_DATE_MARCH, 2025);
  g_date_set_dmy (&to, 1, G_DATE_JUNE, 2025);
  first = cw_timeline_day_of_date (&from);
  last = cw_timeline_day_of_date (&to);
  cw_timeline_view_choose_span (timeline,
                                cw_timeline_scale_x (scale, first) + CW_TIMELINE_LANE_LABELS,
                                cw_timeline_scale_x (scale, last) + CW_TIMELINE_LANE_LABELS);
  drain_events ();
  ids = test_ui_selected_entries (view);
  /* The span's entries, and only those, are selected. */
  g_assert_cmpuint (ids->len, >, 2);
  g_assert_cmpuint (ids->len, ==,
                    cw_chronology_model_get_n_entries (cw_chronology_view_get_model (view)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "new_episode_button"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.new-episode", NULL));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "analysis");
  g_assert_cmpuint (n_episodes (ui), ==, before + 1);
  id = cw_analysis_page_get_episode (analysis_page (ui));
  g_assert_cmpint (id, >, 0);
  episode = cw_store_get (ui->store, &cw_entity_episode, id, NULL);
  g_assert_cmpstr (cw_record_get (episode, "number"), ==, "5");
  g_assert_cmpstr (cw_record_get (episode, "title"), ==, "New episode");
  assert_episode_covers (ui, id, ids);
  /* Its editor shows it. */
  g_assert_cmpint (cw_record_form_get_id (form (ui, "episode-form")), ==, id);

  /* The chronology shows it: its entries tinted in the table (still the
   * span's), and a band on the timeline, the whole case shown again. */
  show_section (ui, "chronology");
  wait_for (count_tinted (GTK_WIDGET (view)) > 0);
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (cw_chronology_view_is_highlighted (view, g_array_index (ids, gint64, i)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.clear-filters", NULL));
  drain_events ();
  g_assert_cmpuint (cw_timeline_get_n_bands (cw_timeline_view_get_timeline (timeline)), ==, 1);
  band = cw_timeline_get_band (cw_timeline_view_get_timeline (timeline), 0);
  g_assert_cmpint (band->id, ==, id);
  /* Over the span dragged (an entry of a month only may reach past it). */
  g_assert_cmpfloat (band->first, <, last);
  g_assert_cmpfloat (band->last, >, first);
  g_assert_cmpfloat (band->last - band->first, <, last - first + 62);
  g_assert_nonnull (strstr (band->label, "Episode 5"));

  /* Another episode chosen in Analysis: the band and tint follow it. */
  show_section (ui, "analysis");
  cw_analysis_page_select_episode (analysis_page (ui),
                                   cw_analysis_page_episode_id_at (analysis_page (ui), 0));
  drain_events ();
  band = cw_timeline_get_band (cw_timeline_view_get_timeline (timeline), 0);
  g_assert_cmpint (band->id, ==, cw_analysis_page_episode_id_at (analysis_page (ui), 0));
  g_assert_false (cw_chronology_view_is_highlighted (view, g_array_index (ids, gint64, 0))
                  && cw_chronology_view_is_highlighted (view, g_array_index (ids, gint64, 1))
                  && cw_chronology_view_is_highlighted (view, g_array_index (ids, gint64, 2)));
}

/* Rows chosen in the table make an episode; deleting it offers undo, and
 * undoing brings it back with its entries. */
static void
test_episode_from_table_rows_delete_undo (Ui *ui, gconstpointer data)
{
  CwChronologyView *view;
  g_autoptr (GArray) ids = NULL;
  gint64 id;
  guint before;

  open_sample_timeline (ui);
  view = chronology_view (ui);
  show_section (ui, "analysis");
  before = n_episodes (ui);
  show_section (ui, "chronology");
  /* Three rows (the first rows of the sample are entries, not gaps). */
  gtk_selection_model_select_range (table_selection (view), 2, 3, TRUE);
  drain_events ();
  ids = test_ui_selected_entries (view);
  g_assert_cmpuint (ids->len, >=, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.new-episode", NULL));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "analysis");
  g_assert_cmpuint (n_episodes (ui), ==, before + 1);
  id = cw_analysis_page_get_episode (analysis_page (ui));
  assert_episode_covers (ui, id, ids);

  /* Deleted, with undo; undone, it is back with its entries. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (analysis_page (ui)),
                                             "analysis.delete-episode", NULL));
  drain_events ();
  g_assert_cmpuint (n_episodes (ui), ==, before);
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (part (ui, "undo_bar"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.undo", NULL));
  drain_events ();
  g_assert_cmpuint (n_episodes (ui), ==, before + 1);
  assert_episode_covers (ui, id, ids);

  /* Added from the section itself: a new one, selected, its title focused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (analysis_page (ui)),
                                             "analysis.add-episode", NULL));
  drain_events ();
  g_assert_cmpuint (n_episodes (ui), ==, before + 2);
  g_assert_cmpint (cw_analysis_page_get_episode (analysis_page (ui)), !=, id);
}

static GtkToggleButton *
chip_named (GtkWidget  *box,
            const char *slug)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (g_strcmp0 (g_object_get_data (G_OBJECT (chip), "cw-slug"), slug) == 0)
        return GTK_TOGGLE_BUTTON (chip);
    }
  return NULL;
}

static guint
n_active (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_toggle_button_get_active (
      GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))));
  return n;
}

/* A factor of the episode, added in its tab: its kind shown as one chip of
 * Falkirk's nine, lit; another clicked, the factor is of that kind, and a
 * change made elsewhere lights the chip. */
static void
test_factor_kind_chips (Ui *ui, gconstpointer data)
{
  CwRecordTable *factors;
  GtkWidget *chips;
  GtkSelectionModel *selection;
  CwRecord *selected;
  g_autoptr (GError) error = NULL;
  g_autofree char *episode = NULL;
  gint64 factor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "analysis");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (analysis_page (ui)),
                                             "analysis.add-episode", NULL));
  drain_events ();
  factors = CW_RECORD_TABLE (cw_review_view_get_part (review_view (ui), "factors"));
  chips = cw_review_view_get_part (review_view (ui), "factor-kinds");
  gtk_stack_set_visible_child_name (
    GTK_STACK (cw_review_view_get_part (review_view (ui), "episode-editor")), "factors");
  drain_events ();
  /* A new episode has none; the chips wait for a factor. */
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (factors)), ==, 0);
  g_assert_false (gtk_widget_is_visible (chips));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (factors), "table.add", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (factors)), ==, 1);
  selection = cw_record_table_get_selection (factors);
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_assert_nonnull (selected);
  factor = cw_record_get_id (selected);
  /* Of this episode, and of the first kind: its chip alone lit. */
  episode = g_strdup_printf ("%" G_GINT64_FORMAT, cw_analysis_page_get_episode (analysis_page (ui)));
  g_assert_true (stored_value_is (ui->store, &cw_entity_factor, factor, "episode_id", episode));
  wait_for_draw (chips);
  g_assert_true (gtk_widget_is_visible (chips));
  g_assert_cmpuint (gtk_widget_get_width (chips), >, 0);
  g_assert_nonnull (chip_named (chips, "other"));
  g_assert_true (gtk_toggle_button_get_active (chip_named (chips, "family")));
  g_assert_cmpuint (n_active (chips), ==, 1);

  /* Another chip clicked: the factor is of that kind, one chip lit. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (chip_named (chips, "culture"))));
  wait_for (stored_value_is (ui->store, &cw_entity_factor, factor, "category", "culture"));
  drain_events ();
  g_assert_true (gtk_toggle_button_get_active (chip_named (chips, "culture")));
  g_assert_false (gtk_toggle_button_get_active (chip_named (chips, "family")));
  g_assert_cmpuint (n_active (chips), ==, 1);

  /* Changed elsewhere (the form's list, the command line): the chips follow. */
  g_assert_true (cw_store_update (ui->store, &cw_entity_factor, factor, "category", "role",
                                  &error));
  g_assert_no_error (error);
  drain_events ();
  g_assert_true (gtk_toggle_button_get_active (chip_named (chips, "role")));
  g_assert_cmpuint (n_active (chips), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) g_test_add ("/ui/analysis/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("episode-from-timeline-span", test_episode_from_timeline_span);
  ADD ("episode-from-table-rows-delete-undo", test_episode_from_table_rows_delete_undo);
  ADD ("factor-kind-chips", test_factor_kind_chips);
#undef ADD
  return g_test_run ();
}
