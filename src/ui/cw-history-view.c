/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-focus.h"
#include "cw-history.h"
#include "cw-store-watch.h"

#include "cw-history-view.h"
#include "cw-review-section.h"

/* A review's audit trail as a table, in the words of the core's history
 * (cw-history.c), which the command line and reports use too. */

struct _CwHistoryView
{
  GtkWidget      parent_instance;
  GtkColumnView *column_view;
  GListStore    *entries;
  CwStore       *store;
  gint64         id;
};

static void cw_history_view_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwHistoryView, cw_history_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_history_view_section_init))

/* Keeps the lines that are still the same, so that the view does not
 * jump when a change adds a line at the top. */
static void
sync_lines (GListStore *target,
            GListModel *fresh)
{
  guint n_fresh = g_list_model_get_n_items (fresh);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (target));
  guint head = 0, tail = 0;
  g_autoptr (GPtrArray) middle = g_ptr_array_new_with_free_func (g_object_unref);

  while (head < n_fresh && head < n_old)
    {
      g_autoptr (CwHistoryLine) a = g_list_model_get_item (fresh, head);
      g_autoptr (CwHistoryLine) b = g_list_model_get_item (G_LIST_MODEL (target), head);
      if (!cw_history_line_equal (a, b))
        break;
      head++;
    }
  while (tail < n_fresh - head && tail < n_old - head)
    {
      g_autoptr (CwHistoryLine) a = g_list_model_get_item (fresh, n_fresh - 1 - tail);
      g_autoptr (CwHistoryLine) b = g_list_model_get_item (G_LIST_MODEL (target),
                                                           n_old - 1 - tail);
      if (!cw_history_line_equal (a, b))
        break;
      tail++;
    }
  for (guint i = head; i < n_fresh - tail; i++)
    g_ptr_array_add (middle, g_list_model_get_item (fresh, i));
  if (middle->len > 0 || n_old - head - tail > 0)
    g_list_store_splice (target, head, n_old - head - tail, middle->pdata, middle->len);
}

static void
refresh (CwHistoryView *self)
{
  g_autoptr (GListModel) fresh = NULL;

  if (self->store != NULL && self->id != 0)
    fresh = cw_history_list (self->store, self->id, NULL);
  if (fresh == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }
  sync_lines (self->entries, fresh);
}

static void
on_store_changed (CwHistoryView *self)
{
  /* Only worth the query while the page is on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

void
cw_history_view_set_review (CwHistoryView *self,
                            CwStore       *store,
                            gint64         id)
{
  g_return_if_fail (CW_IS_HISTORY_VIEW (self));

  /* Every change to a review's data writes its audit rows. */
  cw_store_watch (&self->store, store, (const char *const[]) { "audit", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->id = id;
  g_list_store_remove_all (self->entries);
  refresh (self);
}

/* As a section of the review view */

static void
section_set_review (CwReviewSection *section,
                    CwStore         *store,
                    gint64           id)
{
  cw_history_view_set_review (CW_HISTORY_VIEW (section), store, id);
}

static void
cw_history_view_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = section_set_review;
}

/**
 * cw_history_view_get_model:
 * Returns: (transfer none): the entries shown
 */
GListModel *
cw_history_view_get_model (CwHistoryView *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_VIEW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* Two lines at most, the rest in the tooltip: what changed reads whole
   * in a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
}

typedef const char *(*LineText) (CwHistoryLine *line);

/* Lines do not change: a line that reads differently after a refresh (a
 * link since undone, an agency renamed) is a new line (sync_lines()), so
 * its cells are bound again. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LineText                  text_of)
{
  const char *text = text_of (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *line = g_strdup (text ? text : "");

  /* One line per entry; the whole value is in the tooltip. */
  g_strdelimit (line, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (label), line);
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (CwHistoryView *self,
            const char    *title,
            LineText       text_of,
            int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), text_of);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, width < 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static void
cw_history_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cw_history_view_parent_class)->map (widget);
  refresh (CW_HISTORY_VIEW (widget));
}

static void
cw_history_view_dispose (GObject *object)
{
  CwHistoryView *self = CW_HISTORY_VIEW (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_HISTORY_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (cw_history_view_parent_class)->dispose (object);
}

static void
cw_history_view_class_init (CwHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_history_view_dispose;
  widget_class->map = cw_history_view_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwHistoryView, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_history_view_init (CwHistoryView *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (CW_TYPE_HISTORY_LINE);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("When"), cw_history_line_get_when, 135);
  add_column (self, _("Who"), cw_history_line_get_actor, 100);
  add_column (self, _("What"), cw_history_line_get_what, -1);
  /* What changed takes the width; the values are in their tooltips too. */
  add_column (self, _("Before"), cw_history_line_get_before, 170);
  add_column (self, _("After"), cw_history_line_get_after, 170);
  cw_widget_set_one_tab_stop (GTK_WIDGET (self->column_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("History of the review"), -1);
}
