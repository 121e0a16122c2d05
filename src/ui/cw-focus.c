/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

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

/* Names for assistive technologies. GTK 4.8 names a control by its
 * type ("GtkButton") unless told otherwise: it takes no name from a
 * button's label child or an icon button's tooltip, and none for the
 * buttons inside a drop-down or a menu button, which are what takes the
 * focus. When a control is shown it gets the name a sighted user reads:
 * the text of its label, the label pointing to it (the form's), its
 * placeholder or its tooltip, without the shortcut in brackets. */

#define NAMED_KEY "cw-accessible-named"

static char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *text;

      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *label = gtk_label_get_text (GTK_LABEL (child));
          if (label != NULL && *label != '\0')
            return g_strdup (label);
        }
      if ((text = first_label_text (child)) != NULL)
        return text;
    }
  return NULL;
}

/* "Delete the selected item (Delete)" -> "Delete the selected item" */
static char *
tooltip_name (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *bracket;

  if (tooltip == NULL || *tooltip == '\0')
    return NULL;
  bracket = g_strrstr (tooltip, " (");
  if (bracket != NULL && bracket != tooltip && g_str_has_suffix (tooltip, ")"))
    return g_strndup (tooltip, bracket - tooltip);
  return g_strdup (tooltip);
}

static char *
pointing_label_text (GtkWidget *widget)
{
  g_autoptr (GList) labels = gtk_widget_list_mnemonic_labels (widget);

  for (GList *l = labels; l != NULL; l = l->next)
    if (GTK_IS_LABEL (l->data))
      return g_strdup (gtk_label_get_text (l->data));
  return NULL;
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (widget != NULL && name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
}

/* The button inside a drop-down or menu button. */
static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

/**
 * cw_accessible_name_control:
 * @widget: a widget
 *
 * Names @widget for assistive technologies if it is a control GTK would
 * leave without a name, as this file's comment says. Done when its
 * window or it is shown; call it when a label comes to point to a
 * control later.
 */
void
cw_accessible_name_control (GtkWidget *widget)
{
  g_autofree char *name = NULL;

  if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL)
    return;
  if (GTK_IS_DROP_DOWN (widget))
    {
      /* Its own name comes from the label pointing to it, if any. */
      if ((name = pointing_label_text (widget)) == NULL && (name = tooltip_name (widget)) != NULL)
        set_name (widget, name);
      set_name (inner_button (widget), name);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      name = label != NULL ? first_label_text (widget) : tooltip_name (widget);
      set_name (widget, name);
      set_name (inner_button (widget), name);
    }
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget)
           && !GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget))
           && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      if ((name = first_label_text (widget)) == NULL)
        name = tooltip_name (widget);
      /* GTK's own close buttons (a search bar's) have neither. */
      if (name == NULL && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)))
          && g_strcmp0 (gtk_image_get_icon_name (
                          GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)))),
                        "window-close-symbolic") == 0)
        name = g_strdup (_("Close"));
      set_name (widget, name);
    }
  else if (GTK_IS_EXPANDER (widget))
    set_name (widget, (name = first_label_text (widget)));
  else if (GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget))
    {
      if ((name = pointing_label_text (widget)) != NULL)
        return; /* named by that label */
      g_object_get (widget, "placeholder-text", &name, NULL);
      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = tooltip_name (widget);
        }
      set_name (widget, name);
    }
  else
    return;
  if (name != NULL)
    g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
}

static void
name_tree (GtkWidget *widget)
{
  cw_accessible_name_control (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_tree (child);
}

/* A window shown: every control in it, shown or not (assistive
 * technologies see the pages a stack hides too); then each control
 * added later as it is shown. */
static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_ROOT (widget))
    name_tree (widget);
  else
    cw_accessible_name_control (widget);
  return TRUE;
}

/**
 * cw_accessible_names_install:
 *
 * From now on, names every control of a window when the window is
 * shown, and each control when it is shown, as this file's comment
 * says. Once, at start-up.
 */
void
cw_accessible_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET)); /* its signals */
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL,
                                  NULL);
      g_once_init_leave (&installed, 1);
    }
}
