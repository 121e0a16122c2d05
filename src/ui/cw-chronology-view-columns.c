/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-application.h"
#include "cw-chronology-view-private.h"

/* The table's columns as the user leaves them: shown or hidden (from the
 * menu of any column's title, or Columns in the ⋮ menu), moved (dragging a
 * title) and resized (dragging its edge), remembered in the application's
 * settings ("chronology-columns": each column's id, whether it is shown,
 * its width or -1, in the order shown) for every review and the next
 * start. Columns the settings do not name keep their first place. */

#define COLUMNS_KEY "chronology-columns"

static GtkColumnViewColumn *
find_column (CwChronologyView *self,
             const char       *id)
{
  for (guint i = 0; i < CW_CHRONOLOGY_N_COLUMNS; i++)
    if (g_strcmp0 (cw_chronology_view_column_id (self->columns[i]), id) == 0)
      return self->columns[i];
  return NULL;
}

static gboolean
save_now (gpointer data)
{
  CwChronologyView *self = data;
  GListModel *shown = gtk_column_view_get_columns (self->column_view);
  GVariantBuilder builder;

  self->save_idle = 0;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sbi)"));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (shown, i);
      g_variant_builder_add (&builder, "(sbi)", cw_chronology_view_column_id (column),
                             gtk_column_view_column_get_visible (column),
                             cw_chronology_view_column_width (column));
    }
  g_settings_set_value (self->settings, COLUMNS_KEY, g_variant_builder_end (&builder));
  return G_SOURCE_REMOVE;
}

/* Once for many changes: a column dragged wider changes at every motion. */
static void
queue_save (CwChronologyView *self)
{
  if (self->settings != NULL && !self->restoring && self->save_idle == 0)
    self->save_idle = g_idle_add (save_now, self);
}

static void
restore (CwChronologyView *self)
{
  g_autoptr (GVariant) saved = g_settings_get_value (self->settings, COLUMNS_KEY);
  GVariantIter iter;
  const char *id;
  gboolean shown;
  int width;
  guint position = 0;

  self->restoring = TRUE;
  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "(&sbi)", &id, &shown, &width))
    {
      GtkColumnViewColumn *column = find_column (self, id);

      if (column == NULL)
        continue;
      g_object_ref (column);
      gtk_column_view_insert_column (self->column_view, position++, column);
      gtk_column_view_column_set_visible (column, shown);
      cw_chronology_view_set_column_width (column, width > 0 ? width : -1);
      g_object_unref (column);
    }
  self->restoring = FALSE;
}

/* Every column by its title, ticked when shown: the menu of the titles. */
static GMenuModel *
columns_menu (CwChronologyView *self)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < CW_CHRONOLOGY_N_COLUMNS; i++)
    {
      const char *id = cw_chronology_view_column_id (self->columns[i]);
      g_autoptr (GPropertyAction) action = g_property_action_new (id, self->columns[i],
                                                                  "visible");
      g_autofree char *name = g_strconcat ("columns.", id, NULL);

      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      g_menu_append (menu, gtk_column_view_column_get_title (self->columns[i]), name);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (group));
  g_object_unref (group);
  return G_MENU_MODEL (menu);
}

void
cw_chronology_view_init_columns (CwChronologyView *self)
{
  GApplication *application = g_application_get_default ();
  g_autoptr (GMenuModel) menu = columns_menu (self);

  if (CW_IS_APPLICATION (application)
      && cw_application_get_settings (CW_APPLICATION (application)) != NULL)
    {
      self->settings = g_object_ref (cw_application_get_settings (CW_APPLICATION (application)));
      restore (self);
    }
  for (guint i = 0; i < CW_CHRONOLOGY_N_COLUMNS; i++)
    {
      gtk_column_view_column_set_header_menu (self->columns[i], menu);
      g_signal_connect_swapped (self->columns[i], "notify::visible", G_CALLBACK (queue_save),
                                self);
      g_signal_connect_swapped (self->columns[i], "notify::fixed-width",
                                G_CALLBACK (queue_save), self);
    }
  g_signal_connect_object (gtk_column_view_get_columns (self->column_view), "items-changed",
                           G_CALLBACK (queue_save), self, G_CONNECT_SWAPPED);
  if (self->more_menu != NULL)
    g_menu_append_submenu (self->more_menu, _("Columns"), menu);
}

void
cw_chronology_view_dispose_columns (CwChronologyView *self)
{
  /* A change not yet written is written now. */
  if (self->save_idle != 0)
    {
      g_clear_handle_id (&self->save_idle, g_source_remove);
      save_now (self);
    }
  for (guint i = 0; i < CW_CHRONOLOGY_N_COLUMNS; i++)
    if (self->columns[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->columns[i], self);
  g_clear_object (&self->settings);
}
