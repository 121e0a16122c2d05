/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Action plans in a real window under Xvfb: an action added and its
 * progress reported in the review's action plan, found overdue in the
 * Actions view across every review, and the plan's closing rules. */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-action-plan-page.h"
#include "cw-actions-view.h"
#include "cw-actions.h"
#include "cw-core.h"
#include "cw-overview-page.h"
#include "cw-date.h"
#include "cw-record-table.h"
#include "cw-analysis-entities.h"
#include "cw-register-entities.h"
#include "cw-review-section.h"
#include "cw-undo-bar.h"
#include "test-ui-helpers.h"

static gint64
open_sample (Ui *ui)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  return cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
}

static GtkWidget *
plan_part (Ui         *ui,
           const char *name)
{
  return cw_review_section_get_part (
    CW_REVIEW_SECTION (cw_review_view_get_part (review_view (ui), "action-plan")), name);
}

static GtkWidget *
plan_page (Ui *ui)
{
  return cw_review_view_get_part (review_view (ui), "action-plan");
}

static gint64
selected_id (CwRecordTable *table)
{
  CwRecord *record = gtk_single_selection_get_selected_item (
    GTK_SINGLE_SELECTION (cw_record_table_get_selection (table)));

  return record ? cw_record_get_id (record) : 0;
}

static gint64
plan_id (Ui     *ui,
         gint64  review)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_actions_ensure_plan (ui->store, review, &error);

  g_assert_no_error (error);
  return id;
}

static const char *
shown_message (Ui *ui)
{
  GtkWidget *bar = part (ui, "undo_bar");

  if (!cw_undo_bar_get_shown (CW_UNDO_BAR (bar)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (bar, CW_TYPE_UNDO_BAR,
                                                                       "label")));
}

/* In the sample review's plan, an action is added to the first
 * recommendation, given its owner and a due date already past, and a
 * progress update is reported: the rating says "Overdue" in words, with
 * an icon, and the update is kept against the action. */
static void
test_add_action_and_update (Ui *ui, gconstpointer data)
{
  gint64 review = open_sample (ui);
  CwRecordTable *actions, *updates;
  CwRecordForm *action_form, *update_form;
  GtkWidget *person, *due, *reporter;
  guint before;
  gint64 action, update;
  CwRagRating rating;
  GDate today;

  g_assert_cmpint (review, >, 0);
  show_section (ui, "action-plan");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (plan_part (ui, "stack"))), ==,
                   "plan");
  /* The plan's progress, counted by the core. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (plan_part (ui, "progress"))),
                            "4 actions"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (plan_part (ui, "recommendation")), 1);
  drain_events ();
  actions = CW_RECORD_TABLE (plan_part (ui, "actions"));
  before = g_list_model_get_n_items (cw_record_table_get_model (actions));
  g_assert_cmpuint (before, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (actions), "table.add", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (actions)), ==,
                    before + 1);
  action = selected_id (actions);
  g_assert_true (stored_value_is (ui->store, &cw_entity_action, action, "status", "not-started"));

  action_form = CW_RECORD_FORM (cw_record_table_get_form (actions));
  person = cw_record_form_get_editor (action_form, "owner_person");
  gtk_editable_set_text (GTK_EDITABLE (person), "Named GP");
  due = cw_record_form_get_editor (action_form, "due_on");
  gtk_editable_set_text (GTK_EDITABLE (due), "1/2/2026");
  g_signal_emit_by_name (due, "activate");
  wait_for (stored_value_is (ui->store, &cw_entity_action, action, "owner_person", "Named GP"));
  wait_for (stored_value_is (ui->store, &cw_entity_action, action, "due_on", "2026-02-01"));
  drain_events ();

  cw_clock_today (&today);
  rating = cw_action_rate ("not-started", "2026-02-01", NULL, &today);
  g_assert_true (rating.overdue);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (plan_part (ui, "rating"))),
                            rating.words));

  updates = CW_RECORD_TABLE (plan_part (ui, "updates"));
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (updates)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (updates), "table.add", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (updates)), ==, 1);
  update = selected_id (updates);
  g_assert_true (stored_value_is (ui->store, &cw_entity_progress_update, update, "reported_on",
                                  TEST_UI_TODAY));
  {
    g_autofree char *action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action);
    g_assert_true (stored_value_is (ui->store, &cw_entity_progress_update, update, "action_id",
                                    action_text));
  }
  update_form = CW_RECORD_FORM (cw_record_table_get_form (updates));
  reporter = cw_record_form_get_editor (update_form, "reporter");
  gtk_editable_set_text (GTK_EDITABLE (reporter), "Practice manager");
  wait_for (stored_value_is (ui->store, &cw_entity_progress_update, update, "reporter",
                             "Practice manager"));

  /* Across every review (Ctrl+Shift+A): found, overdue, among the overdue
   * ones that come first; activating it opens it in its review's plan. */
  {
    CwActionsView *view = CW_ACTIONS_VIEW (part (ui, "actions_view"));
    GListModel *rows = cw_actions_view_get_model (view);
    guint position = G_MAXUINT;
    gboolean overdue_ended = FALSE;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-actions",
                                               NULL));
    drain_events ();
    g_assert_cmpstr (main_page (ui), ==, "actions");
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        const CwAction *a = cw_actions_view_get_action (view, i);

        if (a->id == action)
          position = i;
        if (!a->rating.overdue)
          overdue_ended = TRUE;
        else
          g_assert_false (overdue_ended);
      }
    g_assert_cmpuint (position, <, g_list_model_get_n_items (rows));
    g_assert_true (cw_actions_view_get_action (view, position)->rating.overdue);
    g_assert_cmpstr (cw_actions_view_get_action (view, position)->rating.words, ==,
                     rating.words);
    g_assert_cmpstr (cw_actions_view_get_action (view, position)->person, ==, "Named GP");

    g_signal_emit_by_name (cw_actions_view_get_part (view, "list"), "activate", position);
    drain_events ();
    g_assert_cmpstr (main_page (ui), ==, "review");
    g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "action-plan");
    g_assert_cmpint (selected_id (CW_RECORD_TABLE (plan_part (ui, "actions"))), ==, action);
  }
}

static gboolean
label_has (GtkWidget  *label,
           const char *text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

/* The Actions view's filters, against the fixed clock: the next 30 days
 * for the subgroup's meeting, one agency's actions, counts by status and
 * by agency; F9 still hides the list of reviews. */
static void
test_actions_view_filters (Ui *ui, gconstpointer data)
{
  CwActionsView *view = CW_ACTIONS_VIEW (part (ui, "actions_view"));
  GListModel *rows = cw_actions_view_get_model (view);
  GtkDropDown *agency;
  GListModel *agencies;
  g_autofree char *soon = NULL;
  guint all, police = G_MAXUINT;
  GDate limit;
  gboolean shown;

  open_sample (ui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-actions", NULL));
  drain_events ();
  all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (all, ==, 4);
  g_assert_true (label_has (cw_actions_view_get_part (view, "count"), "4 open actions"));
  g_assert_true (label_has (cw_actions_view_get_part (view, "breakdown"), "Not started 2"));
  g_assert_true (label_has (cw_actions_view_get_part (view, "breakdown"), "Northshire Police 1"));

  /* Due in the next 30 days: the one due in 75 days is left out. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cw_actions_view_get_part (view, "due-soon")),
                                TRUE);
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, all);
  cw_clock_today (&limit);
  g_date_add_days (&limit, 30);
  soon = cw_date_format_iso (&limit);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_assert_cmpstr (cw_actions_view_get_action (view, i)->due_on, <=, soon);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cw_actions_view_get_part (view, "due-soon")),
                                FALSE);
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, all);

  agency = GTK_DROP_DOWN (cw_actions_view_get_part (view, "agency"));
  agencies = gtk_drop_down_get_model (agency);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (agencies), i),
                     "Northshire Police"))
      police = i;
  g_assert_cmpuint (police, <, g_list_model_get_n_items (agencies));
  gtk_drop_down_set_selected (agency, police);
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpstr (cw_actions_view_get_action (view, 0)->agency, ==, "Northshire Police");

  /* F9 shows or hides the list of reviews (beside the actions, or over
   * them on a narrow window), the actions stay. */
  shown = gtk_widget_get_visible (part (ui, "review_list"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  g_assert_cmpint (gtk_widget_get_visible (part (ui, "review_list")), ==, !shown);
  g_assert_cmpstr (main_page (ui), ==, "actions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-sidebar", NULL));
  drain_events ();
  g_assert_cmpint (gtk_widget_get_visible (part (ui, "review_list")), ==, shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.show-actions", NULL));
  drain_events ();
  g_assert_cmpstr (main_page (ui), ==, "review");
}

/* A plan being monitored with actions still open: closing it through the
 * section asks for a reason, and the core refuses, saying why; the plan
 * stays open. */
static void
test_close_refused (Ui *ui, gconstpointer data)
{
  gint64 review = open_sample (ui);
  gint64 plan = plan_id (ui, review);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog, *reason;
  const char *message;

  g_assert_true (cw_store_update (ui->store, &cw_entity_action_plan, plan, "status",
                                  "monitoring", &error));
  g_assert_no_error (error);
  show_section (ui, "action-plan");
  g_assert_null (plan_part (ui, "close-dialog"));
  g_assert_true (gtk_widget_activate_action (plan_page (ui), "plan.close", NULL));
  drain_events ();
  dialog = plan_part (ui, "close-dialog");
  reason = plan_part (ui, "close-reason");
  g_assert_nonnull (dialog);
  /* No reason, no closing. */
  gtk_editable_set_text (GTK_EDITABLE (reason), "  ");
  g_assert_false (gtk_widget_get_sensitive (
    gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT)));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Superseded by the neglect strategy");
  g_assert_true (gtk_widget_get_sensitive (
    gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  drain_events ();
  g_assert_null (plan_part (ui, "close-dialog"));
  message = shown_message (ui);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "neither embedded nor closed"));
  g_assert_true (stored_value_is (ui->store, &cw_entity_action_plan, plan, "status",
                                  "monitoring"));
  g_assert_true (stored_value_is (ui->store, &cw_entity_action_plan, plan, "closed_reason",
                                  NULL));
}

/* A review with no recommendations says where they are written, and its
 * button goes there. */
static void
test_empty_state (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Empty plan", "Child E");

  show_section (ui, "action-plan");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (plan_part (ui, "stack"))), ==,
                   "empty");
  g_assert_true (gtk_widget_activate_action (plan_page (ui), "win.section", "s", "findings"));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "findings");
}

static gboolean
overview_says (Ui         *ui,
               const char *text)
{
  CwOverviewPage *overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui),
                                                                         "overview"));

  return strstr (cw_overview_page_get_plan_progress (overview), text) != NULL;
}

/* The review's overview counts the plan's actions by status, and follows
 * a new one. */
static void
test_overview_progress (Ui *ui, gconstpointer data)
{
  gint64 review = open_sample (ui);
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autoptr (GListModel) rows = NULL;
  g_autoptr (CwRecord) first = NULL;
  g_autoptr (GError) error = NULL;

  show_section (ui, "overview");
  g_assert_true (overview_says (ui, "Not started 2"));
  g_assert_true (overview_says (ui, "In progress 1"));
  g_assert_true (overview_says (ui, "Completed 1"));
  rows = cw_store_list (ui->store, &cw_entity_recommendation, review, NULL);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpint (cw_actions_add (ui->store, cw_record_get_id (first), "Audit the change",
                                   &error), >, 0);
  g_assert_no_error (error);
  wait_for (overview_says (ui, "Not started 3"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) g_test_add ("/ui-actions/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("plan/add-action-and-update", test_add_action_and_update);
  ADD ("plan/close-refused", test_close_refused);
  ADD ("plan/empty", test_empty_state);
  ADD ("actions-view/filters", test_actions_view_filters);
  ADD ("overview/progress", test_overview_progress);
#undef ADD

  return g_test_run ();
}
