/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"
#include "cw-review-section.h"
#include "cw-review.h"
#include "cw-store-watch.h"
#include "cw-timeline-view.h"

/* The review's merged chronology: every agency's entries in one table,
 * with gaps in contact as rows, filters above, the timeline over it and
 * the selected entry edited below it. The core orders, groups and
 * searches; this shows. This file holds the widget, its layout and its
 * refreshing; cw-chronology-view-private.h says where the rest is. */

static void cw_chronology_view_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwChronologyView, cw_chronology_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_chronology_view_section_init))

/* The selection */

/* The entries selected, gaps left out. */
GArray *
cw_chronology_view_selected_ids (CwChronologyView *self)
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
on_selection_changed (CwChronologyView *self)
{
  if (!self->updating)
    cw_chronology_view_update_editor (self);
}

/* Refreshing */

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

/* Reads the chronology again through the filters, keeping the selection. */
void
cw_chronology_view_refresh (CwChronologyView *self)
{
  g_auto (CwChronologyFilter) filter = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  gboolean shown;
  guint total;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->store == NULL || self->review_id == 0)
    return;
  self->n_refreshes++;
  ids = cw_chronology_view_selected_ids (self);
  cw_chronology_view_read_filter (self, &filter);
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
  shown = total > 0 || !cw_chronology_filter_is_empty (&filter);
  gtk_stack_set_visible_child_name (self->content_stack, shown ? "table" : "empty");
  /* Below the table, the timeline or both, whichever is shown. */
  gtk_widget_set_visible (self->status_bar, shown);
  update_status (self, !cw_chronology_filter_is_empty (&filter), total);
  /* A search the core refuses ("*" alone) says why where the count goes. */
  if (g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      gtk_label_set_text (self->status_label, error->message);
    }
  update_overdue (self);
  cw_chronology_view_update_editor (self);
}

static gboolean
refresh_now (gpointer data)
{
  CwChronologyView *self = data;

  self->refresh_idle = 0;
  cw_chronology_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import, marking 40 entries) make one refresh. */
void
cw_chronology_view_queue_refresh (CwChronologyView *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_now, self, NULL);
}

/* Of the review itself, the table shows only its threshold for gaps: a
 * title being typed is no reason to read the chronology again. */
static gboolean
gap_days_changed (CwChronologyView *self,
                  gint64            review_id)
{
  return (review_id == self->review_id || review_id == 0) && self->model != NULL
         && cw_chronology_get_gap_days (self->store, self->review_id)
              != cw_chronology_model_get_gap_days (self->model);
}

static void
on_store_changed (CwChronologyView *self,
                  const char       *table,
                  gint64            id)
{
  if (self->review_id == 0)
    return;
  if (g_str_equal (table, CW_STORE_EVERYTHING) || g_str_equal (table, "review_agency")
      || g_str_equal (table, "agency"))
    {
      cw_chronology_view_read_short_names (self);
      cw_chronology_view_fill_agencies (self);
    }
  if (g_str_equal (table, "agency_return"))
    update_overdue (self);
  else if (!g_str_equal (table, "review") || gap_days_changed (self, id))
    cw_chronology_view_queue_refresh (self);
}

/* A failure of what the user asked, said in the window. */
void
cw_chronology_view_report (CwChronologyView *self,
                           const GError     *error)
{
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

/* The layout: table, timeline or both, and the timeline's lanes */

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
    cw_chronology_view_report (self, error);
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
    cw_chronology_view_report (self, error);
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

/* The review shown */

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
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "chronology_entry", "agency", "review_agency",
                                          "agency_return", "review", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->review_id = id;
  cw_chronology_view_set_episode_review (self);
  cw_chronology_view_reset_agencies (self);
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
  cw_chronology_view_read_short_names (self);
  cw_chronology_view_fill_agencies (self);
  cw_chronology_view_refresh (self);
}

void
cw_chronology_view_flush (CwChronologyView *self)
{
  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));
  cw_record_form_flush (self->entry_form);
}

/* As a section of the review view */

static void
section_set_review (CwReviewSection *section,
                    CwStore         *store,
                    gint64           id)
{
  cw_chronology_view_set_review (CW_CHRONOLOGY_VIEW (section), store, id);
}

static void
section_flush (CwReviewSection *section)
{
  cw_chronology_view_flush (CW_CHRONOLOGY_VIEW (section));
}

static void
cw_chronology_view_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = section_set_review;
  iface->flush = section_flush;
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

  cw_chronology_view_refresh (self);
  position = cw_chronology_model_find (self->model, entry_id);
  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  cw_chronology_view_scroll_to_position (self, position);
}

/**
 * cw_chronology_view_get_n_refreshes:
 *
 * Returns: how many times the view has read its chronology again, for tests
 */
guint
cw_chronology_view_get_n_refreshes (CwChronologyView *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), 0);
  return self->n_refreshes;
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
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->hidden_agencies, g_hash_table_unref);
  cw_chronology_view_dispose_columns (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CHRONOLOGY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  cw_chronology_view_dispose_episode (self);
  cw_chronology_view_dispose_table (self);
  G_OBJECT_CLASS (cw_chronology_view_parent_class)->dispose (object);
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
  BIND (status_bar);
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
  BIND (episode_box);
  BIND (episode_label);
  BIND (new_episode_button);
  BIND (more_menu);
#undef BIND
  cw_chronology_view_class_init_actions (widget_class);
  cw_chronology_view_class_init_editor (widget_class);
  cw_chronology_view_class_init_filters (widget_class);
  cw_chronology_view_class_init_episode (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_chronology_view_init (CwChronologyView *self)
{
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_TIMELINE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hidden_agencies = g_hash_table_new (NULL, NULL);
  cw_chronology_view_init_episode (self);
  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  cw_chronology_view_init_table (self);
  cw_chronology_view_init_columns (self);
  cw_chronology_view_init_filters (self);
  cw_chronology_view_init_editor (self);
  gtk_paned_set_position (self->paned, 330);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->show_table, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (self->show_both, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (self->show_timeline, "toggled", G_CALLBACK (on_layout_chosen), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->lanes_button), "show",
                            G_CALLBACK (on_lanes_opened), self);
  gtk_paned_set_position (self->outer_paned, 300);
  cw_chronology_view_update_editor (self);
}
