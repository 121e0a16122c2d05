/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include "cw-focus.h"

/* A list is one stop of Tab: the arrows move in it, Tab and Shift+Tab
 * leave it. GTK 4.8's list and column views take Tab row by row, so a
 * long list (the history) held the keyboard captive. */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *list)
{
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
  GtkRoot *root = gtk_widget_get_root (list);

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;
  /* For the move, the list and its rows are out of the focus chain, so
   * the focus goes to what comes after (or before) the list. */
  gtk_widget_set_can_focus (list, FALSE);
  g_signal_emit_by_name (root, "move-focus",
                         backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (list, TRUE);
  return GDK_EVENT_STOP;
}

/**
 * cw_widget_set_one_tab_stop:
 * @list: a list view or column view
 *
 * Makes @list one stop of Tab. Its key controller is named
 * %CW_ONE_TAB_STOP.
 */
void
cw_widget_set_one_tab_stop (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));

  gtk_event_controller_set_name (keys, CW_ONE_TAB_STOP);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), list);
  gtk_widget_add_controller (list, keys);
}
