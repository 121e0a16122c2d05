/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application as a person uses it, in a real window (under Xvfb in CI):
 * register a review through the dialog, fill the referral, move its phase,
 * and find all of it in the review's history. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cw-application.h"
#include "cw-core.h"
#include "cw-chronology.h"
#include "cw-chronology-view.h"
#include "cw-import-dialog.h"
#include "cw-new-entry-dialog.h"
#include "cw-timeline-view.h"
#include "cw-history-view.h"
#include "cw-history.h"
#include "cw-new-review-dialog.h"
#include "cw-overview-page.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review-list.h"
#include "cw-review-section.h"
#include "cw-review-view.h"
#include "cw-review.h"
#include "cw-terms-page.h"
#include "cw-undo-bar.h"
#include "cw-preferences-window.h"
#include "cw-window.h"
#include "test-pdf.h"
#include "test-ui-helpers.h"

static CwRecord *
referral_of (Ui *ui, const char *reference)
{
  g_autoptr (CwRecord) review = cw_store_find_review (ui->store, reference, NULL);
  return cw_store_get_referral (ui->store, cw_record_get_id (review), NULL);
}

/* Whether the referral of the review @reference holds @value in @field. */
static gboolean
referral_has (Ui *ui, const char *reference, const char *field, const char *value)
{
  g_autoptr (CwRecord) referral = referral_of (ui, reference);

  return stored_value_is (ui->store, &cw_entity_referral, cw_record_get_id (referral), field,
                          value);
}

static gboolean
history_has (Ui *ui, const char *field, const char *new_value)
{
  GListModel *model;

  show_section (ui, "history");
  model = cw_history_view_get_model (CW_HISTORY_VIEW (cw_review_view_get_part (review_view (ui),
                                                                               "history")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwHistoryLine) line = g_list_model_get_item (model, i);
      CwAuditEntry *entry = cw_history_line_get_entry (line);

      if (g_strcmp0 (cw_audit_entry_get_field_name (entry), field) == 0
          && g_strcmp0 (cw_audit_entry_get_new_value (entry), new_value) == 0)
        {
          g_assert_cmpstr (cw_history_line_get_actor (line), ==, "UI Tester");
          g_assert_nonnull (cw_history_line_get_when (line));
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_first_run_empty_state (Ui *ui, gconstpointer data)
{
  g_assert_cmpstr (main_page (ui), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  g_assert_cmpstr (main_page (ui), ==, "review");
  g_assert_cmpuint (cw_review_list_get_n_reviews (CW_REVIEW_LIST (part (ui, "review_list"))), ==,
                    1);
  /* Opening it again selects it rather than adding a copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  g_assert_cmpuint (cw_review_list_get_n_reviews (CW_REVIEW_LIST (part (ui, "review_list"))), ==,
                    1);
}

static void
test_register_review_fill_referral_move_phase (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Learning review of Child Q",
                                                             "Child Q");
  CwRecordForm *referral_form = form (ui, "referral-form");
  CwRecordForm *decision_form = form (ui, "decision-form");
  CwOverviewPage *overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui),
                                                                        "overview"));
  GtkWidget *editor;
  g_autoptr (CwRecord) referral = NULL;
  g_autoptr (CwRecord) review = NULL;

  g_assert_cmpstr (main_page (ui), ==, "review");
  g_assert_true (g_str_has_prefix (reference, "CSPR-"));

  /* Fill the referral: saved after the typing pause, without a Save button. */
  show_section (ui, "referral");
  editor = cw_record_form_get_editor (referral_form, "referrer_name");
  gtk_editable_set_text (GTK_EDITABLE (editor), "A. Practitioner");
  editor = cw_record_form_get_editor (referral_form, "service_team");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Assessment Team 1");
  wait_for (referral_has (ui, reference, "referrer_name", "A. Practitioner")
            && referral_has (ui, reference, "service_team", "Assessment Team 1"));
  referral = referral_of (ui, reference);
  g_assert_cmpstr (cw_record_get (referral, "referrer_name"), ==, "A. Practitioner");
  g_assert_cmpstr (cw_record_get (referral, "service_team"), ==, "Assessment Team 1");

  /* An impossible date is refused, shown under the field, and not stored. */
  editor = cw_record_form_get_editor (referral_form, "submitted_on");
  gtk_editable_set_text (GTK_EDITABLE (editor), "31/02/2026");
  g_signal_emit_by_name (editor, "activate");
  drain_events ();
  g_assert_nonnull (cw_record_form_get_error (referral_form, "submitted_on"));
  g_assert_nonnull (strstr (cw_record_form_get_error (referral_form, "submitted_on"),
                            "“31/02/2026” is not a real date"));
  g_clear_object (&referral);
  referral = referral_of (ui, reference);
  g_assert_null (cw_record_get (referral, "submitted_on"));
  gtk_editable_set_text (GTK_EDITABLE (editor), "3/2/2026");
  g_signal_emit_by_name (editor, "activate");
  drain_events ();
  g_assert_null (cw_record_form_get_error (referral_form, "submitted_on"));
  g_clear_object (&referral);
  referral = referral_of (ui, reference);
  g_assert_cmpstr (cw_record_get (referral, "submitted_on"), ==, "2026-02-03");

  /* Move to Decision; Preparation is refused until the decision is made. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.next-phase", NULL));
  drain_events ();
  review = cw_store_find_review (ui->store, reference, NULL);
  g_assert_cmpstr (cw_record_get (review, "phase"), ==, "decision");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.next-phase", NULL));
  drain_events ();
  g_assert_nonnull (cw_overview_page_get_message (overview));
  g_assert_nonnull (strstr (cw_overview_page_get_message (overview), "decision to proceed"));

  /* The decision recorded fills the Decision key date: typed once. */
  editor = cw_record_form_get_editor (decision_form, "discussed_on");
  gtk_editable_set_text (GTK_EDITABLE (editor), "5/2/2026");
  g_signal_emit_by_name (editor, "activate");
  drain_events ();
  editor = cw_record_form_get_editor (decision_form, "decision");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), 1); /* (none), Proceed, Do not proceed */
  drain_events ();
  g_clear_object (&review);
  review = cw_store_find_review (ui->store, reference, NULL);
  g_assert_cmpstr (cw_record_get (review, "decision_date"), ==, "2026-02-05");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.next-phase", NULL));
  drain_events ();
  g_assert_null (cw_overview_page_get_message (overview));
  g_clear_object (&review);
  review = cw_store_find_review (ui->store, reference, NULL);
  g_assert_cmpstr (cw_record_get (review, "phase"), ==, "preparation");

  /* Past the decision, another decision is refused where it was chosen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), 2);
  drain_events ();
  g_assert_nonnull (cw_record_form_get_error (decision_form, "decision"));
  g_assert_nonnull (strstr (cw_record_form_get_error (decision_form, "decision"),
                            "past the decision"));
  g_clear_object (&referral);
  referral = referral_of (ui, reference);
  g_assert_cmpstr (cw_record_get (referral, "decision"), ==, "proceed");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), 1);
  drain_events ();

  /* All of it is in the history. */
  g_assert_true (history_has (ui, "referrer_name", "A. Practitioner"));
  g_assert_true (history_has (ui, "decision", "proceed"));
  g_assert_true (history_has (ui, "phase", "decision"));
  g_assert_true (history_has (ui, "phase", "preparation"));
}

/* The Undo button follows win.undo's enabled state, which decides whether
 * Ctrl+Z goes to the window or to the text being typed. */
static gboolean
undo_enabled (Ui *ui)
{
  GtkWidget *bar = part (ui, "undo_bar");
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (bar, CW_TYPE_UNDO_BAR,
                                                                 "undo_button"));

  return gtk_widget_get_sensitive (button);
}

static void
test_delete_review_and_undo (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "To be deleted", "Child D");
  CwReviewList *list = CW_REVIEW_LIST (part (ui, "review_list"));
  gint64 id = cw_review_list_get_selected_id (list);

  g_assert_nonnull (reference);
  /* Nothing to undo: Ctrl+Z is left to the text fields. */
  g_assert_false (undo_enabled (ui));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.delete-review", NULL));
  drain_events ();
  g_assert_cmpuint (cw_review_list_get_n_reviews (list), ==, 0);
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (part (ui, "undo_bar"))));
  g_assert_true (undo_enabled (ui));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.undo", NULL));
  drain_events ();
  g_assert_cmpuint (cw_review_list_get_n_reviews (list), ==, 1);
  /* The same review, not a copy. */
  g_assert_cmpint (cw_review_list_get_selected_id (list), ==, id);
  g_assert_false (undo_enabled (ui));
}

/* A deletion that cannot be made final says so in the bar, rather than
 * going without a word; the review stays deleted. */
static void
test_failed_purge_is_reported (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Purge fails", "Child F");
  CwReviewList *list = CW_REVIEW_LIST (part (ui, "review_list"));
  GtkWidget *bar = part (ui, "undo_bar");
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (bar, CW_TYPE_UNDO_BAR, "label"));

  g_assert_nonnull (reference);
  g_assert_true (cw_store_exec (ui->store, "CREATE TEMP TRIGGER fail_purge BEFORE DELETE ON"
                                " review BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.delete-review", NULL));
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.dismiss", NULL));
  drain_events ();
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (bar)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "injected failure"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "next starts"));
  g_assert_false (undo_enabled (ui));
  g_assert_cmpuint (cw_review_list_get_n_reviews (list), ==, 0);
  g_assert_true (cw_store_exec (ui->store, "DROP TRIGGER fail_purge", NULL));
}

/* Keys that edit text belong to the text fields: no application shortcut
 * may take them (Ctrl+Delete once deleted a whole review). */
static void
test_shortcuts_leave_text_editing_alone (Ui *ui, gconstpointer data)
{
  static const char *const editing[] = {
    "<Control>Delete", "<Control>BackSpace", "<Control>Left", "<Control>Right",
    "<Control><Shift>Left", "<Control><Shift>Right", "<Control>a", "<Control>c", "<Control>v",
    "<Control>x", "<Control><Shift>z", "Home", "End", "Delete", "BackSpace",
  };

  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    {
      g_auto (GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (ui->app),
                                                                      editing[i]);
      g_test_message ("%s", editing[i]);
      g_assert_cmpuint (g_strv_length (actions), ==, 0);
    }
}

static void
test_people_add_edit_delete (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "People", "Child P");
  GtkWidget *table = cw_review_view_get_part (review_view (ui), "people");
  GListModel *rows;
  g_autoptr (CwRecord) row = NULL;
  GtkWidget *editor;

  g_assert_nonnull (reference);
  show_section (ui, "people");
  g_assert_true (gtk_widget_activate_action (table, "table.add", NULL));
  drain_events ();
  rows = cw_record_table_get_model (CW_RECORD_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  editor = cw_record_form_get_editor (CW_RECORD_FORM (cw_record_table_get_form (
                                        CW_RECORD_TABLE (table))), "pseudonym");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Mother");
  /* Saved after the typing pause, and the list shows it. */
  wait_for (row_value_is (rows, 0, "pseudonym", "Mother"));
  row = g_list_model_get_item (rows, 0);
  g_assert_true (stored_value_is (ui->store, &cw_entity_person, cw_record_get_id (row),
                                  "pseudonym", "Mother"));
  g_assert_true (gtk_widget_activate_action (table, "table.delete", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.undo", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
}

/* Whether the keyboard focus is in @widget or inside it. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gint64
agency_named (Ui *ui, const char *name)
{
  g_autoptr (GListModel) agencies = cw_store_list (ui->store, &cw_entity_agency, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) agency = g_list_model_get_item (agencies, i);
      if (g_strcmp0 (cw_record_get (agency, "name"), name) == 0)
        return cw_record_get_id (agency);
    }
  return 0;
}

/* A new agency renamed so that it sorts elsewhere moves in the register;
 * the form stays on it, so what is typed after Tab goes to it (it once
 * went to the agency that took its place in the list). */
static void
test_agency_register_keeps_the_edited_agency (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Agencies", "Child G");
  CwRecordTable *table = CW_RECORD_TABLE (cw_review_view_get_part (review_view (ui),
                                                                   "agency-register"));
  CwRecordForm *agency_form = CW_RECORD_FORM (cw_record_table_get_form (table));
  GListModel *rows = cw_record_table_get_model (table);
  const char *alpha[] = { "name", "Alpha Health", NULL };
  const char *omega[] = { "name", "Omega Council", NULL };
  GtkWidget *name, *sector;
  gint64 omega_id, zulu_id;

  g_assert_nonnull (reference);
  g_assert_cmpint (cw_store_insert (ui->store, &cw_entity_agency, 0, alpha, NULL), >, 0);
  omega_id = cw_store_insert (ui->store, &cw_entity_agency, 0, omega, NULL);
  g_assert_cmpint (omega_id, >, 0);
  show_section (ui, "people");
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (table),
                                                                        GTK_TYPE_STACK)),
                                    "agencies");
  drain_events ();

  /* Added between the two ("New agency"), with the cursor in its name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.add", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_true (row_value_is (rows, 1, "name", "New agency"));
  name = cw_record_form_get_editor (agency_form, "name");
  g_assert_true (has_focus_within (name));
  /* Renamed to sort last, then Tab: saved, and the list sorts again. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Zulu Trust");
  g_signal_emit_by_name (ui->window, "move-focus", GTK_DIR_TAB_FORWARD); /* Tab's binding */
  drain_events ();
  zulu_id = agency_named (ui, "Zulu Trust");
  g_assert_cmpint (zulu_id, >, 0);
  g_assert_true (row_value_is (rows, 2, "name", "Zulu Trust"));
  /* The form, and the selection, followed the agency being edited. */
  g_assert_cmpint (cw_record_form_get_id (agency_form), ==, zulu_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Zulu Trust");
  /* Tab went on to the next field of the same agency, its short name. */
  g_assert_true (has_focus_within (cw_record_form_get_editor (agency_form, "short_name")));
  sector = cw_record_form_get_editor (agency_form, "sector");
  /* The next edit, its sector, is the new agency's. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sector), 3); /* (none), social care, health, police */
  drain_events ();
  g_assert_true (stored_value_is (ui->store, &cw_entity_agency, zulu_id, "sector", "police"));
  g_assert_true (stored_value_is (ui->store, &cw_entity_agency, omega_id, "sector", NULL));
  g_assert_true (stored_value_is (ui->store, &cw_entity_agency, omega_id, "name",
                                  "Omega Council"));
}

static void
test_search_filters_list (Ui *ui, gconstpointer data)
{
  CwReviewList *list = CW_REVIEW_LIST (part (ui, "review_list"));
  g_autofree char *a = create_review_through_dialog (ui, "Alpha review", "Child Alpha");
  g_autofree char *b = create_review_through_dialog (ui, "Beta review", "Child Beta");

  g_assert_nonnull (a);
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 2);
  cw_review_list_set_search (list, "beta");
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 1);
  cw_review_list_set_search (list, b);
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 1);
  cw_review_list_set_search (list, "no such thing");
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 0);
  cw_review_list_set_search (list, "");
  g_assert_cmpuint (cw_review_list_get_n_shown (list), ==, 2);
}

static void
test_window_restores_state (Ui *ui, gconstpointer data)
{
  g_autofree char *first = create_review_through_dialog (ui, "First", "Child F");
  g_autofree char *second = create_review_through_dialog (ui, "Second", "Child S");
  g_autoptr (CwRecord) wanted = cw_store_find_review (ui->store, first, NULL);
  int width, height;

  g_assert_nonnull (second);
  /* meson test points GSETTINGS_SCHEMA_DIR at the compiled schema. */
  g_assert_nonnull (cw_application_get_settings (ui->app));

  cw_window_select_review (ui->window, first);
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1010, 690);
  drain_events ();
  gtk_window_close (GTK_WINDOW (ui->window));
  wait_for (gtk_application_get_windows (GTK_APPLICATION (ui->app)) == NULL);

  g_application_activate (G_APPLICATION (ui->app));
  ui->window = test_ui_window_shown (ui);
  gtk_window_get_default_size (GTK_WINDOW (ui->window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 690);
  g_assert_cmpint (cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list"))), ==,
                   cw_record_get_id (wanted));
}

static GtkWidget *
move_button (CwOverviewPage *overview, guint index)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (overview),
                                                              CW_TYPE_OVERVIEW_PAGE, "moves_box"));
  GtkWidget *button = gtk_widget_get_first_child (box);

  for (guint i = 0; i < index && button != NULL; i++)
    button = gtk_widget_get_next_sibling (button);
  return button;
}

/* Clicking a phase button rebuilds the buttons; clicking again must work
 * (the rebuild once happened inside the click and broke the next one). */
static void
test_phase_buttons_clicked_in_turn (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Clicks", "Child K");
  CwOverviewPage *overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui),
                                                                        "overview"));
  g_autoptr (CwRecord) review = NULL;

  show_section (ui, "overview");
  g_signal_emit_by_name (move_button (overview, 0), "clicked"); /* to Decision */
  drain_events ();
  g_signal_emit_by_name (move_button (overview, 1), "clicked"); /* back to Referral */
  drain_events ();
  g_signal_emit_by_name (move_button (overview, 0), "clicked"); /* to Decision again */
  drain_events ();
  review = cw_store_find_review (ui->store, reference, NULL);
  g_assert_cmpstr (cw_record_get (review, "phase"), ==, "decision");
}

/* Typing across the autosave pause keeps exactly what was typed: the
 * saved (trimmed) value is never pushed back into the field being edited. */
static void
test_typing_across_autosave (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "T", "Child T");
  CwOverviewPage *overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui),
                                                                        "overview"));
  CwRecordForm *review_form = CW_RECORD_FORM (cw_overview_page_get_form (overview, "review"));
  GtkWidget *title = cw_record_form_get_editor (review_form, "title");
  g_autoptr (CwRecord) review = cw_store_find_review (ui->store, reference, NULL);
  gint64 id = cw_record_get_id (review);

  show_section (ui, "overview");
  g_assert_true (gtk_widget_grab_focus (title));
  gtk_editable_set_text (GTK_EDITABLE (title), "Title with space ");
  gtk_editable_set_position (GTK_EDITABLE (title), -1);
  /* Saved, trimmed, while the user pauses; the field keeps the space. */
  wait_for (stored_value_is (ui->store, &cw_entity_review, id, "title", "Title with space"));
  drain_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Title with space ");
  gtk_editable_insert_text (GTK_EDITABLE (title), "end", -1,
                            &(int) { gtk_editable_get_position (GTK_EDITABLE (title)) });
  wait_for (stored_value_is (ui->store, &cw_entity_review, id, "title", "Title with space end"));
}

/* A real name of the register typed where only pseudonyms belong: the
 * value is kept, and a warning under the field says whose name it is by
 * pseudonym, never the name. */
static void
test_real_name_warned (Ui *ui, gconstpointer data)
{
  CwOverviewPage *overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui),
                                                                        "overview"));
  CwRecordForm *review_form = CW_RECORD_FORM (cw_overview_page_get_form (overview, "review"));
  CwRecordForm *decision_form = form (ui, "decision-form");
  GtkWidget *title = cw_record_form_get_editor (review_form, "title");
  GtkWidget *rationale = NULL;
  g_autoptr (GListModel) reviews = NULL;
  g_autoptr (CwRecord) review = NULL;
  GtkTextBuffer *buffer;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  reviews = cw_store_list (ui->store, &cw_entity_review, 0, NULL);
  review = g_list_model_get_item (reviews, 0);
  id = cw_record_get_id (review);
  show_section (ui, "overview");
  g_assert_null (cw_record_form_get_warning (review_form, "title"));
  gtk_editable_set_text (GTK_EDITABLE (title), "Review of Amelia’s injuries");
  wait_for (cw_record_form_get_warning (review_form, "title") != NULL);
  g_assert_nonnull (strstr (cw_record_form_get_warning (review_form, "title"), "Child A"));
  g_assert_null (strstr (cw_record_form_get_warning (review_form, "title"), "Amelia"));
  g_assert_null (cw_record_form_get_error (review_form, "title"));
  g_assert_true (stored_value_is (ui->store, &cw_entity_review, id, "title",
                                  "Review of Amelia’s injuries"));
  /* Written with the pseudonym, the warning goes. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Review of Child A’s injuries");
  wait_for (stored_value_is (ui->store, &cw_entity_review, id, "title",
                             "Review of Child A’s injuries"));
  drain_events ();
  g_assert_null (cw_record_form_get_warning (review_form, "title"));

  /* The decision's rationale, a long text, likewise. */
  show_section (ui, "referral");
  rationale = cw_record_form_get_editor (decision_form, "rationale");
  buffer = gtk_text_view_get_buffer (
    GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (rationale))));
  gtk_text_buffer_set_text (buffer, "Dean Collier’s account differs from the mother’s.", -1);
  wait_for (cw_record_form_get_warning (decision_form, "rationale") != NULL);
  g_assert_nonnull (strstr (cw_record_form_get_warning (decision_form, "rationale"),
                            "Mother's partner"));
  g_assert_null (strstr (cw_record_form_get_warning (decision_form, "rationale"), "Dean"));
}

static CwPreferencesWindow *
open_preferences (Ui *ui)
{
  GtkWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "preferences", NULL);
  wait_for ((prefs = find_toplevel (CW_TYPE_PREFERENCES_WINDOW)) != NULL);
  drain_events ();
  return CW_PREFERENCES_WINDOW (prefs);
}

static GtkWidget *
prefs_part (CwPreferencesWindow *prefs, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                    CW_TYPE_PREFERENCES_WINDOW, name));
}

static gboolean
dialog_says (GtkWindow  *dialog,
             const char *words)
{
  g_autofree char *text = NULL;

  if (dialog == NULL)
    return FALSE;
  g_object_get (dialog, "text", &text, NULL);
  return text != NULL && strstr (text, words) != NULL;
}

static gboolean
has_review (CwStore    *store,
            const char *reference)
{
  g_autoptr (CwRecord) review = cw_store_find_review (store, reference, NULL);

  return review != NULL;
}

/* Restoring a backup of another database asks again, saying so: Cancel
 * changes nothing, Restore replaces the data. */
static void
test_restore_other_database_asks (Ui *ui, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_path = g_build_filename (ui->dir, "other.db", NULL);
  g_autoptr (CwStore) other = cw_store_open (other_path, &error);
  g_autofree char *ref = cw_store_create_review (other, "rapid", "Theirs", NULL, NULL, NULL,
                                                 &error);
  g_autofree char *backup = cw_store_backup_create (other, &error);
  CwPreferencesWindow *prefs = open_preferences (ui);
  GtkWindow *dialog = NULL;

  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.restore", "s",
                                                 backup));
      wait_for (dialog_says ((dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG)), "Restore the"));
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      wait_for (dialog_says ((dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG)),
                             "another database"));
      gtk_dialog_response (GTK_DIALOG (dialog), round == 0 ? GTK_RESPONSE_CANCEL
                                                           : GTK_RESPONSE_ACCEPT);
      drain_events ();
      if (round == 0)
        g_assert_false (has_review (ui->store, ref));
    }
  wait_for (has_review (ui->store, ref));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_preferences (Ui *ui, gconstpointer data)
{
  CwPreferencesWindow *prefs = open_preferences (ui);
  GtkWidget *kinds, *agencies;
  g_autofree char *name = NULL;
  g_autoptr (GListModel) all_kinds = NULL;
  guint n_kinds;

  g_assert_nonnull (prefs);
  /* Asking again brings the same window forward. */
  g_assert_true (open_preferences (ui) == prefs);

  /* The reviewer name is who the history names. */
  gtk_editable_set_text (GTK_EDITABLE (prefs_part (prefs, "reviewer_entry")), "Dr Q. Reviewer");
  g_signal_emit_by_name (prefs_part (prefs, "reviewer_entry"), "activate");
  drain_events ();
  name = cw_store_get_setting (ui->store, "reviewer-name");
  g_assert_cmpstr (name, ==, "Dr Q. Reviewer");

  /* New kinds can be added one after another. */
  kinds = prefs_part (prefs, "kinds_table");
  n_kinds = g_list_model_get_n_items (cw_record_table_get_model (CW_RECORD_TABLE (kinds)));
  g_assert_true (gtk_widget_activate_action (kinds, "table.add", NULL));
  g_assert_true (gtk_widget_activate_action (kinds, "table.add", NULL));
  drain_events ();
  all_kinds = cw_store_list (ui->store, &cw_entity_review_kind, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all_kinds), ==, n_kinds + 2);
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (CW_RECORD_TABLE (kinds))),
                    ==, n_kinds + 2);

  /* Deleting an agency offers undo in this window. */
  agencies = prefs_part (prefs, "agencies_table");
  g_assert_true (gtk_widget_activate_action (agencies, "table.add", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (CW_RECORD_TABLE (agencies))),
                    ==, 1);
  g_assert_true (gtk_widget_activate_action (agencies, "table.delete", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (CW_RECORD_TABLE (agencies))),
                    ==, 0);
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (prefs_part (prefs, "undo_bar"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "win.undo", NULL));
  drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cw_record_table_get_model (CW_RECORD_TABLE (agencies))),
                    ==, 1);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static CwImportDialog *
find_import_dialog (void)
{
  return (CwImportDialog *) find_toplevel (CW_TYPE_IMPORT_DIALOG);
}

static CwChronologyView *
chronology_view (Ui *ui)
{
  return CW_CHRONOLOGY_VIEW (cw_review_view_get_part (review_view (ui), "chronology"));
}

static const char police_return[] =
  "Police chronology for the review\n"
  "Date/time,Record ref,Officer,Details,Significant?\n"
  "03/04/2025 22:15,CAD 100,PC Benn,Call-out to the home after a neighbour's call,Yes\n"
  "c. May 2025,CAD 101,PC Benn,Neighbour reports shouting,\n"
  "31/02/2025,CAD 102,PC Benn,A date that does not exist,\n"
  "14/09/2025,CAD 103,PC Benn,\"Second call-out, partner left before arrival\",Yes\n";

/* What the import dialog shows of the police return: the agency guessed
 * from the file's name, and the row left out, by row and column. */
static void
check_import_dialog_shows (CwImportDialog *dialog)
{
  GtkDropDown *agency = GTK_DROP_DOWN (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CW_TYPE_IMPORT_DIALOG, "agency"));
  GListModel *problems = G_LIST_MODEL (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CW_TYPE_IMPORT_DIALOG, "problems"));
  GtkWidget *problems_box = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CW_TYPE_IMPORT_DIALOG, "problems_box"));
  g_autoptr (GtkStringObject) problem = NULL;

  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (agency)), ==,
                   "Northshire Police");
  /* No Agency column: no split offered. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), CW_TYPE_IMPORT_DIALOG, "from_column"))));
  g_assert_true (gtk_widget_get_visible (problems_box));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_nonnull (strstr (gtk_string_object_get_string (problem), "31/02/2025"));
}

static gint64
import_police_return (Ui *ui)
{
  g_autofree char *path = g_build_filename (ui->dir, "Police return.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  gint64 review = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
  const char *agency[] = { "name", "Northshire Police", NULL };
  const char *school[] = { "name", "Northshire Park Primary School", NULL };
  CwImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, police_return, -1, &error));
  g_assert_cmpint (cw_store_insert (ui->store, &cw_entity_agency, 0, school, &error), >, 0);
  g_assert_cmpint (cw_store_insert (ui->store, &cw_entity_agency, 0, agency, &error), >, 0);
  show_section (ui, "chronology");
  gtk_window_present (GTK_WINDOW (cw_import_dialog_new (GTK_WINDOW (ui->window), ui->store,
                                                        review, file)));
  wait_for ((dialog = find_import_dialog ()) != NULL);
  /* The file is read and checked in threads. */
  wait_for (!cw_import_dialog_is_busy (dialog));
  /* Read, headings found under the title row, every row checked. */
  g_assert_nonnull (strstr (cw_import_dialog_get_summary (dialog), "3 entries are ready"));
  g_assert_nonnull (strstr (cw_import_dialog_get_summary (dialog), "1 row has errors"));
  check_import_dialog_shows (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  /* Written in a thread; the dialog closes when it is done. */
  wait_for (find_import_dialog () == NULL);
  drain_events ();
  return review;
}

/* What the history says (@text_of: what, before or after) of the first
 * change to @field, or NULL. */
static char *
history_display (Ui *ui, const char *field, const char *(*text_of) (CwHistoryLine *line))
{
  GListModel *model;

  show_section (ui, "history");
  model = cw_history_view_get_model (CW_HISTORY_VIEW (cw_review_view_get_part (review_view (ui),
                                                                               "history")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwHistoryLine) line = g_list_model_get_item (model, i);
      if (g_strcmp0 (cw_audit_entry_get_field_name (cw_history_line_get_entry (line)), field) == 0)
        return g_strdup (text_of (line));
    }
  return NULL;
}

/* Whether a cell of the table, drawn on screen, holds @text. */
static gboolean
table_shows (GtkWidget  *widget,
             const char *text)
{
  if ((GTK_IS_INSCRIPTION (widget)
       && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
      || (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0))
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (table_shows (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
import_dialog_part (CwImportDialog *dialog,
                    const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CW_TYPE_IMPORT_DIALOG,
                                                    name));
}

/* A combined chronology: the dialog offers to split it by its Agency
 * column, shows the split, lists the agency the register lacks and
 * imports nothing until told to add it; then one return per agency. */
static void
test_import_combined_through_dialog (Ui *ui, gconstpointer data)
{
  static const char combined[] =
    "Date,Agency,Record ref,Details\n"
    "03/04/2025,Northshire Police,CAD 1,Call-out to the home\n"
    "04/04/2025,Northshire Park Primary School,SCH 1,Absent all week\n"
    "05/04/2025,northshire police,CAD 2,Second call-out\n"
    "06/04/2025,Northshire Youth Club,YC 1,Seen late at the club\n";
  g_autofree char *reference = create_review_through_dialog (ui, "Combined", "Child K");
  g_autofree char *path = g_build_filename (ui->dir, "Combined chronology.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  gint64 review = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
  const char *police_fields[] = { "name", "Northshire Police", NULL };
  const char *school_fields[] = { "name", "Northshire Park Primary School", NULL };
  gint64 police, school, club;
  CwImportDialog *dialog;
  GtkWidget *from_column, *add, *import;
  const char *split;

  g_assert_true (g_file_set_contents (path, combined, -1, &error));
  police = cw_store_insert (ui->store, &cw_entity_agency, 0, police_fields, &error);
  school = cw_store_insert (ui->store, &cw_entity_agency, 0, school_fields, &error);
  g_assert_cmpint (police, >, 0);
  g_assert_cmpint (school, >, 0);
  show_section (ui, "chronology");
  gtk_window_present (GTK_WINDOW (cw_import_dialog_new (GTK_WINDOW (ui->window), ui->store,
                                                        review, file)));
  wait_for ((dialog = find_import_dialog ()) != NULL);
  wait_for (!cw_import_dialog_is_busy (dialog));
  from_column = import_dialog_part (dialog, "from_column");
  add = import_dialog_part (dialog, "add_agencies");
  import = import_dialog_part (dialog, "import_button");
  /* Offered, and chosen: the file names several agencies. */
  g_assert_true (gtk_widget_get_visible (from_column));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (from_column)));
  split = gtk_label_get_text (GTK_LABEL (import_dialog_part (dialog, "split_label")));
  g_assert_nonnull (strstr (split, "3 returns"));
  g_assert_nonnull (strstr (split, "Northshire Police: 2 rows"));
  g_assert_nonnull (strstr (split, "Northshire Park Primary School: 1 row"));
  g_assert_nonnull (strstr (split, "“Northshire Youth Club”: 1 row (row 5), not in the register"));
  /* The agency the register lacks: add it, or stop. */
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_false (gtk_widget_is_sensitive (import));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (add), TRUE);
  drain_events ();
  g_assert_true (gtk_widget_is_sensitive (import));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (import_dialog_part (dialog, "split_label"))),
                         "cancel"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for (find_import_dialog () == NULL);
  drain_events ();
  club = cw_chronology_find_agency (ui->store, "Northshire Youth Club", &error);
  g_assert_no_error (error);
  g_assert_cmpint (club, >, 0);
  g_assert_cmpuint (cw_chronology_count_imported (ui->store, review, police), ==, 2);
  g_assert_cmpuint (cw_chronology_count_imported (ui->store, review, school), ==, 1);
  g_assert_cmpuint (cw_chronology_count_imported (ui->store, review, club), ==, 1);
}

static void
test_chronology_import_through_dialog (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Chronology", "Child C");
  CwChronologyModel *model;
  const char *children[] = { "name", "Northshire Children's Services", NULL };
  g_autofree char *agency = NULL;
  char to_id[32];
  gint64 moved = 0, to;
  gboolean found = FALSE;

  g_assert_nonnull (reference);
  import_police_return (ui);
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "chronology");
  model = cw_chronology_view_get_model (chronology_view (ui));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);
  /* The rows are in the table, on screen. */
  {
    GtkWidget *column_view = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (chronology_view (ui)), CW_TYPE_CHRONOLOGY_VIEW, "column_view"));
    GtkToggleButton *table_only = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (
      GTK_WIDGET (chronology_view (ui)), CW_TYPE_CHRONOLOGY_VIEW, "show_table"));

    /* The table alone: its rows wrap their text, and four of them are
     * taller than what the timeline above leaves the table. */
    gtk_toggle_button_set_active (table_only, TRUE);
    drain_events ();
    wait_for_draw (column_view);
    g_assert_true (table_shows (column_view, "Second call-out, partner left before arrival"));
    g_assert_true (table_shows (column_view, "CAD 101"));
    g_assert_true (table_shows (column_view, "Northshire Police"));
    g_assert_false (table_shows (column_view, "A date that does not exist"));
  }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (g_strcmp0 (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION),
                     "Second call-out, partner left before arrival") == 0)
        {
          /* The agency was guessed from the file's name, among two. */
          g_assert_cmpstr (cw_chronology_item_get_agency (item), ==, "Northshire Police");
          g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR), ==, "PC Benn");
          moved = cw_chronology_model_get_entry_id (model, i);
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* The gap between May (widened to June) and September is a row. */
  g_assert_cmpuint (cw_chronology_model_get_n_gaps (model), ==, 1);
  g_assert_true (cw_undo_bar_get_shown (CW_UNDO_BAR (part (ui, "undo_bar"))));
  /* Moved to another agency, the history names both, not their numbers. */
  g_assert_cmpint (moved, >, 0);
  to = cw_store_insert (ui->store, &cw_entity_agency, 0, children, NULL);
  g_assert_cmpint (to, >, 0);
  g_snprintf (to_id, sizeof to_id, "%" G_GINT64_FORMAT, to);
  g_assert_true (cw_store_update (ui->store, &cw_entity_chronology_entry, moved, "agency_id",
                                  to_id, NULL));
  agency = history_display (ui, "agency_id", cw_history_line_get_before);
  g_assert_cmpstr (agency, ==, "Northshire Police");
  g_clear_pointer (&agency, g_free);
  agency = history_display (ui, "agency_id", cw_history_line_get_after);
  g_assert_cmpstr (agency, ==, "Northshire Children's Services");
  /* The line names the entry by its record reference. */
  g_clear_pointer (&agency, g_free);
  agency = history_display (ui, "agency_id", cw_history_line_get_what);
  g_assert_true (g_str_has_suffix (agency, " · CAD 103"));
  /* Linked, the history names the other report, not a group number. */
  {
    g_autoptr (GArray) pair = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gint64 first = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && pair->len < 2; i++)
      if ((first = cw_chronology_model_get_entry_id (model, i)) > 0 && first != moved)
        g_array_append_val (pair, first);
    g_assert_true (cw_chronology_link (ui->store, pair, NULL));
    before = history_display (ui, "link_group", cw_history_line_get_before);
    after = history_display (ui, "link_group", cw_history_line_get_after);
    g_assert_cmpstr (before, ==, "Not linked");
    g_assert_true (g_str_has_prefix (after, "With CAD 10"));
    g_assert_true (g_str_has_suffix (after, " (Northshire Police)"));
  }
}

/* The chronology listens to the tables it shows: typing a review's title
 * (saved as the user pauses) does not read it again, as it once did at
 * every save; a change of what it shows does. */
static void
test_chronology_ignores_title_typing (Ui *ui, gconstpointer data)
{
  CwOverviewPage *overview;
  GtkWidget *title;
  CwChronologyView *view;
  gint64 id;
  guint refreshes;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  id = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
  view = chronology_view (ui);
  show_section (ui, "chronology");
  g_assert_cmpuint (cw_chronology_model_get_n_entries (cw_chronology_view_get_model (view)), >,
                    0);
  refreshes = cw_chronology_view_get_n_refreshes (view);

  show_section (ui, "overview");
  overview = CW_OVERVIEW_PAGE (cw_review_view_get_part (review_view (ui), "overview"));
  title = cw_record_form_get_editor (CW_RECORD_FORM (cw_overview_page_get_form (overview,
                                                                                "review")),
                                     "title");
  gtk_editable_set_text (GTK_EDITABLE (title), "Renamed while the chronology is open");
  wait_for (stored_value_is (ui->store, &cw_entity_review, id, "title",
                             "Renamed while the chronology is open"));
  drain_events ();
  g_assert_cmpuint (cw_chronology_view_get_n_refreshes (view), ==, refreshes);

  /* The threshold for gaps is the review's too, and is shown: read again. */
  g_assert_true (cw_chronology_set_gap_days (ui->store, id, 40, NULL));
  drain_events ();
  g_assert_cmpuint (cw_chronology_view_get_n_refreshes (view), ==, refreshes + 1);
}

static void
test_chronology_mark_delete_undo (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Marking", "Child M");
  CwChronologyView *view;
  GtkWidget *column_view;
  CwChronologyModel *model;
  gint64 review;

  g_assert_nonnull (reference);
  review = import_police_return (ui);
  view = chronology_view (ui);
  model = cw_chronology_view_get_model (view);
  column_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                           CW_TYPE_CHRONOLOGY_VIEW,
                                                           "column_view"));
  /* Everything selected (the gap row too: it is left out of changes). */
  g_assert_true (gtk_selection_model_select_all (
    gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.significance", "s",
                                             "key"));
  drain_events ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_ENTRY)
        g_assert_cmpint (cw_chronology_item_get_significance (item), ==,
                         CW_CHRONO_SIGNIFICANCE_KEY);
    }
  /* The selection survived the refresh: delete it all, then undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.delete", NULL));
  drain_events ();
  g_assert_cmpuint (cw_chronology_count_entries (ui->store, review), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.undo", NULL));
  drain_events ();
  g_assert_cmpuint (cw_chronology_count_entries (ui->store, review), ==, 3);
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);
}

/* Whether the chronology's status line says @text. */
static gboolean
status_says (CwChronologyView *view,
             const char       *text)
{
  GtkLabel *status = GTK_LABEL (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "status_label"));

  return strstr (gtk_label_get_text (status), text) != NULL;
}

static void
test_chronology_search_refused (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Searching", "Child S");
  CwChronologyView *view;
  GtkWidget *search;

  g_assert_nonnull (reference);
  import_police_return (ui);
  view = chronology_view (ui);
  search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW,
                                                      "search_entry"));
  /* "(" alone has nothing to look for: said so, never every entry shown. */
  gtk_editable_set_text (GTK_EDITABLE (search), "(");
  /* The search waits for a pause in the typing. */
  wait_for (status_says (view, "no letters or digits"));
  g_assert_true (gtk_widget_has_css_class (search, "error"));
  gtk_editable_set_text (GTK_EDITABLE (search), "call");
  wait_for (status_says (view, "2 entries shown"));
  g_assert_false (gtk_widget_has_css_class (search, "error"));
}

static GtkWidget *
history_table (Ui *ui)
{
  return GTK_WIDGET (gtk_widget_get_template_child (cw_review_view_get_part (review_view (ui),
                                                                            "history"),
                                                    CW_TYPE_HISTORY_VIEW, "column_view"));
}

/* The history follows links and significance set in the chronology, the
 * lines already shown included ("With CAD 101" becomes "A link since
 * undone" when the other report goes), also while it is on screen: the
 * cells once kept what they said when first shown, until another review
 * was chosen. */
static void
test_history_follows_chronology (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "History", "Child H");
  CwChronologyView *view;
  CwChronologyModel *model;
  GtkSelectionModel *selection;
  gint64 entries[2] = { 0, 0 };
  g_autofree char *with_first = NULL;
  g_autofree char *with_second = NULL;
  g_autofree char *source = NULL;
  guint n = 0;

  g_assert_nonnull (reference);
  import_police_return (ui);
  /* Seen once before the changes. */
  show_section (ui, "history");
  wait_for_draw (history_table (ui));
  g_assert_true (table_shows (history_table (ui), "Imported an agency’s return"));

  /* Two reports linked as one happening and marked significant. */
  show_section (ui, "chronology");
  view = chronology_view (ui);
  model = cw_chronology_view_get_model (view);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "column_view")));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && n < 2; i++)
    if ((entries[n] = cw_chronology_model_get_entry_id (model, i)) > 0)
      gtk_selection_model_select_item (selection, i, n++ == 0);
  g_assert_cmpuint (n, ==, 2);
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.link", NULL));
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.significance", "s",
                                             "significant"));
  drain_events ();
  source = cw_chronology_get_source (ui->store, entries[0]);
  with_first = g_strdup_printf ("With %s (Northshire Police)", source);
  g_clear_pointer (&source, g_free);
  source = cw_chronology_get_source (ui->store, entries[1]);
  with_second = g_strdup_printf ("With %s (Northshire Police)", source);
  show_section (ui, "history");
  wait_for_draw (history_table (ui));
  g_assert_true (table_shows (history_table (ui), with_first));
  g_assert_true (table_shows (history_table (ui), with_second));
  g_assert_true (table_shows (history_table (ui), "Significant"));

  /* The second report deleted: the first's link line says so. */
  show_section (ui, "chronology");
  cw_chronology_view_select_entry (view, entries[1]);
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chronology.delete", NULL));
  drain_events ();
  show_section (ui, "history");
  wait_for_draw (history_table (ui));
  g_assert_true (table_shows (history_table (ui), "A link since undone"));
  g_assert_false (table_shows (history_table (ui), with_second));

  /* Undone while the history is on screen: the line follows at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.undo", NULL));
  wait_for_draw (history_table (ui));
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "history");
  g_assert_true (table_shows (history_table (ui), with_second));
  g_assert_false (table_shows (history_table (ui), "A link since undone"));
}

static gint64
selected_in_table (CwChronologyView *view)
{
  GtkWidget *column_view = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "column_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (selection);

  if (gtk_bitset_get_size (set) != 1)
    return 0;
  return cw_chronology_model_get_entry_id (cw_chronology_view_get_model (view),
                                           gtk_bitset_get_nth (set, 0));
}

static CwTimelineView *
open_sample_timeline (Ui *ui)
{
  CwTimelineView *timeline;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "chronology");
  timeline = cw_chronology_view_get_timeline (chronology_view (ui));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  /* Read once the table's first rows are painted, then drawn to fit. */
  wait_for (cw_timeline_view_is_loaded (timeline));
  wait_for_draw (GTK_WIDGET (timeline));
  g_assert_cmpuint (cw_timeline_layout_get_n_events (
                      cw_timeline_get_layout (cw_timeline_view_get_timeline (timeline))), ==, 153);
  return timeline;
}

/* The save dialog of every export offers pseudonyms only, not chosen
 * until the user chooses it; cancelled, it writes nothing. */
static void
assert_export_offers_anonymised (Ui         *ui,
                                 const char *action,
                                 const char *target)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chronology_view (ui)), action, "s",
                                             target));
  wait_for ((dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "anonymised"), ==,
                   "false");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_for (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

/* Exports chosen with pseudonyms only hold no real name; without the
 * choice they do; the table keeps showing the texts as written. */
/* Keeps what an asynchronous call returned, for the test to finish it. */
static void
on_async_result (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
test_export_anonymised (Ui *ui, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *full = g_build_filename (ui->dir, "full.csv", NULL);
  g_autofree char *csv = g_build_filename (ui->dir, "anonymised.csv", NULL);
  g_autofree char *pdf = g_build_filename (ui->dir, "anonymised.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  CwChronologyView *view;
  CwChronologyModel *model;
  g_autoptr (GAsyncResult) result = NULL;
  gboolean named = FALSE;

  open_sample_timeline (ui);
  view = chronology_view (ui);
  assert_export_offers_anonymised (ui, "chronology.export", "csv");
  assert_export_offers_anonymised (ui, "chronology.export-timeline", "whole");

  g_assert_true (cw_chronology_view_export (view, full, FALSE, FALSE, &error));
  g_assert_true (g_file_get_contents (full, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Amelia"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (cw_chronology_view_export (view, csv, FALSE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Amelia"));
  g_assert_null (strstr (contents, "Hartley"));
  g_assert_nonnull (strstr (contents, "Child A"));
  model = cw_chronology_view_get_model (view);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && !named; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *description = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);
      named = description != NULL && strstr (description, "Amelia") != NULL;
    }
  g_assert_true (named);

  /* Written by a job, off the main thread. */
  cw_chronology_view_export_timeline (view, pdf, "a4", TRUE, TRUE, on_async_result, &result);
  wait_for (result != NULL);
  g_assert_true (cw_chronology_view_export_timeline_finish (view, result, &error));
  g_assert_no_error (error);
  text = test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Child A"));
  g_assert_null (strstr (text, "Amelia"));
  g_assert_null (strstr (text, "Hartley"));
}

static void
test_timeline_zoom_and_pan (Ui *ui, gconstpointer data)
{
  CwTimelineView *timeline = open_sample_timeline (ui);
  CwTimelineScale before = *cw_timeline_view_get_scale (timeline);
  double anchor = CW_TIMELINE_LANE_LABELS + 200;
  double day = cw_timeline_scale_day (&before, 200);
  const CwTimelineScale *after;

  cw_timeline_view_zoom (timeline, 2.0, anchor);
  drain_events ();
  after = cw_timeline_view_get_scale (timeline);
  g_assert_cmpfloat_with_epsilon (after->px_per_day, before.px_per_day * 2, 1e-9);
  /* The day under the pointer stayed there. */
  g_assert_cmpfloat_with_epsilon (cw_timeline_scale_day (after, 200), day, 1e-6);
  before = *after;
  cw_timeline_view_pan (timeline, 100);
  g_assert_cmpfloat_with_epsilon (after->start, before.start + 100 / before.px_per_day, 1e-6);
  /* Keys zoom about the middle; 0 fits the whole case again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "s", "in"));
  g_assert_cmpfloat (after->px_per_day, >, before.px_per_day);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "s", "fit"));
  wait_for_draw (GTK_WIDGET (timeline));
  g_assert_cmpfloat (cw_timeline_view_get_frame_time (timeline), >, 0);
}

static void
test_timeline_selection_follows (Ui *ui, gconstpointer data)
{
  CwTimelineView *timeline = open_sample_timeline (ui);
  CwChronologyView *view = chronology_view (ui);
  CwTimeline *lanes = cw_timeline_view_get_timeline (timeline);
  CwTimelineFrame frame = { 0 };
  g_autoptr (GArray) items = NULL;
  const CwTimelineItem *item = NULL;
  gint64 first, second, clicked;

  /* Home and Right: the first two entries in time, in the table too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.step", "i", 0));
  drain_events ();
  first = cw_timeline_view_get_selected (timeline);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (selected_in_table (view), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.step", "i", 1));
  drain_events ();
  second = cw_timeline_view_get_selected (timeline);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (selected_in_table (view), ==, second);
  /* Up (the second is the school's, the lowest lane with entries): an
   * entry of the agency above. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.lane", "i", -1));
  drain_events ();
  g_assert_cmpint (cw_timeline_view_get_selected (timeline), !=, second);
  /* Chosen in the table: the timeline follows. */
  cw_chronology_view_select_entry (view, first);
  drain_events ();
  g_assert_cmpint (cw_timeline_view_get_selected (timeline), ==, first);
  /* A click on a mark selects its entry, in the table too. */
  cw_timeline_view_zoom_to_fit (timeline);
  wait_for_draw (GTK_WIDGET (timeline));
  frame.scale = *cw_timeline_view_get_scale (timeline);
  frame.width = gtk_widget_get_width (GTK_WIDGET (timeline));
  frame.height = gtk_widget_get_height (GTK_WIDGET (timeline)) - 30;
  items = cw_timeline_place (lanes, &frame);
  for (guint i = 0; i < items->len && item == NULL; i++)
    if (g_array_index (items, CwTimelineItem, i).kind == CW_TIMELINE_ITEM_EVENT)
      item = &g_array_index (items, CwTimelineItem, i);
  g_assert_nonnull (item);
  clicked = cw_timeline_view_click (timeline, item->x0,
                                    cw_timeline_lane_y (lanes, &frame, item->lane) + 10, 1);
  drain_events ();
  g_assert_cmpint (clicked, >, 0);
  g_assert_cmpint (selected_in_table (view), ==, clicked);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static GtkWidget *
dialog_part (GtkWindow  *dialog,
             GType       type,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name));
}

/* Adding an entry by hand: the dialog's fields, the core's word on a date
 * that does not exist shown under them, and the entry selected in the
 * table once added. */
static void
test_chronology_add_entry_through_dialog (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "By hand", "Child H");
  gint64 review = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
  const char *police[] = { "name", "Northshire Police", NULL };
  gint64 agency = cw_store_insert (ui->store, &cw_entity_agency, 0, police, NULL);
  g_autofree char *agency_id = g_strdup_printf ("%" G_GINT64_FORMAT, agency);
  const char *involved[] = { "agency_id", agency_id, NULL };
  CwChronologyModel *model;
  GtkWindow *dialog;
  GtkWidget *message;
  g_autoptr (CwChronologyItem) item = NULL;
  gint64 id;

  g_assert_cmpint (cw_store_insert (ui->store, &cw_entity_review_agency, review, involved, NULL),
                   >, 0);
  show_section (ui, "chronology");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chronology_view (ui)), "chronology.add",
                                             NULL));
  wait_for ((dialog = find_toplevel (CW_TYPE_NEW_ENTRY_DIALOG)) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (
                      dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "agency")))), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "date")),
                         "31/02/2025");
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "source")),
                         "Visit 1");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "description"))),
                            "Home visit after the referral", -1);
  gtk_drop_down_set_selected (
    GTK_DROP_DOWN (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "significance")), 2);
  g_signal_emit_by_name (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "add_button"), "clicked");
  drain_events ();
  message = dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "message");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "31/02/2025"));
  g_assert_true (find_toplevel (CW_TYPE_NEW_ENTRY_DIALOG) == dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "date")),
                         "14/09/2025");
  g_signal_emit_by_name (dialog_part (dialog, CW_TYPE_NEW_ENTRY_DIALOG, "add_button"), "clicked");
  wait_for (find_toplevel (CW_TYPE_NEW_ENTRY_DIALOG) == NULL);
  drain_events ();
  model = cw_chronology_view_get_model (chronology_view (ui));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 1);
  id = cw_chronology_model_get_entry_id (model, 0);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION), ==,
                   "Home visit after the referral");
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE), ==, "Visit 1");
  g_assert_cmpstr (cw_chronology_item_get_agency (item), ==, "Northshire Police");
  g_assert_cmpint (cw_chronology_item_get_significance (item), ==, CW_CHRONO_SIGNIFICANCE_KEY);
  /* Added, it is the one selected, to go on with it beside the table. */
  g_assert_cmpint (id, >, 0);
  g_assert_true (gtk_selection_model_is_selected (
    gtk_column_view_get_model (GTK_COLUMN_VIEW (gtk_widget_get_template_child (
      GTK_WIDGET (chronology_view (ui)), CW_TYPE_CHRONOLOGY_VIEW, "column_view"))),
    cw_chronology_model_find (model, id)));
}

/* Whether the shortcuts window under @widget has a line with @accel and @title. */
static gboolean
shortcut_listed (GtkWidget  *widget,
                 const char *accel,
                 const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *its_accel = NULL;
      g_autofree char *its_title = NULL;

      g_object_get (widget, "accelerator", &its_accel, "title", &its_title, NULL);
      return g_strcmp0 (its_accel, accel) == 0 && g_strcmp0 (its_title, title) == 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shortcut_listed (child, accel, title))
      return TRUE;
  return FALSE;
}

static GtkStack *
sections_stack (CwReviewView *view)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), CW_TYPE_REVIEW_VIEW,
                                                   "stack"));
}

/* Each section of the list is a page of the review, in the list's order,
 * with its title, its key and its line in the shortcuts window. The keys
 * are the number row with Alt, in the list's order. */
static void
test_sections_from_the_list (Ui *ui, gconstpointer data)
{
  static const struct { const char *name, *accel; } keys[] = {
    { "overview", "<Alt>1" }, { "referral", "<Alt>2" }, { "people", "<Alt>3" },
    { "chronology", "<Alt>4" }, { "returns", "<Alt>5" }, { "terms", "<Alt>6" },
    { "analysis", "<Alt>7" }, { "learning-event", "<Alt>8" }, { "findings", "<Alt>9" },
    { "action-plan", "<Alt>0" }, { "reports", "<Alt>minus" }, { "history", "<Alt>equal" },
  };
  g_autofree char *reference = create_review_through_dialog (ui, "Sections", "Child N");
  g_autoptr (GListModel) pages = NULL;
  GtkWidget *overlay = GTK_WIDGET (
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (ui->window)));
  guint n = 0;

  pages = G_LIST_MODEL (gtk_stack_get_pages (sections_stack (review_view (ui))));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *action = g_strconcat ("win.section::", keys[i].name, NULL);
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui->app),
                                                                    action);

      g_assert_cmpstr (accels[0], ==, keys[i].accel);
      g_assert_null (accels[1]);
      show_section (ui, keys[i].name);
    }
  g_assert_nonnull (overlay);
  for (const CwReviewSectionInfo *section = cw_review_sections (); section->name != NULL;
       section++, n++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (pages, n);
      GtkStackPage *page = GTK_STACK_PAGE (item);

      g_assert_nonnull (item);
      g_assert_cmpstr (gtk_stack_page_get_name (page), ==, section->name);
      g_assert_cmpstr (gtk_stack_page_get_title (page), ==, section->title);
      g_assert_true (shortcut_listed (overlay, section->accel, section->title));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (keys));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, n);
  /* The group's own lines follow the sections'. */
  g_assert_true (shortcut_listed (overlay, "<Control>bracketright", "Move to the next phase"));
}

static gboolean
past_referral (const char *phase)
{
  return !g_str_equal (phase, "referral");
}

/* A section may show in some phases only: hidden, it cannot be chosen;
 * it shows once the review moves into them, and goes when it leaves. */
static void
test_section_shows_in_its_phases (Ui *ui, gconstpointer data)
{
  static const CwReviewSectionInfo sections[] = {
    { .name = "overview", .title = "Overview", .accel = "<Alt>1",
      .get_type = cw_overview_page_get_type, .scrolled = TRUE },
    { .name = "terms", .title = "Terms", .accel = "<Alt>2", .get_type = cw_terms_page_get_type,
      .shows_in = past_referral },
    { NULL },
  };
  g_autofree char *reference = create_review_through_dialog (ui, "Phases", "Child P");
  g_autoptr (CwRecord) review = cw_store_find_review (ui->store, reference, NULL);
  gint64 id = cw_record_get_id (review);
  CwReviewView *view = CW_REVIEW_VIEW (g_object_ref_sink (cw_review_view_new (sections)));
  GtkStack *stack = sections_stack (view);
  GtkStackPage *terms = gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, "terms"));
  g_autoptr (GError) error = NULL;

  cw_review_view_set_review (view, ui->store, id);
  g_assert_false (gtk_stack_page_get_visible (terms));
  cw_review_view_show_section (view, "terms");
  g_assert_cmpstr (cw_review_view_get_section (view), ==, "overview");
  g_assert_true (cw_store_move_phase (ui->store, id, "decision", &error));
  g_assert_no_error (error);
  drain_events ();
  g_assert_true (gtk_stack_page_get_visible (terms));
  cw_review_view_show_section (view, "terms");
  g_assert_cmpstr (cw_review_view_get_section (view), ==, "terms");
  g_assert_true (cw_store_move_phase (ui->store, id, "referral", &error));
  g_assert_no_error (error);
  drain_events ();
  g_assert_false (gtk_stack_page_get_visible (terms));
  g_assert_cmpstr (cw_review_view_get_section (view), ==, "overview");
  g_object_unref (view);
}

/* The waits themselves: they return once the condition holds, and fail
 * the test, naming what they waited for, when it never does. */
static void
test_waits (void)
{
  gboolean flag = FALSE;

  g_idle_add (set_flag, &flag);
  wait_until (flag_is_set, &flag, TEST_UI_TIMEOUT_MS);
  g_assert_true (flag);
  flag = FALSE;
  g_timeout_add (1, set_flag, &flag);
  wait_for (flag);
  g_assert_true (flag);

  if (g_test_subprocess ())
    {
      flag = FALSE;
      wait_for_ms (flag_is_set (&flag), 50);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*timed out after 50 ms waiting for flag_is_set (&flag)*");
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/waits", test_waits);
  cw_core_init ();
#define ADD(path, func) g_test_add ("/ui/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("first-run-empty-state", test_first_run_empty_state);
  ADD ("register-fill-referral-move-phase", test_register_review_fill_referral_move_phase);
  ADD ("delete-review-and-undo", test_delete_review_and_undo);
  ADD ("failed-purge-is-reported", test_failed_purge_is_reported);
  ADD ("shortcuts-leave-text-editing-alone", test_shortcuts_leave_text_editing_alone);
  ADD ("people-add-edit-delete", test_people_add_edit_delete);
  ADD ("agency-register-keeps-the-edited-agency", test_agency_register_keeps_the_edited_agency);
  ADD ("search-filters-list", test_search_filters_list);
  ADD ("window-restores-state", test_window_restores_state);
  ADD ("preferences", test_preferences);
  ADD ("restore-other-database-asks", test_restore_other_database_asks);
  ADD ("phase-buttons-clicked-in-turn", test_phase_buttons_clicked_in_turn);
  ADD ("typing-across-autosave", test_typing_across_autosave);
  ADD ("real-name-warned", test_real_name_warned);
  ADD ("chronology-import-through-dialog", test_chronology_import_through_dialog);
  ADD ("import-combined-through-dialog", test_import_combined_through_dialog);
  ADD ("chronology-mark-delete-undo", test_chronology_mark_delete_undo);
  ADD ("history-follows-chronology", test_history_follows_chronology);
  ADD ("chronology-ignores-title-typing", test_chronology_ignores_title_typing);
  ADD ("chronology-search-refused", test_chronology_search_refused);
  ADD ("timeline-zoom-and-pan", test_timeline_zoom_and_pan);
  ADD ("export-anonymised", test_export_anonymised);
  ADD ("timeline-selection-follows", test_timeline_selection_follows);
  ADD ("chronology-add-entry-through-dialog", test_chronology_add_entry_through_dialog);
  ADD ("sections-from-the-list", test_sections_from_the_list);
  ADD ("section-shows-in-its-phases", test_section_shows_in_its_phases);
#undef ADD
  return g_test_run ();
}
