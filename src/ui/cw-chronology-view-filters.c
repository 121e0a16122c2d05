/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"

/* The filters above the table (words, agencies, significance, dates, a
 * span dragged across the timeline) and the threshold below it past
 * which a time without agency contact is a row. What they choose is read
 * into a CwChronologyFilter; the core does the filtering. */

static gboolean
read_day (GtkEntry  *entry,
          char     **out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  g_clear_pointer (out, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return TRUE;
  if (!cw_date_parse (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  *out = cw_date_format_iso (&date);
  return TRUE;
}

/* The agencies ticked, when not all of them are. */
static GArray *
read_agencies (CwChronologyView *self)
{
  GArray *ids;

  if (g_hash_table_size (self->hidden_agencies) == 0)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agency_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "cw-agency"));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        g_array_append_val (ids, id);
    }
  return ids;
}

void
cw_chronology_view_read_filter (CwChronologyView   *self,
                                CwChronologyFilter *filter)
{
  static const guint significances[] = {
    0, (1 << CW_CHRONO_SIGNIFICANCE_SIGNIFICANT) | (1 << CW_CHRONO_SIGNIFICANCE_KEY),
    1 << CW_CHRONO_SIGNIFICANCE_KEY,
  };
  guint chosen = gtk_drop_down_get_selected (self->significance_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  filter->text = *text ? g_strdup (text) : NULL;
  filter->significances = chosen < G_N_ELEMENTS (significances) ? significances[chosen] : 0;
  read_day (self->from_entry, &filter->from);
  read_day (self->to_entry, &filter->to);
  filter->agency_ids = read_agencies (self);
}

/* The agencies */

static void
on_agency_toggled (CwChronologyView *self,
                   GtkCheckButton   *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-agency"));
  guint hidden;

  if (gtk_check_button_get_active (button))
    g_hash_table_remove (self->hidden_agencies, GSIZE_TO_POINTER (id));
  else
    g_hash_table_add (self->hidden_agencies, GSIZE_TO_POINTER (id));
  hidden = g_hash_table_size (self->hidden_agencies);
  gtk_menu_button_set_label (self->agency_button,
                             hidden == 0 ? _("All agencies") : _("Some agencies"));
  cw_chronology_view_queue_refresh (self);
}

/* One check button per agency involved in the review. */
void
cw_chronology_view_fill_agencies (CwChronologyView *self)
{
  g_autoptr (GListModel) agencies = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agency_box))) != NULL)
    gtk_box_remove (self->agency_box, child);
  if (self->store == NULL || self->review_id == 0)
    return;
  agencies = cw_store_list (self->store, &cw_entity_review_agency, self->review_id, NULL);
  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (agencies, i);
      gint64 id = cw_record_get_int (record, "agency_id");
      g_autofree char *name = cw_record_dup_display (record, "agency_id");
      GtkWidget *button = gtk_check_button_new_with_label (name);

      g_object_set_data (G_OBJECT (button), "cw-agency", GSIZE_TO_POINTER (id));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   !g_hash_table_contains (self->hidden_agencies,
                                                           GSIZE_TO_POINTER (id)));
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_agency_toggled), self);
      gtk_box_append (self->agency_box, button);
    }
}

/* Every agency shown again (call cw_chronology_view_fill_agencies() after). */
void
cw_chronology_view_reset_agencies (CwChronologyView *self)
{
  g_hash_table_remove_all (self->hidden_agencies);
  gtk_menu_button_set_label (self->agency_button, _("All agencies"));
}

/* A span dragged across the timeline */

static void
set_day (GtkEntry *entry,
         double    day)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1.0, day));
  text = cw_date_format_display (&date);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* A span dragged across the timeline filters the table to it, and selects
 * its entries: to mark, tag or make an episode of. */
static void
on_span_chosen (CwChronologyView *self,
                double            first,
                double            last)
{
  set_day (self->from_entry, first);
  set_day (self->to_entry, last);
  cw_chronology_view_refresh (self);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

/* The gap threshold */

static void
on_gap_changed (CwChronologyView *self)
{
  g_autoptr (GError) error = NULL;

  if (self->updating || self->store == NULL || self->review_id == 0)
    return;
  if (!cw_chronology_set_gap_days (self->store, self->review_id,
                                   (guint) gtk_spin_button_get_value_as_int (self->gap_spin),
                                   &error))
    cw_chronology_view_report (self, error);
}

/* Actions */

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->significance_dropdown, 0);
  cw_chronology_view_reset_agencies (self);
  cw_chronology_view_fill_agencies (self);
  cw_chronology_view_refresh (self);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CW_CHRONOLOGY_VIEW (widget)->search_entry));
}

void
cw_chronology_view_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chronology.clear-filters", NULL,
                                   clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "chronology.focus-search", NULL,
                                   focus_search_activated);
}

/* Any change of a filter refreshes the table (once for many changes). */
void
cw_chronology_view_init_filters (CwChronologyView *self)
{
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (cw_chronology_view_queue_refresh), self);
  g_signal_connect_swapped (self->significance_dropdown, "notify::selected",
                            G_CALLBACK (cw_chronology_view_queue_refresh), self);
  g_signal_connect_swapped (self->from_entry, "changed",
                            G_CALLBACK (cw_chronology_view_queue_refresh), self);
  g_signal_connect_swapped (self->to_entry, "changed",
                            G_CALLBACK (cw_chronology_view_queue_refresh), self);
  g_signal_connect_swapped (self->timeline_view, "span-chosen", G_CALLBACK (on_span_chosen),
                            self);
  g_signal_connect_swapped (self->gap_spin, "value-changed", G_CALLBACK (on_gap_changed), self);
}
