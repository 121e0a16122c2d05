/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-drop-down.h"

/* A drop-down of long choices (chronology entries, episodes by title) is
 * as wide as its longest one; these show it cut short, whole in the
 * tooltip, so that a section still fits a 1024-pixel window. */

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = string ? gtk_string_object_get_string (string) : "";

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

/**
 * cw_drop_down_ellipsize:
 * @drop_down: a drop-down of a #GtkStringList
 *
 * Shows its choices on one line each, cut short with "…" when long.
 */
void
cw_drop_down_ellipsize (GtkDropDown *drop_down)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
}

/**
 * cw_drop_down_entry_label:
 * @entry: a chronology entry
 *
 * Returns: (transfer full): the entry as one line of a drop-down: its
 *   date, agency and the start of its description
 */
char *
cw_drop_down_entry_label (CwRecord *entry)
{
  g_autofree char *date = cw_record_dup_display (entry, "start_date");
  g_autofree char *agency = cw_record_dup_display (entry, "agency_id");
  const char *description = cw_record_get (entry, "description");
  g_autofree char *text = NULL;

  if (description != NULL && g_utf8_strlen (description, -1) > 70)
    {
      g_autofree char *start = g_utf8_substring (description, 0, 69);
      text = g_strconcat (start, "…", NULL);
    }
  else
    text = g_strdup (description ? description : "");
  /* TRANSLATORS: a chronology entry: its date, agency and description */
  return g_strdup_printf (_("%s, %s: %s"), date ? date : "?", agency ? agency : "?", text);
}
