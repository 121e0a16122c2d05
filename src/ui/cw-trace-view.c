/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chrono-date.h"
#include "cw-chronology-entities.h"
#include "cw-drop-down.h"
#include "cw-store-watch.h"
#include "cw-trace-view.h"

/* The traceability view: each recommendation with the chain behind it
 * (findings, episodes, factors, chronology entries), then the findings no
 * recommendation comes from; or, for one chronology entry, what it
 * supports. The core computes the chain (cw-trace.c); this shows it as an
 * indented list, gaps flagged with an icon and words, and says how many.
 * Activating a row asks the section to open what it names ("open"). */

typedef struct
{
  CwTraceKind kind;
  gint64      id;
  char       *flag;
} Shown;

struct _CwTraceView
{
  GtkWidget    parent_instance;
  GtkDropDown *mode_drop;
  GtkDropDown *entry_drop;
  GtkBox      *summary_box;
  GtkImage    *summary_icon;
  GtkLabel    *summary_label;
  GtkListBox  *nodes_list;
  CwStore     *store;
  gint64       review_id;
  GArray      *entry_ids; /* gint64: the entry drop-down's */
  GPtrArray   *shown;     /* Shown, one per row */
  guint        refresh_idle;
  gboolean     filling;
};

G_DEFINE_FINAL_TYPE (CwTraceView, cw_trace_view, GTK_TYPE_WIDGET)

enum { OPEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
shown_free (Shown *shown)
{
  g_free (shown->flag);
  g_free (shown);
}

static const char *
kind_icon (CwTraceKind kind)
{
  switch (kind)
    {
    case CW_TRACE_RECOMMENDATION:
      return "mail-send-symbolic";
    case CW_TRACE_FINDING:
      return "starred-symbolic";
    case CW_TRACE_EPISODE:
      return "view-list-symbolic";
    case CW_TRACE_FACTOR:
      return "dialog-information-symbolic";
    case CW_TRACE_ENTRY:
    default:
      return "x-office-calendar-symbolic";
    }
}

static GtkWidget *
node_row (CwTraceNode *node,
          guint        depth)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;

  markup = node->evidence
             ? g_markup_printf_escaped ("<b>%s</b> · %s <span alpha=\"70%%\">(%s)</span>",
                                        node->label, node->text, node->evidence)
             : g_markup_printf_escaped ("<b>%s</b> · %s", node->label, node->text);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), gtk_image_new_from_icon_name (kind_icon (node->kind)));
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);
  if (node->flag != NULL)
    {
      GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *words = gtk_label_new (node->flag);

      gtk_label_set_xalign (GTK_LABEL (words), 0.0);
      gtk_label_set_wrap (GTK_LABEL (words), TRUE);
      gtk_box_append (GTK_BOX (flag), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (flag), words);
      gtk_widget_add_css_class (flag, "cw-gap");
      gtk_widget_set_margin_start (flag, 22);
      gtk_box_append (GTK_BOX (box), flag);
    }
  gtk_widget_set_margin_start (box, 8 + 22 * depth);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_tooltip_text (box, node->text);
  accessible = node->flag ? g_strdup_printf ("%s: %s. %s", node->label, node->text, node->flag)
                          : g_strdup_printf ("%s: %s", node->label, node->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static void
add_nodes (CwTraceView *self,
           GPtrArray   *nodes,
           guint        depth)
{
  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      CwTraceNode *node = nodes->pdata[i];
      Shown *shown = g_new0 (Shown, 1);

      shown->kind = node->kind;
      shown->id = node->id;
      shown->flag = g_strdup (node->flag);
      g_ptr_array_add (self->shown, shown);
      gtk_list_box_append (self->nodes_list, node_row (node, depth));
      add_nodes (self, node->children, depth + 1);
    }
}

static void
show_summary (CwTraceView *self,
              GPtrArray   *nodes,
              gboolean     entry_mode)
{
  guint flags = cw_trace_count_flags (nodes);
  g_autofree char *text = NULL;

  if (nodes == NULL || nodes->len == 0)
    text = g_strdup (entry_mode ? _("This entry supports no episode or finding yet.")
                                : _("No findings or recommendations yet."));
  else if (flags == 0)
    text = g_strdup (_("No gaps: every recommendation comes from a finding, and every finding "
                       "has evidence."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap to look at, flagged below.",
                                         "%u gaps to look at, flagged below.", flags), flags);
  gtk_label_set_text (self->summary_label, text);
  gtk_image_set_from_icon_name (self->summary_icon, flags ? "dialog-warning-symbolic"
                                                          : "emblem-ok-symbolic");
  if (flags)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_box), "cw-gap");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_box), "cw-gap");
}

static gboolean
entry_mode (CwTraceView *self)
{
  return gtk_drop_down_get_selected (self->mode_drop) == 1;
}

/**
 * cw_trace_view_refresh:
 *
 * Reads the trace again, now.
 */
void
cw_trace_view_refresh (CwTraceView *self)
{
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  guint selected;

  g_return_if_fail (CW_IS_TRACE_VIEW (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nodes_list))) != NULL)
    gtk_list_box_remove (self->nodes_list, child);
  g_ptr_array_set_size (self->shown, 0);
  if (self->store == NULL || self->review_id == 0)
    return;
  selected = gtk_drop_down_get_selected (self->entry_drop);
  if (!entry_mode (self))
    nodes = cw_trace_review (self->store, self->review_id, &error);
  else if (selected < self->entry_ids->len)
    nodes = cw_trace_entry (self->store, self->review_id,
                            g_array_index (self->entry_ids, gint64, selected), &error);
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  add_nodes (self, nodes, 0);
  show_summary (self, nodes, entry_mode (self));
}

static void
fill_entries (CwTraceView *self)
{
  g_autoptr (GListModel) entries = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 was = 0;
  guint selected = gtk_drop_down_get_selected (self->entry_drop);
  guint keep = 0;

  if (selected < self->entry_ids->len)
    was = g_array_index (self->entry_ids, gint64, selected);
  g_array_set_size (self->entry_ids, 0);
  if (self->store != NULL && self->review_id != 0)
    entries = cw_store_list (self->store, &cw_entity_chronology_entry, self->review_id, NULL);
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (CwRecord) entry = g_list_model_get_item (entries, i);
      g_autofree char *label = cw_drop_down_entry_label (entry);
      gint64 id = cw_record_get_id (entry);

      if (id == was)
        keep = i;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->entry_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->entry_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->entry_drop, keep);
  self->filling = FALSE;
}

static gboolean
refresh_idle (gpointer data)
{
  CwTraceView *self = data;

  self->refresh_idle = 0;
  cw_trace_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (CwTraceView *self,
                  const char  *table,
                  gint64       id)
{
  if (self->review_id == 0)
    return;
  if (g_str_equal (table, "chronology_entry") || g_str_equal (table, CW_STORE_EVERYTHING))
    fill_entries (self);
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle, self);
}

void
cw_trace_view_set_review (CwTraceView *self,
                          CwStore     *store,
                          gint64       review_id)
{
  g_return_if_fail (CW_IS_TRACE_VIEW (self));

  cw_store_watch (&self->store, store,
                  (const char *const[]) { "finding", "finding_evidence", "recommendation",
                                          "recommendation_finding", "episode", "episode_entry",
                                          "factor", "chronology_entry", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->review_id = review_id;
  fill_entries (self);
  cw_trace_view_refresh (self);
}

/**
 * cw_trace_view_show_entry:
 *
 * Shows what the chronology entry supports.
 */
void
cw_trace_view_show_entry (CwTraceView *self,
                          gint64       entry_id)
{
  g_return_if_fail (CW_IS_TRACE_VIEW (self));

  for (guint i = 0; i < self->entry_ids->len; i++)
    if (g_array_index (self->entry_ids, gint64, i) == entry_id)
      {
        self->filling = TRUE;
        gtk_drop_down_set_selected (self->mode_drop, 1);
        gtk_drop_down_set_selected (self->entry_drop, i);
        self->filling = FALSE;
        gtk_widget_set_visible (GTK_WIDGET (self->entry_drop), TRUE);
        cw_trace_view_refresh (self);
        return;
      }
}

guint
cw_trace_view_get_n_flags (CwTraceView *self)
{
  guint n = 0;

  g_return_val_if_fail (CW_IS_TRACE_VIEW (self), 0);
  for (guint i = 0; i < self->shown->len; i++)
    n += ((Shown *) self->shown->pdata[i])->flag != NULL;
  return n;
}

guint
cw_trace_view_get_n_nodes (CwTraceView *self)
{
  g_return_val_if_fail (CW_IS_TRACE_VIEW (self), 0);
  return self->shown->len;
}

/**
 * cw_trace_view_get_flag_of:
 *
 * Returns: (nullable): the gap flagged on the first row showing that item
 */
const char *
cw_trace_view_get_flag_of (CwTraceView *self,
                           CwTraceKind  kind,
                           gint64       id)
{
  g_return_val_if_fail (CW_IS_TRACE_VIEW (self), NULL);
  for (guint i = 0; i < self->shown->len; i++)
    {
      Shown *shown = self->shown->pdata[i];
      if (shown->kind == kind && shown->id == id)
        return shown->flag;
    }
  return NULL;
}

static void
on_mode_changed (CwTraceView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->entry_drop), entry_mode (self));
  if (!self->filling)
    cw_trace_view_refresh (self);
}

static void
on_row_activated (CwTraceView   *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  Shown *shown;

  if (index < 0 || (guint) index >= self->shown->len)
    return;
  shown = self->shown->pdata[index];
  g_signal_emit (self, signals[OPEN], 0, (int) shown->kind, shown->id);
}

static void
cw_trace_view_dispose (GObject *object)
{
  CwTraceView *self = CW_TRACE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_TRACE_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_trace_view_parent_class)->dispose (object);
}

static void
cw_trace_view_finalize (GObject *object)
{
  CwTraceView *self = CW_TRACE_VIEW (object);

  g_array_unref (self->entry_ids);
  g_ptr_array_unref (self->shown);
  G_OBJECT_CLASS (cw_trace_view_parent_class)->finalize (object);
}

static void
cw_trace_view_class_init (CwTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_trace_view_dispose;
  object_class->finalize = cw_trace_view_finalize;
  /* (kind, id): a CwTraceKind and the row it names, to open. */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-trace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, mode_drop);
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, entry_drop);
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CwTraceView, nodes_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_trace_view_init (CwTraceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) shown_free);
  gtk_drop_down_set_expression (self->entry_drop,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  cw_drop_down_ellipsize (self->entry_drop);
  cw_drop_down_ellipsize (self->mode_drop);
  g_signal_connect_swapped (self->mode_drop, "notify::selected", G_CALLBACK (on_mode_changed),
                            self);
  g_signal_connect_swapped (self->entry_drop, "notify::selected", G_CALLBACK (on_mode_changed),
                            self);
  g_signal_connect_swapped (self->nodes_list, "row-activated", G_CALLBACK (on_row_activated),
                            self);
}
