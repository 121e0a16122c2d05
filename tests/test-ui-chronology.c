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
#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-chronology-entities.h"
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

/* Where the column titled @title is in the table, or G_MAXUINT. */
static guint
column_position (GtkColumnView *table,
                 const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* The column of the table titled @title, or NULL. */
static GtkColumnViewColumn *
column_titled (GtkColumnView *table,
               const char    *title)
{
  guint position = column_position (table, title);
  g_autoptr (GtkColumnViewColumn) column = NULL;

  if (position == G_MAXUINT)
    return NULL;
  column = g_list_model_get_item (gtk_column_view_get_columns (table), position);
  return column; /* the table holds it */
}

/* The columns as they start, whatever an earlier test left. */
static void
forget_columns (Ui *ui)
{
  g_settings_reset (cw_application_get_settings (ui->app), "chronology-columns");
}

/* A chronology view made anew, as on the next start, in a window of its
 * own; destroyed with the window. */
static CwChronologyView *
reopened_view (Ui *ui, GtkWindow **window)
{
  CwChronologyView *view = g_object_new (CW_TYPE_CHRONOLOGY_VIEW, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (*window, GTK_APPLICATION (ui->app));
  gtk_window_set_child (*window, GTK_WIDGET (view));
  return view;
}

/* Action, outcome and impact are columns, hidden until chosen; each
 * column's title menu lists every column. */
static void
test_new_columns_hidden_first (Ui *ui, gconstpointer data)
{
  const char *hidden[] = { "Action", "Outcome", "Impact on the child" };
  const char *shown[] = { "Date", "Agency", "Author or role", "Record ref.", "Description",
                          "Significance" };
  GtkColumnView *table;
  GtkAdjustment *hadjustment;
  GMenuModel *menu;

  forget_columns (ui);
  table = column_view (open_sample_chronology (ui));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      g_assert_nonnull (column_titled (table, hidden[i]));
      g_assert_false (gtk_column_view_column_get_visible (column_titled (table, hidden[i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_true (gtk_column_view_column_get_visible (column_titled (table, shown[i])));
  /* The hidden columns take no width: the table fits its pane, the
   * description taking what the others leave. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (table));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=,
                     gtk_adjustment_get_page_size (hadjustment));
  menu = gtk_column_view_column_get_header_menu (column_titled (table, "Date"));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 9);
  /* Shown from the menu, its cells say the entries' outcomes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chronology_view (ui)),
                                             "columns.outcome", NULL));
  drain_events ();
  g_assert_true (gtk_column_view_column_get_visible (column_titled (table, "Outcome")));
  forget_columns (ui);
}

/* A column hidden, another moved first and one made wider: a view made
 * anew (the next start) shows them so. */
static void
test_columns_remembered (Ui *ui, gconstpointer data)
{
  GtkColumnView *table;
  GtkColumnViewColumn *column;
  CwChronologyView *again;
  GtkWindow *window = NULL;

  forget_columns (ui);
  table = column_view (open_sample_chronology (ui));
  gtk_column_view_column_set_visible (column_titled (table, "Record ref."), FALSE);
  column = column_titled (table, "Significance");
  gtk_column_view_insert_column (table, 0, column); /* as a title dragged does */
  gtk_column_view_column_set_fixed_width (column_titled (table, "Agency"), 150);
  drain_events ();
  g_assert_cmpuint (column_position (table, "Significance"), ==, 0);

  again = reopened_view (ui, &window);
  table = column_view (again);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (table, "Record ref.")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (table, "Date")));
  g_assert_cmpuint (column_position (table, "Significance"), ==, 0);
  g_assert_cmpuint (column_position (table, "Date"), ==, 1);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (table, "Agency")), ==,
                   150);
  gtk_window_destroy (window);
  drain_events ();
  forget_columns (ui);
}

/* A row is as tall as its text: an entry's long description wraps over
 * lines its neighbour's short one does not need. */
static void
test_rows_wrap (Ui *ui, gconstpointer data)
{
  CwChronologyView *view;
  CwChronologyModel *model;
  GtkWidget *table, *long_cell, *short_cell;
  const char *long_text =
    "Health visitor's home visit: the mother said she had not slept for days, the flat was "
    "cold and the baby's weight had fallen since the last visit; the health visitor "
    "arranged a GP appointment and agreed to visit again within the week.";
  g_autoptr (GError) error = NULL;
  gint64 first = 0, second = 0;

  view = open_sample_chronology (ui);
  model = cw_chronology_view_get_model (view);
  for (guint i = 0; second == 0 && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      gint64 id = cw_chronology_model_get_entry_id (model, i);
      if (id != 0 && first == 0)
        first = id;
      else if (id != 0)
        second = id;
    }
  g_assert_true (cw_store_update (ui->store, &cw_entity_chronology_entry, first, "description",
                                  long_text, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_update (ui->store, &cw_entity_chronology_entry, second, "description",
                                  "Seen.", &error));
  g_assert_no_error (error);
  table = GTK_WIDGET (column_view (view));
  wait_for ((long_cell = find_cell (table, long_text)) != NULL
            && (short_cell = find_cell (table, "Seen.")) != NULL);
  wait_for_draw (table);
  wait_for (gtk_widget_get_height (long_cell) > 0 && gtk_widget_get_height (short_cell) > 0);
  g_assert_cmpint (gtk_inscription_get_min_lines (GTK_INSCRIPTION (long_cell)), >, 1);
  g_assert_cmpint (gtk_inscription_get_min_lines (GTK_INSCRIPTION (short_cell)), ==, 1);
  wait_for (gtk_widget_get_height (long_cell) > gtk_widget_get_height (short_cell) + 10);
}

/* What the table draws, as GSK's text form ("border { colors: ...; }"),
 * or NULL while it waits to be laid out again. */
static char *
table_nodes (GtkWidget *table)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (table);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GBytes) bytes = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (table),
                          gtk_widget_get_height (table));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  bytes = gsk_render_node_serialize (node);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every border the rows and cells draw has one colour on all its sides:
 * GTK's cairo renderer draws a border of several colours side by side,
 * each through a clip mask as large as the row or cell, which made a fifth
 * of each frame while the table jumped (bench/README.md). */
static void
test_borders_one_colour (Ui *ui, gconstpointer data)
{
  CwChronologyView *view = open_sample_chronology (ui);
  GtkWidget *table = GTK_WIDGET (column_view (view));
  g_autofree char *nodes = NULL;
  guint borders = 0;

  wait_for ((nodes = table_nodes (table)) != NULL);

  for (const char *p = strstr (nodes, "border {"); p != NULL; p = strstr (p + 1, "border {"))
    {
      const char *colors = strstr (p, "colors: ");
      g_autofree char *line = NULL;

      g_assert_nonnull (colors);
      line = g_strndup (colors, strcspn (colors, ";"));
      /* "colors: rgb(1,2,3) rgba(0,0,0,0)" names several, one per side. */
      if (strchr (line + strlen ("colors: "), ' ') != NULL)
        g_error ("A border of several colours: %s", line);
      borders++;
    }
  /* The rows' separators are drawn. */
  g_assert_cmpuint (borders, >, 3);
}

/* Whether the timeline (its overview strip at its foot) ends above the
 * status line, which is shown. */
static gboolean
timeline_above_status (CwChronologyView *view)
{
  GtkWidget *timeline = GTK_WIDGET (cw_chronology_view_get_timeline (view));
  GtkWidget *status = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "status_bar"));
  graphene_rect_t line, strip;

  return gtk_widget_get_mapped (status) && gtk_widget_get_mapped (timeline)
         && gtk_widget_compute_bounds (status, GTK_WIDGET (view), &line)
         && gtk_widget_compute_bounds (timeline, GTK_WIDGET (view), &strip)
         && gtk_widget_get_overflow (timeline) == GTK_OVERFLOW_HIDDEN
         && strip.origin.y + strip.size.height <= line.origin.y;
}

/* The status line stays in sight below the timeline alone and below both;
 * the timeline draws nothing past its own foot. */
static void
test_status_line_below_timeline (Ui *ui, gconstpointer data)
{
  CwChronologyView *view = open_sample_chronology (ui);
  GtkToggleButton *timeline_only = GTK_TOGGLE_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "show_timeline"));

  wait_for (timeline_above_status (view));
  gtk_toggle_button_set_active (timeline_only, TRUE);
  drain_events ();
  wait_for_draw (GTK_WIDGET (view));
  wait_for (timeline_above_status (view));
}

/* Whether @widget is shown whole within the window. */
static gboolean
within_window (Ui        *ui,
               GtkWidget *widget)
{
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget)
         && gtk_widget_compute_bounds (widget, GTK_WIDGET (ui->window), &bounds)
         && bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (ui->window));
}

/* At 1024 by 700, in Both with an entry selected (so its editor shown),
 * the table keeps rows and the status line stays in the window. */
static void
test_both_fits_small_window (Ui *ui, gconstpointer data)
{
  CwChronologyView *view;
  GtkWidget *status, *table;

  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1024, 700);
  view = open_sample_chronology (ui);
  status = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "status_bar"));
  table = gtk_widget_get_parent (GTK_WIDGET (column_view (view)));
  cw_chronology_view_select_entry (view, cw_chronology_model_get_entry_id (
                                           cw_chronology_view_get_model (view), 0));
  drain_events ();
  wait_for_draw (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (ui->window)), <=, 700);
  g_assert_cmpint (gtk_widget_get_height (table), >=, 96);
  g_assert_true (within_window (ui, status));
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
  ADD ("new-columns-hidden-first", test_new_columns_hidden_first);
  ADD ("columns-remembered", test_columns_remembered);
  ADD ("rows-wrap", test_rows_wrap);
  ADD ("borders-one-colour", test_borders_one_colour);
  ADD ("status-line-below-timeline", test_status_line_below_timeline);
  ADD ("both-fits-small-window", test_both_fits_small_window);
#undef ADD
  return g_test_run ();
}
