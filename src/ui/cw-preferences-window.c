/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-preferences-window.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review.h"
#include "cw-undo-bar.h"

/* What belongs to the whole database rather than to one review: who makes
 * the changes, the deadline rules, the kinds of review, the agencies and
 * the backups. Settings save as they change. A deleted row can be brought
 * back from the bar at the bottom, as in the main window; a deletion still
 * waiting there when the window closes becomes final. */

#define SAVE_DELAY_MS 500

struct _CwPreferencesWindow
{
  GtkWindow      parent_instance;
  GtkEntry      *reviewer_entry;
  GtkDropDown   *default_profile_drop_down;
  GtkSpinButton *retention_spin;
  GtkDropDown   *rules_profile_drop_down;
  CwRecordTable *rules_table;
  CwRecordTable *kinds_table;
  CwRecordTable *agencies_table;
  GtkLabel      *backup_dir_label;
  GtkListBox    *backups_list;
  CwUndoBar     *undo_bar;
  CwStore       *store;
  GPtrArray     *profile_slugs; /* dropdown position -> profile slug */
  guint          save_timeout;
  gulong         reset_id;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (CwPreferencesWindow, cw_preferences_window, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_message (CwPreferencesWindow *self,
              const char          *message)
{
  cw_undo_bar_show_message (self->undo_bar, message);
}

/* General */

static void
save_setting (CwPreferencesWindow *self,
              const char          *key,
              const char          *value)
{
  g_autoptr (GError) error = NULL;

  if (!cw_store_set_setting (self->store, key, value, &error))
    show_message (self, error->message);
}

static void
save_reviewer_name (CwPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_entry)));
  g_autofree char *saved = cw_store_get_setting (self->store, "reviewer-name");

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_strstrip (name);
  if (g_strcmp0 (name, saved ? saved : "") != 0)
    save_setting (self, "reviewer-name", name);
}

static gboolean
save_timeout_cb (gpointer data)
{
  CwPreferencesWindow *self = data;

  self->save_timeout = 0;
  save_reviewer_name (self);
  return G_SOURCE_REMOVE;
}

static void
flush (CwPreferencesWindow *self)
{
  CwRecordTable *tables[] = { self->rules_table, self->kinds_table, self->agencies_table };

  if (self->save_timeout != 0)
    save_reviewer_name (self);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i] != NULL)
      cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (tables[i])));
}

static void
on_reviewer_changed (CwPreferencesWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_reviewer_activate (CwPreferencesWindow *self)
{
  save_reviewer_name (self);
}

static const char *
selected_profile (CwPreferencesWindow *self,
                  GtkDropDown         *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected < self->profile_slugs->len ? self->profile_slugs->pdata[selected] : NULL;
}

static void
select_profile (CwPreferencesWindow *self,
                GtkDropDown         *drop_down,
                const char          *slug)
{
  guint position = 0;

  for (guint i = 0; i < self->profile_slugs->len; i++)
    if (g_strcmp0 (self->profile_slugs->pdata[i], slug) == 0)
      position = i;
  gtk_drop_down_set_selected (drop_down, position);
}

static void
on_default_profile_selected (CwPreferencesWindow *self)
{
  const char *slug = selected_profile (self, self->default_profile_drop_down);

  if (!self->loading && slug != NULL)
    save_setting (self, "default-profile", slug);
}

static void
on_retention_changed (CwPreferencesWindow *self)
{
  g_autofree char *days = NULL;

  if (self->loading)
    return;
  days = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->retention_spin));
  save_setting (self, "backup-retention-days", days);
}

static char *
default_profile (CwPreferencesWindow *self)
{
  g_autofree char *slug = cw_store_get_setting (self->store, "default-profile");

  return g_strdup (slug != NULL && *slug != '\0' ? slug : CW_DEFAULT_PROFILE);
}

static void
load_settings (CwPreferencesWindow *self)
{
  g_autofree char *name = cw_store_get_setting (self->store, "reviewer-name");
  g_autofree char *profile = default_profile (self);

  self->loading = TRUE;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_entry), name ? name : "");
  select_profile (self, self->default_profile_drop_down, profile);
  gtk_spin_button_set_value (self->retention_spin, cw_store_get_backup_retention (self->store));
  self->loading = FALSE;
}

/* Deadline rules */

static void
on_rules_profile_selected (CwPreferencesWindow *self)
{
  const char *slug = selected_profile (self, self->rules_profile_drop_down);

  if (!self->loading && slug != NULL)
    cw_record_table_set_filter (self->rules_table, "profile", slug);
}

static void
load_profiles (CwPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) profiles = cw_store_list (self->store, &cw_entity_profile, 0, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *shown = g_strdup (selected_profile (self, self->rules_profile_drop_down));
  g_autofree char *fallback = default_profile (self);

  if (profiles == NULL)
    return show_message (self, error->message);
  g_ptr_array_set_size (self->profile_slugs, 0);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr (CwRecord) profile = g_list_model_get_item (profiles, i);

      gtk_string_list_append (names, cw_record_get (profile, "name"));
      g_ptr_array_add (self->profile_slugs, g_strdup (cw_record_get (profile, "slug")));
    }
  self->loading = TRUE;
  gtk_drop_down_set_model (self->default_profile_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->rules_profile_drop_down, G_LIST_MODEL (names));
  select_profile (self, self->rules_profile_drop_down, shown ? shown : fallback);
  self->loading = FALSE;
  on_rules_profile_selected (self);
}

/* Backups */

static GtkWidget *
make_backup_row (CwPreferencesWindow *self,
                 const char          *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *size = g_format_size (info ? g_file_info_get_size (info) : 0);
  gboolean automatic = FALSE;
  g_autofree char *when = cw_store_backup_describe (self->store, path, &automatic);
  g_autofree char *restore_label = g_strdup_printf (_("Restore the backup of %s"), when);
  g_autofree char *detail = g_strdup_printf ("%s · %s · %s",
                                             automatic ? _("Daily automatic backup")
                                                       : _("Made on request or before a restore"),
                                             name, size);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (when);
  GtkWidget *subtitle = gtk_label_new (detail);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_tooltip_text (subtitle, path);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (path));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  restore_label, -1);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
refresh_backups (CwPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = cw_store_backup_list (self->store, &error);
  g_autofree char *dir = cw_store_get_backup_dir (self->store);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->backups_list, 0)) != NULL)
    gtk_list_box_remove (self->backups_list, GTK_WIDGET (row));
  gtk_label_set_text (self->backup_dir_label,
                      dir ? dir : _("This database is kept in memory only, so it has no backups."));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->backup_dir_label), dir);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup-now", dir != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.open-folder",
                                 dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR));
  if (paths == NULL)
    return show_message (self, error->message);
  /* Newest first, in the core's order, as casewise-cli backup list shows. */
  for (guint i = 0; i < paths->len; i++)
    gtk_list_box_append (self->backups_list, make_backup_row (self, paths->pdata[i]));
}

static void
backup_now_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  flush (self);
  if ((path = cw_store_backup_create (self->store, &error)) == NULL)
    return show_message (self, error->message);
  refresh_backups (self);
  name = g_path_get_basename (path);
  message = g_strdup_printf (_("Backed up to “%s”"), name);
  show_message (self, message);
}

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (widget);
  g_autofree char *dir = cw_store_get_backup_dir (self->store);
  g_autofree char *uri = dir ? g_filename_to_uri (dir, NULL, NULL) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void ask_restore (CwPreferencesWindow *self,
                         const char          *path,
                         const char          *question,
                         const char          *detail,
                         CwStoreRestoreFlags  flags);

static void
restore (CwPreferencesWindow *self,
         const char          *path,
         CwStoreRestoreFlags  flags)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean automatic = FALSE;
  g_autofree char *when = cw_store_backup_describe (self->store, path, &automatic);

  flush (self);
  /* Edits still waiting in the main window land before, not after, the restore. */
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                                "win.flush", NULL);
  if (!cw_undo_bar_finish (self->undo_bar, &error))
    return show_message (self, error->message);
  if (!cw_store_backup_restore (self->store, path, flags, &error))
    {
      /* Only when the user says so: a backup of another database. */
      if (g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_OTHER_DATABASE))
        return ask_restore (self, path, _("Restore a backup of another database?"),
                            _("This backup was not made from the database open now. Restoring "
                              "it replaces everything in this database with the other "
                              "database’s data. Your current data is saved as a backup first."),
                            flags | CW_STORE_RESTORE_OTHER_DATABASE);
      return show_message (self, error->message);
    }
  message = g_strdup_printf (_("Restored the backup of %s. The data it replaced is kept as a "
                               "backup too."), when);
  show_message (self, message);
}

static void
on_restore_response (GtkDialog           *dialog,
                     int                  response,
                     CwPreferencesWindow *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "cw-path"));
  CwStoreRestoreFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog),
                                                                   "cw-flags"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    restore (self, path, flags);
}

static void
ask_restore (CwPreferencesWindow *self,
             const char          *path,
             const char          *question,
             const char          *detail,
             CwStoreRestoreFlags  flags)
{
  GtkWidget *dialog, *button;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "cw-path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (dialog), "cw-flags", GUINT_TO_POINTER (flags));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  gboolean automatic = FALSE;
  g_autofree char *when = cw_store_backup_describe (self->store, path, &automatic);
  g_autofree char *question = g_strdup_printf (_("Restore the backup of %s?"), when);

  ask_restore (self, path, question, _("Your current data is saved as a backup first."),
               CW_STORE_RESTORE_DEFAULT);
}

/* Set-up */

static void
on_store_reset (CwPreferencesWindow *self)
{
  /* A backup was restored: settings and profiles may all differ. */
  load_profiles (self);
  load_settings (self);
  refresh_backups (self);
}

static void
setup_tables (CwPreferencesWindow *self)
{
  static const char *const new_rule[] = { "name", N_("New deadline"), "amount", "1",
                                          "unit", "months", "anchor", "decision", NULL };
  const char *new_kind[] = { "name", _("New kind"), "prefix", "NEW", NULL };
  const char *new_rule_values[G_N_ELEMENTS (new_rule)];
  const char *new_agency[] = { "name", _("New agency"), NULL };

  memcpy (new_rule_values, new_rule, sizeof new_rule);
  new_rule_values[1] = _(new_rule[1]);
  cw_record_table_setup (self->rules_table, &cw_entity_deadline_rule, _("Deadline rules"),
                         _("These rules set no deadlines yet. Add one with the Add button or "
                           "Insert."),
                         new_rule_values);
  cw_record_table_setup (self->agencies_table, &cw_entity_agency, _("Agencies"),
                         _("No agencies yet. Add the organisations that take part in reviews "
                           "with the Add button or Insert."),
                         new_agency);
  /* The core gives each new kind its identifier. */
  cw_record_table_setup (self->kinds_table, &cw_entity_review_kind, _("Kinds of review"),
                         _("There are no kinds of review. Add one with the Add button or Insert."),
                         new_kind);
}

static void
cw_preferences_window_constructed (GObject *object)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cw_preferences_window_parent_class)->constructed (object);
  self->reset_id = g_signal_connect_swapped (self->store, "reset", G_CALLBACK (on_store_reset),
                                             self);
  cw_undo_bar_set_store (self->undo_bar, self->store);
  setup_tables (self);
  load_profiles (self);
  load_settings (self);
  cw_record_table_set_review (self->rules_table, self->store, 0);
  cw_record_table_set_review (self->agencies_table, self->store, 0);
  cw_record_table_set_review (self->kinds_table, self->store, 0);
  refresh_backups (self);
}

static gboolean
cw_preferences_window_close_request (GtkWindow *window)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (window);

  g_autoptr (GError) error = NULL;

  flush (self);
  if (!cw_undo_bar_finish (self->undo_bar, &error))
    g_warning ("%s", error->message);
  return GTK_WINDOW_CLASS (cw_preferences_window_parent_class)->close_request (window);
}

static void
cw_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_preferences_window_dispose (GObject *object)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    {
      if (self->save_timeout != 0)
        save_reviewer_name (self);
      g_clear_signal_handler (&self->reset_id, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cw_preferences_window_parent_class)->dispose (object);
}

static void
cw_preferences_window_finalize (GObject *object)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->profile_slugs, g_ptr_array_unref);
  G_OBJECT_CLASS (cw_preferences_window_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  cw_undo_bar_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "prefs.backup-now", NULL, backup_now_activated);
  gtk_widget_class_install_action (widget_class, "prefs.open-folder", NULL, open_folder_activated);
  gtk_widget_class_install_action (widget_class, "prefs.restore", "s", restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
cw_preferences_window_class_init (CwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cw_preferences_window_constructed;
  object_class->set_property = cw_preferences_window_set_property;
  object_class->get_property = cw_preferences_window_get_property;
  object_class->dispose = cw_preferences_window_dispose;
  object_class->finalize = cw_preferences_window_finalize;
  window_class->close_request = cw_preferences_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CW_TYPE_RECORD_TABLE);
  g_type_ensure (CW_TYPE_UNDO_BAR);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/casewise/Casewise/ui/cw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, reviewer_entry);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow,
                                        default_profile_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow,
                                        rules_profile_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, rules_table);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, kinds_table);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, agencies_table);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, backup_dir_label);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, undo_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_default_profile_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_retention_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rules_profile_selected);
  install_actions (widget_class);
}

static void
cw_preferences_window_init (CwPreferencesWindow *self)
{
  self->profile_slugs = g_ptr_array_new_with_free_func (g_free);
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

/**
 * cw_preferences_window_new:
 * @store: the database whose preferences are shown
 *
 * Returns: (transfer none): the window; the caller sets its parent
 */
GtkWidget *
cw_preferences_window_new (CwStore *store)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
}
