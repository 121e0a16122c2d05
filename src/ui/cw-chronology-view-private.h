/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-chronology-view.h"
#include "cw-record-form.h"

G_BEGIN_DECLS

#define CW_CHRONOLOGY_N_COLUMNS 9

/* Shared by the files of the chronology view, one concern each:
 *   cw-chronology-view.c          the widget: layout, lanes, refreshing, selection
 *   cw-chronology-view-table.c    the table's columns, cells (wrapped) and keys
 *   cw-chronology-view-columns.c  the columns shown, their order and widths, remembered
 *   cw-chronology-view-filters.c  the filters above the table, and the gap threshold
 *   cw-chronology-view-editor.c   below the table: the entry edited, and what is done to
 *                                 the entries selected (mark, tag, link, delete)
 *   cw-chronology-view-actions.c  importing a return, adding an entry, exporting
 *   cw-chronology-view-episode.c  the episode chosen in Analysis shown; new episodes */

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
  GtkWidget         *status_bar;
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
  GtkWidget         *episode_box;
  GtkLabel          *episode_label;
  GtkWidget         *new_episode_button;
  CwStore           *store;
  gint64             review_id;
  guint              n_refreshes; /* for tests */
  CwChronologyModel *model;
  GtkMultiSelection *selection;
  GHashTable        *hidden_agencies; /* gint64 ids the user unticked */
  guint              refresh_idle;
  gboolean           updating;
  CwStore           *episode_store;   /* watched for the episode shown */
  gint64             episode_id;      /* the episode shown, or 0 */
  GHashTable        *episode_entries; /* gint64 ids of its entries */
  GHashTable        *agency_short_names; /* an agency's name -> its short name, when it has one */
  GMenu             *more_menu;
  GtkColumnViewColumn *columns[CW_CHRONOLOGY_N_COLUMNS]; /* by Column, whatever the order */
  guint              rewrap_idle;
  int                char_widths[128]; /* of the cells' font, Pango units */
  gboolean           have_char_widths;
  GSettings         *settings;     /* nullable: where the columns are remembered */
  guint              save_idle;
  gboolean           restoring;
};

/* cw-chronology-view.c */
GArray *cw_chronology_view_selected_ids  (CwChronologyView *self);
void    cw_chronology_view_refresh       (CwChronologyView *self);
void    cw_chronology_view_queue_refresh (CwChronologyView *self);
void    cw_chronology_view_report        (CwChronologyView *self,
                                          const GError     *error);

/* cw-chronology-view-table.c */
typedef void (*CwCellFunc) (CwChronologyView *self,
                            GtkWidget        *cell,
                            gint64            entry_id);

void cw_chronology_view_foreach_cell        (CwChronologyView *self,
                                             CwCellFunc        func);
void cw_chronology_view_set_cell_in_episode (GtkWidget        *cell,
                                             gboolean          in_episode);
void cw_chronology_view_init_table          (CwChronologyView *self);
void cw_chronology_view_dispose_table       (CwChronologyView *self);
void cw_chronology_view_read_short_names    (CwChronologyView *self);
void cw_chronology_view_scroll_to_position  (CwChronologyView *self,
                                             guint             position);
const char *cw_chronology_view_column_id         (GtkColumnViewColumn *column);
int         cw_chronology_view_column_width       (GtkColumnViewColumn *column);
void        cw_chronology_view_set_column_width   (GtkColumnViewColumn *column,
                                                   int                  width);

/* cw-chronology-view-columns.c */
void cw_chronology_view_init_columns    (CwChronologyView *self);
void cw_chronology_view_dispose_columns (CwChronologyView *self);

/* cw-chronology-view-filters.c */
void cw_chronology_view_class_init_filters (GtkWidgetClass     *widget_class);
void cw_chronology_view_init_filters       (CwChronologyView   *self);
void cw_chronology_view_read_filter        (CwChronologyView   *self,
                                            CwChronologyFilter *filter);
void cw_chronology_view_reset_agencies     (CwChronologyView   *self);
void cw_chronology_view_fill_agencies      (CwChronologyView   *self);

/* cw-chronology-view-editor.c */
void cw_chronology_view_class_init_editor (GtkWidgetClass   *widget_class);
void cw_chronology_view_init_editor       (CwChronologyView *self);
void cw_chronology_view_update_editor     (CwChronologyView *self);

/* cw-chronology-view-episode.c */
void cw_chronology_view_class_init_episode  (GtkWidgetClass   *widget_class);
void cw_chronology_view_init_episode        (CwChronologyView *self);
void cw_chronology_view_dispose_episode     (CwChronologyView *self);
void cw_chronology_view_set_episode_review  (CwChronologyView *self);
void cw_chronology_view_style_cell          (CwChronologyView *self,
                                             GtkWidget        *cell,
                                             gint64            entry_id);

/* cw-chronology-view-actions.c */
void cw_chronology_view_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
