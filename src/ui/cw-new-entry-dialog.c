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

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label_text,
         GtkWidget  *editor)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_IS_SCROLLED_WINDOW (editor) ? GTK_ALIGN_START
                                                                  : GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), editor);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, editor, 1, row, 1, 1);
  gtk_widget_set_hexpand (editor, TRUE);
  return editor;
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

static GtkWidget *
build_form (CwNewEntryDialog *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();
  const char *significances[] = { _(cw_significances[0].label), _(cw_significances[1].label),
                                  _(cw_significances[2].label), NULL };

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 12);
  self->agency = add_row (grid, 0, _("_Agency"), gtk_drop_down_new (NULL, NULL));
  self->date = add_row (grid, 1, _("_Date"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date), _("e.g. 3/4/2021 14:30, or c. May 2016"));
  self->source = add_row (grid, 2, _("_Record reference"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->source), _("Case note, crime or incident number"));
  self->description = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->description), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->description);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_widget_add_css_class (scroller, "frame");
  add_row (grid, 3, _("D_escription"), scroller);
  gtk_label_set_mnemonic_widget (
    GTK_LABEL (gtk_grid_get_child_at (grid, 0, 3)), self->description);
  self->significance = add_row (grid, 4, _("_Significance"),
                                gtk_drop_down_new_from_strings (significances));
  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0.0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_grid_attach (grid, self->message, 1, 5, 1, 1);
  g_signal_connect_swapped (self->date, "activate", G_CALLBACK (on_add), self);
  g_signal_connect_swapped (self->source, "activate", G_CALLBACK (on_add), self);
  return GTK_WIDGET (grid);
}

static GtkWidget *
build_buttons (CwNewEntryDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->add_button = gtk_button_new_with_mnemonic (_("A_dd Entry"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (box), self->add_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add), self);
  return box;
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
  CwNewEntryDialog *self = g_object_new (CW_TYPE_NEW_ENTRY_DIALOG, "transient-for", parent,
                                         "modal", TRUE, "title", _("Add a Chronology Entry"),
                                         "default-width", 560, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  self->store = g_object_ref (store);
  self->review_id = review_id;
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), build_form (self));
  gtk_box_append (GTK_BOX (box), build_buttons (self));
  gtk_window_set_child (GTK_WINDOW (self), box);
  fill_agencies (self);
  gtk_widget_grab_focus (self->date);
  return GTK_WIDGET (self);
}

static void
cw_new_entry_dialog_dispose (GObject *object)
{
  CwNewEntryDialog *self = CW_NEW_ENTRY_DIALOG (object);

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
}

static void
cw_new_entry_dialog_init (CwNewEntryDialog *self)
{
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
}
