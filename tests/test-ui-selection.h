/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-chronology-view.h"

/* The entries selected in the chronology's table, in its order, gaps left
 * out: for the UI tests that select from the timeline or the table. */
static inline GArray *
test_ui_selected_entries (CwChronologyView *view)
{
  GtkWidget *column_view = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (view), CW_TYPE_CHRONOLOGY_VIEW, "column_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (selection);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < gtk_bitset_get_size (set); i++)
    {
      gint64 id = cw_chronology_model_get_entry_id (cw_chronology_view_get_model (view),
                                                    gtk_bitset_get_nth (set, i));
      if (id != 0)
        g_array_append_val (ids, id);
    }
  return ids;
}
