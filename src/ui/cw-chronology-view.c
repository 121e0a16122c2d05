/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-view.h"
#include "cw-chronology.h"
#include "cw-import-dialog.h"
#include "cw-new-entry-dialog.h"
#include "cw-page-size.h"
#include "cw-record-form.h"
#include "cw-review.h"
#include "cw-store-watch.h"
#include "cw-timeline-view.h"

/* The review's merged chronology: every agency's entries in one table,
 * with gaps in contact as rows, filters above, and the selected entry
 * edited beside it. The core orders, groups and searches; this shows. */

struct _CwChronologyView
{
  GtkWidget          parent_instance;
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *agency_button;
  GtkBox            *agency_box;
  GtkDropDown       *significance_dropdown;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkStack          *content_stack;
  GtkPaned          *paned;
  GtkPaned          *outer_paned;
  CwTimelineView    *timeline_view;
  GtkToggleButton   *show_table;
  GtkToggleButton   *show_both;
  GtkToggleButton   *show_timeline;
  GtkGrid           *lanes_grid;
  GtkMenuButton     *lanes_button;
  GtkColumnView     *column_view;
  GtkLabel          *status_label;
  GtkLabel          *overdue_label;
  GtkSpinButton     *gap_spin;
  GtkLabel          *selection_label;
  GtkWidget         *editor_scroller;
  GtkWidget         *selection_actions;
  GtkWidget         *link_actions;
  GtkEntry          *tag_entry;
  GtkLabel          *link_label;
  CwRecordForm      *entry_form;
  GtkLabel          *provenance_label;
  CwStore           *store;
  gint64             review_id;
  gulong             changed_id;
  CwChronologyModel *model;
  GtkMultiSelection *selection;
  GHashTable        *hidden_agencies; /* gint64 ids the user unticked */
  guint              refresh_idle;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (CwChronologyView, cw_chronology_view, GTK_TYPE_WIDGET)

/* Cells */

typedef enum
{
  COLUMN_DATE,
  COLUMN_AGENCY,
  COLUMN_AUTHOR,
  COLUMN_SOURCE,
  COLUMN_DESCRIPTION,
  COLUMN_SIGNIFICANCE,
} Column;

static char *
first_line (const char *text)
{
  return text ? g_strndup (text, strcspn (text, "\r\n")) : g_strdup ("");
}

static char *
date_cell_text (CwChronologyItem *item)
{
  g_autofree char *date = cw_chronology_item_dup_date_text (item);

  if (cw_chronology_item_has_conflict (item))
    /* TRANSLATORS: an entry linked to another agency's report of the same
     * happening, with a date that differs */
    return g_strdup_printf (_("%s ⚠"), date);
  if (cw_chronology_item_is_linked (item))
    return g_strdup_printf ("%s ⟷", date);
  return g_steal_pointer (&date);
}

static char *
gap_text (CwChronologyItem *item)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No agency contact for %u day",
                                       "No agency contact for %u days",
                                       cw_chronology_item_get_gap_days (item)),
                          cw_chronology_item_get_gap_days (item));
}

static char *
cell_text (CwChronologyItem *item,
           Column            column)
{
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;

  switch (column)
    {
    case COLUMN_DATE:
      return gap ? cw_chronology_item_dup_date_text (item) : date_cell_text (item);
    case COLUMN_AGENCY:
      return g_strdup (gap ? "" : cw_chronology_item_get_agency (item));
    case COLUMN_AUTHOR:
      return first_line (gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR));
    case COLUMN_SOURCE:
      return first_line (gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE));
    case COLUMN_DESCRIPTION:
      return gap ? gap_text (item)
                 : first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION));
    case COLUMN_SIGNIFICANCE:
    default:
      if (gap || cw_chronology_item_get_significance (item) == CW_CHRONO_SIGNIFICANCE_ROUTINE)
        return g_strdup ("");
      return g_strdup (cw_choice_label (cw_significances, cw_chrono_significance_id (
                                          cw_chronology_item_get_significance (item))));
    }
}

/* Asked for when the pointer rests on a cell: setting a tooltip at every
 * bind would cost a round trip to the display server per cell. */
static gboolean
on_cell_tooltip (GtkWidget   *label,
                 int          x,
                 int          y,
                 gboolean     keyboard,
                 GtkTooltip  *tooltip,
                 GtkListItem *list_item)
{
  CwChronologyItem *item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cw-column"));
  const char *text = NULL;

  if (item == NULL || cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP)
    return FALSE;
  if (column == COLUMN_DATE && cw_chronology_item_has_conflict (item))
    text = _("Linked to another agency’s report of the same happening, whose date differs");
  else if (column == COLUMN_DATE && cw_chronology_item_is_linked (item))
    text = _("Linked to another agency’s report of the same happening");
  else if (column == COLUMN_DESCRIPTION)
    text = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A cell is a GtkInscription, not a GtkLabel: the columns set its width,
 * and a label would lay out its whole text to measure it, for each of the
 * 200 rows GTK binds whenever the table jumps (half the time of such a
 * frame); an inscription measures by its font and lays out only the rows
 * drawn. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  Column column = GPOINTER_TO_INT (data);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column == COLUMN_DATE || column == COLUMN_DESCRIPTION)
    {
      g_object_set_data (G_OBJECT (label), "cw-column", data);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_tooltip), list_item);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  CwChronologyItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  Column column = GPOINTER_TO_INT (data);
  g_autofree char *text = cell_text (item, column);
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;
  CwChronoSignificance significance = cw_chronology_item_get_significance (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  /* Gaps and significance are said in words; colour only adds to them. */
  if (gap)
    gtk_widget_add_css_class (label, "chronology-gap");
  else
    gtk_widget_remove_css_class (label, "chronology-gap");
  if (column == COLUMN_SIGNIFICANCE && significance == CW_CHRONO_SIGNIFICANCE_KEY && !gap)
    gtk_widget_add_css_class (label, "significance-key");
  else
    gtk_widget_remove_css_class (label, "significance-key");
  if (column == COLUMN_DATE && cw_chronology_item_has_conflict (item))
    gtk_widget_add_css_class (label, "date-conflict");
  else
    gtk_widget_remove_css_class (label, "date-conflict");
}

static void
add_column (CwChronologyView *self,
            const char       *title,
            Column            column,
            int               width,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* The selection */

static GArray *
selected_ids (CwChronologyView *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = cw_chronology_model_get_entry_id (self->model, position);
      if (id != 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

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

static void
update_editor (CwChronologyView *self)
{
  g_autoptr (GArray) ids = selected_ids (self);
  g_autoptr (CwChronologyItem) item = NULL;
  g_autofree char *label = NULL;
  gint64 id = ids->len == 1 ? g_array_index (ids, gint64, 0) : 0;
  guint position = id ? cw_chronology_model_find (self->model, id) : G_MAXUINT;

  if (position != G_MAXUINT)
    item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (ids->len == 0)
    label = g_strdup (_("Select an entry to edit it, or several to mark them together."));
  else if (ids->len == 1)
    label = g_strdup (_("Entry"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected",
                                          "%u entries selected", ids->len), ids->len);
  gtk_label_set_text (self->selection_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_form), id != 0);
  if (id != cw_record_form_get_id (self->entry_form))
    cw_record_form_set_record (self->entry_form, self->store, id);
  gtk_label_set_text (self->provenance_label,
                      item && cw_chronology_item_get_provenance (item)
                        ? cw_chronology_item_get_provenance (item)
                        : (item ? _("Typed in, not imported") : ""));
  show_link (self, item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chronology.delete", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chronology.significance", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chronology.link", ids->len > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chronology.unlink",
                                 item ? cw_chronology_item_is_linked (item) : ids->len > 1);
  /* The table has the room until something is selected. */
  gtk_widget_set_visible (self->editor_scroller, ids->len > 0);
  gtk_widget_set_visible (self->selection_actions, ids->len > 0);
  gtk_widget_set_visible (self->link_actions, ids->len > 0);
}

static void
on_selection_changed (CwChronologyView *self)
{
  if (!self->updating)
    update_editor (self);
}

/* Filters and refreshing */

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

static void
read_filter (CwChronologyView   *self,
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
  if (g_hash_table_size (self->hidden_agencies) > 0)
    {
      filter->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agency_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "cw-agency"));
          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
            g_array_append_val (filter->agency_ids, id);
        }
    }
}

static void
update_status (CwChronologyView *self,
               gboolean          filtered,
               guint             total)
{
  guint entries = cw_chronology_model_get_n_entries (self->model);
  guint gaps = cw_chronology_model_get_n_gaps (self->model);
  g_autofree char *shown = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", entries), entries);
  g_autofree char *text = NULL;

  if (filtered)
    text = g_strdup_printf (_("%s shown of %u (filtered)"), shown, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u gap in agency contact",
                                         "%s, %u gaps in agency contact", gaps), shown, gaps);
  gtk_label_set_text (self->status_label, text);
}

/* Returns still awaited past their due date, named in words. */
static void
update_overdue (CwChronologyView *self)
{
  g_autoptr (GPtrArray) overdue = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  GDate today;

  cw_clock_today (&today);
  overdue = cw_chronology_list_overdue_returns (self->store, self->review_id, &today, NULL);
  for (guint i = 0; overdue != NULL && i < overdue->len; i++)
    {
      g_autofree char *due = cw_date_iso_to_display (cw_record_get (overdue->pdata[i], "due_on"));
      g_string_append_printf (text, "%s%s (due %s)", i ? "; " : "",
                              cw_record_get (overdue->pdata[i], "agency"), due ? due : "?");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), text->len > 0);
  if (text->len == 0)
    return;
  g_string_prepend (text, _("⚠ Returns overdue: "));
  gtk_label_set_text (self->overdue_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_label), text->str);
}

static void
reselect (CwChronologyView *self,
          GArray           *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      guint position = cw_chronology_model_find (self->model, g_array_index (ids, gint64, i));
      if (position != G_MAXUINT)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
    }
}

static void
refresh (CwChronologyView *self)
{
  g_auto (CwChronologyFilter) filter = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  guint total;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->store == NULL || self->review_id == 0)
    return;
  ids = selected_ids (self);
  read_filter (self, &filter);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  self->updating = TRUE;
  if (!cw_chronology_model_refresh (self->model, &filter, &error)
      && !g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID))
    g_warning ("%s", error->message);
  reselect (self, ids);
  self->updating = FALSE;
  /* Unfiltered, the list holds every entry: no need to count them again. */
  total = cw_chronology_filter_is_empty (&filter)
            ? cw_chronology_model_get_n_entries (self->model)
            : cw_chronology_count_entries (self->store, self->review_id);
  gtk_stack_set_visible_child_name (
    self->content_stack, total > 0 || !cw_chronology_filter_is_empty (&filter) ? "table" : "empty");
  update_status (self, !cw_chronology_filter_is_empty (&filter), total);
  /* A search the core refuses ("*" alone) says why where the count goes. */
  if (g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      gtk_label_set_text (self->status_label, error->message);
    }
  update_overdue (self);
  update_editor (self);
}

static gboolean
refresh_now (gpointer data)
{
  CwChronologyView *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import, marking 40 entries) make one refresh. */
static void
queue_refresh (CwChronologyView *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_now, self, NULL);
}

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
  queue_refresh (self);
}

static void
fill_agencies (CwChronologyView *self)
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

static void
on_store_changed (CwChronologyView *self,
                  const char       *table,
                  gint64            id)
{
  if (g_str_equal (table, "*") || g_str_equal (table, "review_agency")
      || g_str_equal (table, "agency"))
    fill_agencies (self);
  if (g_str_equal (table, "*") || g_str_equal (table, "chronology_entry")
      || g_str_equal (table, "agency") || g_str_equal (table, "review")
      || g_str_equal (table, "agency_return") || g_str_equal (table, "period")
      || g_str_equal (table, "setting"))
    queue_refresh (self);
}

/**
 * cw_chronology_view_set_review:
 * @id: the review, or 0 for none
 */
void
cw_chronology_view_set_review (CwChronologyView *self,
                               CwStore          *store,
                               gint64            id)
{
  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));

  if (store == self->store && id == self->review_id)
    return;
  cw_record_form_flush (self->entry_form);
  cw_record_form_set_record (self->entry_form, NULL, 0);
  cw_store_watch (&self->store, store, &self->changed_id, G_CALLBACK (on_store_changed), self);
  self->review_id = id;
  g_hash_table_remove_all (self->hidden_agencies);
  gtk_menu_button_set_label (self->agency_button, _("All agencies"));
  g_clear_object (&self->model);
  if (store != NULL)
    {
      self->model = cw_chronology_model_new (store, id);
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      cw_timeline_view_set_chronology (self->timeline_view, store, id, self->model,
                                       GTK_SELECTION_MODEL (self->selection));
      self->updating = TRUE;
      gtk_spin_button_set_value (self->gap_spin, cw_chronology_get_gap_days (store, id));
      self->updating = FALSE;
    }
  else
    {
      gtk_multi_selection_set_model (self->selection, NULL);
      cw_timeline_view_set_chronology (self->timeline_view, NULL, 0, NULL, NULL);
    }
  fill_agencies (self);
  refresh (self);
}

void
cw_chronology_view_flush (CwChronologyView *self)
{
  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));
  cw_record_form_flush (self->entry_form);
}

/**
 * cw_chronology_view_get_model:
 *
 * Returns: (transfer none) (nullable): the list shown, for tests
 */
CwChronologyModel *
cw_chronology_view_get_model (CwChronologyView *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), NULL);
  return self->model;
}

/**
 * cw_chronology_view_select_entry:
 *
 * Selects the entry alone and scrolls to it.
 */
void
cw_chronology_view_select_entry (CwChronologyView *self,
                                 gint64            entry_id)
{
  guint position;

  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));

  refresh (self);
  position = cw_chronology_model_find (self->model, entry_id);
  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                              position);
}

/* Actions */

static void
report (CwChronologyView *self,
        const GError     *error)
{
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
significance_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = selected_ids (self);
  g_autoptr (GError) error = NULL;
  CwChronoSignificance significance;

  if (ids->len == 0
      || !cw_chrono_significance_from_text (g_variant_get_string (parameter, NULL), FALSE,
                                            &significance))
    return;
  cw_chronology_set_significance (self->store, ids, significance, &error);
  report (self, error);
}

static void
link_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = selected_ids (self);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (action, "chronology.link"))
    cw_chronology_link (self->store, ids, &error);
  else
    cw_chronology_unlink (self->store, ids, &error);
  report (self, error);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = selected_ids (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  cw_record_form_set_record (self->entry_form, NULL, 0);
  if (!cw_chronology_delete (self->store, ids, &error))
    {
      report (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u chronology entry",
                                          "Deleted %u chronology entries", ids->len), ids->len);
  gtk_widget_activate_action (
    widget, "win.offer-undo-many", "(s@axs)", "chronology_entry",
    g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64)),
    message);
}

static void
on_tag_activate (CwChronologyView *self)
{
  g_autoptr (GArray) ids = selected_ids (self);
  g_autoptr (GError) error = NULL;
  const char *tag = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));

  if (ids->len == 0 || *tag == '\0')
    return;
  if (cw_chronology_add_tag (self->store, ids, tag, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  report (self, error);
}

static void
on_imported (CwChronologyView *self,
             gint64            first_entry)
{
  refresh (self);
}

static void
on_file_chosen (GtkNativeDialog  *chooser,
                int               response,
                CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      dialog = cw_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->store, self->review_id, file);
      g_signal_connect_swapped (dialog, "imported", G_CALLBACK (on_imported), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Import an Agency’s Return"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Chronology returns (CSV, TSV, Excel, ODS)"),
              (const char *const[]) { "csv", "tsv", "txt", "xlsx", "ods", NULL });
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), (const char *const[]) { "*", NULL });
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_entry_added (CwChronologyView *self,
                gint64            id)
{
  cw_chronology_view_select_entry (self, id);
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->review_id == 0)
    return;
  dialog = cw_new_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                    self->review_id);
  g_signal_connect_swapped (dialog, "added", G_CALLBACK (on_entry_added), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean json = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cw-json"));

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      name = g_file_get_basename (file);
      if (cw_chronology_export_to_file (self->model, g_file_peek_path (file), json, NULL,
                                        &error))
        message = g_strdup_printf (_("Exported the chronology to %s"), name);
      else
        message = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
    }
  g_object_unref (chooser);
}

/* A save dialog for an export of the review, named "<reference> <what>". */
static GtkFileChooserNative *
export_chooser (CwChronologyView *self,
                const char       *title,
                const char       *what,
                GCallback         on_response)
{
  g_autoptr (CwRecord) review = cw_store_get (self->store, &cw_entity_review, self->review_id,
                                              NULL);
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           review ? cw_record_get (review, "reference") : "",
                                           what);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), GTK_FILE_CHOOSER_ACTION_SAVE,
    _("_Export"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", on_response, self);
  return chooser;
}

static void
export_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  gboolean json = g_str_equal (g_variant_get_string (parameter, NULL), "json");
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = export_chooser (self, _("Export the Chronology"),
                            json ? "chronology.json" : "chronology.csv",
                            G_CALLBACK (on_export_chosen));
  g_object_set_data (G_OBJECT (chooser), "cw-json", GINT_TO_POINTER (json));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

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
  g_hash_table_remove_all (self->hidden_agencies);
  gtk_menu_button_set_label (self->agency_button, _("All agencies"));
  fill_agencies (self);
  refresh (self);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CW_CHRONOLOGY_VIEW (widget)->search_entry));
}

static void
on_gap_changed (CwChronologyView *self)
{
  g_autoptr (GError) error = NULL;

  if (self->updating || self->store == NULL || self->review_id == 0)
    return;
  if (!cw_chronology_set_gap_days (self->store, self->review_id,
                                   (guint) gtk_spin_button_get_value_as_int (self->gap_spin),
                                   &error))
    report (self, error);
}

static void
on_row_activated (CwChronologyView *self,
                  guint             position)
{
  gtk_widget_child_focus (GTK_WIDGET (self->entry_form), GTK_DIR_TAB_FORWARD);
}

/* The timeline */

static void fill_lanes (CwChronologyView *self);

static void
on_lane_shown (GtkCheckButton   *button,
               CwChronologyView *self)
{
  CwTimeline *timeline = cw_timeline_view_get_timeline (self->timeline_view);
  guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cw-lane"));
  g_autoptr (GError) error = NULL;

  if (timeline != NULL
      && !cw_timeline_set_lane_visible (timeline, lane, gtk_check_button_get_active (button),
                                        &error))
    report (self, error);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_view));
}

static void
on_lane_moved (GtkButton        *button,
               CwChronologyView *self)
{
  CwTimeline *timeline = cw_timeline_view_get_timeline (self->timeline_view);
  guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cw-lane"));
  int offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cw-offset"));
  g_autoptr (GError) error = NULL;

  if (timeline != NULL && !cw_timeline_move_lane (timeline, lane, offset, &error))
    report (self, error);
  fill_lanes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_view));
}

static GtkWidget *
move_button (CwChronologyView *self,
             guint             lane,
             int               offset,
             gboolean          possible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (offset < 0 ? "go-up-symbolic"
                                                                : "go-down-symbolic");

  gtk_widget_set_tooltip_text (button, offset < 0 ? _("Move up") : _("Move down"));
  gtk_widget_set_sensitive (button, possible);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "cw-lane", GUINT_TO_POINTER (lane));
  g_object_set_data (G_OBJECT (button), "cw-offset", GINT_TO_POINTER (offset));
  g_signal_connect (button, "clicked", G_CALLBACK (on_lane_moved), self);
  return button;
}

/* One row per lane: shown or not, up, down; remembered for the review. */
static void
fill_lanes (CwChronologyView *self)
{
  CwTimeline *timeline = cw_timeline_view_get_timeline (self->timeline_view);
  GPtrArray *lanes = timeline ? cw_timeline_get_lanes (timeline) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_grid))) != NULL)
    gtk_grid_remove (self->lanes_grid, child);
  for (guint i = 0; lanes != NULL && i < lanes->len; i++)
    {
      CwTimelineLane *lane = lanes->pdata[i];
      GtkWidget *check = gtk_check_button_new_with_label (lane->name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), lane->visible);
      g_object_set_data (G_OBJECT (check), "cw-lane", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_lane_shown), self);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_grid_attach (self->lanes_grid, check, 0, (int) i, 1, 1);
      gtk_grid_attach (self->lanes_grid, move_button (self, i, -1, i > 0), 1, (int) i, 1, 1);
      gtk_grid_attach (self->lanes_grid, move_button (self, i, 1, i + 1 < lanes->len), 2,
                       (int) i, 1, 1);
    }
}

static void
on_lanes_opened (CwChronologyView *self)
{
  fill_lanes (self);
}

static void
on_layout_chosen (CwChronologyView *self)
{
  gboolean table = !gtk_toggle_button_get_active (self->show_timeline);
  gboolean timeline = !gtk_toggle_button_get_active (self->show_table);

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_view), timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_button), timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->paned), table);
}

static void
on_timeline_activate (CwChronologyView *self,
                      gint64            id)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->paned)))
    gtk_toggle_button_set_active (self->show_both, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->entry_form), GTK_DIR_TAB_FORWARD);
}

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

/* A span dragged across the timeline filters the table to it. */
static void
on_span_chosen (CwChronologyView *self,
                double            first,
                double            last)
{
  set_day (self->from_entry, first);
  set_day (self->to_entry, last);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);

  if (g_str_equal (action, "chronology.zoom-fit"))
    cw_timeline_view_zoom_to_fit (self->timeline_view);
  else
    cw_timeline_view_zoom_to_selection (self->timeline_view);
}

/* The size chosen in the save dialog: a page, a picture, or as shown. */
static void
size_of (const char      *choice,
         const char      *lower,
         int              shown_width,
         int              shown_height,
         CwTimelineFrame *frame)
{
  const CwPageSize *size = cw_page_size_lookup (choice);

  if (g_strcmp0 (choice, "shown") == 0 && shown_width > 0)
    {
      frame->width = shown_width;
      frame->height = shown_height + 28;
      return;
    }
  if (size == NULL)
    size = cw_page_size_lookup (g_str_has_suffix (lower, ".pdf") ? CW_PAGE_SIZE_PDF
                                                                 : CW_PAGE_SIZE_PICTURE);
  frame->width = size->width;
  frame->height = size->height;
}

static void
on_timeline_file_chosen (GtkNativeDialog  *chooser,
                         int               response,
                         CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gboolean whole = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cw-whole"));
  CwTimeline *timeline = cw_timeline_view_get_timeline (self->timeline_view);
  CwTimelineFrame frame = { 0 };
  double first, last;

  if (response != GTK_RESPONSE_ACCEPT || timeline == NULL
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL
      || (path = g_file_get_path (file)) == NULL)
    {
      g_object_unref (chooser);
      return;
    }
  review = cw_store_get (self->store, &cw_entity_review, self->review_id, NULL);
  title = review ? cw_timeline_title (review, FALSE) : NULL;
  name = g_file_get_basename (file);
  lower = g_ascii_strdown (path, -1);
  size_of (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size"), lower,
           gtk_widget_get_width (GTK_WIDGET (self->timeline_view)),
           gtk_widget_get_height (GTK_WIDGET (self->timeline_view)), &frame);
  frame.title = title;
  frame.scale = *cw_timeline_view_get_scale (self->timeline_view);
  if (whole && cw_timeline_get_extent (timeline, &first, &last))
    cw_timeline_scale_fit (&frame.scale, first, last, frame.width - CW_TIMELINE_LANE_LABELS);
  else
    {
      double shown = (gtk_widget_get_width (GTK_WIDGET (self->timeline_view))
                      - CW_TIMELINE_LANE_LABELS) / frame.scale.px_per_day;
      cw_timeline_scale_fit (&frame.scale, frame.scale.start, frame.scale.start + shown,
                             frame.width - CW_TIMELINE_LANE_LABELS);
    }
  if (cw_timeline_export (timeline, &frame, path, &error))
    message = g_strdup_printf (_("Exported the timeline to %s"), name);
  else
    message = g_strdup_printf (_("Could not export the timeline: %s"), error->message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
  g_object_unref (chooser);
}

static void
export_timeline_activated (GtkWidget  *widget,
                           const char *action,
                           GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  gboolean whole = g_str_equal (g_variant_get_string (parameter, NULL), "whole");
  GtkFileChooserNative *chooser;
  guint n_sizes;
  const CwPageSize *sizes = cw_page_sizes (&n_sizes);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = export_chooser (self, _("Export the Timeline"), "timeline.pdf",
                            G_CALLBACK (on_timeline_file_chosen));
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF, SVG or PNG"),
              (const char *const[]) { "pdf", "svg", "png", NULL });
  g_object_set_data (G_OBJECT (chooser), "cw-whole", GINT_TO_POINTER (whole));
  for (guint i = 0; i < n_sizes; i++)
    {
      g_ptr_array_add (ids, (gpointer) sizes[i].id);
      g_ptr_array_add (labels, (gpointer) _(sizes[i].label));
    }
  g_ptr_array_add (ids, "shown");
  g_ptr_array_add (labels, _("As on screen"));
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("Size"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", CW_PAGE_SIZE_PDF);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cw_chronology_view_get_timeline:
 *
 * Returns: (transfer none): the timeline widget, for tests
 */
CwTimelineView *
cw_chronology_view_get_timeline (CwChronologyView *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), NULL);
  return self->timeline_view;
}

/* GObject */

static void
cw_chronology_view_dispose (GObject *object)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  cw_store_unwatch (&self->store, &self->changed_id);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->hidden_agencies, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CHRONOLOGY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_chronology_view_parent_class)->dispose (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action,
              const char            *target)
{
  GtkShortcutAction *named = gtk_named_action_new (action);
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers), named);

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (target));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Keys that act on the table's selection only while the table has focus,
 * so that typing 1, 2 or 3 in a field stays typing. */
static void
add_table_shortcuts (CwChronologyView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  add_shortcut (shortcuts, GDK_KEY_Delete, 0, "chronology.delete", NULL);
  add_shortcut (shortcuts, GDK_KEY_1, 0, "chronology.significance", "routine");
  add_shortcut (shortcuts, GDK_KEY_2, 0, "chronology.significance", "significant");
  add_shortcut (shortcuts, GDK_KEY_3, 0, "chronology.significance", "key");
  add_shortcut (shortcuts, GDK_KEY_l, GDK_CONTROL_MASK, "chronology.link", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void
cw_chronology_view_class_init (CwChronologyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_chronology_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-chronology-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwChronologyView, name)
  BIND (search_entry);
  BIND (agency_button);
  BIND (agency_box);
  BIND (significance_dropdown);
  BIND (from_entry);
  BIND (to_entry);
  BIND (content_stack);
  BIND (paned);
  BIND (outer_paned);
  BIND (timeline_view);
  BIND (show_table);
  BIND (show_both);
  BIND (show_timeline);
  BIND (lanes_grid);
  BIND (lanes_button);
  BIND (column_view);
  BIND (status_label);
  BIND (overdue_label);
  BIND (gap_spin);
  BIND (selection_label);
  BIND (editor_scroller);
  BIND (selection_actions);
  BIND (link_actions);
  BIND (tag_entry);
  BIND (link_label);
  BIND (entry_form);
  BIND (provenance_label);
#undef BIND
  gtk_widget_class_install_action (widget_class, "chronology.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "chronology.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "chronology.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "chronology.significance", "s",
                                   significance_activated);
  gtk_widget_class_install_action (widget_class, "chronology.link", NULL, link_activated);
  gtk_widget_class_install_action (widget_class, "chronology.unlink", NULL, link_activated);
  gtk_widget_class_install_action (widget_class, "chronology.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "chronology.clear-filters", NULL,
                                   clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "chronology.focus-search", NULL,
                                   focus_search_activated);
  gtk_widget_class_install_action (widget_class, "chronology.export-timeline", "s",
                                   export_timeline_activated);
  gtk_widget_class_install_action (widget_class, "chronology.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "chronology.zoom-selection", NULL,
                                   zoom_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_chronology_view_init (CwChronologyView *self)
{
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_TIMELINE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hidden_agencies = g_hash_table_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Narrow enough for the description to show at 1280 pixels; resizable. */
  /* Wide enough for each title (a title is not shortened, it is cut). */
  add_column (self, _("Date"), COLUMN_DATE, 140, FALSE);
  add_column (self, _("Agency"), COLUMN_AGENCY, 110, FALSE);
  add_column (self, _("Author or role"), COLUMN_AUTHOR, 112, FALSE);
  add_column (self, _("Record ref."), COLUMN_SOURCE, 92, FALSE);
  add_column (self, _("Description"), COLUMN_DESCRIPTION, -1, TRUE);
  add_column (self, _("Significance"), COLUMN_SIGNIFICANCE, 106, FALSE);
  add_table_shortcuts (self);
  cw_record_form_set_fields (self->entry_form, &cw_entity_chronology_entry, NULL);
  gtk_paned_set_position (self->paned, 330);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (queue_refresh),
                            self);
  g_signal_connect_swapped (self->significance_dropdown, "notify::selected",
                            G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (self->gap_spin, "value-changed", G_CALLBACK (on_gap_changed), self);
  g_signal_connect_swapped (self->tag_entry, "activate", G_CALLBACK (on_tag_activate), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->show_table, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (self->show_both, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (self->show_timeline, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (self->timeline_view, "activate-entry",
                            G_CALLBACK (on_timeline_activate), self);
  g_signal_connect_swapped (self->timeline_view, "span-chosen", G_CALLBACK (on_span_chosen),
                            self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->lanes_button), "show",
                            G_CALLBACK (on_lanes_opened), self);
  gtk_paned_set_position (self->outer_paned, 300);
  update_editor (self);
}
