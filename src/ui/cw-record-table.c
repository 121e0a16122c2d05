/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review.h"
#include "cw-store-watch.h"

/* A list of one entity's records for a review, with the selected one
 * edited in a form beside it: people, members, agencies, terms of
 * reference, deadline rules. Deleting offers undo through the window. */

struct _CwRecordTable
{
  GtkWidget           parent_instance;
  GtkLabel           *title_label;
  GtkBox             *body_box;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *empty_label;
  CwRecordForm       *form;
  GtkWidget          *form_scroller;
  GListStore         *records;
  GtkSingleSelection *selection;
  const CwEntity     *entity;
  GStrv               new_values;
  char               *filter_field;
  char               *filter_value;
  CwStore            *store;
  gint64              review_id;
  gboolean            syncing; /* the list is being refreshed: the selection may jump */
};

G_DEFINE_FINAL_TYPE (CwRecordTable, cw_record_table, GTK_TYPE_WIDGET)

static void
update_label (GtkListItem *item)
{
  CwRecord *record = gtk_list_item_get_item (item);
  const char *field = g_object_get_data (G_OBJECT (item), "cw-field");
  g_autofree char *text = record ? cw_record_dup_display (record, field) : NULL;
  char *newline;

  /* One line per row: long text shows its first line. */
  if (text != NULL && (newline = strchr (text, '\n')) != NULL)
    *newline = '\0';
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const char               *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The first column names the row and gets the room; the others ask for
   * little, so a long value there does not squeeze the name. */
  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory),
                                                                     "cw-max-chars")));
  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "cw-field", (gpointer) field);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  cw_list_item_follow_record (item, update_label);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  cw_list_item_unfollow_record (item);
}

static void
add_column (CwRecordTable *self,
            const CwField *field,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "cw-max-chars", GINT_TO_POINTER (expand ? 40 : 14));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) field->name);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (_(field->label), factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static gboolean
passes_filter (CwRecordTable *self,
               CwRecord      *record)
{
  return self->filter_field == NULL
         || g_strcmp0 (cw_record_get (record, self->filter_field), self->filter_value) == 0;
}

static void
on_selection_changed (CwRecordTable *self)
{
  CwRecord *record = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = record ? cw_record_get_id (record) : 0;

  if (self->syncing)
    return;
  if (cw_record_form_get_id (self->form) != id)
    cw_record_form_set_record (self->form, self->store, id);
  /* No row, no form: an empty, greyed form only puzzles. */
  gtk_widget_set_visible (self->form_scroller, record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete", record != NULL);
}

static guint
find_position (CwRecordTable *self,
               gint64         id)
{
  GListModel *model = G_LIST_MODEL (self->records);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (model, i);
      if (cw_record_get_id (record) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
refresh (CwRecordTable *self)
{
  g_autoptr (GListModel) fresh = NULL;
  g_autoptr (GListStore) kept = g_list_store_new (CW_TYPE_RECORD);
  CwRecord *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected ? cw_record_get_id (selected) : 0;
  guint position;

  if (self->store != NULL && (self->entity->parent == NULL || self->review_id != 0))
    fresh = cw_store_list (self->store, self->entity, self->review_id, NULL);
  for (guint i = 0; fresh != NULL && i < g_list_model_get_n_items (fresh); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (fresh, i);
      if (passes_filter (self, record))
        g_list_store_append (kept, record);
    }
  /* A row that sorts elsewhere now (renamed) is taken out and put back, and
   * meanwhile another row is selected: the selection, and the form being
   * typed in, stay with the row. */
  self->syncing = TRUE;
  cw_record_list_sync (self->records, G_LIST_MODEL (kept));
  if (selected_id != 0
      && (position = find_position (self, selected_id)) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  on_selection_changed (self);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (kept)) ? "list"
                                                                                 : "empty");
}

void
cw_record_table_select_id (CwRecordTable *self,
                           gint64         id)
{
  guint position;

  g_return_if_fail (CW_IS_RECORD_TABLE (self));

  if ((position = find_position (self, id)) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
report_error (CwRecordTable *self,
              GError        *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static gboolean
has_value (CwRecordTable *self,
           const char    *field)
{
  for (guint i = 0; self->new_values[i] != NULL; i += 2)
    if (g_str_equal (self->new_values[i], field))
      return TRUE;
  return g_strcmp0 (self->filter_field, field) == 0;
}

/* A new row needs its required references (e.g. which agency): start with
 * the first one the user can then change in the form. */
/* What is missing, in a sentence, and where a person adds one. */
static gboolean
no_record_yet (const CwEntity  *entity,
               GError         **error)
{
  g_autofree char *what = g_utf8_strdown (_(entity->label), -1);
  const char *where = NULL;

  if (entity == &cw_entity_agency)
    where = _("add one in People & agencies, Agencies tab, under “Agency register”");
  else if (entity == &cw_entity_person)
    where = _("add one in People & agencies, People tab");
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("There is no %s yet: %s"), what,
               where != NULL ? where : _("add one first"));
  return FALSE;
}

static gboolean
add_required_refs (CwRecordTable  *self,
                   GStrvBuilder   *builder,
                   GError        **error)
{
  for (guint i = 0; i < self->entity->n_fields; i++)
    {
      const CwField *field = &self->entity->fields[i];
      g_autoptr (GListModel) items = NULL;
      g_autoptr (CwRecord) first = NULL;
      g_autofree char *key = NULL;

      if (field->type != CW_FIELD_REF || !(field->flags & CW_FIELD_REQUIRED)
          || has_value (self, field->name))
        continue;
      items = cw_store_list (self->store, field->ref, 0, error);
      if (items == NULL)
        return FALSE;
      if (g_list_model_get_n_items (items) == 0)
        return no_record_yet (field->ref, error);
      first = g_list_model_get_item (items, 0);
      key = g_str_equal (field->ref->key_column, "id")
              ? g_strdup_printf ("%" G_GINT64_FORMAT, cw_record_get_id (first))
              : g_strdup (cw_record_get (first, field->ref->key_column));
      g_strv_builder_add (builder, field->name);
      g_strv_builder_add (builder, key);
    }
  return TRUE;
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CwRecordTable *self = CW_RECORD_TABLE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) pairs = NULL;
  gint64 id;

  if (self->store == NULL)
    return;
  g_strv_builder_addv (builder, (const char **) self->new_values);
  if (self->filter_field != NULL)
    {
      g_strv_builder_add (builder, self->filter_field);
      g_strv_builder_add (builder, self->filter_value);
    }
  if (!add_required_refs (self, builder, &error))
    return report_error (self, error);
  pairs = g_strv_builder_end (builder);
  id = cw_store_insert (self->store, self->entity, self->review_id, (const char *const *) pairs,
                        &error);
  if (id == 0)
    return report_error (self, error);
  refresh (self);
  cw_record_table_select_id (self, id);
  gtk_widget_child_focus (GTK_WIDGET (self->form), GTK_DIR_TAB_FORWARD);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwRecordTable *self = CW_RECORD_TABLE (widget);
  CwRecord *record = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  if (record == NULL)
    return;
  id = cw_record_get_id (record);
  what = cw_record_dup_display (record, self->entity->label_field);
  cw_record_form_flush (self->form);
  /* Focus leaves the form before it empties, back to the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (!cw_store_delete (self->store, self->entity, id, &error))
    return report_error (self, error);
  label = g_utf8_strdown (_(self->entity->label), -1);
  message = g_strdup_printf (_("Deleted %s “%s”"), label, what);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.offer-undo", "(sxs)", self->entity->table,
                              id, message);
}

/**
 * cw_record_table_setup:
 * @entity: an entity whose description names the fields a table of its
 *   rows shows (list_fields)
 * @new_values: (array zero-terminated=1) (nullable): field/value pairs for
 *   a new row; required fields need a value here
 */
void
cw_record_table_setup (CwRecordTable     *self,
                       const CwEntity    *entity,
                       const char        *title,
                       const char        *empty_text,
                       const char *const *new_values)
{
  const char *const *columns;

  g_return_if_fail (CW_IS_RECORD_TABLE (self));
  g_return_if_fail (entity != NULL && entity->list_fields != NULL);

  columns = entity->list_fields;
  self->entity = entity;
  g_strfreev (self->new_values);
  self->new_values = g_strdupv ((char **) (new_values ? new_values : (const char *[]) { NULL }));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->empty_label, empty_text);
  for (guint i = 0; columns[i] != NULL; i++)
    add_column (self, cw_entity_find_field (entity, columns[i]), i == 0);
  cw_record_form_set_part (self->form, entity, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * cw_record_table_set_filter:
 *
 * Shows only rows whose @field is @value; new rows get that value.
 */
void
cw_record_table_set_filter (CwRecordTable *self,
                            const char    *field,
                            const char    *value)
{
  g_return_if_fail (CW_IS_RECORD_TABLE (self));

  g_free (self->filter_field);
  g_free (self->filter_value);
  self->filter_field = g_strdup (field);
  self->filter_value = g_strdup (value);
  g_list_store_remove_all (self->records);
  refresh (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

void
cw_record_table_set_review (CwRecordTable *self,
                            CwStore       *store,
                            gint64         review_id)
{
  g_return_if_fail (CW_IS_RECORD_TABLE (self));

  cw_record_form_flush (self->form);
  cw_store_watch (&self->store, store, (const char *const[]) { self->entity->table, NULL },
                  G_CALLBACK (refresh), self);
  self->review_id = review_id;
  g_list_store_remove_all (self->records);
  refresh (self);
  cw_record_form_set_record (self->form, store, 0);
  on_selection_changed (self);
}

/**
 * cw_record_table_get_model:
 * Returns: (transfer none): the rows shown
 */
GListModel *
cw_record_table_get_model (CwRecordTable *self)
{
  g_return_val_if_fail (CW_IS_RECORD_TABLE (self), NULL);
  return G_LIST_MODEL (self->records);
}

/**
 * cw_record_table_get_selection:
 * Returns: (transfer none): the selection of the rows shown (one row)
 */
GtkSelectionModel *
cw_record_table_get_selection (CwRecordTable *self)
{
  g_return_val_if_fail (CW_IS_RECORD_TABLE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * cw_record_table_get_form:
 * Returns: (transfer none): the form editing the selected row
 */
GtkWidget *
cw_record_table_get_form (CwRecordTable *self)
{
  g_return_val_if_fail (CW_IS_RECORD_TABLE (self), NULL);
  return GTK_WIDGET (self->form);
}

/**
 * cw_record_table_append_column:
 * @column: a column whose cells show a #CwRecord, e.g. one derived from
 *   several fields
 *
 * Adds a column after the entity's own.
 */
void
cw_record_table_append_column (CwRecordTable       *self,
                               GtkColumnViewColumn *column)
{
  g_return_if_fail (CW_IS_RECORD_TABLE (self));
  gtk_column_view_append_column (self->column_view, column);
}

/**
 * cw_record_table_set_form_below:
 *
 * Puts the form under the list rather than beside it: for a table in a
 * page that scrolls, where the width is short.
 */
void
cw_record_table_set_form_below (CwRecordTable *self,
                                gboolean       below)
{
  g_return_if_fail (CW_IS_RECORD_TABLE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_box),
                                  below ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->body_box, below ? 12 : 18);
  gtk_widget_set_size_request (self->form_scroller, below ? -1 : 380, -1);
  /* Under the list the page scrolls, not the form: it asks for its height. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->form_scroller), GTK_POLICY_NEVER,
                                  below ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
}

/**
 * cw_record_table_get_columns:
 * Returns: (transfer none): the list's columns, to retitle or hide one
 */
GListModel *
cw_record_table_get_columns (CwRecordTable *self)
{
  g_return_val_if_fail (CW_IS_RECORD_TABLE (self), NULL);
  return gtk_column_view_get_columns (self->column_view);
}

static void
cw_record_table_dispose (GObject *object)
{
  CwRecordTable *self = CW_RECORD_TABLE (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (refresh), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_RECORD_TABLE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->records);
  G_OBJECT_CLASS (cw_record_table_parent_class)->dispose (object);
}

static void
cw_record_table_finalize (GObject *object)
{
  CwRecordTable *self = CW_RECORD_TABLE (object);

  g_strfreev (self->new_values);
  g_free (self->filter_field);
  g_free (self->filter_value);
  G_OBJECT_CLASS (cw_record_table_parent_class)->finalize (object);
}

static void
cw_record_table_class_init (CwRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_record_table_dispose;
  object_class->finalize = cw_record_table_finalize;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, title_label);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, body_box);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, form);
  gtk_widget_class_bind_template_child (widget_class, CwRecordTable, form_scroller);
  gtk_widget_class_install_action (widget_class, "table.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "table.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "table.add", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cw_record_table_init (CwRecordTable *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->records = g_list_store_new (CW_TYPE_RECORD);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->records)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  /* Delete acts on the list only, never while typing in the form. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("table.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}
