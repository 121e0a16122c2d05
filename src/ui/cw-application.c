/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-application.h"
#include "cw-focus.h"
#include "cw-preferences-window.h"
#include "cw-review-section.h"
#include "cw-window.h"

/* The application: opens the one database (default, or --database PATH),
 * makes the day's backup, and shows the window. A database that cannot
 * be opened is explained in a dialog and never touched. */

struct _CwApplication
{
  GtkApplication parent_instance;
  char          *database_path;
  CwStore       *store;
  GSettings     *settings;
  GtkWidget     *preferences;
};

G_DEFINE_FINAL_TYPE (CwApplication, cw_application, GTK_TYPE_APPLICATION)

CwStore *
cw_application_get_store (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * cw_application_set_database_path:
 * @path: the database to open on activation (as `--database PATH` does)
 */
void
cw_application_set_database_path (CwApplication *self,
                                  const char    *path)
{
  g_return_if_fail (CW_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->database_path);
  self->database_path = g_canonicalize_filename (path, NULL);
}

/**
 * cw_application_get_settings:
 * Returns: (transfer none) (nullable): window state settings, %NULL when
 *   the schema is not installed (then nothing is remembered)
 */
GSettings *
cw_application_get_settings (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
show_fatal_error (CwApplication *self,
                  const char    *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR,
                                              GTK_BUTTONS_CLOSE, "%s",
                                              _("Casewise could not open its database"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Casewise"));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (CwApplication  *self,
            GError        **error)
{
  g_autofree char *path = self->database_path ? g_strdup (self->database_path)
                                              : cw_store_default_path ();
  g_autoptr (GError) backup_error = NULL;

  self->store = cw_store_open (path, error);
  if (self->store == NULL)
    return FALSE;
  /* Rows deleted in a session that ended before its undo expired go now. */
  cw_store_purge_deleted (self->store, NULL);
  if (!cw_store_backup_auto (self->store, NULL, &backup_error))
    g_warning ("Automatic backup failed: %s", backup_error->message);
  return TRUE;
}

static void
cw_application_activate (GApplication *app)
{
  CwApplication *self = CW_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->store == NULL && !open_store (self, &error))
    {
      show_fatal_error (self, error->message);
      return;
    }
  window = GTK_WINDOW (cw_window_new (self));
  gtk_window_present (window);
}

static int
cw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CwApplication *self = CW_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("casewise %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save what is pending first. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (windows->data);
      windows = next;
    }
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* One preferences window: asking again brings it forward. */
  if (self->preferences == NULL)
    {
      self->preferences = cw_preferences_window_new (self->store);
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
      gtk_window_set_transient_for (GTK_WINDOW (self->preferences), parent);
    }
  gtk_window_present (GTK_WINDOW (self->preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CwApplication *self = user_data;
  static const char *developers[] = { "Casewise developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Casewise"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Safeguarding case reviews: referrals, chronologies, "
                                       "findings and action plans, kept safely in one place."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new-review", { "<Control>n", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.open-sample", { "<Control><Shift>o", NULL } },
  /* Not Ctrl+Shift+Right or Ctrl+Delete: text fields need those. */
  { "win.next-phase", { "<Control>bracketright", NULL } },
  { "win.previous-phase", { "<Control>bracketleft", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.show-actions", { "<Control><Shift>a", NULL } },
  { "win.chronology::import", { "<Control>i", NULL } },
  { "win.chronology::focus-search", { "<Control><Shift>f", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* Each section of a review has its own, from the list of sections. */
static void
set_section_accels (CwApplication *self)
{
  for (const CwReviewSectionInfo *section = cw_review_sections (); section->name != NULL;
       section++)
    {
      g_autofree char *action = g_strconcat ("win.section::", section->name, NULL);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action,
                                             (const char *const[]) { section->accel, NULL });
    }
}

/**
 * cw_application_load_style:
 *
 * Gives the default display the app's style sheet (the benchmarks draw
 * with it too, as a person sees the app).
 */
void
cw_application_load_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/casewise/Casewise/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
cw_application_startup (GApplication *app)
{
  CwApplication *self = CW_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (cw_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  set_section_accels (self);
  cw_accessible_names_install ();
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)))
    self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  cw_application_load_style ();
}

static void
cw_application_finalize (GObject *object)
{
  CwApplication *self = CW_APPLICATION (object);

  if (self->store != NULL)
    cw_store_purge_deleted (self->store, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->database_path);
  G_OBJECT_CLASS (cw_application_parent_class)->finalize (object);
}

static void
cw_application_class_init (CwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cw_application_finalize;
  app_class->activate = cw_application_activate;
  app_class->startup = cw_application_startup;
  app_class->handle_local_options = cw_application_handle_local_options;
}

static void
cw_application_init (CwApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

CwApplication *
cw_application_new (void)
{
  /* Non-unique: each process works on the database it was given. */
  return g_object_new (CW_TYPE_APPLICATION, "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/casewise/Casewise", NULL);
}
