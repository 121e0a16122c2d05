/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The analysis as a reviewer writes it up, in a real window under Xvfb:
 * the learning event's notes, findings with their evidence and statuses,
 * recommendations and the traceability view. */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <gtk/gtk.h>

#include "cw-analysis.h"
#include "cw-chronology-view-private.h"
#include "cw-chronology-view.h"
#include "cw-core.h"
#include "cw-findings-page.h"
#include "cw-trace-view.h"
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


static CwFindingsPage *
findings_page (Ui *ui)
{
  return CW_FINDINGS_PAGE (cw_review_view_get_part (review_view (ui), "findings"));
}

/* The button under @widget whose label is @label, or NULL. */
static GtkWidget *
button_labelled (GtkWidget  *widget,
                 const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
trace_flags (Ui          *ui,
             CwTraceKind  kind,
             gint64       id)
{
  return cw_trace_view_get_flag_of (CW_TRACE_VIEW (view_part (ui, "trace")), kind, id) != NULL;
}

/* A finding added in the section is flagged, in its detail and in the
 * traceability view, until an episode is linked as its evidence; its
 * status offers only the moves the rules allow, and one finding with no
 * evidence cannot be agreed; a recommendation is flagged until it is
 * linked to a finding; the order of findings changes from the keyboard. */
static void
test_findings_evidence_status_trace (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Findings review", "Child G");
  gint64 review = open_review_id (ui);
  g_autoptr (GError) error = NULL;
  gint64 episode = cw_analysis_add_episode (ui->store, review, "Hospital discharge", NULL, 0,
                                            &error);
  g_autoptr (GPtrArray) findings = NULL;
  CwFindingsPage *page;
  GtkWidget *status, *button;
  gint64 finding, other, recommendation;
  g_autofree char *finding_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (episode, >, 0);
  show_section (ui, "findings");
  page = findings_page (ui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "findings.add", NULL));
  drain_events ();
  finding = cw_findings_page_get_finding_id (page);
  g_assert_cmpint (finding, >, 0);
  g_assert_true (gtk_widget_get_visible (view_part (ui, "evidence-gap")));
  wait_for (trace_flags (ui, CW_TRACE_FINDING, finding));
  g_assert_cmpstr (cw_trace_view_get_flag_of (CW_TRACE_VIEW (view_part (ui, "trace")),
                                              CW_TRACE_FINDING, finding),
                   ==, "No evidence behind it");

  /* From draft, the only move is forward one step. */
  status = view_part (ui, "finding-status");
  g_assert_nonnull (button_labelled (status, "Move to “Shared for accuracy check”"));
  g_assert_null (button_labelled (status, "Move to “Agreed”"));
  g_assert_null (button_labelled (status, "Move to “Presented”"));
  g_signal_emit_by_name (button_labelled (status, "Move to “Shared for accuracy check”"),
                         "clicked");
  wait_for (stored_value_is (ui->store, &cw_entity_finding, finding, "status", "accuracy-check"));
  wait_for ((button = button_labelled (view_part (ui, "finding-status"),
                                       "Move to “Agreed”")) != NULL);
  g_assert_nonnull (button_labelled (view_part (ui, "finding-status"), "Back to “Draft”"));
  /* Agreed with no evidence: refused, and the section says why. */
  g_signal_emit_by_name (button, "clicked");
  drain_events ();
  g_assert_true (stored_value_is (ui->store, &cw_entity_finding, finding, "status",
                                  "accuracy-check"));
  g_assert_true (gtk_widget_get_visible (view_part (ui, "finding-status-error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (view_part (ui, "finding-status-error"))),
                            "evidence"));

  /* The episode, linked as evidence: the gap is gone, here and in the trace. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (view_part (ui, "evidence-target")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "findings.add-evidence", NULL));
  wait_for (cw_analysis_count_evidence (ui->store, finding) == 1);
  wait_for (!gtk_widget_get_visible (view_part (ui, "evidence-gap")));
  wait_for (!trace_flags (ui, CW_TRACE_FINDING, finding));
  g_assert_cmpuint (n_children (view_part (ui, "evidence-list")), ==, 1);
  g_signal_emit_by_name (button_labelled (view_part (ui, "finding-status"),
                                          "Move to “Agreed”"), "clicked");
  wait_for (stored_value_is (ui->store, &cw_entity_finding, finding, "status", "agreed"));

  /* A recommendation with no finding is flagged until it is linked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "recommendations.add", NULL));
  drain_events ();
  recommendation = cw_findings_page_get_recommendation_id (page);
  g_assert_cmpint (recommendation, >, 0);
  g_assert_true (gtk_widget_get_visible (view_part (ui, "link-gap")));
  wait_for (trace_flags (ui, CW_TRACE_RECOMMENDATION, recommendation));
  button = gtk_widget_get_first_child (view_part (ui, "finding-checks"));
  g_assert_true (GTK_IS_CHECK_BUTTON (button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  finding_text = g_strdup_printf ("%" G_GINT64_FORMAT, finding);
  wait_for (find_row (ui, &cw_entity_recommendation_finding, review, "finding_id",
                      finding_text) > 0);
  wait_for (!gtk_widget_get_visible (view_part (ui, "link-gap")));
  wait_for (!trace_flags (ui, CW_TRACE_RECOMMENDATION, recommendation));
  /* What remains flagged is the episode, which covers no entry yet. */
  g_assert_cmpuint (cw_trace_view_get_n_flags (CW_TRACE_VIEW (view_part (ui, "trace"))), ==, 1);
  g_assert_true (trace_flags (ui, CW_TRACE_EPISODE, episode));

  /* A second finding, moved above the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "findings.add", NULL));
  drain_events ();
  other = cw_findings_page_get_finding_id (page);
  g_assert_cmpint (other, !=, finding);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "findings.move-up", NULL));
  drain_events ();
  findings = cw_analysis_list_findings (ui->store, review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (((CwFinding *) findings->pdata[0])->id, ==, other);
  g_assert_cmpint (((CwFinding *) findings->pdata[1])->id, ==, finding);
}

/* A finding made from an episode has it as its case evidence; the
 * traceability view opens a finding in its list. */
static void
test_finding_from_episode (Ui *ui, gconstpointer data)
{
  g_autofree char *reference = create_review_through_dialog (ui, "Episode review", "Child H");
  gint64 review = open_review_id (ui);
  g_autoptr (GError) error = NULL;
  gint64 episode = cw_analysis_add_episode (ui->store, review, "Missed review", NULL, 0, &error);
  g_autofree char *episode_text = g_strdup_printf ("%" G_GINT64_FORMAT, episode);
  CwFindingsPage *page;
  gint64 finding, evidence;

  g_assert_no_error (error);
  show_section (ui, "findings");
  page = findings_page (ui);
  finding = cw_findings_page_new_finding_from_episode (page, episode);
  g_assert_cmpint (finding, >, 0);
  g_assert_cmpint (cw_findings_page_get_finding_id (page), ==, finding);
  evidence = find_row (ui, &cw_entity_finding_evidence, review, "episode_id", episode_text);
  g_assert_cmpint (evidence, >, 0);
  g_assert_true (stored_value_is (ui->store, &cw_entity_finding_evidence, evidence, "kind",
                                  "case-evidence"));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (view_part (ui, "evidence-gap")));
  /* From the trace, back to the finding. */
  gtk_stack_set_visible_child_name (GTK_STACK (view_part (ui, "findings-pages")), "trace");
  g_assert_cmpuint (cw_trace_view_get_n_nodes (CW_TRACE_VIEW (view_part (ui, "trace"))), >=,
                    2);
  g_signal_emit_by_name (view_part (ui, "trace"), "open", (int) CW_TRACE_FINDING, finding);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_part (ui, "findings-pages"))),
                   ==, "findings");
}

/* A button under @widget whose tooltip is @tip, or NULL. */
static GtkWidget *
button_with_tip (GtkWidget  *widget,
                 const char *tip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_with_tip (child, tip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In the sample review, the good-practice finding cites a school entry:
 * its evidence opens the entry in the chronology, and the traceability
 * view says what that entry supports. */
static void
test_evidence_opens_entry (Ui *ui, gconstpointer data)
{
  g_autoptr (GListModel) reviews = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GListModel) evidence = NULL;
  g_autoptr (GError) error = NULL;
  CwFindingsPage *page;
  CwTraceView *trace;
  GtkWidget *open;
  CwFinding *good = NULL;
  gint64 entry = 0;
  GArray *selected;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  reviews = cw_store_list (ui->store, &cw_entity_review, 0, NULL);
  review = g_list_model_get_item (reviews, 0);
  findings = cw_analysis_list_findings (ui->store, cw_record_get_id (review), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((CwFinding *) findings->pdata[i])->kind, "good-practice"))
      good = findings->pdata[i];
  g_assert_nonnull (good);
  evidence = cw_store_list (ui->store, &cw_entity_finding_evidence, cw_record_get_id (review),
                            NULL);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (evidence, i);
      if (cw_record_get_int (row, "finding_id") == good->id && cw_record_get (row, "entry_id"))
        entry = cw_record_get_int (row, "entry_id");
    }
  g_assert_cmpint (entry, >, 0);

  show_section (ui, "findings");
  page = findings_page (ui);
  cw_findings_page_select_finding (page, good->id);
  drain_events ();
  open = button_with_tip (view_part (ui, "evidence-list"), "Show the entry in the chronology");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, "chronology");
  selected = cw_chronology_view_selected_ids (
    CW_CHRONOLOGY_VIEW (cw_review_view_get_part (review_view (ui), "chronology")));
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, entry);
  g_array_unref (selected);

  trace = CW_TRACE_VIEW (view_part (ui, "trace"));
  cw_trace_view_show_entry (trace, entry);
  g_assert_true (cw_trace_view_get_flag_of (trace, CW_TRACE_FINDING, good->id) == NULL);
  g_assert_cmpuint (cw_trace_view_get_n_nodes (trace), >=, 1);
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
  ADD ("findings/evidence-status-trace", test_findings_evidence_status_trace);
  ADD ("findings/from-episode", test_finding_from_episode);
  ADD ("findings/evidence-opens-entry", test_evidence_opens_entry);
#undef ADD

  return g_test_run ();
}
