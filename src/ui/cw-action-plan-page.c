/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cw-action-plan-page.h"
#include "cw-actions.h"
#include "cw-analysis-entities.h"
#include "cw-clock.h"
#include "cw-date.h"
#include "cw-drop-down.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review-section.h"
#include "cw-store-watch.h"

/* The review's section "Action plan": who owns and monitors the plan, the
 * actions answering each recommendation (edited in place), and for the
 * selected action its progress log, embedding checks and the files kept
 * as evidence of impact. The RAG rating always comes with words and an
 * icon; the rules (statuses, closing) are the core's. */

struct _CwActionPlanPage
{
  GtkWidget      parent_instance;
  GtkStack      *stack;
  GtkLabel      *progress_label;
  GtkExpander   *plan_expander;
  CwRecordForm  *plan_form;
  GtkDropDown   *recommendation_drop_down;
  CwRecordTable *actions_table;
  GtkWidget     *detail_box;
  GtkImage      *rag_image;
  GtkLabel      *rag_label;
  CwRecordTable *updates_table;
  CwRecordTable *checks_table;
  GtkLabel      *files_label;
  GtkListBox    *files_list;
  GtkStringList *recommendation_labels;
  GArray        *recommendation_ids; /* gint64, one per entry after "All" */
  GtkWidget     *close_dialog;
  GtkWidget     *close_entry;
  CwStore       *store;
  gint64         review_id;
  gint64         plan_id;
  gint64         action_id;
  gboolean       closing_plan; /* the dialog closes the plan, not an action */
};

static void cw_action_plan_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwActionPlanPage, cw_action_plan_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_action_plan_page_section_init))

static void
report_error (CwActionPlanPage *self,
              const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The RAG rating, in words and with an icon */

static void
rating_of (CwRecord    *action,
           CwRagRating *out)
{
  GDate today;

  cw_clock_today (&today);
  *out = cw_action_rate (cw_record_get (action, "status"), cw_record_get (action, "due_on"),
                         cw_record_get (action, "closed_on"), &today);
}

static void
update_rag_cell (GtkListItem *item)
{
  CwRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  CwRagRating rating;

  if (record == NULL)
    return;
  rating_of (record, &rating);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), rating.icon);
  gtk_label_set_text (GTK_LABEL (label), rating.words);
  gtk_widget_set_css_classes (box, (const char *[]) { "cw-rag", cw_rag_name (rating.rag),
                                                      NULL });
}

static void
setup_rag_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_rag_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cw_list_item_follow_record (item, update_rag_cell);
}

static void
unbind_rag_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  cw_list_item_unfollow_record (item);
}

/**
 * cw_action_rag_column_new:
 *
 * Returns: (transfer full): a column rating the actions of a table of
 *   #CwRecord actions: an icon and words, the colour only helping
 */
GtkColumnViewColumn *
cw_action_rag_column_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_rag_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_rag_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_rag_cell), NULL);
  return gtk_column_view_column_new (_("Progress"), factory);
}

/* The plan and its recommendations */

static void
update_progress (CwActionPlanPage *self)
{
  CwPlanProgress progress = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GDate today;

  cw_clock_today (&today);
  if (self->store == NULL || self->review_id == 0
      || !cw_actions_get_progress (self->store, self->review_id, &today, &progress, &error))
    {
      gtk_label_set_text (self->progress_label, error ? error->message : "");
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action: %u done, %u overdue",
                                       "%u actions: %u done, %u overdue", progress.total),
                          progress.total, progress.done, progress.overdue);
  gtk_label_set_text (self->progress_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.close",
                                 g_strcmp0 (progress.status, "closed") != 0);
  cw_plan_progress_clear (&progress);
}

/* "Case review subgroup, monitored by QA subgroup · Agreed with partners":
 * the plan when its form is folded away. */
static void
update_summary (CwActionPlanPage *self)
{
  g_autoptr (CwRecord) plan = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *monitor = NULL;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;

  if (self->store != NULL && self->plan_id != 0)
    plan = cw_store_get (self->store, &cw_entity_action_plan, self->plan_id, NULL);
  if (plan == NULL)
    return;
  owner = cw_record_dup_display (plan, "owner_body");
  monitor = cw_record_dup_display (plan, "monitoring_body");
  status = cw_record_dup_display (plan, "status");
  text = g_strdup_printf (_("Owned by %s, monitored by %s · %s"),
                          owner && *owner ? owner : _("nobody yet"),
                          monitor && *monitor ? monitor : _("nobody yet"), status ? status : "");
  gtk_label_set_text (GTK_LABEL (gtk_expander_get_label_widget (self->plan_expander)), text);
}

static char *
recommendation_label (guint     number,
                      CwRecord *recommendation)
{
  g_autofree char *text = g_strdup (cw_record_get (recommendation, "text"));
  char *newline;

  if (text != NULL && (newline = strchr (text, '\n')) != NULL)
    *newline = '\0';
  return g_strdup_printf (_("%u. %s"), number, text ? text : "");
}

static void
refresh_recommendations (CwActionPlanPage *self)
{
  g_autoptr (GListModel) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean same;
  guint selected;

  if (self->store != NULL && self->review_id != 0)
    rows = cw_store_list (self->store, &cw_entity_recommendation, self->review_id, NULL);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);
      gint64 id = cw_record_get_id (row);

      g_array_append_val (ids, id);
      g_ptr_array_add (labels, recommendation_label (i + 1, row));
    }
  gtk_stack_set_visible_child_name (self->stack, ids->len > 0 ? "plan" : "empty");
  /* Unchanged: the choice stays as it is. */
  same = ids->len == self->recommendation_ids->len
         && g_list_model_get_n_items (G_LIST_MODEL (self->recommendation_labels)) == ids->len + 1;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_array_index (ids, gint64, i) == g_array_index (self->recommendation_ids, gint64, i)
           && g_str_equal (labels->pdata[i],
                           gtk_string_list_get_string (self->recommendation_labels, i + 1));
  if (same)
    return;
  selected = gtk_drop_down_get_selected (self->recommendation_drop_down);
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->recommendation_labels, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->recommendation_labels)) - 1,
                          (const char *const *) labels->pdata);
  g_array_set_size (self->recommendation_ids, 0);
  g_array_append_vals (self->recommendation_ids, ids->data, ids->len);
  gtk_drop_down_set_selected (self->recommendation_drop_down,
                              selected <= ids->len ? selected : 0);
}

static void
on_recommendation_chosen (CwActionPlanPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->recommendation_drop_down);
  g_autofree char *id = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > self->recommendation_ids->len)
    {
      cw_record_table_set_filter (self->actions_table, NULL, NULL);
      return;
    }
  id = id_text (g_array_index (self->recommendation_ids, gint64, selected - 1));
  cw_record_table_set_filter (self->actions_table, "recommendation_id", id);
}

/* The selected action: its rating, log, checks and files */

static void
open_file_clicked (GtkButton        *button,
                   CwActionPlanPage *self);
static void
delete_file_clicked (GtkButton        *button,
                     CwActionPlanPage *self);

static GtkWidget *
file_row (CwActionPlanPage *self,
          CwRecord         *file)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *type = cw_record_get (file, "content_type");
  g_autofree char *description = type ? g_content_type_get_description (type) : NULL;
  g_autofree char *size = g_format_size (g_ascii_strtoull (cw_record_get (file, "size"), NULL,
                                                           10));
  g_autofree char *details = g_strdup_printf ("%s · %s", description ? description
                                                                     : _("Unknown type"), size);
  g_autoptr (GIcon) icon = type ? g_content_type_get_symbolic_icon (type) : NULL;
  GtkWidget *image = icon ? gtk_image_new_from_gicon (icon)
                          : gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  GtkWidget *name = gtk_label_new (cw_record_get (file, "file_name"));
  GtkWidget *detail = gtk_label_new (details);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_tooltip_text (open, _("Open with the system's viewer"));
  gtk_widget_set_tooltip_text (remove, _("Delete the file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the file"), -1);
  g_object_set_data (G_OBJECT (open), "cw-file-id", GSIZE_TO_POINTER (cw_record_get_id (file)));
  g_object_set_data (G_OBJECT (remove), "cw-file-id", GSIZE_TO_POINTER (cw_record_get_id (file)));
  g_signal_connect (open, "clicked", G_CALLBACK (open_file_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_file_clicked), self);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
refresh_files (CwActionPlanPage *self)
{
  g_autoptr (GListModel) rows = NULL;
  g_autofree char *action = id_text (self->action_id);
  g_autofree char *limit = g_format_size (CW_ACTIONS_MAX_FILE_SIZE);
  g_autofree char *text = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  if (self->store != NULL && self->action_id != 0)
    rows = cw_store_list (self->store, &cw_entity_action_file, self->review_id, NULL);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (cw_record_get (row, "action_id"), action) != 0)
        continue;
      gtk_list_box_append (self->files_list, file_row (self, row));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->files_list), n > 0);
  text = n == 0 ? g_strdup_printf (_("No files yet. Attach an audit report, minutes or figures "
                                     "that show the change (up to %s each); they are kept in "
                                     "the database."), limit)
                : g_strdup_printf (_("Kept in the database, up to %s each."), limit);
  gtk_label_set_text (self->files_label, text);
}

static void
update_rating (CwActionPlanPage *self)
{
  g_autoptr (CwRecord) action = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  CwRagRating rating;

  if (self->store != NULL && self->action_id != 0)
    action = cw_store_get (self->store, &cw_entity_action, self->action_id, NULL);
  gtk_widget_set_visible (self->detail_box, action != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.close-action",
                                 action != NULL && cw_record_get (action, "closed_on") == NULL);
  if (action == NULL)
    return;
  rating_of (action, &rating);
  due = cw_record_dup_display (action, "due_on");
  if (cw_record_get (action, "closed_on") != NULL)
    text = g_strdup_printf (_("%s: %s"), rating.words, cw_record_get (action, "closed_reason"));
  else if (due != NULL && *due != '\0')
    text = g_strdup_printf (_("%s, due %s"), rating.words, due);
  else
    text = g_strdup_printf (_("%s, no due date yet"), rating.words);
  gtk_image_set_from_icon_name (self->rag_image, rating.icon);
  gtk_label_set_text (self->rag_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->rag_label),
                              (const char *[]) { "heading", "cw-rag", cw_rag_name (rating.rag),
                                                 NULL });
}

static void
on_action_selected (CwActionPlanPage *self)
{
  CwRecord *record = gtk_single_selection_get_selected_item (
    GTK_SINGLE_SELECTION (cw_record_table_get_selection (self->actions_table)));
  gint64 id = record ? cw_record_get_id (record) : 0;
  g_autofree char *action = id_text (id);

  /* Chosen above the list, not in the form (whose choices are rebuilt). */
  cw_record_form_set_field_shown (CW_RECORD_FORM (cw_record_table_get_form (self->actions_table)),
                                  "recommendation_id", FALSE);
  if (id == self->action_id)
    return update_rating (self);
  self->action_id = id;
  cw_record_table_set_filter (self->updates_table, "action_id", action);
  cw_record_table_set_filter (self->checks_table, "action_id", action);
  refresh_files (self);
  update_rating (self);
}

/* A review with recommendations has a plan: made when first shown. */
static void
ensure_plan (CwActionPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->plan_id != 0 || self->store == NULL || self->review_id == 0
      || self->recommendation_ids->len == 0)
    return;
  self->plan_id = cw_actions_ensure_plan (self->store, self->review_id, &error);
  if (self->plan_id == 0)
    return report_error (self, error->message);
  cw_record_form_set_record (self->plan_form, self->store, self->plan_id);
}

static void
on_store_changed (CwActionPlanPage *self)
{
  refresh_recommendations (self);
  ensure_plan (self);
  update_summary (self);
  update_progress (self);
  update_rating (self);
  refresh_files (self);
}

/* Evidence files */

static void
on_file_chosen (GtkNativeDialog  *chooser,
                int               response,
                CwActionPlanPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->action_id == 0)
    return;
  name = g_file_get_basename (file);
  /* Too big a file is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  if (info != NULL && g_file_info_get_size (info) > CW_ACTIONS_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (CW_ACTIONS_MAX_FILE_SIZE);
      g_autofree char *message = g_strdup_printf (_("%s is too big to keep: files of up to %s "
                                                    "can be attached"), name, limit);
      return report_error (self, message);
    }
  if (info == NULL || (bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL
      || cw_actions_attach_file (self->store, self->action_id, name, bytes, &error) == 0)
    return report_error (self, error->message);
  refresh_files (self);
}

static void
attach_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->action_id == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes the file kept in the database to a folder only this user can
 * read, and returns its path; the viewer opens it from there. */
static char *
write_private_copy (CwStore  *store,
                    gint64    file_id,
                    GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = cw_actions_read_file (store, file_id, &name, NULL, error);
  gsize size;
  const char *data;

  if (bytes == NULL || (dir = g_dir_make_tmp ("casewise-evidence-XXXXXX", error)) == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
open_file_clicked (GtkButton        *button,
                   CwActionPlanPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-file-id"));
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_private_copy (self->store, id, &error);
  g_autofree char *uri = NULL;

  if (path == NULL)
    return report_error (self, error->message);
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
delete_file_clicked (GtkButton        *button,
                     CwActionPlanPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-file-id"));
  g_autoptr (CwRecord) file = cw_store_get (self->store, &cw_entity_action_file, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;
  if (!cw_store_delete (self->store, &cw_entity_action_file, id, &error))
    return report_error (self, error->message);
  message = g_strdup_printf (_("Deleted evidence file “%s”"), cw_record_get (file, "file_name"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.offer-undo", "(sxs)",
                              cw_entity_action_file.table, id, message);
  refresh_files (self);
}

/* Closing the plan, or an action, with a reason */

static gboolean
close_plan (CwActionPlanPage  *self,
            const char        *reason,
            GError           **error)
{
  g_autoptr (CwTransaction) tx = cw_transaction_begin (self->store, error);

  return tx != NULL
         && cw_store_update (self->store, &cw_entity_action_plan, self->plan_id, "closed_reason",
                             reason, error)
         && cw_store_update (self->store, &cw_entity_action_plan, self->plan_id, "status",
                             "closed", error)
         && cw_transaction_commit (tx, error);
}

static gboolean
close_action (CwActionPlanPage  *self,
              const char        *reason,
              GError           **error)
{
  g_autoptr (CwRecord) plan = cw_store_get (self->store, &cw_entity_action_plan, self->plan_id,
                                            error);
  const char *body = plan ? cw_record_get (plan, "monitoring_body") : NULL;

  if (plan == NULL)
    return FALSE;
  if (body == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("An action is closed by the monitoring body: say first who monitors the "
                     "plan, under “Monitored by”"));
      return FALSE;
    }
  return cw_actions_close (self->store, self->action_id, g_ascii_strtoll (body, NULL, 10), reason,
                           error);
}

static void
on_close_response (GtkDialog        *dialog,
                   int               response,
                   CwActionPlanPage *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->close_entry))));
  g_autoptr (GError) error = NULL;

  self->close_dialog = NULL;
  self->close_entry = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || *reason == '\0')
    return;
  if (!(self->closing_plan ? close_plan (self, reason, &error)
                           : close_action (self, reason, &error)))
    report_error (self, error->message);
}

static void
on_reason_changed (GtkEditable *entry,
                   GtkDialog   *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  gtk_dialog_set_response_sensitive (dialog, GTK_RESPONSE_ACCEPT, *reason != '\0');
}

static void
ask_reason (CwActionPlanPage *self,
            gboolean          plan)
{
  GtkWidget *dialog = gtk_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
    GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
    "%s", plan ? _("Close the action plan?") : _("Close the action?"));
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  GtkWidget *entry = gtk_entry_new ();

  gtk_message_dialog_format_secondary_text (
    GTK_MESSAGE_DIALOG (dialog), "%s",
    plan ? _("A plan closes when every action is embedded or closed by the monitoring body. "
             "Say why it closes; the reason is kept with the plan.")
         : _("The monitoring body closes an action it will not see embedded, e.g. one "
             "superseded by a new strategy. Say why; the reason is kept with the action."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  gtk_box_append (GTK_BOX (area), entry);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          plan ? _("C_lose the Plan") : _("C_lose the Action"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT, FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  self->close_dialog = dialog;
  self->close_entry = entry;
  self->closing_plan = plan;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (widget);

  if (self->plan_id == 0)
    return;
  cw_record_form_flush (self->plan_form);
  ask_reason (self, g_str_equal (action_name, "plan.close"));
}

/**
 * cw_action_plan_page_select_action:
 *
 * Shows every recommendation's actions, with @action_id selected and its
 * form and log beside it.
 */
void
cw_action_plan_page_select_action (CwActionPlanPage *self,
                                   gint64            action_id)
{
  g_return_if_fail (CW_IS_ACTION_PLAN_PAGE (self));

  gtk_drop_down_set_selected (self->recommendation_drop_down, 0);
  cw_record_table_select_id (self->actions_table, action_id);
}

/* The section */

static void
cw_action_plan_page_set_review (CwReviewSection *section,
                                CwStore         *store,
                                gint64           id)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (section);

  cw_record_form_flush (self->plan_form);
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "recommendation", "action", "action_plan",
                                          "action_file", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->review_id = id;
  self->plan_id = 0;
  self->action_id = -1;
  cw_record_form_set_record (self->plan_form, store, 0);
  g_array_set_size (self->recommendation_ids, 0);
  gtk_string_list_splice (self->recommendation_labels, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->recommendation_labels)) - 1,
                          NULL);
  gtk_drop_down_set_selected (self->recommendation_drop_down, 0);
  cw_record_table_set_review (self->updates_table, store, id);
  cw_record_table_set_review (self->checks_table, store, id);
  cw_record_table_set_review (self->actions_table, store, id);
  on_store_changed (self);
  on_recommendation_chosen (self);
  on_action_selected (self);
  /* Folded away once it says who owns the plan: the actions matter most. */
  {
    g_autoptr (CwRecord) plan = self->plan_id ? cw_store_get (store, &cw_entity_action_plan,
                                                              self->plan_id, NULL)
                                              : NULL;

    gtk_expander_set_expanded (self->plan_expander,
                               plan == NULL || cw_record_get (plan, "owner_body") == NULL);
  }
}

static void
cw_action_plan_page_flush (CwReviewSection *section)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (section);

  cw_record_form_flush (self->plan_form);
  cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (self->actions_table)));
  cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (self->updates_table)));
  cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (self->checks_table)));
}

static GtkWidget *
cw_action_plan_page_get_part (CwReviewSection *section,
                              const char      *name)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (section);
  const struct { const char *name; gpointer widget; } parts[] = {
    { "plan-form", self->plan_form }, { "actions", self->actions_table },
    { "updates", self->updates_table }, { "checks", self->checks_table },
    { "files", self->files_list }, { "rating", self->rag_label },
    { "progress", self->progress_label }, { "recommendation", self->recommendation_drop_down },
    { "stack", self->stack }, { "close-dialog", self->close_dialog },
    { "close-reason", self->close_entry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}

static void
cw_action_plan_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_action_plan_page_set_review;
  iface->flush = cw_action_plan_page_flush;
  iface->get_part = cw_action_plan_page_get_part;
}

static void
setup_tables (CwActionPlanPage *self)
{
  g_autoptr (GtkColumnViewColumn) rag = cw_action_rag_column_new ();
  g_autofree char *today = NULL;
  GDate now;

  cw_clock_today (&now);
  today = cw_date_format_iso (&now);
  cw_record_table_setup (self->actions_table, &cw_entity_action, _("Actions"),
                         _("No actions for this recommendation yet. Add one: what will change, "
                           "who does it and by when."),
                         (const char *[]) { "description", _("New action"), "status",
                                            "not-started", "during_review", "no", NULL });
  cw_record_table_append_column (self->actions_table, rag);
  cw_record_table_setup (self->updates_table, &cw_entity_progress_update, _("Progress log"),
                         _("No progress reported yet. Add an update when the owner reports: the "
                           "date, who, the status then and what has happened."),
                         (const char *[]) { "reported_on", today, NULL });
  cw_record_table_setup (self->checks_table, &cw_entity_embedding_check, _("Embedding checks"),
                         _("Not checked yet. Once the action is completed, record how it was "
                           "checked that the change lasts: performance indicators, a "
                           "multi-agency audit or other quality assurance."),
                         (const char *[]) { "method", "multi-agency-audit", "result", "not-yet",
                                            "checked_on", today, NULL });
  cw_record_form_set_part (self->plan_form, &cw_entity_action_plan, NULL);
  /* The page scrolls; beside the review's sections it is narrow: short
   * titles, the form under the list. */
  {
    GListModel *columns = cw_record_table_get_columns (self->actions_table);
    g_autoptr (GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);

    gtk_column_view_column_set_title (first, _("Action"));
  }

  cw_record_table_set_form_below (self->actions_table, TRUE);
  cw_record_table_set_form_below (self->updates_table, TRUE);
  cw_record_table_set_form_below (self->checks_table, TRUE);
}

static void
cw_action_plan_page_dispose (GObject *object)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  if (self->close_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->close_dialog));
  self->close_dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_ACTION_PLAN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->recommendation_labels);
  G_OBJECT_CLASS (cw_action_plan_page_parent_class)->dispose (object);
}

static void
cw_action_plan_page_finalize (GObject *object)
{
  CwActionPlanPage *self = CW_ACTION_PLAN_PAGE (object);

  g_array_unref (self->recommendation_ids);
  G_OBJECT_CLASS (cw_action_plan_page_parent_class)->finalize (object);
}

static void
cw_action_plan_page_class_init (CwActionPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_action_plan_page_dispose;
  object_class->finalize = cw_action_plan_page_finalize;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/casewise/Casewise/ui/cw-action-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, plan_expander);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, plan_form);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, recommendation_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, actions_table);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, rag_image);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, rag_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, updates_table);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, checks_table);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, files_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionPlanPage, files_list);
  gtk_widget_class_install_action (widget_class, "plan.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "plan.close-action", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "plan.attach", NULL, attach_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_action_plan_page_init (CwActionPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->recommendation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recommendation_labels = gtk_string_list_new ((const char *[]) { _("All recommendations"),
                                                                        NULL });
  gtk_drop_down_set_model (self->recommendation_drop_down,
                           G_LIST_MODEL (self->recommendation_labels));
  cw_drop_down_ellipsize (self->recommendation_drop_down);
  {
    GtkWidget *summary = gtk_label_new (_("Who owns and monitors the plan"));

    gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
    gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
    gtk_expander_set_label_widget (self->plan_expander, summary);
  }
  setup_tables (self);
  g_signal_connect_swapped (self->recommendation_drop_down, "notify::selected",
                            G_CALLBACK (on_recommendation_chosen), self);
  g_signal_connect_swapped (cw_record_table_get_selection (self->actions_table),
                            "notify::selected-item", G_CALLBACK (on_action_selected), self);
}
