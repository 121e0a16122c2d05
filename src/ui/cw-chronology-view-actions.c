/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"
#include "cw-import-dialog.h"
#include "cw-new-entry-dialog.h"
#include "cw-page-size.h"
#include "cw-privacy.h"
#include "cw-review.h"
#include "cw-timeline-view.h"

/* What the chronology's buttons and menu do beyond the table: import an
 * agency's return, add an entry by hand, export the table (CSV, JSON)
 * or the timeline (PDF, SVG, PNG), zoom the timeline. */

/* Importing a return */

static void
on_imported (CwChronologyView *self,
             gint64            first_entry)
{
  cw_chronology_view_refresh (self);
}

static void
on_file_chosen (GtkNativeDialog  *chooser,
                int               response,
                CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      dialog = cw_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->store, self->review_id, file);
      g_signal_connect_swapped (dialog, "imported", G_CALLBACK (on_imported), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Import an Agency’s Return"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Chronology returns (CSV, TSV, Excel, ODS)"),
              (const char *const[]) { "csv", "tsv", "txt", "xlsx", "ods", NULL });
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), (const char *const[]) { "*", NULL });
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Adding an entry */

static void
on_entry_added (CwChronologyView *self,
                gint64            id)
{
  cw_chronology_view_select_entry (self, id);
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->review_id == 0)
    return;
  dialog = cw_new_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                    self->review_id);
  g_signal_connect_swapped (dialog, "added", G_CALLBACK (on_entry_added), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exporting the table */

/* Whether the user asked for pseudonyms only in an export. */
static gboolean
chose_anonymised (GtkNativeDialog *chooser)
{
  return g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "anonymised"),
                    "true") == 0;
}

/* The list as shown, anonymised: a list of its own, so that the table
 * keeps showing the texts as written. */
static CwChronologyModel *
anonymised_model (CwChronologyView  *self,
                  GError           **error)
{
  g_auto (CwChronologyFilter) filter = { 0 };
  g_autoptr (CwChronologyModel) model = cw_chronology_model_new (self->store, self->review_id);
  g_autoptr (CwRedactor) redactor = cw_redactor_new_for_review (self->store, self->review_id,
                                                                error);

  if (redactor == NULL)
    return NULL;
  cw_chronology_model_set_redactor (model, redactor);
  cw_chronology_view_read_filter (self, &filter);
  if (!cw_chronology_model_refresh (model, &filter, error))
    return NULL;
  return g_steal_pointer (&model);
}

/**
 * cw_chronology_view_export:
 * @path: the file to write
 * @json: JSON rather than CSV
 * @anonymised: every text through the review's redactor
 *
 * Writes the list as shown (its filters apply); the table keeps showing
 * the texts as written.
 *
 * Returns: whether the file was written
 */
gboolean
cw_chronology_view_export (CwChronologyView  *self,
                           const char        *path,
                           gboolean           json,
                           gboolean           anonymised,
                           GError           **error)
{
  g_autoptr (CwChronologyModel) model = NULL;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL && path != NULL, FALSE);

  model = anonymised ? anonymised_model (self, error) : g_object_ref (self->model);
  return model != NULL && cw_chronology_export_to_file (model, path, json, NULL, error);
}

static void
on_export_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean json = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cw-json"));

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      name = g_file_get_basename (file);
      if (cw_chronology_view_export (self, g_file_peek_path (file), json,
                                     chose_anonymised (chooser), &error))
        message = g_strdup_printf (_("Exported the chronology to %s"), name);
      else
        message = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
    }
  g_object_unref (chooser);
}

/* A save dialog for an export of the review, named "<reference> <what>". */
static GtkFileChooserNative *
export_chooser (CwChronologyView *self,
                const char       *title,
                const char       *what,
                GCallback         on_response)
{
  g_autoptr (CwRecord) review = cw_store_get (self->store, &cw_entity_review, self->review_id,
                                              NULL);
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           review ? cw_record_get (review, "reference") : "",
                                           what);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), GTK_FILE_CHOOSER_ACTION_SAVE,
    _("_Export"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Every export may leave the machine: real names can be left out. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "anonymised",
                               _("Pseudonyms only: no real names, dates of birth, postcodes, "
                                 "NHS or phone numbers, or email addresses"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "anonymised", "false");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", on_response, self);
  return chooser;
}

static void
export_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  gboolean json = g_str_equal (g_variant_get_string (parameter, NULL), "json");
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = export_chooser (self, _("Export the Chronology"),
                            json ? "chronology.json" : "chronology.csv",
                            G_CALLBACK (on_export_chosen));
  g_object_set_data (G_OBJECT (chooser), "cw-json", GINT_TO_POINTER (json));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The timeline: zoom and export */

static void
zoom_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);

  if (g_str_equal (action, "chronology.zoom-fit"))
    cw_timeline_view_zoom_to_fit (self->timeline_view);
  else
    cw_timeline_view_zoom_to_selection (self->timeline_view);
}

/* The size chosen in the save dialog: a page, a picture, or as shown. */
static void
size_of (const char      *choice,
         const char      *lower,
         int              shown_width,
         int              shown_height,
         CwTimelineFrame *frame)
{
  const CwPageSize *size = cw_page_size_lookup (choice);

  if (g_strcmp0 (choice, "shown") == 0 && shown_width > 0)
    {
      frame->width = shown_width;
      frame->height = shown_height + 28;
      return;
    }
  if (size == NULL)
    size = cw_page_size_lookup (g_str_has_suffix (lower, ".pdf") ? CW_PAGE_SIZE_PDF
                                                                 : CW_PAGE_SIZE_PICTURE);
  frame->width = size->width;
  frame->height = size->height;
}

/**
 * cw_chronology_view_export_timeline:
 * @path: the file to write: .png, .svg or .pdf
 * @size: (nullable): a page size's id (cw_page_sizes ()) or "shown"
 * @whole: the whole case rather than the days shown
 * @anonymised: every text drawn through the review's redactor
 * @callback: (nullable): called when the file is written or could not be
 *   (cw_chronology_view_export_timeline_finish())
 *
 * Writes the timeline as shown (the entries the filters let through, the
 * lanes shown, the days shown or the whole case) in a job, off the main
 * thread; the window says when it is done.
 */
void
cw_chronology_view_export_timeline (CwChronologyView    *self,
                                    const char          *path,
                                    const char          *size,
                                    gboolean             whole,
                                    gboolean             anonymised,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (CwJob) job = NULL;
  g_autofree char *lower = NULL;
  CwChronologyFilter filter = { 0 };
  CwTimelineFrame frame = { 0 };

  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));
  g_return_if_fail (path != NULL);

  lower = g_ascii_strdown (path, -1);
  size_of (size, lower, gtk_widget_get_width (GTK_WIDGET (self->timeline_view)),
           gtk_widget_get_height (GTK_WIDGET (self->timeline_view)), &frame);
  frame.scale = *cw_timeline_view_get_scale (self->timeline_view);
  if (!whole)
    {
      double shown = (gtk_widget_get_width (GTK_WIDGET (self->timeline_view))
                      - CW_TIMELINE_LANE_LABELS) / frame.scale.px_per_day;
      cw_timeline_scale_fit (&frame.scale, frame.scale.start, frame.scale.start + shown,
                             frame.width - CW_TIMELINE_LANE_LABELS);
    }
  cw_chronology_view_read_filter (self, &filter);
  job = cw_timeline_export_job_new (self->store, self->review_id, &filter, &frame, whole,
                                    anonymised, path);
  cw_job_run (job, NULL, callback, user_data);
}

gboolean
cw_chronology_view_export_timeline_finish (CwChronologyView  *self,
                                           GAsyncResult      *result,
                                           GError           **error)
{
  g_autoptr (GObject) job = g_async_result_get_source_object (result);

  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), FALSE);
  return cw_job_finish (CW_JOB (job), result, error);
}

typedef struct
{
  CwChronologyView *view;
  char             *name;
} Exported;

static void
on_timeline_exported (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  Exported *e = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (cw_job_finish (CW_JOB (source), result, &error))
    message = g_strdup_printf (_("Exported the timeline to %s"), e->name);
  else
    message = g_strdup_printf (_("Could not export the timeline: %s"), error->message);
  gtk_widget_activate_action (GTK_WIDGET (e->view), "win.show-message", "s", message);
  g_object_unref (e->view);
  g_free (e->name);
  g_free (e);
}

static void
on_timeline_file_chosen (GtkNativeDialog  *chooser,
                         int               response,
                         CwChronologyView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  gboolean whole = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "cw-whole"));
  Exported *e;

  if (response != GTK_RESPONSE_ACCEPT
      || cw_timeline_view_get_timeline (self->timeline_view) == NULL
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL
      || (path = g_file_get_path (file)) == NULL)
    {
      g_object_unref (chooser);
      return;
    }
  e = g_new0 (Exported, 1);
  e->view = g_object_ref (self);
  e->name = g_file_get_basename (file);
  message = g_strdup_printf (_("Exporting the timeline to %s…"), e->name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
  cw_chronology_view_export_timeline (
    self, path, gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size"), whole,
    chose_anonymised (chooser), on_timeline_exported, e);
  g_object_unref (chooser);
}

static void
export_timeline_activated (GtkWidget  *widget,
                           const char *action,
                           GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  gboolean whole = g_str_equal (g_variant_get_string (parameter, NULL), "whole");
  GtkFileChooserNative *chooser;
  guint n_sizes;
  const CwPageSize *sizes = cw_page_sizes (&n_sizes);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  if (self->store == NULL || self->review_id == 0)
    return;
  chooser = export_chooser (self, _("Export the Timeline"), "timeline.pdf",
                            G_CALLBACK (on_timeline_file_chosen));
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF, SVG or PNG"),
              (const char *const[]) { "pdf", "svg", "png", NULL });
  g_object_set_data (G_OBJECT (chooser), "cw-whole", GINT_TO_POINTER (whole));
  for (guint i = 0; i < n_sizes; i++)
    {
      g_ptr_array_add (ids, (gpointer) sizes[i].id);
      g_ptr_array_add (labels, (gpointer) _(sizes[i].label));
    }
  g_ptr_array_add (ids, "shown");
  g_ptr_array_add (labels, _("As on screen"));
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("Size"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", CW_PAGE_SIZE_PDF);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cw_chronology_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chronology.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "chronology.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "chronology.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "chronology.export-timeline", "s",
                                   export_timeline_activated);
  gtk_widget_class_install_action (widget_class, "chronology.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "chronology.zoom-selection", NULL,
                                   zoom_activated);
}
