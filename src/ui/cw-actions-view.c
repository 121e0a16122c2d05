/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-actions-view.h"
#include "cw-actions.h"
#include "cw-analysis-entities.h"
#include "cw-clock.h"
#include "cw-date.h"
#include "cw-drop-down.h"
#include "cw-register-entities.h"
#include "cw-store-watch.h"

/* Every open action of every review, beside the list of reviews: filtered
 * by agency, owner body, theme, status and when they are due, overdue
 * first (the core's order), with how many there are by status and by
 * agency. Activating one opens its review at the action plan
 * ("open-action"). */

/* One action, as a row of the list. */
#define CW_TYPE_ACTION_ROW (cw_action_row_get_type ())
G_DECLARE_FINAL_TYPE (CwActionRow, cw_action_row, CW, ACTION_ROW, GObject)

struct _CwActionRow
{
  GObject   parent_instance;
  CwAction *action;
};

G_DEFINE_FINAL_TYPE (CwActionRow, cw_action_row, G_TYPE_OBJECT)

static void
cw_action_row_finalize (GObject *object)
{
  g_clear_pointer (&CW_ACTION_ROW (object)->action, cw_action_free);
  G_OBJECT_CLASS (cw_action_row_parent_class)->finalize (object);
}

static void
cw_action_row_class_init (CwActionRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_action_row_finalize;
}

static void
cw_action_row_init (CwActionRow *self)
{
}

/* A drop-down choosing one of a register's rows, or any. */
typedef struct
{
  GtkDropDown    *drop_down;
  const CwEntity *entity; /* NULL: the keys are fixed */
  GtkStringList  *labels;
  GPtrArray      *keys;   /* char *, "" for any */
} Filter;

enum { FILTER_AGENCY, FILTER_BODY, FILTER_THEME, FILTER_STATUS, FILTER_DUE, N_FILTERS };

/* The due windows, in days ("" any, "overdue"). */
static const struct { const char *key, *label; } due_windows[] = {
  { "", N_("Due any time") },
  { "overdue", N_("Overdue") },
  { "30", N_("Due in the next 30 days") },
  { "90", N_("Due in the next 90 days") },
};
#define DUE_SOON_POSITION 2

struct _CwActionsView
{
  GtkWidget        parent_instance;
  GtkLabel        *count_label;
  GtkLabel        *breakdown_label;
  GtkToggleButton *due_soon_button;
  GtkDropDown     *agency_drop_down;
  GtkDropDown     *body_drop_down;
  GtkDropDown     *theme_drop_down;
  GtkDropDown     *status_drop_down;
  GtkDropDown     *due_drop_down;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;
  GtkLabel        *empty_label;
  GListStore      *rows;
  Filter           filters[N_FILTERS];
  CwStore         *store;
  gboolean         filling; /* the drop-downs are being filled: no refresh each time */
};

G_DEFINE_FINAL_TYPE (CwActionsView, cw_actions_view, GTK_TYPE_WIDGET)

enum { SIGNAL_OPEN_ACTION, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The filters */

static const char *
filter_key (Filter *filter)
{
  guint selected = gtk_drop_down_get_selected (filter->drop_down);

  return selected < filter->keys->len ? filter->keys->pdata[selected] : "";
}

static void
filter_set (Filter     *filter,
            const char *any,
            GPtrArray  *labels,
            GPtrArray  *keys)
{
  g_autofree char *kept = g_strdup (filter_key (filter));
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_set_size (filter->keys, 0);
  g_ptr_array_add (filter->keys, g_strdup (""));
  g_ptr_array_add (all, (gpointer) any);
  for (guint i = 0; i < keys->len; i++)
    {
      g_ptr_array_add (filter->keys, g_strdup (keys->pdata[i]));
      g_ptr_array_add (all, labels->pdata[i]);
      if (g_str_equal (keys->pdata[i], kept))
        selected = i + 1;
    }
  g_ptr_array_add (all, NULL);
  gtk_string_list_splice (filter->labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (filter->labels)),
                          (const char *const *) all->pdata);
  gtk_drop_down_set_selected (filter->drop_down, selected);
}

static void
fill_from_register (CwActionsView *self,
                    Filter        *filter,
                    const char    *any)
{
  g_autoptr (GListModel) rows = cw_store_list (self->store, filter->entity, 0, NULL);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);

      g_ptr_array_add (labels, cw_record_dup_display (row, filter->entity->label_field));
      g_ptr_array_add (keys, g_strdup_printf ("%" G_GINT64_FORMAT, cw_record_get_id (row)));
    }
  filter_set (filter, any, labels, keys);
}

static void
fill_filters (CwActionsView *self)
{
  self->filling = TRUE;
  fill_from_register (self, &self->filters[FILTER_AGENCY], _("All agencies"));
  fill_from_register (self, &self->filters[FILTER_BODY], _("All owner bodies"));
  fill_from_register (self, &self->filters[FILTER_THEME], _("All themes"));
  self->filling = FALSE;
}

static void
fill_fixed_filters (CwActionsView *self)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; cw_action_statuses[i].id != NULL; i++)
    {
      g_ptr_array_add (labels, (gpointer) _(cw_action_statuses[i].label));
      g_ptr_array_add (keys, (gpointer) cw_action_statuses[i].id);
    }
  filter_set (&self->filters[FILTER_STATUS], _("Any open status"), labels, keys);
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (keys, 0);
  for (guint i = 1; i < G_N_ELEMENTS (due_windows); i++)
    {
      g_ptr_array_add (labels, (gpointer) _(due_windows[i].label));
      g_ptr_array_add (keys, (gpointer) due_windows[i].key);
    }
  filter_set (&self->filters[FILTER_DUE], _(due_windows[0].label), labels, keys);
}

/* The list */

static char *
count_text (GPtrArray  *counts,
            gboolean    statuses)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      CwActionCount *count = counts->pdata[i];
      const char *key = statuses ? cw_choice_label (cw_action_statuses, count->key) : count->key;

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s %u", *key != '\0' ? key : _("no owner"), count->n);
    }
  return g_string_free (text, FALSE);
}

static void
update_counts (CwActionsView *self,
               GPtrArray     *actions)
{
  g_autoptr (GPtrArray) by_status = cw_actions_count_by (actions, "status");
  g_autoptr (GPtrArray) by_agency = cw_actions_count_by (actions, "agency");
  g_autofree char *statuses = count_text (by_status, TRUE);
  g_autofree char *agencies = count_text (by_agency, FALSE);
  g_autofree char *count = NULL;
  g_autofree char *breakdown = NULL;
  guint overdue = 0;

  for (guint i = 0; i < actions->len; i++)
    overdue += ((CwAction *) actions->pdata[i])->rating.overdue;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action, %u overdue",
                                        "%u open actions, %u overdue", actions->len),
                           actions->len, overdue);
  gtk_label_set_text (self->count_label, count);
  breakdown = actions->len == 0 ? g_strdup ("")
                                : g_strdup_printf (_("By status: %s. By agency: %s."), statuses,
                                                   agencies);
  gtk_label_set_text (self->breakdown_label, breakdown);
}

/**
 * cw_actions_view_refresh:
 *
 * Lists the actions again, as the filters and the project's clock have
 * them now.
 */
void
cw_actions_view_refresh (CwActionsView *self)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GError) error = NULL;
  const char *due;
  GDate today;

  g_return_if_fail (CW_IS_ACTIONS_VIEW (self));

  if (self->store == NULL || self->filling)
    return;
  cw_clock_today (&today);
  filter.agency_id = g_ascii_strtoll (filter_key (&self->filters[FILTER_AGENCY]), NULL, 10);
  filter.body_id = g_ascii_strtoll (filter_key (&self->filters[FILTER_BODY]), NULL, 10);
  filter.theme_id = g_ascii_strtoll (filter_key (&self->filters[FILTER_THEME]), NULL, 10);
  if (*filter_key (&self->filters[FILTER_STATUS]) != '\0')
    filter.status = filter_key (&self->filters[FILTER_STATUS]);
  due = filter_key (&self->filters[FILTER_DUE]);
  if (g_str_equal (due, "overdue"))
    filter.overdue = TRUE;
  else if (*due != '\0')
    filter.due_within = (int) g_ascii_strtoll (due, NULL, 10);
  actions = cw_actions_list (self->store, &filter, &today, &error);
  if (actions == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  update_counts (self, actions);
  g_ptr_array_set_free_func (actions, NULL);
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < actions->len; i++)
    {
      g_autoptr (CwActionRow) row = g_object_new (CW_TYPE_ACTION_ROW, NULL);

      /* The row owns the action from now on. */
      row->action = g_steal_pointer (&actions->pdata[i]);
      g_list_store_append (self->rows, row);
    }
  gtk_label_set_text (self->empty_label,
                      actions->len > 0 ? ""
                      : g_strcmp0 (due, "") == 0 && filter.agency_id == 0 && filter.body_id == 0
                            && filter.theme_id == 0 && filter.status == NULL
                        ? _("No open actions. Plans are made in each review's Action plan "
                            "section, an action for each recommendation.")
                        : _("No open action matches these filters."));
  gtk_stack_set_visible_child_name (self->list_stack, actions->len > 0 ? "list" : "empty");
}

static void
on_filter_changed (CwActionsView *self)
{
  gboolean soon = gtk_drop_down_get_selected (self->due_drop_down) == DUE_SOON_POSITION;

  if (gtk_toggle_button_get_active (self->due_soon_button) != soon)
    gtk_toggle_button_set_active (self->due_soon_button, soon);
  cw_actions_view_refresh (self);
}

static void
on_due_soon_toggled (CwActionsView *self)
{
  cw_actions_view_set_due_soon (self, gtk_toggle_button_get_active (self->due_soon_button));
}

/**
 * cw_actions_view_set_due_soon:
 *
 * Shows the actions due in the next 30 days (and those overdue), or
 * those due any time.
 */
void
cw_actions_view_set_due_soon (CwActionsView *self,
                              gboolean       due_soon)
{
  gboolean soon;

  g_return_if_fail (CW_IS_ACTIONS_VIEW (self));

  soon = gtk_drop_down_get_selected (self->due_drop_down) == DUE_SOON_POSITION;
  if (soon != due_soon)
    gtk_drop_down_set_selected (self->due_drop_down, due_soon ? DUE_SOON_POSITION : 0);
}

static void
on_store_changed (CwActionsView *self)
{
  fill_filters (self);
  cw_actions_view_refresh (self);
}

void
cw_actions_view_set_store (CwActionsView *self,
                           CwStore       *store)
{
  g_return_if_fail (CW_IS_ACTIONS_VIEW (self));

  cw_store_watch (&self->store, store,
                  (const char *const[]) { "action", "action_plan", "recommendation", "review",
                                          "agency", "body", "theme", "progress_update", NULL },
                  G_CALLBACK (on_store_changed), self);
  on_store_changed (self);
}

/**
 * cw_actions_view_get_model:
 * Returns: (transfer none): the rows shown
 */
GListModel *
cw_actions_view_get_model (CwActionsView *self)
{
  g_return_val_if_fail (CW_IS_ACTIONS_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * cw_actions_view_get_action:
 * Returns: (transfer none) (nullable): the action shown at @position
 */
const CwAction *
cw_actions_view_get_action (CwActionsView *self,
                            guint          position)
{
  g_autoptr (CwActionRow) row = NULL;

  g_return_val_if_fail (CW_IS_ACTIONS_VIEW (self), NULL);
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row ? row->action : NULL; /* the store keeps the row */
}

/**
 * cw_actions_view_get_part:
 * Returns: (transfer none) (nullable): a named part, for tests
 */
GtkWidget *
cw_actions_view_get_part (CwActionsView *self,
                          const char    *name)
{
  const struct { const char *name; gpointer widget; } parts[] = {
    { "count", self->count_label }, { "breakdown", self->breakdown_label },
    { "due-soon", self->due_soon_button }, { "agency", self->agency_drop_down },
    { "body", self->body_drop_down }, { "theme", self->theme_drop_down },
    { "status", self->status_drop_down }, { "due", self->due_drop_down },
    { "list", self->column_view }, { "list-stack", self->list_stack },
  };

  g_return_val_if_fail (CW_IS_ACTIONS_VIEW (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}

static void
on_activate (CwActionsView *self,
             guint          position)
{
  g_autoptr (CwActionRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ACTION], 0, row->action->review_id,
                   row->action->id);
}

/* The columns */

typedef enum
{
  COLUMN_RATING,
  COLUMN_DUE,
  COLUMN_REVIEW,
  COLUMN_ACTION,
  COLUMN_OWNER,
  COLUMN_STATUS,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cw-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column == COLUMN_ACTION   ? 60
                                                   : column == COLUMN_REVIEW ? 22
                                                                             : 16);
  if (column == COLUMN_RATING)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "cw-column"));
  CwAction *a = CW_ACTION_ROW (gtk_list_item_get_item (item))->action;
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_RATING:
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                    a->rating.icon);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), a->rating.words);
      gtk_widget_set_css_classes (child, (const char *[]) { "cw-rag", cw_rag_name (a->rating.rag),
                                                            NULL });
      return;
    case COLUMN_DUE:
      text = a->due_on != NULL ? cw_date_iso_to_display (a->due_on) : g_strdup (_("No date"));
      break;
    case COLUMN_REVIEW:
      text = g_strdup_printf (_("%s · R%d"), a->reference, a->recommendation);
      break;
    case COLUMN_ACTION:
      text = g_strdup (a->description);
      if (text != NULL && strchr (text, '\n') != NULL)
        *strchr (text, '\n') = '\0';
      break;
    case COLUMN_OWNER:
      text = g_strdup (a->agency ? a->agency : a->body ? a->body : "");
      break;
    case COLUMN_STATUS:
      text = g_strdup (cw_choice_label (cw_action_statuses, a->status));
      break;
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
  if (column == COLUMN_ACTION)
    gtk_widget_set_tooltip_text (child, a->description);
}

static void
add_column (CwActionsView *self,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "cw-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
cw_actions_view_dispose (GObject *object)
{
  CwActionsView *self = CW_ACTIONS_VIEW (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_ACTIONS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      g_clear_object (&self->filters[i].labels);
      g_clear_pointer (&self->filters[i].keys, g_ptr_array_unref);
    }
  G_OBJECT_CLASS (cw_actions_view_parent_class)->dispose (object);
}

static void
cw_actions_view_class_init (CwActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_actions_view_dispose;
  /**
   * CwActionsView::open-action:
   * @review_id: the action's review
   * @action_id: the action
   *
   * An action was activated (double-click, Return): open it in its review.
   */
  signals[SIGNAL_OPEN_ACTION] = g_signal_new ("open-action", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, breakdown_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, due_soon_button);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, agency_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, body_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, theme_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, due_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwActionsView, empty_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_actions_view_init (CwActionsView *self)
{
  GtkDropDown *drop_downs[N_FILTERS];
  const CwEntity *entities[N_FILTERS] = { &cw_entity_agency, &cw_entity_body, &cw_entity_theme,
                                          NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  drop_downs[FILTER_AGENCY] = self->agency_drop_down;
  drop_downs[FILTER_BODY] = self->body_drop_down;
  drop_downs[FILTER_THEME] = self->theme_drop_down;
  drop_downs[FILTER_STATUS] = self->status_drop_down;
  drop_downs[FILTER_DUE] = self->due_drop_down;
  for (guint i = 0; i < N_FILTERS; i++)
    {
      Filter *filter = &self->filters[i];

      filter->drop_down = drop_downs[i];
      filter->entity = entities[i];
      filter->labels = gtk_string_list_new (NULL);
      filter->keys = g_ptr_array_new_with_free_func (g_free);
      gtk_drop_down_set_model (filter->drop_down, G_LIST_MODEL (filter->labels));
      cw_drop_down_ellipsize (filter->drop_down);
    }
  fill_fixed_filters (self);
  for (guint i = 0; i < N_FILTERS; i++)
    g_signal_connect_swapped (self->filters[i].drop_down, "notify::selected",
                              G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->due_soon_button, "toggled", G_CALLBACK (on_due_soon_toggled),
                            self);
  self->rows = g_list_store_new (CW_TYPE_ACTION_ROW);
  gtk_column_view_set_model (
    self->column_view,
    GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)))));
  add_column (self, COLUMN_RATING, _("Progress"), FALSE);
  add_column (self, COLUMN_DUE, _("Due"), FALSE);
  add_column (self, COLUMN_REVIEW, _("Review"), FALSE);
  add_column (self, COLUMN_ACTION, _("Action"), TRUE);
  add_column (self, COLUMN_OWNER, _("Who"), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate), self);
}
