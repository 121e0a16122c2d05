/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology.h"
#include "cw-new-entry-dialog.h"
#include "cw-record-form.h"

/* Adding one chronology entry by hand: the fields every entry needs,
 * checked as typed (the core says what is wrong), then saved in one go.
 * The rest is edited beside the table once it is there. */

struct _CwNewEntryDialog
{
  GtkWindow  parent_instance;
  GtkWidget *agency;
  GtkWidget *date;
  GtkWidget *source;
  GtkWidget *description;
  GtkWidget *significance;
  GtkWidget *message;
  GtkWidget *cancel_button;
  GtkWidget *add_button;
  GPtrArray *agency_ids; /* char*, in the drop-down's order */
  CwStore   *store;
  gint64     review_id;
};

G_DEFINE_FINAL_TYPE (CwNewEntryDialog, cw_new_entry_dialog, GTK_TYPE_WINDOW)

enum { ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_add (CwNewEntryDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = text_of (self->date);
  g_autofree char *source = text_of (self->source);
  g_autofree char *description = text_of (self->description);
  guint agency = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->agency));
  guint significance = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->significance));
  const char *pairs[] = {
    "agency_id", agency < self->agency_ids->len ? self->agency_ids->pdata[agency] : NULL,
    "start_date", date, "source", source, "description", description,
    "significance", cw_significances[MIN (significance, 2)].id, NULL,
  };
  gint64 id = cw_store_insert (self->store, &cw_entity_chronology_entry, self->review_id, pairs,
                               &error);

  if (id == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->message), error->message);
      gtk_widget_set_visible (self->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_agencies (CwNewEntryDialog *self)
{
  g_autoptr (GListModel) agencies = cw_store_list (self->store, &cw_entity_review_agency,
                                                   self->review_id, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (agencies, i);
      g_autofree char *name = cw_record_dup_display (record, "agency_id");

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->agency_ids, g_strdup (cw_record_get (record, "agency_id")));
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->agency), G_LIST_MODEL (names));
  g_object_unref (names);
}

/* The drop-down's choices are the core's words for each significance. */
static void
fill_significances (CwNewEntryDialog *self)
{
  const char *significances[] = { _(cw_significances[0].label), _(cw_significances[1].label),
                                  _(cw_significances[2].label), NULL };
  GtkStringList *labels = gtk_string_list_new (significances);

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->significance), G_LIST_MODEL (labels));
  g_object_unref (labels);
}

/**
 * cw_new_entry_dialog_new:
 *
 * Returns: (transfer none): the dialog; it emits "added" with the new id
 */
GtkWidget *
cw_new_entry_dialog_new (GtkWindow *parent,
                         CwStore   *store,
                         gint64     review_id)
{
  CwNewEntryDialog *self = g_object_new (CW_TYPE_NEW_ENTRY_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->review_id = review_id;
  fill_agencies (self);
  gtk_widget_grab_focus (self->date);
  return GTK_WIDGET (self);
}

static void
cw_new_entry_dialog_dispose (GObject *object)
{
  CwNewEntryDialog *self = CW_NEW_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_NEW_ENTRY_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cw_new_entry_dialog_parent_class)->dispose (object);
}

static void
cw_new_entry_dialog_class_init (CwNewEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_new_entry_dialog_dispose;
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-new-entry-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwNewEntryDialog, name)
  BIND (agency);
  BIND (date);
  BIND (source);
  BIND (description);
  BIND (significance);
  BIND (message);
  BIND (cancel_button);
  BIND (add_button);
#undef BIND
}

static void
cw_new_entry_dialog_init (CwNewEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
  fill_significances (self);
  g_signal_connect_swapped (self->date, "activate", G_CALLBACK (on_add), self);
  g_signal_connect_swapped (self->source, "activate", G_CALLBACK (on_add), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add), self);
}
