/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis.h"
#include "cw-analysis-page.h"
#include "cw-date.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review-section.h"
#include "cw-store-watch.h"

/* The review's section "Analysis": its key practice episodes (number,
 * title, span, the agencies of the entries they cover, how many), the one
 * selected edited below with every field of an episode, and its
 * contributory factors, whose kind is one of Falkirk's nine, chosen as a
 * chip. The episode a person selects here is shown in the chronology too
 * (its entries highlighted, its span a band on the timeline), until
 * another is: the page says so to the review view with the action
 * review.episode-selected. */

/* One row of the list: an episode as lists show it. */
#define CW_TYPE_EPISODE_ROW (cw_episode_row_get_type ())
G_DECLARE_FINAL_TYPE (CwEpisodeRow, cw_episode_row, CW, EPISODE_ROW, GObject)

struct _CwEpisodeRow
{
  GObject    parent_instance;
  CwEpisode *episode;
};

G_DEFINE_FINAL_TYPE (CwEpisodeRow, cw_episode_row, G_TYPE_OBJECT)

static void
cw_episode_row_finalize (GObject *object)
{
  g_clear_pointer (&CW_EPISODE_ROW (object)->episode, cw_episode_free);
  G_OBJECT_CLASS (cw_episode_row_parent_class)->finalize (object);
}

static void
cw_episode_row_class_init (CwEpisodeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_episode_row_finalize;
}

static void
cw_episode_row_init (CwEpisodeRow *self)
{
}

struct _CwAnalysisPage
{
  GtkWidget           parent_instance;
  GtkStack           *list_stack;
  GtkColumnView      *episode_view;
  GtkWidget          *editor;
  GtkStack           *editor_stack;
  GtkLabel           *entries_label;
  CwRecordForm       *episode_form;
  GtkWidget          *category_group;
  GtkFlowBox         *category_box;
  CwRecordTable      *factor_table;
  GListStore         *episodes; /* CwEpisodeRow */
  GtkSingleSelection *selection;
  GPtrArray          *chips;    /* GtkToggleButton, one per kind of factor */
  CwStore            *store;
  CwStore            *factor_store; /* watched for the factor's kind */
  gint64              review_id;
  gint64              announced; /* the episode the chronology was last told of */
  gboolean            syncing;
};

static void cw_analysis_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwAnalysisPage, cw_analysis_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_analysis_page_section_init))

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_SPAN,
  COLUMN_AGENCIES,
  COLUMN_ENTRIES,
} Column;

/* The list */

static char *
span_text (const CwEpisode *episode)
{
  g_autofree char *first = cw_date_iso_to_display (episode->first_day);
  g_autofree char *last = cw_date_iso_to_display (episode->last_day);

  if (first == NULL)
    return g_strdup (_("No dates yet"));
  if (last == NULL || g_strcmp0 (episode->first_day, episode->last_day) == 0)
    return g_steal_pointer (&first);
  /* TRANSLATORS: an episode's span, from one date to another */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static char *
cell_text (const CwEpisode *episode,
           Column           column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup_printf ("%d", episode->number);
    case COLUMN_TITLE:
      return g_strdup (episode->title);
    case COLUMN_SPAN:
      return span_text (episode);
    case COLUMN_AGENCIES:
      return g_strdup (episode->agencies ? episode->agencies : "");
    case COLUMN_ENTRIES:
    default:
      return g_strdup_printf ("%u", episode->n_entries);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) == COLUMN_ENTRIES ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  CwEpisodeRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (row->episode, GPOINTER_TO_INT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (GPOINTER_TO_INT (data) == COLUMN_AGENCIES)
    gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static void
add_column (CwAnalysisPage *self,
            const char     *title,
            Column          column,
            int             width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, width < 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->episode_view, view_column);
}

static guint
find_position (CwAnalysisPage *self,
               gint64          id)
{
  GListModel *model = G_LIST_MODEL (self->episodes);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwEpisodeRow) row = g_list_model_get_item (model, i);
      if (row->episode->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static const CwEpisode *
selected_episode (CwAnalysisPage *self)
{
  CwEpisodeRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? row->episode : NULL;
}

/**
 * cw_analysis_page_get_episode:
 *
 * Returns: the id of the episode selected, or 0
 */
gint64
cw_analysis_page_get_episode (CwAnalysisPage *self)
{
  g_return_val_if_fail (CW_IS_ANALYSIS_PAGE (self), 0);
  return selected_episode (self) ? selected_episode (self)->id : 0;
}

/**
 * cw_analysis_page_get_episodes:
 * Returns: (transfer none): the episodes listed, as rows
 */
GListModel *
cw_analysis_page_get_episodes (CwAnalysisPage *self)
{
  g_return_val_if_fail (CW_IS_ANALYSIS_PAGE (self), NULL);
  return G_LIST_MODEL (self->episodes);
}

gint64
cw_analysis_page_episode_id_at (CwAnalysisPage *self,
                                guint           position)
{
  g_autoptr (CwEpisodeRow) row = NULL;

  g_return_val_if_fail (CW_IS_ANALYSIS_PAGE (self), 0);
  row = g_list_model_get_item (G_LIST_MODEL (self->episodes), position);
  return row != NULL ? row->episode->id : 0;
}

/* The episode selected */

static void
show_entries (CwAnalysisPage  *self,
              const CwEpisode *episode)
{
  g_autofree char *span = NULL;
  g_autofree char *text = NULL;

  if (episode == NULL)
    return;
  span = span_text (episode);
  if (episode->n_entries == 0)
    text = g_strdup_printf (_("Episode %d · %s · covers no chronology entries yet: select them "
                              "in the Chronology and choose New episode from selection, or "
                              "give its dates below."),
                            episode->number, span);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Episode %d · %s · covers %u chronology entry (%s), "
                                         "highlighted in the Chronology",
                                         "Episode %d · %s · covers %u chronology entries (%s), "
                                         "highlighted in the Chronology",
                                         episode->n_entries),
                            episode->number, span, episode->n_entries,
                            episode->agencies ? episode->agencies : "");
  gtk_label_set_text (self->entries_label, text);
}

static void
on_selection_changed (CwAnalysisPage *self)
{
  const CwEpisode *episode = selected_episode (self);
  gint64 id = episode ? episode->id : 0;

  if (self->syncing)
    return;
  if (cw_record_form_get_id (self->episode_form) != id)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      cw_record_form_set_record (self->episode_form, self->store, id);
      cw_record_table_set_filter (self->factor_table, "episode_id", key);
    }
  show_entries (self, episode);
  gtk_widget_set_visible (self->editor, episode != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.delete-episode", episode != NULL);
  /* Chosen here by a person: not when another review is opened elsewhere. */
  if (id != self->announced && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->announced = id;
      gtk_widget_activate_action (GTK_WIDGET (self), "review.episode-selected", "x", id);
    }
}

static void
refresh (CwAnalysisPage *self)
{
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 selected = cw_analysis_page_get_episode (self);
  guint position;

  if (self->store != NULL && self->review_id != 0)
    episodes = cw_analysis_list_episodes (self->store, self->review_id, NULL);
  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      CwEpisodeRow *row = g_object_new (CW_TYPE_EPISODE_ROW, NULL);

      row->episode = g_steal_pointer (&episodes->pdata[i]);
      g_ptr_array_add (rows, row);
    }
  /* The rows are new, the selection stays with its episode. */
  self->syncing = TRUE;
  g_list_store_splice (self->episodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->episodes)),
                       rows->pdata, rows->len);
  if (selected != 0 && (position = find_position (self, selected)) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "list" : "empty");
  on_selection_changed (self);
}

/**
 * cw_analysis_page_select_episode:
 *
 * Selects the episode @episode_id (as read again from the store) and
 * shows it.
 */
void
cw_analysis_page_select_episode (CwAnalysisPage *self,
                                 gint64          episode_id)
{
  guint position;

  g_return_if_fail (CW_IS_ANALYSIS_PAGE (self));

  refresh (self);
  if ((position = find_position (self, episode_id)) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  gtk_stack_set_visible_child_name (self->editor_stack, "episode");
}

/* Kinds of factor, as chips */

/* The factor selected in the table below. */
static gint64
factor_id (CwAnalysisPage *self)
{
  CwRecord *factor = gtk_single_selection_get_selected_item (
    GTK_SINGLE_SELECTION (cw_record_table_get_selection (self->factor_table)));

  return factor != NULL ? cw_record_get_id (factor) : 0;
}

static void
update_chips (CwAnalysisPage *self)
{
  g_autoptr (CwRecord) factor = NULL;
  gint64 id = factor_id (self);

  if (id != 0 && self->store != NULL)
    factor = cw_store_get (self->store, &cw_entity_factor, id, NULL);
  gtk_widget_set_visible (self->category_group, factor != NULL);
  if (factor == NULL)
    return;
  self->syncing = TRUE;
  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkToggleButton *chip = self->chips->pdata[i];
      gtk_toggle_button_set_active (chip, g_strcmp0 (g_object_get_data (G_OBJECT (chip), "cw-slug"),
                                                     cw_record_get (factor, "category")) == 0);
    }
  self->syncing = FALSE;
}

static void
on_chip_toggled (CwAnalysisPage  *self,
                 GtkToggleButton *chip)
{
  g_autoptr (GError) error = NULL;
  gint64 id = factor_id (self);

  if (self->syncing || !gtk_toggle_button_get_active (chip) || id == 0)
    return;
  if (!cw_store_update (self->store, &cw_entity_factor, id, "category",
                        g_object_get_data (G_OBJECT (chip), "cw-slug"), &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      update_chips (self);
    }
}

/* One toggle per kind, in the list's order (Preferences may rename or add
 * to them); toggles of one group, as a factor is of one kind. */
static void
fill_chips (CwAnalysisPage *self)
{
  g_autoptr (GListModel) kinds = NULL;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box)));)
    gtk_flow_box_remove (self->category_box, child);
  g_ptr_array_set_size (self->chips, 0);
  if (self->store != NULL)
    kinds = cw_store_list (self->store, &cw_entity_factor_category, 0, NULL);
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr (CwRecord) kind = g_list_model_get_item (kinds, i);
      GtkWidget *chip = gtk_toggle_button_new_with_label (cw_record_get (kind, "name"));

      g_object_set_data_full (G_OBJECT (chip), "cw-slug", g_strdup (cw_record_get (kind, "slug")),
                              g_free);
      gtk_widget_add_css_class (chip, "chip");
      if (self->chips->len > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (chip), self->chips->pdata[0]);
      g_signal_connect_swapped (chip, "toggled", G_CALLBACK (on_chip_toggled), self);
      gtk_flow_box_append (self->category_box, chip);
      g_ptr_array_add (self->chips, chip);
    }
  update_chips (self);
}

static void
on_factors_changed (CwAnalysisPage *self,
                    const char     *table)
{
  if (g_str_equal (table, "factor_category") || g_str_equal (table, CW_STORE_EVERYTHING))
    fill_chips (self);
  else
    update_chips (self);
}

/* Actions */

static void
report (CwAnalysisPage *self,
        const GError   *error)
{
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GtkWidget *title;
  gint64 id;

  if (self->store == NULL || self->review_id == 0)
    return;
  id = cw_analysis_add_episode (self->store, self->review_id, _("New episode"), NULL, 0, &error);
  if (id == 0)
    return report (self, error);
  cw_analysis_page_select_episode (self, id);
  if ((title = cw_record_form_get_editor (self->episode_form, "title")) != NULL)
    {
      gtk_widget_grab_focus (title);
      if (GTK_IS_EDITABLE (title))
        gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
    }
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (widget);
  const CwEpisode *episode = selected_episode (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (episode == NULL)
    return;
  id = episode->id;
  message = g_strdup_printf (_("Deleted key practice episode %d “%s”"), episode->number,
                             episode->title);
  cw_record_form_flush (self->episode_form);
  gtk_widget_grab_focus (GTK_WIDGET (self->episode_view));
  if (!cw_store_delete (self->store, &cw_entity_episode, id, &error))
    return report (self, error);
  gtk_widget_activate_action (widget, "win.offer-undo", "(sxs)", cw_entity_episode.table, id,
                              message);
}

static void
open_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  cw_analysis_page_select_episode (CW_ANALYSIS_PAGE (widget), g_variant_get_int64 (parameter));
}

/* The section */

static void
cw_analysis_page_set_review (CwReviewSection *section,
                             CwStore         *store,
                             gint64           id)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (section);

  cw_record_form_flush (self->episode_form);
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "episode", "episode_entry", "chronology_entry",
                                          "agency", NULL },
                  G_CALLBACK (refresh), self);
  cw_store_watch (&self->factor_store, store,
                  (const char *const[]) { "factor", "factor_category", NULL },
                  G_CALLBACK (on_factors_changed), self);
  self->review_id = id;
  self->announced = -1;
  cw_record_form_set_record (self->episode_form, NULL, 0);
  cw_record_table_set_review (self->factor_table, store, id);
  g_list_store_remove_all (self->episodes);
  fill_chips (self);
  refresh (self);
}

static void
cw_analysis_page_flush (CwReviewSection *section)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (section);

  cw_record_form_flush (self->episode_form);
  cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (self->factor_table)));
}

static GtkWidget *
cw_analysis_page_get_part (CwReviewSection *section,
                           const char      *name)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (section);

  if (g_str_equal (name, "episode-form"))
    return GTK_WIDGET (self->episode_form);
  if (g_str_equal (name, "factors"))
    return GTK_WIDGET (self->factor_table);
  if (g_str_equal (name, "factor-kinds"))
    return GTK_WIDGET (self->category_box);
  if (g_str_equal (name, "episode-editor"))
    return GTK_WIDGET (self->editor_stack);
  return NULL;
}

static void
cw_analysis_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_analysis_page_set_review;
  iface->flush = cw_analysis_page_flush;
  iface->get_part = cw_analysis_page_get_part;
}

/* GObject */

static void
cw_analysis_page_dispose (GObject *object)
{
  CwAnalysisPage *self = CW_ANALYSIS_PAGE (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (refresh), self);
  cw_store_unwatch (&self->factor_store, G_CALLBACK (on_factors_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_ANALYSIS_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->episodes);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  G_OBJECT_CLASS (cw_analysis_page_parent_class)->dispose (object);
}

static void
cw_analysis_page_class_init (CwAnalysisPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cw_analysis_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-analysis-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwAnalysisPage, name)
  BIND (list_stack);
  BIND (episode_view);
  BIND (editor);
  BIND (editor_stack);
  BIND (entries_label);
  BIND (episode_form);
  BIND (category_group);
  BIND (category_box);
  BIND (factor_table);
#undef BIND
  gtk_widget_class_install_action (widget_class, "analysis.add-episode", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "analysis.delete-episode", NULL,
                                   delete_activated);
  gtk_widget_class_install_action (widget_class, "analysis.open-episode", "x", open_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_analysis_page_init (CwAnalysisPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chips = g_ptr_array_new ();
  self->episodes = g_list_store_new (CW_TYPE_EPISODE_ROW);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->episodes)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->episode_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  /* Narrow enough for the title to show at 1024 pixels; resizable. */
  add_column (self, _("No."), COLUMN_NUMBER, 40);
  add_column (self, _("Title"), COLUMN_TITLE, -1);
  add_column (self, _("Span"), COLUMN_SPAN, 176);
  add_column (self, _("Agencies"), COLUMN_AGENCIES, 150);
  add_column (self, _("Entries"), COLUMN_ENTRIES, 60);
  cw_record_form_set_part (self->episode_form, &cw_entity_episode, NULL);
  cw_record_table_setup (self->factor_table, &cw_entity_factor,
                         _("Contributory factors of this episode"),
                         _("No contributory factors yet. What influenced the sense "
                           "practitioners made of things, and what they did? Add one for "
                           "each factor that hindered or enabled practice."),
                         (const char *[]) { "direction", "hindering", "root_cause", "no", NULL });
  /* The form shows no kind (the chips do) nor episode (the list above). */
  g_signal_connect_swapped (cw_record_table_get_selection (self->factor_table),
                            "notify::selected-item", G_CALLBACK (update_chips), self);
  /* Insert adds and Delete deletes, on the list only. */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("analysis.delete-episode")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Insert, 0),
                      gtk_named_action_new ("analysis.add-episode")));
  gtk_widget_add_controller (GTK_WIDGET (self->episode_view), shortcuts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.delete-episode", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_selection_changed), NULL);
}
