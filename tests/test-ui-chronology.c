/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chronology's table as a reviewer reads it, in a real window under
 * Xvfb on the sample review: agencies told apart by their short names,
 * the table following the timeline, rows as tall as their text, and the
 * columns shown, hidden, resized and moved as the user left them. */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-chronology-view.h"
#include "cw-core.h"
#include "cw-timeline-view.h"
#include "test-ui-helpers.h"

static CwChronologyView *
chronology_view (Ui *ui)
{
  return CW_CHRONOLOGY_VIEW (cw_review_view_get_part (review_view (ui), "chronology"));
}

static GtkColumnView *
column_view (CwChronologyView *view)
{
  return GTK_COLUMN_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "column_view"));
}

static CwChronologyView *
open_sample_chronology (Ui *ui)
{
  CwChronologyView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "chronology");
  view = chronology_view (ui);
  wait_for (cw_timeline_view_is_loaded (cw_chronology_view_get_timeline (view)));
  wait_for_draw (GTK_WIDGET (column_view (view)));
  return view;
}

/* The cell of the table, on screen, whose text is @text, or NULL. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_INSCRIPTION (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the cell showing @text lies within the table's scrolled window,
 * where the user sees it (rows kept ready above and below it do not). */
static gboolean
cell_in_view (CwChronologyView *view,
              const char       *text)
{
  GtkWidget *table = GTK_WIDGET (column_view (view));
  GtkWidget *scroller = gtk_widget_get_parent (table);
  GtkWidget *cell = find_cell (table, text);
  graphene_rect_t bounds;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.size.height > 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* The entry of the list at @position's description. */
static char *
description_at (CwChronologyView *view,
                guint             position)
{
  g_autoptr (CwChronologyItem) item = g_list_model_get_item (
    G_LIST_MODEL (cw_chronology_view_get_model (view)), position);

  return g_strdup (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION));
}

/* Choosing the last entry on the timeline brings its row into the table's
 * view; the table had shown the first rows. */
static void
test_timeline_selection_scrolls_table (Ui *ui, gconstpointer data)
{
  CwChronologyView *view = open_sample_chronology (ui);
  CwChronologyModel *model = cw_chronology_view_get_model (view);
  guint last = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autofree char *text = NULL;
  gint64 id = 0;

  while (id == 0 && last > 0)
    id = cw_chronology_model_get_entry_id (model, --last);
  g_assert_cmpint (id, >, 0);
  text = description_at (view, last);
  g_assert_nonnull (text);
  g_assert_false (cell_in_view (view, text));

  cw_timeline_view_select (cw_chronology_view_get_timeline (view), id);
  wait_for (cell_in_view (view, text));
}

/* The narrow agency column says the register's short names ("Police",
 * "Park Primary"), which tell apart what "Northshire P…" would not; the
 * full name is its tooltip. */
static void
test_agency_short_names (Ui *ui, gconstpointer data)
{
  CwChronologyView *view = open_sample_chronology (ui);
  GtkWidget *table = GTK_WIDGET (column_view (view));
  GtkWidget *cell;

  cell = find_cell (table, "Police");
  g_assert_nonnull (cell);
  g_assert_null (find_cell (table, "Northshire Police"));
  g_assert_true (gtk_widget_get_has_tooltip (cell));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) \
  g_test_add ("/ui-chronology/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("timeline-selection-scrolls-table", test_timeline_selection_scrolls_table);
  ADD ("agency-short-names", test_agency_short_names);
#undef ADD
  return g_test_run ();
}
