/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis-entities.h"
#include "cw-drop-down.h"
#include "cw-learning-event-page.h"
#include "cw-record-form.h"
#include "cw-register-entities.h"
#include "cw-review-section.h"
#include "cw-store-watch.h"

/* The review's section "Learning event": the event (kind, date,
 * facilitator, tool, what it drew on), its participants from the case
 * group, and a form to take notes live: with Falkirk's discussion prompts,
 * the headings of its appendix 4 for the whole group and for each
 * participant; with the Salford tool, its five stages. Notes save as they
 * are typed (after a pause, on leaving the prompt, and on flush), Tab goes
 * to the next prompt and Ctrl+Page Down to the next participant. The notes
 * are internal: the report check keeps them out of what is published. */

#define SAVE_DELAY_MS 1500

/* Falkirk appendix 4, headings 1 to 8 (3 has three parts). */
static const char *const falkirk_prompts[] = {
  "introductions", "overview", "episodes", "mindset", "factors", "went-well", "queries",
  "changes", "summing-up", "reflections", NULL,
};
static const char *const salford_prompts[] = {
  "facts", "thoughts-feelings", "hypotheses", "root-cause", "next-steps", NULL,
};
static const char *const free_prompts[] = { "notes", NULL };

typedef struct _CwLearningEventPage CwLearningEventPage;

typedef struct
{
  CwLearningEventPage *page;
  gint64               participant_id; /* 0: the whole group */
  const char          *prompt;
  GtkTextView         *view;
  guint                timeout_id;
} Note;

struct _CwLearningEventPage
{
  GtkWidget        parent_instance;
  GtkStack        *stack;
  CwRecordForm    *event_form;
  GtkListBox      *participants_list;
  GtkDropDown     *member_drop;
  GtkLabel        *participants_hint;
  GtkLabel        *notes_title;
  GtkToggleButton *large_text_button;
  GtkNotebook     *notes_notebook;
  CwStore         *store;
  gint64           review_id;
  gint64           event_id;
  char            *tool;     /* the tool the notes form is built for */
  GArray          *member_ids; /* gint64, the member drop-down's */
  GPtrArray       *notes;    /* Note */
  gboolean         loading;
};

static void cw_learning_event_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwLearningEventPage, cw_learning_event_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_learning_event_page_section_init))

static void
note_free (Note *note)
{
  g_clear_handle_id (&note->timeout_id, g_source_remove);
  g_free (note);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
report_error (CwLearningEventPage *self,
              GError              *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

/* Notes */

static char *
note_text (Note *note)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (note->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The stored note for @participant_id and @prompt, or NULL. */
static CwRecord *
find_note (CwLearningEventPage *self,
           GListModel          *stored,
           gint64               participant_id,
           const char          *prompt)
{
  for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (stored, i);

      if (cw_record_get_int (record, "event_id") == self->event_id
          && cw_record_get_int (record, "participant_id") == participant_id
          && g_strcmp0 (cw_record_get (record, "prompt"), prompt) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

static GListModel *
stored_notes (CwLearningEventPage *self)
{
  return cw_store_list (self->store, &cw_entity_event_note, self->review_id, NULL);
}

static void
save_note (Note *note)
{
  CwLearningEventPage *self = note->page;
  g_autoptr (GListModel) stored = NULL;
  g_autoptr (CwRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&note->timeout_id, g_source_remove);
  if (self->store == NULL || self->event_id == 0 || self->loading)
    return;
  text = note_text (note);
  stored = stored_notes (self);
  record = find_note (self, stored, note->participant_id, note->prompt);
  if (record != NULL)
    {
      if (g_strcmp0 (cw_record_get (record, "text"), *text ? text : NULL) != 0
          && !cw_store_update (self->store, &cw_entity_event_note, cw_record_get_id (record),
                               "text", text, &error))
        report_error (self, error);
    }
  else if (*text != '\0')
    {
      g_autofree char *event = id_text (self->event_id);
      g_autofree char *participant = note->participant_id ? id_text (note->participant_id) : NULL;
      const char *pairs[] = { "event_id", event, "prompt", note->prompt, "text", text,
                              "participant_id", participant, NULL };

      if (cw_store_insert (self->store, &cw_entity_event_note, self->review_id, pairs,
                           &error) == 0)
        report_error (self, error);
    }
}

static gboolean
save_timeout (gpointer data)
{
  Note *note = data;

  note->timeout_id = 0;
  save_note (note);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (Note *note)
{
  if (note->page->loading)
    return;
  g_clear_handle_id (&note->timeout_id, g_source_remove);
  note->timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, note);
}

static void
on_note_leave (GtkEventControllerFocus *controller,
               Note                    *note)
{
  if (note->timeout_id != 0)
    save_note (note);
}

static void
flush_notes (CwLearningEventPage *self)
{
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      Note *note = self->notes->pdata[i];
      if (note->timeout_id != 0)
        save_note (note);
    }
}

/* The stored text, in every note not being typed in. */
static void
load_notes (CwLearningEventPage *self)
{
  g_autoptr (GListModel) stored = self->store ? stored_notes (self) : NULL;

  self->loading = TRUE;
  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = self->notes->pdata[i];
      g_autoptr (CwRecord) record = find_note (self, stored, note->participant_id, note->prompt);
      const char *text = record ? cw_record_get (record, "text") : NULL;
      g_autofree char *shown = NULL;

      if (note->timeout_id != 0 || gtk_widget_has_focus (GTK_WIDGET (note->view)))
        continue;
      shown = note_text (note);
      if (g_strcmp0 (shown, text ? text : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (note->view), text ? text : "", -1);
    }
  self->loading = FALSE;
}

static GtkWidget *
make_note (CwLearningEventPage *self,
           gint64               participant_id,
           const char          *prompt)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (_(cw_choice_label (cw_event_prompts, prompt)));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  Note *note = g_new0 (Note, 1);

  note->page = self;
  note->participant_id = participant_id;
  note->prompt = prompt;
  note->view = GTK_TEXT_VIEW (view);
  g_ptr_array_add (self->notes, note);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "cw-prompt");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab goes to the next prompt, as in any form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 64);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_note_changed), note);
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_leave), note);
  gtk_widget_add_controller (view, focus);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static const char *const *
prompts_of (const char *tool)
{
  if (g_strcmp0 (tool, "falkirk") == 0)
    return falkirk_prompts;
  if (g_strcmp0 (tool, "salford") == 0)
    return salford_prompts;
  return free_prompts;
}

static void
add_notes_tab (CwLearningEventPage *self,
               gint64               participant_id,
               const char          *title)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *const *prompts = prompts_of (self->tool);

  for (guint i = 0; prompts[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), make_note (self, participant_id, prompts[i]));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_notebook_append_page (self->notes_notebook, scrolled, gtk_label_new (title));
}

static GListModel *
participants_of (CwLearningEventPage *self)
{
  g_autoptr (GListModel) all = cw_store_list (self->store, &cw_entity_event_participant,
                                              self->review_id, NULL);
  GListStore *mine = g_list_store_new (CW_TYPE_RECORD);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (all, i);
      if (cw_record_get_int (record, "event_id") == self->event_id)
        g_list_store_append (mine, record);
    }
  return G_LIST_MODEL (mine);
}

/* The notes form, for the event's tool: Falkirk's prompts for the whole
 * group and for each participant, Salford's stages or a free note for the
 * group. */
static void
build_notes (CwLearningEventPage *self)
{
  int current = gtk_notebook_get_current_page (self->notes_notebook);
  const char *tool_label;

  flush_notes (self);
  while (gtk_notebook_get_n_pages (self->notes_notebook) > 0)
    gtk_notebook_remove_page (self->notes_notebook, -1);
  g_ptr_array_set_size (self->notes, 0);
  /* GTK 4.8 measures an empty row of tabs at a negative height. */
  gtk_notebook_set_show_tabs (self->notes_notebook, self->event_id != 0);
  if (self->event_id == 0)
    return;
  tool_label = cw_choice_label (cw_event_tools, self->tool);
  gtk_label_set_text (self->notes_title, tool_label ? _(tool_label) : _("Notes"));
  if (g_strcmp0 (self->tool, "falkirk") == 0)
    {
      g_autoptr (GListModel) participants = participants_of (self);

      add_notes_tab (self, 0, _("Whole group"));
      for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
        {
          g_autoptr (CwRecord) p = g_list_model_get_item (participants, i);
          g_autofree char *name = cw_record_dup_display (p, "member_id");

          add_notes_tab (self, cw_record_get_id (p), name);
        }
    }
  else
    add_notes_tab (self, 0, g_strcmp0 (self->tool, "salford") == 0 ? _("Case discussion")
                                                                   : _("Notes"));
  load_notes (self);
  if (current > 0 && current < gtk_notebook_get_n_pages (self->notes_notebook))
    gtk_notebook_set_current_page (self->notes_notebook, current);
}

/* Participants */

static void
remove_participant (GtkButton           *button,
                    CwLearningEventPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "cw-name");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  flush_notes (self);
  message = g_strdup_printf (_("Removed participant “%s”"), name);
  if (!cw_store_delete (self->store, &cw_entity_event_participant, id, &error))
    return report_error (self, error);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.offer-undo", "(sxs)",
                              cw_entity_event_participant.table, id, message);
}

static GtkWidget *
participant_row (CwLearningEventPage *self,
                 CwRecord            *participant)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = cw_record_dup_display (participant, "member_id");
  const char *role = cw_record_get (participant, "role_at_time");
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *role_label = gtk_label_new (role ? role : _("Role not given"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *tip = g_strdup_printf (_("Remove %s from the participants"), name);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (role_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (role_label), TRUE);
  gtk_widget_add_css_class (role_label, "caption");
  gtk_widget_add_css_class (role_label, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name_label);
  gtk_box_append (GTK_BOX (labels), role_label);
  gtk_widget_set_tooltip_text (remove, tip);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set_data (G_OBJECT (remove), "cw-id", GSIZE_TO_POINTER (cw_record_get_id (participant)));
  g_object_set_data_full (G_OBJECT (remove), "cw-name", g_strdup (name), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant), self);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static gboolean
takes_part (GListModel *participants,
            gint64      member_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr (CwRecord) p = g_list_model_get_item (participants, i);
      if (cw_record_get_int (p, "member_id") == member_id)
        return TRUE;
    }
  return FALSE;
}

/* The case group's practitioners who are not participants yet. */
static void
fill_members (CwLearningEventPage *self,
              GListModel          *participants)
{
  g_autoptr (GListModel) members = cw_store_list (self->store, &cw_entity_member, self->review_id,
                                                  NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_case = 0;

  g_array_set_size (self->member_ids, 0);
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr (CwRecord) m = g_list_model_get_item (members, i);
      const char *role = cw_record_get (m, "role");
      g_autofree char *label = NULL;
      gint64 id = cw_record_get_id (m);

      if (g_strcmp0 (cw_record_get (m, "group_kind"), "case") != 0)
        continue;
      n_case++;
      if (takes_part (participants, id))
        continue;
      label = role ? g_strdup_printf ("%s, %s", cw_record_get (m, "name"), role)
                   : g_strdup (cw_record_get (m, "name"));
      gtk_string_list_append (labels, label);
      g_array_append_val (self->member_ids, id);
    }
  gtk_drop_down_set_model (self->member_drop, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->member_drop), self->member_ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.add-participant",
                                 self->member_ids->len > 0);
  gtk_label_set_text (self->participants_hint,
                      n_case == 0 ? _("The case group is empty: add its practitioners in "
                                      "People & agencies first.")
                                  : _("From the case group (People & agencies), with the role "
                                      "each had in the period under review."));
}

static void
build_participants (CwLearningEventPage *self)
{
  g_autoptr (GListModel) participants = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list))) != NULL)
    gtk_list_box_remove (self->participants_list, child);
  if (self->event_id == 0)
    return;
  participants = participants_of (self);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr (CwRecord) p = g_list_model_get_item (participants, i);
      gtk_list_box_append (self->participants_list, participant_row (self, p));
    }
  if (g_list_model_get_n_items (participants) == 0)
    {
      GtkWidget *none = gtk_label_new (_("No participants yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 8);
      gtk_widget_set_margin_bottom (none, 8);
      gtk_list_box_append (self->participants_list, none);
    }
  fill_members (self, participants);
}

static void
add_participant_activated (GtkWidget  *widget,
                           const char *action,
                           GVariant   *parameter)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (widget);
  guint selected = gtk_drop_down_get_selected (self->member_drop);
  g_autoptr (CwRecord) member = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *event = NULL;
  g_autofree char *member_id = NULL;
  gint64 id;

  if (self->store == NULL || self->event_id == 0 || selected >= self->member_ids->len)
    return;
  id = g_array_index (self->member_ids, gint64, selected);
  member = cw_store_get (self->store, &cw_entity_member, id, &error);
  if (member == NULL)
    return report_error (self, error);
  event = id_text (self->event_id);
  member_id = id_text (id);
  if (cw_store_insert (self->store, &cw_entity_event_participant, self->review_id,
                       (const char *[]) { "event_id", event, "member_id", member_id,
                                          "role_at_time", cw_record_get (member, "role"), NULL },
                       &error) == 0)
    report_error (self, error);
}

/* The event */

static gint64
find_event (CwLearningEventPage  *self,
            char                **tool)
{
  g_autoptr (GListModel) events = NULL;
  g_autoptr (CwRecord) first = NULL;

  *tool = NULL;
  if (self->store == NULL || self->review_id == 0)
    return 0;
  events = cw_store_list (self->store, &cw_entity_learning_event, self->review_id, NULL);
  if (events == NULL || g_list_model_get_n_items (events) == 0)
    return 0;
  first = g_list_model_get_item (events, 0);
  *tool = g_strdup (cw_record_get (first, "tool"));
  return cw_record_get_id (first);
}

static void
reload (CwLearningEventPage *self)
{
  g_autofree char *tool = NULL;

  flush_notes (self);
  self->event_id = find_event (self, &tool);
  g_free (self->tool);
  self->tool = g_steal_pointer (&tool);
  gtk_stack_set_visible_child_name (self->stack, self->event_id ? "event" : "none");
  if (cw_record_form_get_id (self->event_form) != self->event_id)
    cw_record_form_set_record (self->event_form, self->store, self->event_id);
  build_participants (self);
  build_notes (self);
}

static void
on_store_changed (CwLearningEventPage *self,
                  const char          *table,
                  gint64               id)
{
  g_autofree char *tool = NULL;

  if (self->review_id == 0)
    return;
  if (g_str_equal (table, cw_entity_event_note.table))
    load_notes (self);
  else if (g_str_equal (table, cw_entity_learning_event.table))
    {
      /* Only a new event or another tool changes the notes form. */
      if (find_event (self, &tool) != self->event_id || g_strcmp0 (tool, self->tool) != 0)
        reload (self);
    }
  else if (g_str_equal (table, CW_STORE_EVERYTHING))
    reload (self);
  else
    {
      build_participants (self);
      build_notes (self);
    }
}

static void
create_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || self->review_id == 0)
    return;
  if (cw_store_insert (self->store, &cw_entity_learning_event, self->review_id,
                       (const char *[]) { "kind", "workshop", "tool", "falkirk", NULL },
                       &error) == 0)
    return report_error (self, error);
  gtk_widget_child_focus (GTK_WIDGET (self->event_form), GTK_DIR_TAB_FORWARD);
}

/* Keys for a live workshop */

static Note *
focused_note (CwLearningEventPage *self,
              guint               *index_in_tab)
{
  guint first_of_tab = 0;

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = self->notes->pdata[i];

      if (i > 0 && ((Note *) self->notes->pdata[i - 1])->participant_id != note->participant_id)
        first_of_tab = i;
      if (gtk_widget_has_focus (GTK_WIDGET (note->view)))
        {
          *index_in_tab = i - first_of_tab;
          return note;
        }
    }
  return NULL;
}

/* Ctrl+Page Down/Up: the same prompt of the next (previous) participant. */
static gboolean
switch_participant (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (widget);
  int step = g_variant_get_int32 (args);
  int n = gtk_notebook_get_n_pages (self->notes_notebook);
  guint index = 0;
  int page;
  guint seen = 0;

  if (n == 0)
    return FALSE;
  focused_note (self, &index);
  page = (gtk_notebook_get_current_page (self->notes_notebook) + step + n) % n;
  gtk_notebook_set_current_page (self->notes_notebook, page);
  /* Notes are in tab order: count the tabs' prompts up to @page. */
  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = self->notes->pdata[i];

      if (i > 0 && ((Note *) self->notes->pdata[i - 1])->participant_id != note->participant_id)
        seen++;
      if ((int) seen == page)
        {
          Note *target = self->notes->pdata[MIN (i + index, self->notes->len - 1)];
          gtk_widget_grab_focus (GTK_WIDGET (target->view));
          break;
        }
    }
  return TRUE;
}

static void
on_large_text (CwLearningEventPage *self)
{
  if (gtk_toggle_button_get_active (self->large_text_button))
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_notebook), "cw-large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_notebook), "cw-large-text");
}

static gboolean
toggle_large_text (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (widget);

  gtk_toggle_button_set_active (self->large_text_button,
                                !gtk_toggle_button_get_active (self->large_text_button));
  return TRUE;
}

/* CwReviewSection */

static void
cw_learning_event_page_set_review (CwReviewSection *section,
                                   CwStore         *store,
                                   gint64           id)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (section);

  flush_notes (self);
  cw_record_form_flush (self->event_form);
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "learning_event", "event_participant", "event_note",
                                          "member", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->review_id = id;
  self->event_id = -1;
  reload (self);
}

static void
cw_learning_event_page_flush (CwReviewSection *section)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (section);

  cw_record_form_flush (self->event_form);
  flush_notes (self);
}

static GtkWidget *
cw_learning_event_page_get_part (CwReviewSection *section,
                                 const char      *name)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (section);

  if (g_str_equal (name, "event-form"))
    return GTK_WIDGET (self->event_form);
  if (g_str_equal (name, "event-notes"))
    return GTK_WIDGET (self->notes_notebook);
  if (g_str_equal (name, "event-participants"))
    return GTK_WIDGET (self->participants_list);
  if (g_str_equal (name, "event-members"))
    return GTK_WIDGET (self->member_drop);
  if (g_str_equal (name, "event-large-text"))
    return GTK_WIDGET (self->large_text_button);
  return NULL;
}

static void
cw_learning_event_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_learning_event_page_set_review;
  iface->flush = cw_learning_event_page_flush;
  iface->get_part = cw_learning_event_page_get_part;
}

gint64
cw_learning_event_page_get_event_id (CwLearningEventPage *self)
{
  g_return_val_if_fail (CW_IS_LEARNING_EVENT_PAGE (self), 0);
  return self->event_id;
}

/**
 * cw_learning_event_page_get_note_view:
 * @participant_id: a participant, or 0 for the whole group
 * @prompt: a prompt or stage of cw_event_prompts
 *
 * Returns: (transfer none) (nullable): where that note is typed
 */
GtkTextView *
cw_learning_event_page_get_note_view (CwLearningEventPage *self,
                                      gint64               participant_id,
                                      const char          *prompt)
{
  g_return_val_if_fail (CW_IS_LEARNING_EVENT_PAGE (self), NULL);

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = self->notes->pdata[i];
      if (note->participant_id == participant_id && g_str_equal (note->prompt, prompt))
        return note->view;
    }
  return NULL;
}

static void
cw_learning_event_page_dispose (GObject *object)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (object);
  GtkWidget *child;

  if (self->notes != NULL)
    flush_notes (self);
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_LEARNING_EVENT_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  G_OBJECT_CLASS (cw_learning_event_page_parent_class)->dispose (object);
}

static void
cw_learning_event_page_finalize (GObject *object)
{
  CwLearningEventPage *self = CW_LEARNING_EVENT_PAGE (object);

  g_free (self->tool);
  g_array_unref (self->member_ids);
  G_OBJECT_CLASS (cw_learning_event_page_parent_class)->finalize (object);
}

static void
cw_learning_event_page_class_init (CwLearningEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_learning_event_page_dispose;
  object_class->finalize = cw_learning_event_page_finalize;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/casewise/Casewise/ui/cw-learning-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, event_form);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, participants_list);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, member_drop);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, participants_hint);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, notes_title);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, large_text_button);
  gtk_widget_class_bind_template_child (widget_class, CwLearningEventPage, notes_notebook);
  gtk_widget_class_install_action (widget_class, "event.create", NULL, create_activated);
  gtk_widget_class_install_action (widget_class, "event.add-participant", NULL,
                                   add_participant_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GtkShortcutFunc        func,
         GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                            gtk_callback_action_new (func, NULL, NULL));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
cw_learning_event_page_init (CwLearningEventPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cw_record_form_set_part (self->event_form, &cw_entity_learning_event, NULL);
  cw_drop_down_ellipsize (self->member_drop);
  g_signal_connect_swapped (self->large_text_button, "toggled", G_CALLBACK (on_large_text), self);
  /* Before the text view, which would move its cursor by pages. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Down, switch_participant,
           g_variant_new_int32 (1));
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Page_Up, switch_participant,
           g_variant_new_int32 (-1));
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_l, toggle_large_text, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
