/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a small screen and from the keyboard: every section of a
 * review fits 1024 by 700, the sections are walked without switching at
 * each step, and the wording a new user meets. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-application.h"
#include "cw-core.h"
#include "cw-focus.h"
#include "cw-history-view.h"
#include "cw-import-dialog.h"
#include "cw-new-entry-dialog.h"
#include "cw-new-review-dialog.h"
#include "cw-preferences-window.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review-list.h"
#include "cw-review-section.h"
#include "cw-review-view.h"
#include "cw-review.h"
#include "cw-undo-bar.h"
#include "cw-window.h"
#include "test-ui-helpers.h"

/* The size of a council laptop's screen less the panel: the smallest the
 * window must work at. */
#define SMALL_WIDTH 1024
#define SMALL_HEIGHT 700
/* The header bar reaches a pixel into the window's frame. */
#define SLACK 2

static GtkWidget *
review_part (Ui         *ui,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (review_view (ui)),
                                                    CW_TYPE_REVIEW_VIEW, name));
}

static void
open_sample (Ui *ui)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  g_assert_cmpstr (main_page (ui), ==, "review");
}

/* A widget's place, in the window's coordinates. */
static gboolean
window_bounds (Ui              *ui,
               GtkWidget       *widget,
               graphene_rect_t *bounds)
{
  return gtk_widget_compute_bounds (widget, GTK_WIDGET (ui->window), bounds);
}

/* Each widget shown lies inside the window, and inside the scroller it
 * is in: a page may scroll down, but what a page scroller holds must not
 * need scrolling sideways to be seen (a form's fields, a toolbar's
 * buttons). A scroller that scrolls its own content (a table, a text, the
 * timeline) may be wider than it shows. Returns the first widget that
 * does not fit. */
static GtkWidget *
first_outside (Ui                    *ui,
               GtkWidget             *widget,
               const graphene_rect_t *clip,
               gboolean               vertical,
               graphene_rect_t       *outside)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget)
      || (GTK_IS_NATIVE (widget) && widget != GTK_WIDGET (ui->window)))
    return NULL;
  if (widget != GTK_WIDGET (ui->window) && window_bounds (ui, widget, &bounds)
      && bounds.size.width > 0 && bounds.size.height > 0
      && (bounds.origin.x < clip->origin.x - SLACK
          || bounds.origin.x + bounds.size.width > clip->origin.x + clip->size.width + SLACK
          || (vertical
              && (bounds.origin.y < clip->origin.y - SLACK
                  || bounds.origin.y + bounds.size.height
                       > clip->origin.y + clip->size.height + SLACK))))
    {
      *outside = bounds;
      return widget;
    }
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
      GtkAdjustment *sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      if (!GTK_IS_VIEWPORT (child))
        return NULL;
      if (gtk_adjustment_get_upper (sideways) - gtk_adjustment_get_lower (sideways)
          > gtk_adjustment_get_page_size (sideways) + SLACK)
        {
          window_bounds (ui, widget, outside);
          outside->size.width = gtk_adjustment_get_upper (sideways)
                                - gtk_adjustment_get_lower (sideways);
          return widget;
        }
      window_bounds (ui, widget, &bounds);
      return first_outside (ui, child, &bounds, FALSE, outside);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_outside (ui, child, clip, vertical, outside);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_fits (Ui         *ui,
             const char *where)
{
  graphene_rect_t bounds;
  GtkWidget *outside;
  g_autofree char *message = NULL;
  int width, height, asked_width, asked_height;

  wait_for_draw (GTK_WIDGET (ui->window));
  width = gtk_widget_get_width (GTK_WIDGET (ui->window));
  height = gtk_widget_get_height (GTK_WIDGET (ui->window));
  gtk_window_get_default_size (GTK_WINDOW (ui->window), &asked_width, &asked_height);
  /* A window whose content needs more grows past the screen: that fails too. */
  if (width > asked_width || height > asked_height)
    message = g_strdup_printf ("%s: the window grew to %d by %d, past %d by %d", where, width,
                               height, asked_width, asked_height);
  else if ((outside = first_outside (ui, GTK_WIDGET (ui->window),
                                     &GRAPHENE_RECT_INIT (0, 0, width, height), TRUE, &bounds))
             != NULL
           && GTK_IS_SCROLLED_WINDOW (outside))
    message = g_strdup_printf ("%s: the page at %.0f,%.0f needs %.0f pixels across but has %d: it "
                               "scrolls sideways", where, bounds.origin.x, bounds.origin.y,
                               bounds.size.width, gtk_widget_get_width (outside));
  else if (outside != NULL)
    message = g_strdup_printf ("%s: a %s lies at %.0f,%.0f, %.0f by %.0f, outside the %d by %d "
                               "window", where, G_OBJECT_TYPE_NAME (outside), bounds.origin.x,
                               bounds.origin.y, bounds.size.width, bounds.size.height, width,
                               height);
  if (message != NULL)
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

static void
assert_sections_fit (Ui         *ui,
                     const char *how)
{
  guint n = 0;

  for (const CwReviewSectionInfo *section = cw_review_sections (); section->name != NULL;
       section++, n++)
    {
      g_autofree char *where = g_strdup_printf ("section %s%s", section->name, how);

      show_section (ui, section->name);
      assert_fits (ui, where);
    }
  g_assert_cmpuint (n, >=, 7);
}

/* The width the review is given, and where it starts. */
static void
review_place (Ui              *ui,
              graphene_rect_t *bounds)
{
  wait_for_draw (GTK_WIDGET (ui->window));
  g_assert_true (window_bounds (ui, GTK_WIDGET (review_view (ui)), bounds));
}

/* Escape in the list of reviews, when it lies over the review. */
static void
press_escape_in_drawer (Ui *ui)
{
  GtkWidget *list = part (ui, "review_list");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr (GtkShortcut) shortcut = NULL;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "cw-drawer-keys") != 0)
        continue;
      shortcut = g_list_model_get_item (G_LIST_MODEL (controller), 0);
      g_assert_cmpuint (gtk_keyval_trigger_get_keyval (
                          GTK_KEYVAL_TRIGGER (gtk_shortcut_get_trigger (shortcut))),
                        ==, GDK_KEY_Escape);
      pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, list, NULL);
    }
  g_assert_true (pressed);
  drain_events ();
}

/* Every section of the list of sections, those other people add too, at
 * 1024 by 700: the list of reviews folds away so that the review has the
 * whole width; shown (F9) it lies over the review like a drawer, the
 * review keeping its width, until a review is chosen or Escape. */
static void
test_every_section_fits_small_screen (Ui *ui, gconstpointer data)
{
  GtkWidget *list = part (ui, "review_list");
  graphene_rect_t review, drawer, now;
  GtkWidget *focus;
  g_autofree char *other = create_review_through_dialog (ui, "Another review", "Child Z");
  gint64 other_id = cw_review_list_get_selected_id (CW_REVIEW_LIST (list));

  g_assert_cmpint (other_id, >, 0);
  gtk_window_set_default_size (GTK_WINDOW (ui->window), SMALL_WIDTH, SMALL_HEIGHT);
  open_sample (ui);
  assert_fits (ui, "the sample review");
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (ui, "sidebar_button"))));
  review_place (ui, &review);
  g_assert_cmpfloat (review.origin.x, <=, SLACK);
  g_assert_cmpfloat (review.size.width, >=, gtk_widget_get_width (GTK_WIDGET (ui->window)) - SLACK);
  assert_sections_fit (ui, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  g_assert_true (gtk_widget_get_visible (list));
  review_place (ui, &now);
  g_assert_cmpfloat (now.size.width, ==, review.size.width);
  g_assert_true (window_bounds (ui, list, &drawer));
  g_assert_cmpfloat (drawer.origin.x, <=, SLACK);
  g_assert_cmpfloat (drawer.size.width, <=, SMALL_WIDTH / 2);
  g_assert_cmpfloat (drawer.size.width, >=, 260);
  assert_sections_fit (ui, ", list of reviews shown over it");
  show_section (ui, "chronology");
  press_escape_in_drawer (ui);
  g_assert_false (gtk_widget_get_visible (list));
  /* The keyboard goes on in the review, at the section shown. */
  focus = gtk_root_get_focus (GTK_ROOT (ui->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, review_part (ui, "sidebar")));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (focus)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (focus))), ==,
                   "Chronology");

  /* Choosing a review in the drawer closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.search", NULL));
  drain_events ();
  g_assert_true (gtk_widget_get_visible (list));
  cw_review_list_select_id (CW_REVIEW_LIST (list), other_id);
  drain_events ();
  g_assert_cmpstr (main_page (ui), ==, "review");
  g_assert_cmpint (cw_review_list_get_selected_id (CW_REVIEW_LIST (list)), ==, other_id);
  g_assert_false (gtk_widget_get_visible (list));
}

/* The narrowest the window can be made (half of a 1920 screen) is one
 * every section fits too: the window says no narrower than it works. */
static void
test_every_section_fits_narrowest (Ui *ui, gconstpointer data)
{
  int narrowest;
  g_autofree char *how = NULL;

  gtk_widget_measure (GTK_WIDGET (ui->window), GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, NULL,
                      NULL, NULL);
  g_assert_cmpint (narrowest, <=, 960 + 2 * 24); /* with the frame's shadow */
  how = g_strdup_printf (" at the narrowest window, %d wide", narrowest);
  gtk_window_set_default_size (GTK_WINDOW (ui->window), narrowest, SMALL_HEIGHT);
  open_sample (ui);
  assert_sections_fit (ui, how);
}

/* A window shown over the main one fits the small screen too. */
static void
assert_window_fits (GtkWidget  *window,
                    const char *what)
{
  int width, height;

  wait_for_draw (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  if (width > SMALL_WIDTH || height > SMALL_HEIGHT)
    g_error ("%s is %d by %d, more than %d by %d", what, width, height, SMALL_WIDTH,
             SMALL_HEIGHT);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
}

/* The dialogs and the preferences fit 1024 by 700: the new review, the
 * new entry, the preferences, and the import of a combined chronology
 * with many rows in error and agencies to confirm. */
static void
test_dialogs_fit_small_screen (Ui *ui, gconstpointer data)
{
  g_autofree char *path = g_build_filename (ui->dir, "Combined chronology.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GString) csv = g_string_new ("Date,Agency,Author,Record ref,Details\n");
  g_autoptr (GError) error = NULL;
  gint64 review;
  GtkWidget *window;

  gtk_window_set_default_size (GTK_WINDOW (ui->window), SMALL_WIDTH, SMALL_HEIGHT);
  open_sample (ui);
  review = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));

  window = cw_new_review_dialog_new (ui->store);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (window));
  assert_window_fits (window, "the new review dialog");

  window = cw_new_entry_dialog_new (GTK_WINDOW (ui->window), ui->store, review);
  gtk_window_present (GTK_WINDOW (window));
  assert_window_fits (window, "the new entry dialog");

  window = cw_preferences_window_new (ui->store);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (window));
  assert_window_fits (window, "the preferences");

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "%s,%s,Author %u,REF-%u,Entry %u of a long combined chronology\n",
                            i % 3 == 0 ? "31/02/2025" : "03/04/2025",
                            i % 2 ? "Northshire Police" : "Unheard-of Agency", i, i, i);
  g_assert_true (g_file_set_contents (path, csv->str, -1, &error));
  window = cw_import_dialog_new (GTK_WINDOW (ui->window), ui->store, review, file);
  gtk_window_present (GTK_WINDOW (window));
  /* Read and checked in threads: the rows in error are listed. */
  wait_for (!cw_import_dialog_is_busy (CW_IMPORT_DIALOG (window)));
  g_assert_nonnull (strstr (cw_import_dialog_get_summary (CW_IMPORT_DIALOG (window)), "20 rows"));
  assert_window_fits (window, "the import dialog");
}

/* At 1366 by 768, the commonest council laptop, the list of reviews
 * stays beside the review and every section still fits; hidden (F9),
 * it stays hidden across a narrower and wider window. */
static void
test_every_section_fits_laptop (Ui *ui, gconstpointer data)
{
  GtkWidget *list = part (ui, "review_list");
  graphene_rect_t review, beside;
  g_autoptr (GdkMonitor) monitor = g_list_model_get_item (
    gdk_display_get_monitors (gtk_widget_get_display (list)), 0);
  GdkRectangle screen;

  /* The window cannot be larger than the screen it is on. */
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < 1366 + 20 || screen.height < 768 + 20)
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                         "the screen is too small for a 1366 by 768 window: run the UI tests "
                         "on a screen of 1920 by 1080, as tools/test does");
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1366, 768);
  open_sample (ui);
  review_place (ui, &review);
  drain_events ();
  review_place (ui, &review);
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (window_bounds (ui, list, &beside));
  g_assert_cmpfloat (beside.origin.x + beside.size.width, <=, review.origin.x);
  assert_sections_fit (ui, " at 1366 by 768");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (list));
  gtk_window_set_default_size (GTK_WINDOW (ui->window), SMALL_WIDTH, SMALL_HEIGHT);
  review_place (ui, &review);
  drain_events ();
  g_assert_false (gtk_widget_get_visible (list));
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1366, 768);
  review_place (ui, &review);
  drain_events ();
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  review_place (ui, &review);
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (window_bounds (ui, list, &beside));
  g_assert_cmpfloat (beside.origin.x + beside.size.width, <=, review.origin.x);
}

/* F9 and the header's button hide and show the list of reviews; Ctrl+F
 * shows it to search. */
static void
test_sidebar_hides (Ui *ui, gconstpointer data)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui->app),
                                                                 "win.show-sidebar");
  GtkWidget *list = part (ui, "review_list");

  g_assert_cmpstr (accels[0], ==, "F9");
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (ui, "sidebar_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.search", NULL));
  drain_events ();
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (ui, "sidebar_button"))));
}

static gboolean
focus_is_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A key pressed on @list, as its one-tab-stop controller sees it. */
static void
press_key (GtkWidget      *list,
           guint           keyval,
           GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), CW_ONE_TAB_STOP) == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (handled);
  drain_events ();
}

static void
press_tab (Ui *ui)
{
  g_signal_emit_by_name (ui->window, "move-focus", GTK_DIR_TAB_FORWARD); /* Tab's binding */
  drain_events ();
}

/* Moving through the sections' list with the keyboard (Tab, arrows)
 * moves the focus and shows nothing new; Return shows the section the
 * focus is on. */
static void
test_section_list_keyboard (Ui *ui, gconstpointer data)
{
  GtkWidget *sidebar;
  GtkWidget *row;

  open_sample (ui);
  show_section (ui, "overview");
  sidebar = review_part (ui, "sidebar");
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  drain_events ();
  g_assert_true (focus_is_within (sidebar));
  row = gtk_root_get_focus (GTK_ROOT (ui->window));
  press_tab (ui);
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "overview");
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD)
                 || focus_is_within (sidebar));
  drain_events ();
  /* Down moves the focus to the next section, and shows nothing new. */
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_DOWN));
  drain_events ();
  g_assert_true (focus_is_within (sidebar));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (ui->window)) != row);
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "overview");
  /* Return (the list's activate-item) or a click shows it. */
  g_assert_true (gtk_widget_activate_action (sidebar, "list.activate-item", "u", 1));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==,
                   cw_review_sections ()[1].name);
  /* Tab leaves the list at once, for the section shown. */
  g_assert_true (focus_is_within (sidebar));
  press_key (sidebar, GDK_KEY_Tab, 0);
  g_assert_false (focus_is_within (sidebar));
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==,
                   cw_review_sections ()[1].name);
}

/* Every section has its own shortcut; Ctrl+Page Down and Up step
 * through them, round at the ends. */
static void
test_section_shortcuts (Ui *ui, gconstpointer data)
{
  /* Not Shift+Alt+digit: Shift changes the key a digit gives. */
  static const char *const number_row[] = { "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5",
                                            "<Alt>6", "<Alt>7", "<Alt>8", "<Alt>9", "<Alt>0",
                                            "<Alt>minus", "<Alt>equal" };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const CwReviewSectionInfo *sections = cw_review_sections ();
  guint n = 0;

  for (const CwReviewSectionInfo *section = sections; section->name != NULL; section++, n++)
    {
      g_autofree char *action = g_strconcat ("win.section::", section->name, NULL);
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui->app),
                                                                     action);

      g_assert_nonnull (accels[0]);
      g_assert_false (g_hash_table_contains (seen, accels[0]));
      g_hash_table_add (seen, g_strdup (accels[0]));
      /* The number row with Alt, in the sidebar's order. */
      g_assert_cmpuint (n, <, G_N_ELEMENTS (number_row));
      g_assert_cmpstr (accels[0], ==, number_row[n]);
      g_assert_cmpstr (section->accel, ==, number_row[n]);
    }
  g_assert_cmpuint (n, >=, 12); /* with the action plan and reports */

  open_sample (ui);
  show_section (ui, sections[0].name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.next-section", NULL));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, sections[1].name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.previous-section",
                                             NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.previous-section",
                                             NULL));
  drain_events ();
  /* Back past the first: the last the sample review's phase shows. */
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), !=, sections[0].name);
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), !=, sections[1].name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.next-section", NULL));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, sections[0].name);

  /* With the keyboard in the list of sections, the focus follows the
   * section a key shows. */
  cw_review_view_focus_sections (review_view (ui));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.section", "s",
                                             sections[2].name));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, sections[2].name);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ui->window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, review_part (ui, "sidebar")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (focus))), ==,
                     sections[2].title); /* untranslated: the tests run in C */
  }
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_hash_table_add (found, g_steal_pointer (&accelerator));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, found);
}

/* The shortcuts window lists every section's key, stepping through the
 * sections, the sidebar and the Actions view. */
static void
test_shortcuts_window (Ui *ui, gconstpointer data)
{
  g_autoptr (GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkShortcutsWindow *overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (ui->window));
  const char *const others[] = { "F9", "<Control>Page_Down", "<Control>Page_Up",
                                 "<Control><Shift>a" };
  GLogLevelFlags fatal;

  g_assert_nonnull (overlay);
  collect_accelerators (GTK_WIDGET (overlay), found);
  for (const CwReviewSectionInfo *section = cw_review_sections (); section->name != NULL;
       section++)
    g_assert_true (g_hash_table_contains (found, section->accel));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      if (!g_hash_table_contains (found, others[i]))
        g_error ("the shortcuts window lacks %s", others[i]);
    }

  /* Shown, it fits a small screen, its frame and title too. (GTK 4.8's
   * shortcuts window warns of a label's negative width, its own doing:
   * warnings are not fatal while it is measured.) */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_window_present (GTK_WINDOW (overlay));
  wait_for_draw (GTK_WIDGET (overlay));
  g_log_set_always_fatal (fatal);
  if (gtk_widget_get_height (GTK_WIDGET (overlay)) > SMALL_HEIGHT
      || gtk_widget_get_width (GTK_WIDGET (overlay)) > SMALL_WIDTH)
    g_error ("the shortcuts window is %d by %d, more than %d by %d",
             gtk_widget_get_width (GTK_WIDGET (overlay)),
             gtk_widget_get_height (GTK_WIDGET (overlay)), SMALL_WIDTH, SMALL_HEIGHT);
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

/* The history is one stop of Tab: the next Tab leaves it. */
static void
test_history_one_tab_stop (Ui *ui, gconstpointer data)
{
  GtkWidget *history;
  GtkWidget *table;

  open_sample (ui);
  show_section (ui, "history");
  history = cw_review_view_get_part (review_view (ui), "history");
  wait_for_draw (history);
  g_assert_true (gtk_widget_child_focus (history, GTK_DIR_TAB_FORWARD));
  drain_events ();
  g_assert_true (focus_is_within (history));
  table = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (ui->window)),
                                   GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (table);
  press_key (table, GDK_KEY_Tab, 0);
  g_assert_false (focus_is_within (table));
  /* And Shift+Tab, from a row, leaves it backwards. */
  g_assert_true (gtk_widget_child_focus (table, GTK_DIR_TAB_FORWARD));
  drain_events ();
  g_assert_true (focus_is_within (table));
  press_key (table, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_false (focus_is_within (table));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (ui->window)));
}

/* Typing in the search of the reviews leaves the review open; Return
 * there opens the first review found. */
static void
test_search_keeps_review_open (Ui *ui, gconstpointer data)
{
  CwReviewList *list = CW_REVIEW_LIST (part (ui, "review_list"));
  g_autofree char *other = create_review_through_dialog (ui, "Another review", "Child Z");
  GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (list),
                                                                 CW_TYPE_REVIEW_LIST,
                                                                 "search_entry"));
  gint64 open;
  g_autoptr (CwRecord) found = NULL;

  open_sample (ui);
  open = cw_review_list_get_selected_id (list);
  g_assert_cmpint (open, >, 0);
  cw_review_list_set_search (list, "Anoth");
  drain_events ();
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 1);
  g_assert_cmpstr (main_page (ui), ==, "review");
  g_assert_cmpint (cw_review_list_get_selected_id (list), ==, open);
  cw_review_list_set_search (list, "zzz");
  drain_events ();
  g_assert_cmpint (cw_review_list_get_selected_id (list), ==, open);
  cw_review_list_set_search (list, "");
  drain_events ();
  g_assert_cmpint (cw_review_list_get_selected_id (list), ==, open);

  cw_review_list_set_search (list, "Anoth");
  g_signal_emit_by_name (search, "activate");
  drain_events ();
  found = cw_store_get (ui->store, &cw_entity_review, cw_review_list_get_selected_id (list),
                        NULL);
  g_assert_cmpstr (cw_record_get (found, "reference"), ==, other);
  g_assert_cmpstr (main_page (ui), ==, "review");
}

/* Adding an agency involved before there is any agency says where to add
 * one, in sentence case. */
static void
test_no_agency_yet (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "No agencies", "Child N");
  GtkWidget *table = cw_review_view_get_part (review_view (ui), "agencies");
  GtkWidget *bar = part (ui, "undo_bar");
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (bar, CW_TYPE_UNDO_BAR, "label"));

  g_assert_nonnull (reference);
  show_section (ui, "people");
  g_assert_true (gtk_widget_activate_action (table, "table.add", NULL));
  drain_events ();
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (bar)));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "There is no agency yet: add one in People & agencies, Agencies tab, under "
                   "“Agency register”");
}

/* New Review offers the kind most used: with none yet, in England, a
 * Child Safeguarding Practice Review; then what the reviews are. */
static void
test_new_review_kind (Ui *ui, gconstpointer data)
{
  GtkWidget *dialog;
  GtkDropDown *kind;
  g_autofree char *first = create_review_through_dialog (ui, "First", "Child F");
  g_autofree char *reference = NULL;

  g_assert_true (g_str_has_prefix (first, "CSPR-"));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *rapid = NULL;
      g_autoptr (GError) error = NULL;

      rapid = cw_store_create_review (ui->store, "rapid", "Rapid", NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.new-review", NULL));
  wait_for ((dialog = GTK_WIDGET (find_toplevel (CW_TYPE_NEW_REVIEW_DIALOG))) != NULL);
  kind = GTK_DROP_DOWN (gtk_widget_get_template_child (dialog, CW_TYPE_NEW_REVIEW_DIALOG,
                                                       "kind_drop_down"));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (kind)), ==,
                   "Rapid review");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_events ();
}

/* The referral form's Scottish fields show for a review in Scotland. */
static void
test_scottish_fields (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Where", "Child W");
  CwRecordForm *referral = CW_RECORD_FORM (cw_review_view_get_part (review_view (ui),
                                                                    "referral-form"));
  GtkWidget *swis = cw_record_form_get_editor (referral, "swis_number");
  GtkWidget *grounds = cw_record_form_get_editor (referral, "grounds");
  GtkWidget *placement = NULL;
  g_autoptr (CwRecord) review = cw_store_find_review (ui->store, reference, NULL);
  g_autoptr (GError) error = NULL;

  for (GtkWidget *check = gtk_widget_get_first_child (grounds); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), "Placement"))
      placement = check;
  g_assert_nonnull (placement);
  show_section (ui, "referral");
  g_assert_false (gtk_widget_get_visible (swis));
  g_assert_false (gtk_widget_get_visible (placement));
  g_assert_true (gtk_widget_get_visible (cw_record_form_get_editor (referral, "child_name")));

  g_assert_true (cw_store_update (ui->store, &cw_entity_review, cw_record_get_id (review),
                                  "profile", "scotland", &error));
  g_assert_no_error (error);
  drain_events ();
  g_assert_true (gtk_widget_get_visible (swis));
  g_assert_true (gtk_widget_get_visible (placement));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) g_test_add ("/ui-window/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("every-section-fits-1024x700", test_every_section_fits_small_screen);
  ADD ("every-section-fits-1366x768", test_every_section_fits_laptop);
  ADD ("every-section-fits-narrowest", test_every_section_fits_narrowest);
  ADD ("dialogs-fit-1024x700", test_dialogs_fit_small_screen);
  ADD ("sidebar-hides", test_sidebar_hides);
  ADD ("section-list-keyboard", test_section_list_keyboard);
  ADD ("section-shortcuts", test_section_shortcuts);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("history-one-tab-stop", test_history_one_tab_stop);
  ADD ("search-keeps-review-open", test_search_keeps_review_open);
  ADD ("no-agency-yet", test_no_agency_yet);
  ADD ("new-review-kind", test_new_review_kind);
  ADD ("scottish-fields", test_scottish_fields);
#undef ADD
  return g_test_run ();
}
