/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-demo.h"
#include "cw-review.h"
#include "cw-review-list.h"
#include "cw-store-watch.h"

/* The register of reviews: searchable, filtered by kind and phase, sorted
 * by the deadline that comes next (the core decides the order). */

struct _CwReviewList
{
  GtkWidget           parent_instance;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_filter;
  GtkDropDown        *phase_filter;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GListStore         *reviews;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GPtrArray          *kind_ids; /* kind dropdown index -> slug, "" for all */
  CwStore            *store;
  char               *sample_reference;
  gint64              open_id; /* the review open: kept while a search hides it */
};

G_DEFINE_FINAL_TYPE (CwReviewList, cw_review_list, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SELECTED_ID, PROP_N_REVIEWS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = haystack ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
filter_review (gpointer item,
               gpointer data)
{
  CwReviewList *self = data;
  CwRecord *review = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint phase = gtk_drop_down_get_selected (self->phase_filter);

  if (kind > 0 && kind < self->kind_ids->len
      && g_strcmp0 (cw_record_get (review, "kind"), self->kind_ids->pdata[kind]) != 0)
    return FALSE;
  if (phase > 0 && phase != GTK_INVALID_LIST_POSITION
      && g_strcmp0 (cw_record_get (review, "phase"), cw_phases[phase - 1].id) != 0)
    return FALSE;
  return *needle == '\0' || contains_folded (cw_record_get (review, "reference"), needle)
         || contains_folded (cw_record_get (review, "title"), needle)
         || contains_folded (cw_record_get (review, "subject_pseudonym"), needle);
}

static void
update_empty (CwReviewList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->reviews));

  gtk_label_set_text (self->empty_label, all == 0 ? _("No reviews yet.\nCreate one with Ctrl+N.")
                                                  : _("No review matches the search or filters."));
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static gboolean select_shown (CwReviewList *self,
                              gint64        id);

/* A search or filter that hides the review open leaves it open, and
 * selected again once it shows. */
static void
on_filter_changed (CwReviewList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
  if (self->open_id != 0 && gtk_single_selection_get_selected_item (self->selection) == NULL)
    select_shown (self, self->open_id);
}

static gboolean
is_listed (CwReviewList *self,
           gint64        id)
{
  GListModel *model = G_LIST_MODEL (self->reviews);

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (model, i);
      if (cw_record_get_id (review) == id)
        return TRUE;
    }
  return FALSE;
}

/* The review open follows the selection, but not the selection lost to a
 * search: only another review chosen, or the open one deleted, closes it. */
static void
update_open (CwReviewList *self)
{
  CwRecord *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = selected != NULL                 ? cw_record_get_id (selected)
              : is_listed (self, self->open_id) ? self->open_id
                                                : 0;

  if (id == self->open_id)
    return;
  self->open_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* Rows */

static void
update_row (GtkListItem *item)
{
  CwRecord *review = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkLabel *reference = GTK_LABEL (gtk_widget_get_first_child (top));
  GtkLabel *deadline = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (reference)));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_next_sibling (top));
  GtkLabel *detail = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)));
  const char *subject = cw_record_get (review, "subject_pseudonym");
  g_autofree char *line = NULL;
  CwReviewNext next;
  gboolean has_next = cw_review_get_next_deadline (review, &next);
  gboolean overdue = has_next && next.state == CW_DEADLINE_OVERDUE;

  gtk_label_set_text (reference, cw_record_get (review, "reference"));
  gtk_label_set_text (title, cw_record_get (review, "title"));
  line = g_strdup_printf ("%s%s%s", subject ? subject : "", subject ? " · " : "",
                          cw_review_get_phase_label (review));
  gtk_label_set_text (detail, line);
  /* Overdue says so in words and with an icon-like mark, not by colour alone. */
  if (overdue)
    {
      g_autofree char *text = g_strdup_printf ("⚠ %s", next.text);
      gtk_label_set_text (deadline, text);
    }
  else
    gtk_label_set_text (deadline, has_next ? next.text : "");
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (deadline), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (deadline), "overdue");
  gtk_widget_set_tooltip_text (GTK_WIDGET (deadline), has_next ? next.name : NULL);
}

static GtkWidget *
make_label (const char *css_class,
            gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *detail = make_label ("caption", TRUE);

  gtk_widget_add_css_class (box, "review-row");
  gtk_box_append (GTK_BOX (top), make_label ("reference", TRUE));
  gtk_box_append (GTK_BOX (top), make_label ("caption", FALSE));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), make_label (NULL, TRUE));
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  cw_list_item_follow_record (item, update_row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  cw_list_item_unfollow_record (item);
}

/* Data */

static void
fill_kind_filter (CwReviewList *self)
{
  g_autoptr (GListModel) kinds = cw_store_list (self->store, &cw_entity_review_kind, 0, NULL);
  GtkStringList *labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->kind_ids, 0);
  gtk_string_list_append (labels, _("All kinds"));
  g_ptr_array_add (self->kind_ids, g_strdup (""));
  for (guint i = 0; kinds != NULL && i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr (CwRecord) kind = g_list_model_get_item (kinds, i);
      gtk_string_list_append (labels, cw_record_get (kind, "name"));
      g_ptr_array_add (self->kind_ids, g_strdup (cw_record_get (kind, "slug")));
    }
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static void
refresh (CwReviewList *self)
{
  g_autoptr (GListModel) fresh = cw_store_list_reviews (self->store, NULL, NULL);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->reviews));

  if (fresh != NULL)
    cw_record_list_sync (self->reviews, fresh);
  g_clear_pointer (&self->sample_reference, g_free);
  for (guint i = 0; fresh != NULL && i < g_list_model_get_n_items (fresh); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (fresh, i);
      if (self->sample_reference == NULL
          && g_strcmp0 (cw_record_get (review, "title"), CW_DEMO_TITLE) == 0)
        self->sample_reference = g_strdup (cw_record_get (review, "reference"));
    }
  update_empty (self);
  update_open (self);
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->reviews)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REVIEWS]);
}

static void
on_store_changed (CwReviewList *self,
                  const char   *table,
                  gint64        id)
{
  if (g_str_equal (table, CW_STORE_EVERYTHING) || g_str_equal (table, "review_kind"))
    fill_kind_filter (self);
  if (!g_str_equal (table, "review_kind"))
    refresh (self);
}

void
cw_review_list_set_store (CwReviewList *self,
                          CwStore      *store)
{
  g_return_if_fail (CW_IS_REVIEW_LIST (self));
  g_return_if_fail (CW_IS_STORE (store));

  cw_store_watch (&self->store, store,
                  (const char *const[]) { "review", "review_kind", "deadline_rule", "profile",
                                          NULL },
                  G_CALLBACK (on_store_changed), self);
  on_store_changed (self, CW_STORE_EVERYTHING, 0);
}

gint64
cw_review_list_get_selected_id (CwReviewList *self)
{
  g_return_val_if_fail (CW_IS_REVIEW_LIST (self), 0);
  return self->open_id;
}

static gboolean
select_shown (CwReviewList *self,
              gint64        id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (model, i);
      if (cw_record_get_id (review) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cw_review_list_select_id:
 *
 * Selects the review, clearing the search and filters if they hide it.
 */
void
cw_review_list_select_id (CwReviewList *self,
                          gint64        id)
{
  g_return_if_fail (CW_IS_REVIEW_LIST (self));

  refresh (self);
  if (select_shown (self, id))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->phase_filter, 0);
  on_filter_changed (self);
  select_shown (self, id);
}

guint
cw_review_list_get_n_reviews (CwReviewList *self)
{
  g_return_val_if_fail (CW_IS_REVIEW_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->reviews));
}

guint
cw_review_list_get_n_shown (CwReviewList *self)
{
  g_return_val_if_fail (CW_IS_REVIEW_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
cw_review_list_focus_search (CwReviewList *self)
{
  g_return_if_fail (CW_IS_REVIEW_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cw_review_list_set_search (CwReviewList *self,
                           const char   *text)
{
  g_return_if_fail (CW_IS_REVIEW_LIST (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_filter_changed (self);
}

/**
 * cw_review_list_find_sample:
 * Returns: (nullable): the reference of the sample review, if there is one
 */
const char *
cw_review_list_find_sample (CwReviewList *self)
{
  g_return_val_if_fail (CW_IS_REVIEW_LIST (self), NULL);
  return self->sample_reference;
}

static void
cw_review_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwReviewList *self = CW_REVIEW_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, cw_review_list_get_selected_id (self));
      break;
    case PROP_N_REVIEWS:
      g_value_set_uint (value, cw_review_list_get_n_reviews (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_review_list_dispose (GObject *object)
{
  CwReviewList *self = CW_REVIEW_LIST (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REVIEW_LIST);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sample_reference, g_free);
  G_OBJECT_CLASS (cw_review_list_parent_class)->dispose (object);
}

static void
cw_review_list_class_init (CwReviewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_review_list_dispose;
  object_class->get_property = cw_review_list_get_property;
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_REVIEWS] =
    g_param_spec_uint ("n-reviews", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-review-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, phase_filter);
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, stack);
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, list_view);
  gtk_widget_class_bind_template_child (widget_class, CwReviewList, empty_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
notify_selected (CwReviewList *self)
{
  update_open (self);
}

/* Return in the search opens the first review found, unless the one open
 * is among them. */
static void
on_search_activate (CwReviewList *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL
      && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

/* Return (or a double click) on a review opens it. */
static void
on_list_activate (CwReviewList *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

static void
setup_phase_filter (CwReviewList *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("All phases"));
  for (guint i = 0; cw_phases[i].id != NULL; i++)
    gtk_string_list_append (labels, _(cw_phases[i].label));
  gtk_drop_down_set_model (self->phase_filter, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static void
cw_review_list_init (CwReviewList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->reviews = g_list_store_new (CW_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_review, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->reviews),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reviews"), -1);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (notify_selected), self);
  /* Delete on the list (not in the search entry) deletes the review. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete-review")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  setup_phase_filter (self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed),
                            self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate),
                            self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);
  g_signal_connect_swapped (self->kind_filter, "notify::selected", G_CALLBACK (on_filter_changed),
                            self);
  g_signal_connect_swapped (self->phase_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
}
