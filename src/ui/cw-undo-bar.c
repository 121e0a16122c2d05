/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-undo-bar.h"

/* The bar at the bottom of a window: "Deleted person “Mother” [Undo]" for
 * a few seconds instead of asking "are you sure", or a message. When it
 * goes, the deletion is made final (purged from the file). A window puts
 * one in its template as "undo_bar" and calls cw_undo_bar_install_actions. */

#define SHOWN_SECONDS 8

struct _CwUndoBar
{
  GtkWidget    parent_instance;
  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkWidget   *undo_button;
  CwStore     *store;
  char        *table;
  GArray      *ids; /* gint64: the rows deleted together */
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (CwUndoBar, cw_undo_bar, GTK_TYPE_WIDGET)

enum { UNDONE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Ctrl+Z undoes typing, except while a deletion can be undone. */
static void
set_undo_enabled (CwUndoBar *self,
                  gboolean   enabled)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (root), "win.undo", enabled);
}

/* Where no one would see the bar say it (the store changes, the bar goes). */
static void
finish_or_warn (CwUndoBar *self)
{
  g_autoptr (GError) error = NULL;

  if (!cw_undo_bar_finish (self, &error))
    g_warning ("%s", error->message);
}

void
cw_undo_bar_set_store (CwUndoBar *self,
                       CwStore   *store)
{
  g_return_if_fail (CW_IS_UNDO_BAR (self));

  finish_or_warn (self);
  g_set_object (&self->store, store);
}

/**
 * cw_undo_bar_finish:
 *
 * Makes a pending deletion final now (the bar timed out, was dismissed,
 * another deletion came, or the window is closing). When that fails, the
 * rows stay deleted, and are removed the next time Casewise starts.
 *
 * Returns: whether the deletion, if there was one, is final
 */
gboolean
cw_undo_bar_finish (CwUndoBar  *self,
                    GError    **error)
{
  const CwEntity *entity;
  gboolean ok = TRUE;

  g_return_val_if_fail (CW_IS_UNDO_BAR (self), FALSE);

  entity = self->table ? cw_entity_lookup (self->table) : NULL;
  if (entity != NULL && self->store != NULL && self->ids->len > 0)
    ok = cw_store_purge_rows (self->store, entity, self->ids, error);
  g_clear_pointer (&self->table, g_free);
  g_array_set_size (self->ids, 0);
  set_undo_enabled (self, FALSE);
  return ok;
}

static void show (CwUndoBar  *self,
                  const char *message,
                  gboolean    undoable);

/* Goes, unless making the deletion final failed: then it says so. */
static void
hide (CwUndoBar *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!cw_undo_bar_finish (self, &error))
    {
      show (self, error->message, FALSE);
      return;
    }
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static gboolean
expired (gpointer data)
{
  CwUndoBar *self = data;

  self->timeout = 0;
  hide (self);
  return G_SOURCE_REMOVE;
}

static void
show (CwUndoBar  *self,
      const char *message,
      gboolean    undoable)
{
  gtk_label_set_text (self->label, message);
  gtk_widget_set_visible (self->undo_button, undoable);
  set_undo_enabled (self, undoable);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add_seconds (SHOWN_SECONDS, expired, self);
}

/**
 * cw_undo_bar_offer:
 * @table: the entity of the row deleted with cw_store_delete()
 */
void
cw_undo_bar_offer (CwUndoBar  *self,
                   const char *table,
                   gint64      id,
                   const char *message)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, id);
  cw_undo_bar_offer_many (self, table, ids, message);
}

/**
 * cw_undo_bar_offer_many:
 * @ids: (element-type gint64): rows deleted together, undone together
 */
void
cw_undo_bar_offer_many (CwUndoBar    *self,
                        const char   *table,
                        const GArray *ids,
                        const char   *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CW_IS_UNDO_BAR (self));
  g_return_if_fail (ids != NULL && ids->len > 0);

  /* The deletion before this one could not be made final: say so too. */
  if (!cw_undo_bar_finish (self, &error))
    text = g_strdup_printf ("%s\n%s", message, error->message);
  self->table = g_strdup (table);
  g_array_append_vals (self->ids, ids->data, ids->len);
  show (self, text ? text : message, TRUE);
}

void
cw_undo_bar_show_message (CwUndoBar  *self,
                          const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CW_IS_UNDO_BAR (self));

  if (!cw_undo_bar_finish (self, &error))
    text = g_strdup_printf ("%s\n%s", message, error->message);
  show (self, text ? text : message, FALSE);
}

/**
 * cw_undo_bar_undo:
 *
 * Brings back the row deleted last, if its bar is still shown, and emits
 * #CwUndoBar::undone.
 */
void
cw_undo_bar_undo (CwUndoBar *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *table = NULL;
  g_autoptr (GArray) ids = NULL;
  const CwEntity *entity;

  g_return_if_fail (CW_IS_UNDO_BAR (self));

  if (self->table == NULL || (entity = cw_entity_lookup (self->table)) == NULL)
    return;
  table = g_steal_pointer (&self->table);
  ids = g_array_copy (self->ids);
  g_array_set_size (self->ids, 0);
  hide (self);
  if (!cw_store_undelete_rows (self->store, entity, ids, &error))
    show (self, error->message, FALSE);
  else
    g_signal_emit (self, signals[UNDONE], 0, table, g_array_index (ids, gint64, 0));
}

gboolean
cw_undo_bar_get_shown (CwUndoBar *self)
{
  g_return_val_if_fail (CW_IS_UNDO_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

static CwUndoBar *
bar_of (GtkWidget *window)
{
  return CW_UNDO_BAR (gtk_widget_get_template_child (window, G_OBJECT_TYPE (window), "undo_bar"));
}

static void
offer_undo_activated (GtkWidget  *window,
                      const char *action,
                      GVariant   *parameter)
{
  const char *table, *message;
  gint64 id;

  g_variant_get (parameter, "(&sx&s)", &table, &id, &message);
  cw_undo_bar_offer (bar_of (window), table, id, message);
}

static void
offer_undo_many_activated (GtkWidget  *window,
                           const char *action,
                           GVariant   *parameter)
{
  g_autoptr (GVariant) ids_variant = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *table, *message;
  gsize n;
  const gint64 *values;

  g_variant_get (parameter, "(&s@ax&s)", &table, &ids_variant, &message);
  values = g_variant_get_fixed_array (ids_variant, &n, sizeof (gint64));
  g_array_append_vals (ids, values, (guint) n);
  if (ids->len > 0)
    cw_undo_bar_offer_many (bar_of (window), table, ids, message);
}

static void
show_message_activated (GtkWidget  *window,
                        const char *action,
                        GVariant   *parameter)
{
  cw_undo_bar_show_message (bar_of (window), g_variant_get_string (parameter, NULL));
}

static void
undo_activated (GtkWidget  *window,
                const char *action,
                GVariant   *parameter)
{
  cw_undo_bar_undo (bar_of (window));
}

static void
dismiss_activated (GtkWidget  *window,
                   const char *action,
                   GVariant   *parameter)
{
  hide (bar_of (window));
}

/**
 * cw_undo_bar_install_actions:
 * @window_class: a window class whose template binds a #CwUndoBar as "undo_bar"
 *
 * Installs win.offer-undo "(sxs)" (table, id, message), win.show-message
 * "s", win.undo (Ctrl+Z) and win.dismiss, which list widgets activate.
 */
void
cw_undo_bar_install_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.offer-undo", "(sxs)", offer_undo_activated);
  gtk_widget_class_install_action (window_class, "win.offer-undo-many", "(saxs)",
                                   offer_undo_many_activated);
  gtk_widget_class_install_action (window_class, "win.show-message", "s", show_message_activated);
  gtk_widget_class_install_action (window_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (window_class, "win.dismiss", NULL, dismiss_activated);
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
}

static void
cw_undo_bar_dispose (GObject *object)
{
  CwUndoBar *self = CW_UNDO_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->ids != NULL)
    finish_or_warn (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_UNDO_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_undo_bar_parent_class)->dispose (object);
}

static void
cw_undo_bar_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cw_undo_bar_parent_class)->root (widget);
  set_undo_enabled (CW_UNDO_BAR (widget), CW_UNDO_BAR (widget)->table != NULL);
}

static void
cw_undo_bar_class_init (CwUndoBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_undo_bar_dispose;
  widget_class->root = cw_undo_bar_root;
  /**
   * CwUndoBar::undone:
   * @table: the entity of the row brought back
   * @id: the row
   */
  signals[UNDONE] = g_signal_new ("undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-undo-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CwUndoBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CwUndoBar, label);
  gtk_widget_class_bind_template_child (widget_class, CwUndoBar, undo_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
cw_undo_bar_init (CwUndoBar *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
