/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-action-plan-page.h"
#include "cw-actions-view.h"
#include "cw-demo.h"
#include "cw-new-review-dialog.h"
#include "cw-review.h"
#include "cw-review-list.h"
#include "cw-review-section.h"
#include "cw-review-view.h"
#include "cw-undo-bar.h"
#include "cw-window.h"

/* The main window: which review (the list), and the review itself. A
 * deletion is undoable for a few seconds through the bar at the bottom;
 * after that it is purged for good. */

struct _CwWindow
{
  GtkApplicationWindow parent_instance;
  GtkOverlay          *overlay;
  GtkPaned            *paned;
  CwReviewList        *review_list;
  GtkStack            *main_stack;
  CwReviewView        *review_view;
  CwActionsView       *actions_view;
  CwUndoBar           *undo_bar;
  GtkWidget           *sidebar_button;
  CwStore             *store;
  GSettings           *settings;
  gboolean             show_actions; /* the actions of every review, not one review */
  /* Narrow: the list of reviews lies over the review, hidden until asked for */
  gboolean             folded;
  gboolean             sidebar_wanted; /* shown beside the review when not folded */
  guint                fold_idle;
};

G_DEFINE_FINAL_TYPE (CwWindow, cw_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SHOW_SIDEBAR, PROP_SHOW_ACTIONS, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Below this width a review needs the whole window for its sections and
 * pages (a council laptop's 1366 keeps the list beside it): the list of
 * reviews folds away and, shown (F9, the header's button, Ctrl+F), lies
 * over the review like a drawer, until a review is chosen, Escape or a
 * click on the review. */
#define FOLD_WIDTH 1280
#define FLAP_WIDTH 320

/* The list of reviews can be hidden (F9), to give a review the whole
 * width of a small screen. */
static void
set_show_sidebar (CwWindow *self,
                  gboolean  show)
{
  if (self->review_list == NULL)
    return;
  if (!self->folded)
    self->sidebar_wanted = show;
  if (show == gtk_widget_get_visible (GTK_WIDGET (self->review_list)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->review_list), show);
  if (show && self->folded)
    gtk_widget_child_focus (GTK_WIDGET (self->review_list), GTK_DIR_TAB_FORWARD);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

/* The drawer closed from the keyboard: the focus goes to the review (its
 * section, in the list of sections) or the actions. */
static void
focus_page (CwWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "review") == 0)
    cw_review_view_focus_sections (self->review_view);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->main_stack), GTK_DIR_TAB_FORWARD);
}

/* Folds only over a review or the actions, the pages that need the width:
 * with nothing open the list is what there is to use. */
static gboolean
wants_fold (CwWindow *self,
            int       width)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  return width > 0 && width < FOLD_WIDTH && page != NULL
         && (g_str_equal (page, "review") || g_str_equal (page, "actions"));
}

static void
set_folded (CwWindow *self,
            gboolean  folded)
{
  GtkWidget *list = GTK_WIDGET (self->review_list);

  if (self->folded == folded)
    return;
  g_object_ref (list);
  if (folded)
    {
      gboolean had_focus = gtk_widget_get_focus_child (list) != NULL;

      gtk_paned_set_start_child (self->paned, NULL);
      gtk_widget_set_halign (list, GTK_ALIGN_START);
      gtk_widget_set_size_request (list, FLAP_WIDTH, -1);
      gtk_widget_add_css_class (list, "cw-flap");
      gtk_widget_insert_before (list, GTK_WIDGET (self->overlay), GTK_WIDGET (self->undo_bar));
      self->folded = TRUE;
      set_show_sidebar (self, FALSE);
      if (had_focus)
        focus_page (self);
    }
  else
    {
      gtk_overlay_remove_overlay (self->overlay, list);
      gtk_widget_set_halign (list, GTK_ALIGN_FILL);
      gtk_widget_set_size_request (list, -1, -1);
      gtk_widget_remove_css_class (list, "cw-flap");
      gtk_paned_set_start_child (self->paned, list);
      self->folded = FALSE;
      set_show_sidebar (self, self->sidebar_wanted);
    }
  g_object_unref (list);
}

static void
update_fold (CwWindow *self)
{
  set_folded (self, wants_fold (self, gtk_widget_get_width (GTK_WIDGET (self))));
}

static gboolean
fold_idle (gpointer data)
{
  CwWindow *self = data;

  self->fold_idle = 0;
  update_fold (self);
  return G_SOURCE_REMOVE;
}

/* Whether to fold is known once the window has its width; moving the
 * list waits for the allocation to end. */
static void
cw_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CwWindow *self = CW_WINDOW (widget);

  GTK_WIDGET_CLASS (cw_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (wants_fold (self, width) != self->folded && self->fold_idle == 0)
    self->fold_idle = g_idle_add (fold_idle, self);
}

/* A click on the review closes the drawer; the click goes on. */
static void
on_content_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CwWindow        *self)
{
  if (self->folded)
    set_show_sidebar (self, FALSE);
}

static gboolean
close_flap (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  CwWindow *self = CW_WINDOW (gtk_widget_get_root (widget));

  if (!self->folded || !gtk_widget_get_visible (widget))
    return FALSE;
  set_show_sidebar (self, FALSE);
  focus_page (self);
  return TRUE;
}

/* "Casewise — LR-2026-004 Child A": the reference and pseudonym, never a name. */
static void
update_title (CwWindow *self)
{
  gint64 id = cw_review_list_get_selected_id (self->review_list);
  g_autoptr (CwRecord) review = id ? cw_store_get (self->store, &cw_entity_review, id, NULL) : NULL;
  const char *subject = review ? cw_record_get (review, "subject_pseudonym") : NULL;
  g_autofree char *title = NULL;

  if (review == NULL)
    title = g_strdup (_("Casewise"));
  else
    title = g_strdup_printf (_("Casewise — %s%s%s"), cw_record_get (review, "reference"),
                             subject ? " " : "", subject ? subject : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_main_page (CwWindow *self)
{
  gint64 id = cw_review_list_get_selected_id (self->review_list);

  if (self->show_actions)
    gtk_stack_set_visible_child_name (self->main_stack, "actions");
  else if (cw_review_list_get_n_reviews (self->review_list) == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else if (id == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "select");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "review");
  cw_review_view_set_review (self->review_view, self->store, id);
  update_fold (self);
  update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-review", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-phase", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-phase", id != 0);
}

/* The actions of every review (Ctrl+Shift+A) in place of the review. */
static void
set_show_actions (CwWindow *self,
                  gboolean  show)
{
  if (self->show_actions == show)
    return;
  if (show)
    cw_review_view_flush (self->review_view);
  self->show_actions = show;
  if (show)
    cw_actions_view_refresh (self->actions_view);
  update_main_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ACTIONS]);
}

/* Choosing a review in the list shows it again. */
static void
on_review_chosen (CwWindow *self)
{
  if (self->show_actions)
    {
      self->show_actions = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ACTIONS]);
    }
  update_main_page (self);
  /* Chosen in the drawer: the drawer has done its work. */
  if (self->folded && cw_review_list_get_selected_id (self->review_list) != 0)
    set_show_sidebar (self, FALSE);
}

static void
on_open_action (CwWindow *self,
                gint64    review_id,
                gint64    action_id)
{
  GtkWidget *page;

  cw_review_list_select_id (self->review_list, review_id);
  if (cw_review_list_get_selected_id (self->review_list) != review_id)
    return; /* filtered out of the list */
  set_show_actions (self, FALSE);
  cw_review_view_show_section (self->review_view, "action-plan");
  page = cw_review_view_get_part (self->review_view, "action-plan");
  if (page != NULL)
    cw_action_plan_page_select_action (CW_ACTION_PLAN_PAGE (page), action_id);
}

static void
on_undone (CwWindow   *self,
           const char *table,
           gint64      id)
{
  if (g_str_equal (table, cw_entity_review.table))
    cw_review_list_select_id (self->review_list, id);
}

static void
show_error (CwWindow   *self,
            const char *message)
{
  cw_undo_bar_show_message (self->undo_bar, message);
}

/* Reviews */

void
cw_window_select_review (CwWindow   *self,
                         const char *reference)
{
  g_autoptr (CwRecord) review = NULL;

  g_return_if_fail (CW_IS_WINDOW (self));

  if (reference != NULL && (review = cw_store_find_review (self->store, reference, NULL)))
    cw_review_list_select_id (self->review_list, cw_record_get_id (review));
}

static void
on_review_created (CwWindow   *self,
                   const char *reference)
{
  cw_window_select_review (self, reference);
  cw_review_view_show_section (self->review_view, "overview");
}

static void
new_review_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  GtkWidget *dialog = cw_new_review_dialog_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_review_created), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_sample_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  const char *existing = cw_review_list_find_sample (self->review_list);

  if (existing != NULL)
    {
      cw_window_select_review (self, existing);
      return;
    }
  reference = cw_store_add_demo (self->store, NULL, &error);
  if (reference == NULL)
    show_error (self, error->message);
  else
    cw_window_select_review (self, reference);
}

static void
delete_review_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  gint64 id = cw_review_list_get_selected_id (self->review_list);
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (id == 0 || (review = cw_store_get (self->store, &cw_entity_review, id, &error)) == NULL)
    return;
  cw_review_view_flush (self->review_view);
  if (!cw_store_delete (self->store, &cw_entity_review, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Deleted review %s"), cw_record_get (review, "reference"));
  cw_undo_bar_offer (self->undo_bar, cw_entity_review.table, id, message);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  set_show_sidebar (CW_WINDOW (widget), TRUE);
  cw_review_list_focus_search (CW_WINDOW (widget)->review_list);
}

static void
step_section_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_review_list_get_selected_id (self->review_list) != 0)
    cw_review_view_step_section (self->review_view,
                                 g_str_equal (action, "win.next-section") ? 1 : -1);
}

static void
section_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_review_list_get_selected_id (self->review_list) != 0)
    cw_review_view_show_section (self->review_view, g_variant_get_string (parameter, NULL));
}

static void
chronology_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_review_list_get_selected_id (self->review_list) != 0)
    cw_review_view_activate_chronology (self->review_view,
                                        g_variant_get_string (parameter, NULL));
}

static void
flush_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  cw_review_view_flush (CW_WINDOW (widget)->review_view);
}

static void
next_phase_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  cw_review_view_move_phase_step (CW_WINDOW (widget)->review_view, TRUE);
}

static void
previous_phase_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *parameter)
{
  cw_review_view_move_phase_step (CW_WINDOW (widget)->review_view, FALSE);
}

/* The shortcuts window */

/* Its description, with a line for each section of a review at the top
 * of the group "review_group": the list of sections is the one place
 * that names them and their keys. */
static char *
help_overlay_ui (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/org/casewise/Casewise/ui/help-overlay.ui",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const char *ui = g_bytes_get_data (bytes, NULL);
  const char *group = strstr (ui, "id=\"review_group\"");
  const char *after_title = strstr (group, "</property>") + strlen ("</property>");
  GString *text = g_string_new_len (ui, after_title - ui);

  for (const CwReviewSectionInfo *section = cw_review_sections (); section->name != NULL;
       section++)
    {
      g_autofree char *line = g_markup_printf_escaped (
        "<child><object class=\"GtkShortcutsShortcut\">"
        "<property name=\"accelerator\">%s</property><property name=\"title\">%s</property>"
        "</object></child>",
        section->accel, _(section->title));
      g_string_append (text, line);
    }
  g_string_append_len (text, after_title, g_bytes_get_size (bytes) - (after_title - ui));
  return g_string_free (text, FALSE);
}

static void
set_help_overlay (CwWindow *self)
{
  g_autofree char *ui = help_overlay_ui ();
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);

  gtk_application_window_set_help_overlay (
    GTK_APPLICATION_WINDOW (self), GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                               "help_overlay")));
}

/* Window state */

static void
restore_state (CwWindow *self)
{
  g_autofree char *last = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "paned-position"));
  last = g_settings_get_string (self->settings, "last-review");
  if (*last != '\0')
    cw_window_select_review (self, last);
}

static void
save_state (CwWindow *self)
{
  g_autoptr (CwRecord) review = NULL;
  gint64 id = cw_review_list_get_selected_id (self->review_list);
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
  review = id ? cw_store_get (self->store, &cw_entity_review, id, NULL) : NULL;
  g_settings_set_string (self->settings, "last-review",
                         review ? cw_record_get (review, "reference") : "");
  g_settings_apply (self->settings);
}

static gboolean
cw_window_close_request (GtkWindow *window)
{
  CwWindow *self = CW_WINDOW (window);
  g_autoptr (GError) error = NULL;

  cw_review_view_flush (self->review_view);
  /* Closing: the log is the one place left to say it. */
  if (!cw_undo_bar_finish (self->undo_bar, &error))
    g_warning ("%s", error->message);
  save_state (self);
  return GTK_WINDOW_CLASS (cw_window_parent_class)->close_request (window);
}

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);

  if (self->store != NULL)
    cw_store_disconnect_tables (self->store, G_CALLBACK (update_title), self);
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  /* The template's children where the template put them. */
  if (self->folded)
    set_folded (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      /* Asked for by the toggle button's action while the window goes too. */
      g_value_set_boolean (value, CW_WINDOW (object)->review_list == NULL
                                    || gtk_widget_get_visible (
                                      GTK_WIDGET (CW_WINDOW (object)->review_list)));
      break;
    case PROP_SHOW_ACTIONS:
      g_value_set_boolean (value, CW_WINDOW (object)->show_actions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (CW_WINDOW (object), g_value_get_boolean (value));
      break;
    case PROP_SHOW_ACTIONS:
      set_show_actions (CW_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_window_dispose;
  object_class->get_property = cw_window_get_property;
  object_class->set_property = cw_window_set_property;
  properties[PROP_SHOW_SIDEBAR] = g_param_spec_boolean (
    "show-sidebar", NULL, NULL, TRUE,
    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ACTIONS] = g_param_spec_boolean (
    "show-actions", NULL, NULL, FALSE,
    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = cw_window_close_request;
  widget_class->size_allocate = cw_window_size_allocate;
  g_type_ensure (CW_TYPE_REVIEW_LIST);
  g_type_ensure (CW_TYPE_REVIEW_VIEW);
  g_type_ensure (CW_TYPE_ACTIONS_VIEW);
  g_type_ensure (CW_TYPE_UNDO_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, review_list);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, review_view);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, undo_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar_button);
  gtk_widget_class_install_action (widget_class, "win.new-review", NULL, new_review_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-review", NULL,
                                   delete_review_activated);
  cw_undo_bar_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_activated);
  gtk_widget_class_install_action (widget_class, "win.next-section", NULL, step_section_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-section", NULL,
                                   step_section_activated);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-actions", "show-actions");
  /* Bindings, not application accelerators: they come last, so a part of
   * a page that has its own use for the keys (the learning event's notes)
   * keeps it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-section", NULL);
  gtk_widget_class_install_action (widget_class, "win.chronology", "s", chronology_activated);
  gtk_widget_class_install_action (widget_class, "win.next-phase", NULL, next_phase_activated);
  gtk_widget_class_install_action (widget_class, "win.flush", NULL, flush_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-phase", NULL,
                                   previous_phase_activated);
}

static void
cw_window_init (CwWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a template child: the window's own child, that the window lets go. */
  self->overlay = GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->paned)));
  set_help_overlay (self);
  self->sidebar_wanted = TRUE;
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_content_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->paned), GTK_EVENT_CONTROLLER (click));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (close_flap, NULL, NULL)));
  gtk_event_controller_set_name (keys, "cw-drawer-keys");
  /* Before the search entry, which would keep Escape to itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->review_list), keys);
  g_signal_connect_swapped (self->undo_bar, "undone", G_CALLBACK (on_undone), self);
}

GtkWidget *
cw_window_new (CwApplication *application)
{
  CwWindow *self = g_object_new (CW_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = cw_application_get_settings (application);

  self->store = g_object_ref (cw_application_get_store (application));
  self->settings = settings ? g_object_ref (settings) : NULL;
  cw_undo_bar_set_store (self->undo_bar, self->store);
  cw_store_connect_tables (self->store, (const char *const[]) { cw_entity_review.table, NULL },
                           G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->review_list, "notify::selected-id",
                            G_CALLBACK (on_review_chosen), self);
  g_signal_connect_swapped (self->actions_view, "open-action", G_CALLBACK (on_open_action), self);
  cw_actions_view_set_store (self->actions_view, self->store);
  g_signal_connect_swapped (self->review_list, "notify::n-reviews",
                            G_CALLBACK (update_main_page), self);
  cw_review_list_set_store (self->review_list, self->store);
  restore_state (self);
  update_main_page (self);
  /* What opening the database put right (cw_store_get_notices()). */
  {
    g_autofree char *notices = g_strjoinv ("\n", (char **) cw_store_get_notices (self->store));

    if (*notices != '\0')
      show_error (self, notices);
  }
  return GTK_WIDGET (self);
}
