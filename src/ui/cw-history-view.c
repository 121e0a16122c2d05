/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology.h"
#include "cw-store-watch.h"

#include "cw-history-view.h"

/* A review's audit trail as a table. Values are shown as a person reads
 * them (dates as 3 Apr 2021, choices by their labels). */

struct _CwHistoryView
{
  GtkWidget      parent_instance;
  GtkColumnView *column_view;
  GListStore    *entries;
  CwStore       *store;
  gint64         id;
  gulong         changed_id;
};

G_DEFINE_FINAL_TYPE (CwHistoryView, cw_history_view, GTK_TYPE_WIDGET)

static char *
format_when (const char *at)
{
  g_autoptr (GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%-d %b %Y %H:%M") : g_strdup (at ? at : "");
}

static char *
describe_action (const CwEntity *entity,
                 const char     *action)
{
  g_autofree char *what = g_utf8_strdown (entity ? _(entity->label) : _("item"), -1);

  if (g_strcmp0 (action, "insert") == 0)
    return g_strdup_printf (_("Added %s"), what);
  if (g_strcmp0 (action, "delete") == 0)
    return g_strdup_printf (_("Deleted %s"), what);
  if (g_strcmp0 (action, "restore") == 0)
    return g_strdup_printf (_("Restored %s"), what);
  if (g_strcmp0 (action, "import") == 0)
    return g_strdup (_("Imported an agency’s return"));
  return g_strdup_printf (_("Changed %s"), what);
}

/* A reference shown by what it names ("Northshire Police"), not its id; a
 * chronology entry's link group by the reports it links. */
static char *
format_value (CwStore        *store,
              const CwEntity *entity,
              gint64          entity_id,
              const CwField  *field,
              const char     *value)
{
  g_autoptr (CwRecord) target = NULL;
  gint64 id;

  if (field == NULL)
    return g_strdup (value);
  if (entity == &cw_entity_chronology_entry && g_str_equal (field->name, "link_group")
      && store != NULL)
    return cw_chronology_describe_link (store, entity_id, value);
  if (field->type == CW_FIELD_REF && value != NULL && store != NULL
      && g_str_equal (field->ref->key_column, "id")
      && (id = g_ascii_strtoll (value, NULL, 10)) > 0
      && (target = cw_store_get (store, field->ref, id, NULL)) != NULL
      && cw_record_get (target, field->ref->label_field) != NULL)
    return g_strdup (cw_record_get (target, field->ref->label_field));
  return cw_field_format (field, value);
}

/* Which chronology entry a line is about: its record reference ("CAD 100"),
 * each looked up once per refresh in @sources. */
static const char *
entry_source (CwStore    *store,
              GHashTable *sources,
              gint64      entry_id)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) entry_id);
  char *source;

  if (g_hash_table_lookup_extended (sources, key, NULL, (gpointer *) &source))
    return source;
  source = cw_chronology_get_source (store, entry_id);
  g_hash_table_insert (sources, key, source);
  return source;
}

/* Adds the display keys the columns show. */
static void
describe (CwStore    *store,
          GHashTable *sources,
          CwRecord   *entry)
{
  const CwEntity *entity = cw_entity_lookup (cw_record_get (entry, "entity") ?: "");
  const char *name = cw_record_get (entry, "field");
  const CwField *field = entity && name ? cw_entity_find_field (entity, name) : NULL;
  gint64 entity_id = g_ascii_strtoll (cw_record_get (entry, "entity_id") ?: "0", NULL, 10);
  g_autofree char *what = NULL;

  cw_record_take (entry, "when", format_when (cw_record_get (entry, "at")));
  cw_record_take (entry, "field_label", g_strdup (field ? _(field->label) : name ? name : ""));
  what = describe_action (entity, cw_record_get (entry, "action"));
  /* A chronology entry is named by its record reference: "Significance ·
   * CAD 100" rather than "Significance · Changed chronology entry". */
  if (entity == &cw_entity_chronology_entry && entity_id > 0 && store != NULL)
    {
      const char *source = entry_source (store, sources, entity_id);

      if (source != NULL)
        {
          char *named = g_strcmp0 (cw_record_get (entry, "action"), "update") == 0
                          ? g_strdup (source) : g_strdup_printf ("%s %s", what, source);

          g_free (what);
          what = named;
        }
    }
  /* Field first: when the column is narrow, what changed stays readable. */
  if (g_strcmp0 (cw_record_get (entry, "action"), "import") == 0)
    cw_record_take (entry, "field_label", g_strdup (""));
  if (g_strcmp0 (cw_record_get (entry, "action"), "update") == 0)
    cw_record_take (entry, "what", g_strdup_printf ("%s · %s",
                                                    cw_record_get (entry, "field_label"), what));
  else
    cw_record_take (entry, "what", g_steal_pointer (&what));
  cw_record_take (entry, "old_display",
                  format_value (store, entity, entity_id, field,
                                cw_record_get (entry, "old_value")));
  cw_record_take (entry, "new_display",
                  format_value (store, entity, entity_id, field,
                                cw_record_get (entry, "new_value")));
}

static gboolean
same_event (CwRecord *a,
            CwRecord *b)
{
  static const char *const keys[] = { "at", "actor", "entity", "entity_id", "action" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (cw_record_get (a, keys[i]), cw_record_get (b, keys[i])) != 0)
      return FALSE;
  return TRUE;
}

/* An item added or deleted is one line in the history, listing its values,
 * not one line per field. Changes stay one line per field. */
static void
fold_into (CwRecord *event,
           CwRecord *part)
{
  const char *key = g_str_equal (cw_record_get (event, "action"), "delete") ? "old_display"
                                                                              : "new_display";
  const char *value = cw_record_get (part, key);
  const char *so_far = cw_record_get (event, key);

  if (cw_record_get (part, "field") == NULL || value == NULL || *value == '\0')
    return;
  cw_record_take (event, key, g_strdup_printf ("%s%s%s: %s", so_far ? so_far : "",
                                               so_far && *so_far ? " · " : "",
                                               cw_record_get (part, "field_label"), value));
}

static GListModel *
group_events (CwStore    *store,
              GListModel *raw)
{
  GListStore *events = g_list_store_new (CW_TYPE_RECORD);
  g_autoptr (GHashTable) sources = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (CwRecord) open = NULL;
  guint n = g_list_model_get_n_items (raw);

  /* Newest first, so an event's fields come before its marker row. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr (CwRecord) entry = g_list_model_get_item (raw, i);

      describe (store, sources, entry);
      if (g_strcmp0 (cw_record_get (entry, "action"), "update") == 0)
        {
          g_clear_object (&open);
          g_list_store_insert (events, 0, entry);
          continue;
        }
      if (open != NULL && same_event (open, entry))
        {
          fold_into (open, entry);
          continue;
        }
      g_set_object (&open, entry);
      cw_record_set (open, "field_label", "");
      fold_into (open, entry);
      g_list_store_insert (events, 0, entry);
    }
  return G_LIST_MODEL (events);
}

static void
refresh (CwHistoryView *self)
{
  g_autoptr (GListModel) fresh = NULL;
  g_autoptr (GListModel) events = NULL;

  if (self->store != NULL && self->id != 0)
    fresh = cw_store_list_history (self->store, self->id, NULL);
  if (fresh == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }
  events = group_events (self->store, fresh);
  cw_record_list_sync (self->entries, events);
}

static void
on_store_changed (CwHistoryView *self)
{
  /* Only worth the query while the page is on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

void
cw_history_view_set_review (CwHistoryView *self,
                            CwStore       *store,
                            gint64         id)
{
  g_return_if_fail (CW_IS_HISTORY_VIEW (self));

  cw_store_watch (&self->store, store, &self->changed_id, G_CALLBACK (on_store_changed), self);
  self->id = id;
  g_list_store_remove_all (self->entries);
  refresh (self);
}

/**
 * cw_history_view_get_model:
 * Returns: (transfer none): the entries shown
 */
GListModel *
cw_history_view_get_model (CwHistoryView *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_VIEW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const char               *key)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "cw-key", (gpointer) key);
}

static void
update_cell (GtkListItem *item)
{
  CwRecord *entry = gtk_list_item_get_item (item);
  const char *text = cw_record_get (entry, g_object_get_data (G_OBJECT (item), "cw-key"));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *line = g_strdup (text ? text : "");

  /* One line per entry; the whole value is in the tooltip. */
  g_strdelimit (line, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (label), line);
  gtk_widget_set_tooltip_text (label, text);
}

/* A line already shown can read differently after a refresh (a link since
 * undone, an agency renamed): the cell follows its values. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  cw_list_item_follow_record (item, update_cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  cw_list_item_unfollow_record (item);
}

static void
add_column (CwHistoryView *self,
            const char    *title,
            const char    *key,
            int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) key);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, width < 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static void
cw_history_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cw_history_view_parent_class)->map (widget);
  refresh (CW_HISTORY_VIEW (widget));
}

static void
cw_history_view_dispose (GObject *object)
{
  CwHistoryView *self = CW_HISTORY_VIEW (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, &self->changed_id);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_HISTORY_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (cw_history_view_parent_class)->dispose (object);
}

static void
cw_history_view_class_init (CwHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_history_view_dispose;
  widget_class->map = cw_history_view_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwHistoryView, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_history_view_init (CwHistoryView *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (CW_TYPE_RECORD);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("When"), "when", 135);
  add_column (self, _("Who"), "actor", 100);
  add_column (self, _("What"), "what", -1);
  add_column (self, _("Before"), "old_display", -1);
  add_column (self, _("After"), "new_display", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("History of the review"), -1);
}
