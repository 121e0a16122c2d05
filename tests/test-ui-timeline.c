/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline as a person uses it, in a real window (under Xvfb in CI):
 * Ctrl+click adds an entry to the selection, in the table too, and takes
 * it out again. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-chronology-view.h"
#include "cw-core.h"
#include "cw-timeline-view.h"
#include "test-ui-helpers.h"
#include "test-ui-selection.h"

static CwChronologyView *
chronology_view (Ui *ui)
{
  return CW_CHRONOLOGY_VIEW (cw_review_view_get_part (review_view (ui), "chronology"));
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Clicks on the first mark of an entry in sight in lane @lane; returns
 * the entry clicked. */
static gint64
click_mark (CwTimelineView  *timeline,
            guint            lane,
            GdkModifierType  modifiers)
{
  CwTimeline *lanes = cw_timeline_view_get_timeline (timeline);
  CwTimelineFrame frame = { 0 };
  g_autoptr (GArray) items = NULL;

  frame.scale = *cw_timeline_view_get_scale (timeline);
  frame.width = gtk_widget_get_width (GTK_WIDGET (timeline));
  frame.height = gtk_widget_get_height (GTK_WIDGET (timeline)) - 30; /* the overview strip */
  items = cw_timeline_place (lanes, &frame);
  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);

      if (item->kind == CW_TIMELINE_ITEM_EVENT && item->lane == lane)
        return cw_timeline_view_click_with (timeline, cw_timeline_item_x (item),
                                            cw_timeline_item_y (lanes, &frame, item), 1,
                                            modifiers);
    }
  g_error ("no mark in lane %u", lane);
}

static void
test_ctrl_click_adds_to_selection (Ui *ui, gconstpointer data)
{
  CwChronologyView *view;
  CwTimelineView *timeline;
  g_autoptr (GArray) chosen = NULL;
  gint64 first, second;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "chronology");
  view = chronology_view (ui);
  timeline = cw_chronology_view_get_timeline (view);
  wait_for (cw_timeline_view_is_loaded (timeline));
  cw_timeline_view_zoom_to_fit (timeline);
  wait_for_draw (GTK_WIDGET (timeline));

  /* A click selects one entry. */
  first = click_mark (timeline, 0, 0);
  drain_events ();
  g_assert_cmpint (first, >, 0);
  chosen = test_ui_selected_entries (view);
  g_assert_cmpuint (chosen->len, ==, 1);
  g_clear_pointer (&chosen, g_array_unref);

  /* Ctrl+click on another lane's mark adds it; it has the focus. */
  second = click_mark (timeline, 2, GDK_CONTROL_MASK);
  drain_events ();
  g_assert_cmpint (second, >, 0);
  g_assert_cmpint (second, !=, first);
  chosen = test_ui_selected_entries (view);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_true (has_id (chosen, first));
  g_assert_true (has_id (chosen, second));
  g_assert_cmpint (cw_timeline_view_get_selected (timeline), ==, second);
  g_clear_pointer (&chosen, g_array_unref);

  /* Ctrl+click on a selected one takes it out. */
  g_assert_cmpint (click_mark (timeline, 0, GDK_CONTROL_MASK), ==, first);
  drain_events ();
  chosen = test_ui_selected_entries (view);
  g_assert_cmpuint (chosen->len, ==, 1);
  g_assert_true (has_id (chosen, second));
  g_assert_cmpint (cw_timeline_view_get_selected (timeline), ==, second);
  g_clear_pointer (&chosen, g_array_unref);

  /* A plain click selects that one alone again. */
  g_assert_cmpint (click_mark (timeline, 0, 0), ==, first);
  drain_events ();
  chosen = test_ui_selected_entries (view);
  g_assert_cmpuint (chosen->len, ==, 1);
  g_assert_true (has_id (chosen, first));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) g_test_add ("/ui/timeline/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("ctrl-click-adds-to-selection", test_ctrl_click_adds_to_selection);
#undef ADD
  return g_test_run ();
}
