/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The analysis as a reviewer writes it up, in a real window under Xvfb:
 * the learning event's notes, findings with their evidence and statuses,
 * recommendations and the traceability view. */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <gtk/gtk.h>

#include "cw-analysis.h"
#include "cw-core.h"
#include "cw-learning-event-page.h"
#include "cw-register-entities.h"
#include "test-ui-helpers.h"

static gint64
open_review_id (Ui *ui)
{
  return cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
}

static CwLearningEventPage *
event_page (Ui *ui)
{
  return CW_LEARNING_EVENT_PAGE (cw_review_view_get_part (review_view (ui), "learning-event"));
}

static gint64
add_case_member (Ui         *ui,
                 gint64      review,
                 const char *name,
                 const char *role)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_store_insert (ui->store, &cw_entity_member, review,
                               (const char *[]) { "group_kind", "case", "name", name,
                                                  "role", role, NULL }, &error);

  g_assert_no_error (error);
  return id;
}

/* The one row of @entity in @review whose @field is @value, or 0. */
static gint64
find_row (Ui             *ui,
          const CwEntity *entity,
          gint64          review,
          const char     *field,
          const char     *value)
{
  g_autoptr (GListModel) rows = cw_store_list (ui->store, entity, review, NULL);

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);
      if (g_strcmp0 (cw_record_get (row, field), value) == 0)
        return cw_record_get_id (row);
    }
  return 0;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* A learning event set up in the section, a participant added from the
 * case group, a note typed for them under a Falkirk prompt: switching to
 * another review straight away loses nothing, and the note is there on
 * coming back. The notes say they are internal. */
static void
test_learning_event_notes_autosaved (Ui *ui, gconstpointer data)
{
  g_autofree char *first = create_review_through_dialog (ui, "Event review", "Child E");
  gint64 review = open_review_id (ui);
  gint64 member = add_case_member (ui, review, "Pat Practitioner", "Health visitor");
  g_autofree char *member_text = g_strdup_printf ("%" G_GINT64_FORMAT, member);
  g_autofree char *second = NULL;
  g_autofree char *shown = NULL;
  CwLearningEventPage *page;
  GtkTextView *view;
  gint64 participant, note;

  show_section (ui, "learning-event");
  page = event_page (ui);
  g_assert_cmpint (cw_learning_event_page_get_event_id (page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.create", NULL));
  drain_events ();
  g_assert_cmpint (cw_learning_event_page_get_event_id (page), >, 0);
  g_assert_true (stored_value_is (ui->store, &cw_entity_learning_event,
                                  cw_learning_event_page_get_event_id (page), "tool", "falkirk"));
  /* The case group's practitioner is offered, and added with their role. */
  gtk_drop_down_set_selected (
    GTK_DROP_DOWN (cw_review_view_get_part (review_view (ui), "event-members")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.add-participant", NULL));
  drain_events ();
  participant = find_row (ui, &cw_entity_event_participant, review, "member_id", member_text);
  g_assert_cmpint (participant, >, 0);
  g_assert_true (stored_value_is (ui->store, &cw_entity_event_participant, participant,
                                  "role_at_time", "Health visitor"));
  /* Falkirk's prompts, for the group and for the participant. */
  g_assert_nonnull (cw_learning_event_page_get_note_view (page, 0, "introductions"));
  g_assert_nonnull (cw_learning_event_page_get_note_view (page, 0, "reflections"));
  view = cw_learning_event_page_get_note_view (page, participant, "mindset");
  g_assert_nonnull (view);
  g_assert_null (cw_learning_event_page_get_note_view (page, participant, "facts"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "We were short of two staff.", -1);

  /* Away at once, before the typing pause. */
  second = create_review_through_dialog (ui, "Another review", "Child F");
  g_assert_cmpint (open_review_id (ui), !=, review);
  note = find_row (ui, &cw_entity_event_note, review, "text", "We were short of two staff.");
  g_assert_cmpint (note, >, 0);
  g_assert_true (stored_value_is (ui->store, &cw_entity_event_note, note, "prompt", "mindset"));
  g_assert_cmpint (cw_learning_event_page_get_event_id (page), ==, 0);

  cw_window_select_review (ui->window, first);
  drain_events ();
  view = cw_learning_event_page_get_note_view (page, participant, "mindset");
  g_assert_nonnull (view);
  shown = buffer_text (view);
  g_assert_cmpstr (shown, ==, "We were short of two staff.");
}

/* With the Salford tool, the notes are its five stages, for the group. */
static void
test_learning_event_salford_stages (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Salford review", "Child S");
  gint64 review = open_review_id (ui);
  g_autoptr (GError) error = NULL;
  CwLearningEventPage *page;
  gint64 event;
  GtkTextView *view;

  show_section (ui, "learning-event");
  page = event_page (ui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.create", NULL));
  drain_events ();
  event = cw_learning_event_page_get_event_id (page);
  g_assert_true (cw_store_update (ui->store, &cw_entity_learning_event, event, "tool", "salford",
                                  &error));
  g_assert_no_error (error);
  drain_events ();
  g_assert_null (cw_learning_event_page_get_note_view (page, 0, "introductions"));
  for (guint i = 0; i < 5; i++)
    {
      static const char *const stages[] = { "facts", "thoughts-feelings", "hypotheses",
                                            "root-cause", "next-steps" };
      g_assert_nonnull (cw_learning_event_page_get_note_view (page, 0, stages[i]));
    }
  /* Typed, then saved after the pause with nothing else happening. */
  view = cw_learning_event_page_get_note_view (page, 0, "hypotheses");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Thresholds were misread.", -1);
  wait_for (find_row (ui, &cw_entity_event_note, review, "text", "Thresholds were misread.") > 0);
  /* The large text option is on the notes, and off again. */
  g_assert_true (gtk_widget_get_visible (
    cw_review_view_get_part (review_view (ui), "event-large-text")));
  gtk_toggle_button_set_active (
    GTK_TOGGLE_BUTTON (cw_review_view_get_part (review_view (ui), "event-large-text")), TRUE);
  g_assert_true (gtk_widget_has_css_class (
    cw_review_view_get_part (review_view (ui), "event-notes"), "cw-large-text"));
  gtk_toggle_button_set_active (
    GTK_TOGGLE_BUTTON (cw_review_view_get_part (review_view (ui), "event-large-text")), FALSE);
  g_assert_false (gtk_widget_has_css_class (
    cw_review_view_get_part (review_view (ui), "event-notes"), "cw-large-text"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) g_test_add ("/ui-findings/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("learning-event/notes-autosaved", test_learning_event_notes_autosaved);
  ADD ("learning-event/salford-stages", test_learning_event_salford_stages);
#undef ADD

  return g_test_run ();
}
