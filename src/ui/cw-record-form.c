/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-focus.h"
#include "cw-privacy.h"
#include "cw-record-form.h"
#include "cw-store-watch.h"

/* A form for one record, built from its entity's field descriptions. It
 * saves as the user types (debounced; dates when the field is left),
 * shows the core's validation message under the field, and never writes
 * over what the user is typing when the record changes elsewhere. */

/* Long enough that a pause mid-sentence does not write a history entry
 * for half a word; leaving the field saves at once. */
#define SAVE_DELAY_MS 1500

typedef struct
{
  CwRecordForm  *form;
  const CwField *field;
  GtkWidget     *label;
  GtkWidget     *editor;
  GtkWidget     *message;
  gboolean       hidden;
  GPtrArray     *keys; /* dropdown index -> stored value ("" for none) */
  guint          timeout_id;
} Row;

struct _CwRecordForm
{
  GtkWidget       parent_instance;
  GtkGrid        *grid;
  const CwEntity *entity;
  CwStore        *store;
  gint64          id;
  GPtrArray      *rows;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (CwRecordForm, cw_record_form, GTK_TYPE_WIDGET)

static void
row_free (Row *row)
{
  g_clear_handle_id (&row->timeout_id, g_source_remove);
  g_clear_pointer (&row->keys, g_ptr_array_unref);
  g_free (row);
}

static char *
text_view_text (GtkWidget *editor)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (editor)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
flags_text (Row *row)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint i = 0;

  for (GtkWidget *check = gtk_widget_get_first_child (row->editor); check != NULL;
       check = gtk_widget_get_next_sibling (check), i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", row->field->choices[i].id);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
row_value (Row *row)
{
  guint selected;

  switch (row->field->type)
    {
    case CW_FIELD_LONG_TEXT:
      return text_view_text (row->editor);
    case CW_FIELD_FLAGS:
      return flags_text (row);
    case CW_FIELD_CHOICE:
    case CW_FIELD_REF:
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->editor));
      return g_strdup (selected < row->keys->len ? row->keys->pdata[selected] : "");
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->editor)));
    }
}

/* Under the field: why a value was refused, else what the core warns
 * about the value kept (a real name where pseudonyms belong), else the
 * field's hint. */
static void
show_messages (Row        *row,
               const char *error,
               const char *warning)
{
  const char *hint = row->field->hint ? _(row->field->hint) : NULL;
  const char *shown = error ? error : warning ? warning : hint;

  gtk_label_set_text (GTK_LABEL (row->message), shown ? shown : "");
  gtk_widget_set_visible (row->message, shown != NULL && !row->hidden);
  if (error == NULL && warning != NULL)
    gtk_widget_add_css_class (row->message, "warning");
  else
    gtk_widget_remove_css_class (row->message, "warning");
  if (error != NULL)
    {
      gtk_widget_add_css_class (row->message, "error");
      gtk_widget_add_css_class (row->editor, "error");
    }
  else
    {
      gtk_widget_remove_css_class (row->message, "error");
      gtk_widget_remove_css_class (row->editor, "error");
    }
}

static void
show_message (Row        *row,
              const char *error)
{
  show_messages (row, error, NULL);
}

/* The core says whether @value may stay in the field as it is. */
static void
show_warning (Row        *row,
              const char *value)
{
  CwRecordForm *self = row->form;
  g_autofree char *warning = NULL;

  if (self->store != NULL && self->id != 0)
    warning = cw_privacy_record_warning (self->store, self->entity, self->id, row->field->name,
                                         value);
  show_messages (row, NULL, warning);
}

static void
save_row (Row *row)
{
  CwRecordForm *self = row->form;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_clear_handle_id (&row->timeout_id, g_source_remove);
  if (self->store == NULL || self->id == 0 || self->loading)
    return;
  value = row_value (row);
  if (!cw_store_update (self->store, self->entity, self->id, row->field->name, value, &error))
    show_message (row, error->message);
  else
    show_warning (row, value);
}

static gboolean
save_timeout (gpointer data)
{
  Row *row = data;

  row->timeout_id = 0;
  save_row (row);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (Row *row)
{
  if (row->form->loading)
    return;
  g_clear_handle_id (&row->timeout_id, g_source_remove);
  row->timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, row);
}

static void
on_changed_now (Row *row)
{
  if (!row->form->loading)
    save_row (row);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Row                     *row)
{
  if (!row->form->loading)
    save_row (row);
}

static GtkWidget *
make_entry (Row *row)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (row->field->type == CW_FIELD_DATE || row->field->type == CW_FIELD_CHRONO_DATE)
    {
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                      row->field->type == CW_FIELD_DATE
                                        ? _("Day first, e.g. 3/4/2021")
                                        : _("e.g. 3/4/2021 14:30, or c. May 2016"));
      gtk_widget_set_hexpand (entry, FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
      g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_changed_now), row);
    }
  else
    g_signal_connect_swapped (entry, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), row);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
make_text_view (Row *row)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "cw-text-area");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (schedule_save), row);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), row);
  gtk_widget_add_controller (view, focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(row->field->label), -1);
  return scrolled;
}

static GtkWidget *
make_flags (Row *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 0; row->field->choices[i].id != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(row->field->choices[i].label));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_changed_now), row);
      gtk_box_append (GTK_BOX (box), check);
    }
  return box;
}

static void
fill_ref_choices (CwRecordForm *self,
                  Row          *row,
                  GtkStringList *labels)
{
  const CwEntity *ref = row->field->ref;
  g_autoptr (GListModel) items = NULL;

  if (self->store == NULL || (items = cw_store_list (self->store, ref, 0, NULL)) == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (CwRecord) item = g_list_model_get_item (items, i);
      g_autofree char *key = g_str_equal (ref->key_column, "id")
        ? g_strdup_printf ("%" G_GINT64_FORMAT, cw_record_get_id (item))
        : g_strdup (cw_record_get (item, ref->key_column));
      gtk_string_list_append (labels, cw_record_get (item, ref->label_field));
      g_ptr_array_add (row->keys, g_steal_pointer (&key));
    }
}

static GtkWidget *
make_drop_down (CwRecordForm *self,
                Row          *row)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  g_clear_pointer (&row->keys, g_ptr_array_unref);
  row->keys = g_ptr_array_new_with_free_func (g_free);
  if (!(row->field->flags & CW_FIELD_REQUIRED))
    {
      gtk_string_list_append (labels, _("(none)"));
      g_ptr_array_add (row->keys, g_strdup (""));
    }
  if (row->field->type == CW_FIELD_REF)
    fill_ref_choices (self, row, labels);
  else
    for (guint i = 0; row->field->choices[i].id != NULL; i++)
      {
        gtk_string_list_append (labels, _(row->field->choices[i].label));
        g_ptr_array_add (row->keys, g_strdup (row->field->choices[i].id));
      }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (on_changed_now), row);
  return drop_down;
}

static GtkWidget *
make_editor (CwRecordForm *self,
             Row          *row)
{
  switch (row->field->type)
    {
    case CW_FIELD_LONG_TEXT:
      return make_text_view (row);
    case CW_FIELD_FLAGS:
      return make_flags (row);
    case CW_FIELD_CHOICE:
    case CW_FIELD_REF:
      return make_drop_down (self, row);
    default:
      return make_entry (row);
    }
}

static void
set_flags (Row        *row,
           const char *value)
{
  g_auto (GStrv) ids = g_strsplit (value ? value : "", ",", -1);
  guint i = 0;

  for (GtkWidget *check = gtk_widget_get_first_child (row->editor); check != NULL;
       check = gtk_widget_get_next_sibling (check), i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 g_strv_contains ((const char *const *) ids,
                                                  row->field->choices[i].id));
}

static void
set_drop_down (Row        *row,
               const char *value)
{
  for (guint i = 0; i < row->keys->len; i++)
    if (g_strcmp0 (row->keys->pdata[i], value ? value : "") == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->editor), i);
        return;
      }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->editor), GTK_INVALID_LIST_POSITION);
}

/* Focus sits on an editor's inner widget (an entry's text, a text view
 * inside its scroller), so ask whether it is anywhere inside. */
static gboolean
focus_within (GtkWidget *editor)
{
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor));
}

static void
load_row (Row      *row,
          CwRecord *record)
{
  const char *value = record ? cw_record_get (record, row->field->name) : NULL;
  g_autofree char *current = NULL;
  g_autofree char *shown = NULL;

  /* Leave alone what the user is editing or has not saved yet. */
  if (row->timeout_id != 0 || focus_within (row->editor))
    return;
  if (cw_privacy_is_name_free (row->form->entity, row->field->name)
      && !gtk_widget_has_css_class (row->message, "error"))
    show_warning (row, value);
  switch (row->field->type)
    {
    case CW_FIELD_LONG_TEXT:
      current = text_view_text (row->editor);
      if (g_strcmp0 (current, value ? value : "") != 0)
        gtk_text_buffer_set_text (
          gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (
            GTK_SCROLLED_WINDOW (row->editor)))), value ? value : "", -1);
      break;
    case CW_FIELD_FLAGS:
      set_flags (row, value);
      break;
    case CW_FIELD_CHOICE:
    case CW_FIELD_REF:
      set_drop_down (row, value);
      break;
    default:
      shown = row->field->type == CW_FIELD_DATE || row->field->type == CW_FIELD_CHRONO_DATE
                ? cw_field_format (row->field, value)
                : g_strdup (value ? value : "");
      if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row->editor)), shown))
        gtk_editable_set_text (GTK_EDITABLE (row->editor), shown);
    }
}

static void
reload (CwRecordForm *self)
{
  g_autoptr (CwRecord) record = NULL;

  if (self->store != NULL && self->id != 0)
    record = cw_store_get (self->store, self->entity, self->id, NULL);
  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      gtk_widget_set_sensitive (row->editor, record != NULL);
      load_row (row, record);
    }
  self->loading = FALSE;
}

static void
on_store_changed (CwRecordForm *self,
                  const char   *table,
                  gint64        id)
{
  /* This row, or several rows that may include it; or a person's real
   * name changed: what the fields hold may now be one. */
  if (id == self->id || id == 0 || g_str_equal (table, cw_entity_person.table))
    reload (self);
}

static void
clear_rows (CwRecordForm *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
add_row (CwRecordForm  *self,
         const CwField *field,
         int            line)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *label = gtk_label_new_with_mnemonic (_(field->label));

  row->form = self;
  row->field = field;
  row->label = label;
  row->editor = make_editor (self, row);
  row->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, field->type == CW_FIELD_LONG_TEXT || field->type == CW_FIELD_FLAGS
                                  ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (label, field->type == CW_FIELD_LONG_TEXT ? 6 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), row->editor);
  cw_accessible_name_control (row->editor);
  gtk_widget_set_hexpand (row->editor, field->type != CW_FIELD_DATE
                                          && field->type != CW_FIELD_CHRONO_DATE);
  gtk_label_set_xalign (GTK_LABEL (row->message), 0.0);
  gtk_label_set_wrap (GTK_LABEL (row->message), TRUE);
  gtk_widget_add_css_class (row->message, "caption");
  gtk_widget_add_css_class (row->message, "dim-label");
  gtk_widget_set_margin_bottom (row->message, 4);
  gtk_grid_attach (self->grid, label, 0, line, 1, 1);
  gtk_grid_attach (self->grid, row->editor, 1, line, 1, 1);
  gtk_grid_attach (self->grid, row->message, 1, line + 1, 1, 1);
  show_message (row, NULL);
  g_ptr_array_add (self->rows, row);
}

/**
 * cw_record_form_set_part:
 * @part: (nullable): which part of the entity's fields to show (the
 *   fields' part in the entity description, e.g. "decision"); %NULL for
 *   the fields in no part
 *
 * Shows the fields of @entity forms may edit (not read-only, not hidden)
 * in that part, in the entity's order.
 */
void
cw_record_form_set_part (CwRecordForm   *self,
                         const CwEntity *entity,
                         const char     *part)
{
  int line = 0;

  g_return_if_fail (CW_IS_RECORD_FORM (self));
  g_return_if_fail (entity != NULL);

  cw_record_form_flush (self);
  clear_rows (self);
  self->entity = entity;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(entity->label), -1);
  for (guint i = 0; i < entity->n_fields; i++)
    if (!(entity->fields[i].flags & (CW_FIELD_READONLY | CW_FIELD_HIDDEN))
        && g_strcmp0 (entity->fields[i].part, part) == 0)
      {
        add_row (self, &entity->fields[i], line);
        line += 2;
      }
  reload (self);
}

static void
rebuild_choices (CwRecordForm *self)
{
  /* Reference lists (agencies, kinds, profiles) depend on the store. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      GtkWidget *old = row->editor;
      int column, line, width, height;

      if (row->field->type != CW_FIELD_REF)
        continue;
      gtk_grid_query_child (self->grid, old, &column, &line, &width, &height);
      gtk_grid_remove (self->grid, old);
      row->editor = make_editor (self, row);
      gtk_grid_attach (self->grid, row->editor, column, line, width, height);
      gtk_label_set_mnemonic_widget (
        GTK_LABEL (gtk_grid_get_child_at (self->grid, 0, line)), row->editor);
      cw_accessible_name_control (row->editor);
    }
}

/**
 * cw_record_form_set_record:
 * @store: (nullable): the store
 * @id: the record to edit, 0 for none (the form is then insensitive)
 */
void
cw_record_form_set_record (CwRecordForm *self,
                           CwStore      *store,
                           gint64        id)
{
  g_return_if_fail (CW_IS_RECORD_FORM (self));

  cw_record_form_flush (self);
  cw_store_watch (&self->store, store,
                  (const char *const[]) {
                    self->entity->table,
                    self->entity == &cw_entity_person ? NULL : cw_entity_person.table, NULL },
                  G_CALLBACK (on_store_changed), self);
  self->id = id;
  rebuild_choices (self);
  for (guint i = 0; i < self->rows->len; i++)
    show_message (self->rows->pdata[i], NULL);
  reload (self);
}

gint64
cw_record_form_get_id (CwRecordForm *self)
{
  g_return_val_if_fail (CW_IS_RECORD_FORM (self), 0);
  return self->id;
}

/**
 * cw_record_form_flush:
 *
 * Saves at once whatever is waiting for the typing pause, so nothing is
 * lost when the form changes record or closes.
 */
void
cw_record_form_flush (CwRecordForm *self)
{
  g_return_if_fail (CW_IS_RECORD_FORM (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      if (row->timeout_id != 0)
        save_row (row);
    }
}

static Row *
find_row (CwRecordForm *self,
          const char   *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_str_equal (((Row *) self->rows->pdata[i])->field->name, field))
      return self->rows->pdata[i];
  return NULL;
}

/**
 * cw_record_form_set_field_shown:
 *
 * Shows or hides @field, its label and what is said under it: a field
 * that does not apply (a Scottish case record number in England). Its
 * value is kept.
 */
void
cw_record_form_set_field_shown (CwRecordForm *self,
                                const char   *field,
                                gboolean      shown)
{
  Row *row;

  g_return_if_fail (CW_IS_RECORD_FORM (self));
  if ((row = find_row (self, field)) == NULL)
    return;
  row->hidden = !shown;
  gtk_widget_set_visible (row->label, shown);
  gtk_widget_set_visible (row->editor, shown);
  gtk_widget_set_visible (row->message,
                          shown && *gtk_label_get_text (GTK_LABEL (row->message)) != '\0');
}

/**
 * cw_record_form_set_choice_shown:
 * @choice: the id of one of the choices of @field, a list of flags
 *
 * Shows or hides one choice of @field: one that does not apply. A choice
 * that is ticked stays shown, so nothing stored is hidden.
 */
void
cw_record_form_set_choice_shown (CwRecordForm *self,
                                 const char   *field,
                                 const char   *choice,
                                 gboolean      shown)
{
  Row *row;
  GtkWidget *check;

  g_return_if_fail (CW_IS_RECORD_FORM (self));
  if ((row = find_row (self, field)) == NULL || row->field->type != CW_FIELD_FLAGS)
    return;
  check = gtk_widget_get_first_child (row->editor);
  for (guint i = 0; row->field->choices[i].id != NULL && check != NULL; i++)
    {
      if (g_str_equal (row->field->choices[i].id, choice))
        gtk_widget_set_visible (check, shown
                                         || gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      check = gtk_widget_get_next_sibling (check);
    }
}

/**
 * cw_record_form_get_editor:
 * Returns: (transfer none) (nullable): the widget editing @field
 */
GtkWidget *
cw_record_form_get_editor (CwRecordForm *self,
                           const char   *field)
{
  Row *row = find_row (self, field);

  g_return_val_if_fail (CW_IS_RECORD_FORM (self), NULL);
  return row ? row->editor : NULL;
}

/**
 * cw_record_form_get_warning:
 * Returns: (nullable): the warning shown under @field about the value it
 *   keeps, such as a real name where only pseudonyms belong
 */
const char *
cw_record_form_get_warning (CwRecordForm *self,
                            const char   *field)
{
  Row *row = find_row (self, field);

  if (row == NULL || !gtk_widget_has_css_class (row->message, "warning"))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (row->message));
}

/**
 * cw_record_form_get_error:
 * Returns: (nullable): the validation message shown under @field
 */
const char *
cw_record_form_get_error (CwRecordForm *self,
                          const char   *field)
{
  Row *row = find_row (self, field);

  if (row == NULL || !gtk_widget_has_css_class (row->message, "error"))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (row->message));
}

static void
cw_record_form_dispose (GObject *object)
{
  CwRecordForm *self = CW_RECORD_FORM (object);
  GtkWidget *child;

  if (self->rows != NULL)
    cw_record_form_flush (self);
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_RECORD_FORM);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_record_form_parent_class)->dispose (object);
}

static void
cw_record_form_class_init (CwRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_record_form_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRecordForm, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_FORM);
}

static void
cw_record_form_init (CwRecordForm *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
