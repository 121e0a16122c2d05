/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"

/* Below the table, what is selected: one entry edited in a form, with
 * where it came from and what it is linked to; or several, to mark
 * routine, significant or key, tag, link as one happening, or delete
 * (undoably). Hidden while nothing is selected, so the table has room. */

static void
show_link (CwChronologyView *self,
           CwChronologyItem *item)
{
  gboolean linked = item != NULL && cw_chronology_item_is_linked (item);

  gtk_widget_set_visible (GTK_WIDGET (self->link_label), linked);
  if (!linked)
    return;
  gtk_label_set_text (self->link_label,
                      cw_chronology_item_has_conflict (item)
                        ? _("⚠ Linked to another agency’s report of the same happening, "
                            "whose date differs. Check both sources.")
                        : _("⟷ Linked to another agency’s report of the same happening."));
}

static char *
selection_text (guint n_selected)
{
  if (n_selected == 0)
    return g_strdup (_("Select an entry to edit it, or several to mark them together."));
  if (n_selected == 1)
    return g_strdup (_("Entry"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected",
                                       "%u entries selected", n_selected), n_selected);
}

static void
enable_actions (CwChronologyView *self,
                guint             n_selected,
                CwChronologyItem *item)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "chronology.delete", n_selected > 0);
  gtk_widget_action_set_enabled (widget, "chronology.significance", n_selected > 0);
  gtk_widget_action_set_enabled (widget, "chronology.link", n_selected > 1);
  gtk_widget_action_set_enabled (widget, "chronology.new-episode", n_selected > 0);
  gtk_widget_action_set_enabled (widget, "chronology.unlink",
                                 item ? cw_chronology_item_is_linked (item) : n_selected > 1);
}

/* The pane below the table, for the selection as it is now. */
void
cw_chronology_view_update_editor (CwChronologyView *self)
{
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (CwChronologyItem) item = NULL;
  g_autofree char *label = selection_text (ids->len);
  gint64 id = ids->len == 1 ? g_array_index (ids, gint64, 0) : 0;
  guint position = id ? cw_chronology_model_find (self->model, id) : G_MAXUINT;

  if (position != G_MAXUINT)
    item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  gtk_label_set_text (self->selection_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_form), id != 0);
  if (id != cw_record_form_get_id (self->entry_form))
    cw_record_form_set_record (self->entry_form, self->store, id);
  gtk_label_set_text (self->provenance_label,
                      item && cw_chronology_item_get_provenance (item)
                        ? cw_chronology_item_get_provenance (item)
                        : (item ? _("Typed in, not imported") : ""));
  show_link (self, item);
  enable_actions (self, ids->len, item);
  /* The table has the room until something is selected. */
  gtk_widget_set_visible (self->editor_scroller, ids->len > 0);
  gtk_widget_set_visible (self->selection_actions, ids->len > 0);
  gtk_widget_set_visible (self->new_episode_button, ids->len > 0);
  gtk_widget_set_visible (self->link_actions, ids->len > 0);
}

/* Return on a row, or a double click on the timeline: to the form. */
static void
on_row_activated (CwChronologyView *self,
                  guint             position)
{
  gtk_widget_child_focus (GTK_WIDGET (self->entry_form), GTK_DIR_TAB_FORWARD);
}

static void
on_timeline_activate (CwChronologyView *self,
                      gint64            id)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->paned)))
    gtk_toggle_button_set_active (self->show_both, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->entry_form), GTK_DIR_TAB_FORWARD);
}

/* What is done to the entries selected */

static void
on_tag_activate (CwChronologyView *self)
{
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (GError) error = NULL;
  const char *tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));

  if (ids->len == 0 || *tag == '\0')
    return;
  if (cw_chronology_add_tag (self->store, ids, tag, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  cw_chronology_view_report (self, error);
}

static void
significance_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (GError) error = NULL;
  CwChronoSignificance significance;

  if (ids->len == 0
      || !cw_chrono_significance_from_text (g_variant_get_string (parameter, NULL), FALSE,
                                            &significance))
    return;
  cw_chronology_set_significance (self->store, ids, significance, &error);
  cw_chronology_view_report (self, error);
}

static void
link_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (action, "chronology.link"))
    cw_chronology_link (self->store, ids, &error);
  else
    cw_chronology_unlink (self->store, ids, &error);
  cw_chronology_view_report (self, error);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  cw_record_form_set_record (self->entry_form, NULL, 0);
  if (!cw_chronology_delete (self->store, ids, &error))
    {
      cw_chronology_view_report (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u chronology entry",
                                          "Deleted %u chronology entries", ids->len), ids->len);
  gtk_widget_activate_action (
    widget, "win.offer-undo-many", "(s@axs)", "chronology_entry",
    g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64)),
    message);
}

void
cw_chronology_view_class_init_editor (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chronology.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "chronology.significance", "s",
                                   significance_activated);
  gtk_widget_class_install_action (widget_class, "chronology.link", NULL, link_activated);
  gtk_widget_class_install_action (widget_class, "chronology.unlink", NULL, link_activated);
}

void
cw_chronology_view_init_editor (CwChronologyView *self)
{
  cw_record_form_set_part (self->entry_form, &cw_entity_chronology_entry, NULL);
  g_signal_connect_swapped (self->tag_entry, "activate", G_CALLBACK (on_tag_activate), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->timeline_view, "activate-entry",
                            G_CALLBACK (on_timeline_activate), self);
}
