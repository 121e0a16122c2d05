/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-import.h"
#include "cw-chronology.h"
#include "cw-import-dialog.h"
#include "cw-job.h"

/* Importing one agency's return: which agency, which sheet, how to read
 * its dates, which column is which field (with the first values of each
 * to go by); for a combined chronology, the split into one return per
 * agency of its Agency column (agencies the register lacks added on
 * request, or nothing imported); every problem by row and column, then the import itself with
 * progress and Cancel. Reading, checking and writing are jobs (CwJob) run
 * in a worker thread; the writing one has its own connection, and one
 * transaction, and the app's connection tells the views what it wrote. */

struct _CwImportDialog
{
  GtkWindow           parent_instance;
  GtkStack           *stack;
  GtkLabel           *loading_label;
  GtkDropDown        *agency;
  GtkDropDown        *sheet;
  GtkWidget          *sheet_label;
  GtkDropDown        *order;
  GtkLabel           *order_note;
  GtkCheckButton     *from_column;
  GtkLabel           *split_label;
  GtkCheckButton     *add_agencies;
  GtkGrid            *columns;
  GtkLabel           *summary;
  GtkLabel           *replace_note;
  GtkWidget          *problems_box;
  GtkStringList      *problems;
  GtkProgressBar     *progress;
  GtkWidget          *import_button;
  GtkWidget          *cancel_button;
  GtkWidget          *settings;
  GPtrArray          *agency_ids; /* gint64 as pointers, in the drop-down's order */
  CwStore            *store;
  gint64              review_id;
  GFile              *file;
  CwChronologyImport *import;
  GCancellable       *cancellable;
  gboolean            busy;
  gboolean            filling;
  gboolean            closing; /* asked to close while a thread ran */
  gboolean            writing;
  char               *result_summary;
  gboolean            agency_column; /* the mapping reads a column as the agency */
  gboolean            split_blocked; /* agencies the register lacks, and not to be added */
};

G_DEFINE_FINAL_TYPE (CwImportDialog, cw_import_dialog, GTK_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void check_rows (CwImportDialog *self);
static void show_split (CwImportDialog *self);
static void find_agency_column (CwImportDialog *self);
static void show_replacement (CwImportDialog *self);

/* Progress from a job: reported in its thread, shown in this one */

static void
report_progress (double   fraction,
                 gpointer job)
{
  cw_job_report (job, fraction, NULL);
}

static void
show_progress (CwJob          *job,
               GParamSpec     *pspec,
               CwImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress, cw_job_get_fraction (job));
}

/* Runs @job; @done gets the dialog, kept alive until then. */
static void
run_job (CwImportDialog      *self,
         CwJob               *job,
         GAsyncReadyCallback  done)
{
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (show_progress), self, 0);
  cw_job_run (job, self->cancellable, done, g_object_ref (self));
}

static void
set_busy (CwImportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->settings, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_progress_bar_set_fraction (self->progress, 0);
  g_clear_object (&self->cancellable);
  if (busy)
    self->cancellable = g_cancellable_new ();
}

/* After a thread: TRUE when the dialog was asked to close meanwhile, and
 * now has. */
static gboolean
close_if_asked (CwImportDialog *self)
{
  if (!self->closing)
    return FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* The mapping */

static char *
samples (CwChronologyImport *import,
         guint               column)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint found = 0;

  for (guint i = 0; i < cw_chronology_import_get_n_records (import) && found < 3 && i < 50; i++)
    {
      const GPtrArray *record = cw_chronology_import_get_record (import, i, NULL);
      const char *cell = column < record->len ? record->pdata[column] : NULL;
      g_autofree char *line = NULL;

      if (cell == NULL || *cell == '\0')
        continue;
      line = g_strndup (cell, MIN (strcspn (cell, "\r\n"), 60));
      g_string_append_printf (text, "%s%s", found++ ? " · " : "", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_field_chosen (GtkDropDown    *drop_down,
                 GParamSpec     *pspec,
                 CwImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "cw-column"));

  if (self->filling || self->busy)
    return;
  cw_chrono_mapping_set (cw_chronology_import_get_mapping (self->import), column,
                         (CwChronoField) gtk_drop_down_get_selected (drop_down));
  find_agency_column (self);
  show_split (self);
  check_rows (self);
}

static GtkWidget *
field_drop_down (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (CwChronoField f = CW_CHRONO_FIELD_NONE; f < CW_CHRONO_N_FIELDS; f++)
    gtk_string_list_append (labels, cw_chrono_field_label (f));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  return drop_down;
}

static void
fill_columns (CwImportDialog *self)
{
  CwChronoMapping *mapping = cw_chronology_import_get_mapping (self->import);
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_grid_remove (self->columns, child);
  for (guint c = 0; c < cw_chrono_mapping_get_n_columns (mapping); c++)
    {
      g_autofree char *letters = cw_column_letters (c + 1);
      const char *header = cw_chrono_mapping_get_header (mapping, c);
      g_autofree char *name = g_strdup_printf ("%s  %s", letters, header ? header : "");
      g_autofree char *example = samples (self->import, c);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *drop_down = field_drop_down ();
      GtkWidget *sample = gtk_label_new (example);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_xalign (GTK_LABEL (sample), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (sample), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (sample, TRUE);
      gtk_widget_add_css_class (sample, "dim-label");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), cw_chrono_mapping_get (mapping, c));
      g_object_set_data (G_OBJECT (drop_down), "cw-column", GUINT_TO_POINTER (c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_field_chosen), self);
      gtk_grid_attach (self->columns, label, 0, (int) c, 1, 1);
      gtk_grid_attach (self->columns, drop_down, 1, (int) c, 1, 1);
      gtk_grid_attach (self->columns, sample, 2, (int) c, 1, 1);
    }
  self->filling = FALSE;
}

/* Checking the rows, in a job */

static gboolean
check_job (CwJob         *job,
           CwStore       *store,
           gpointer       import,
           GCancellable  *cancellable,
           GError       **error)
{
  GError *local = NULL;

  if (cw_chronology_import_check (import, cancellable, report_progress, job, &local))
    return TRUE;
  if (local == NULL)
    local = g_error_new (CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS,
                         _("The rows could not be checked"));
  g_propagate_error (error, local);
  return FALSE;
}

static void
show_problems (CwImportDialog *self)
{
  GPtrArray *problems = cw_chronology_import_get_problems (self->import);
  const char *name = cw_chronology_import_get_file_name (self->import);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = cw_import_problem_format (problems->pdata[i], name);
      g_strv_builder_add (lines, line);
    }
  strv = g_strv_builder_end (lines);
  gtk_string_list_splice (self->problems, 0, n, (const char *const *) strv);
  gtk_widget_set_visible (self->problems_box, strv[0] != NULL);
}

static void
show_check (CwImportDialog *self)
{
  guint valid = cw_chronology_import_get_n_valid (self->import);
  guint rejected = cw_chronology_import_get_n_rejected (self->import);
  g_autofree char *ready = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u entry is ready to import.", "%u entries are ready to import.",
                 valid), valid);
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;

  if (rejected > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s %u row has errors and will be left out unless you "
                                         "correct the file or the columns.",
                                         "%s %u rows have errors and will be left out unless you "
                                         "correct the file or the columns.", rejected),
                            ready, rejected);
  gtk_label_set_text (self->summary, text ? text : ready);
  button = rejected > 0 ? g_strdup_printf (_("Import the %u Valid Rows"), valid)
                        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Entry",
                                                        "Import %u Entries", valid), valid);
  gtk_button_set_label (GTK_BUTTON (self->import_button), button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 valid > 0 && !self->split_blocked);
  show_problems (self);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (CwImportDialog) self = data;
  g_autoptr (GError) error = NULL;
  gboolean ok = cw_job_finish (CW_JOB (source), result, &error);

  set_busy (self, FALSE);
  if (close_if_asked (self))
    return;
  if (!ok)
    {
      gtk_label_set_text (self->summary, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      gtk_string_list_splice (self->problems, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
      return;
    }
  show_check (self);
}

static void
check_rows (CwImportDialog *self)
{
  g_autoptr (CwJob) job = cw_job_new_without_store (check_job, self->import, NULL);

  set_busy (self, TRUE);
  gtk_label_set_text (self->summary, _("Checking every row…"));
  run_job (self, job, check_done);
}

/* A combined chronology: split by its Agency column */

static gboolean
splitting (CwImportDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->from_column))
         && gtk_check_button_get_active (self->from_column);
}

static char *
split_line (CwImportDialog       *self,
            const CwImportAgency *agency)
{
  g_autofree char *rows = cw_import_agency_format_rows (agency);
  g_autoptr (CwRecord) record = agency->agency_id != 0
    ? cw_store_get (self->store, &cw_entity_agency, agency->agency_id, NULL) : NULL;
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (self->agency);

  if (agency->name == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "• No agency named: %u row (%s), the return of %s",
                                         "• No agency named: %u rows (%s), the return of %s",
                                         agency->n_rows),
                            agency->n_rows, rows,
                            chosen ? gtk_string_object_get_string (chosen) : "?");
  if (record == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "• “%s”: %u row (%s), not in the register",
                                         "• “%s”: %u rows (%s), not in the register",
                                         agency->n_rows),
                            agency->name, agency->n_rows, rows);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "• %s: %u row", "• %s: %u rows",
                                       agency->n_rows),
                          cw_record_get (record, "name"), agency->n_rows);
}

/* Whether a column is read as the agency: when the mapping changes,
 * before the rows are checked again (asking for the mapping forgets the
 * check). */
static void
find_agency_column (CwImportDialog *self)
{
  CwChronoMapping *mapping = cw_chronology_import_get_mapping (self->import);
  guint column;

  self->agency_column = mapping != NULL
                        && cw_chrono_mapping_find (mapping, CW_CHRONO_FIELD_AGENCY, &column);
}

/* Offers the split when a column is the agency; shows how the rows
 * split, and which agencies the register lacks: add them, or stop. */
static void
show_split (CwImportDialog *self)
{
  g_autoptr (GPtrArray) agencies = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  guint unknown = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->from_column), self->agency_column);
  self->split_blocked = FALSE;
  if (self->agency_column && splitting (self))
    agencies = cw_chronology_import_find_agencies (self->import, self->store, NULL);
  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    {
      const CwImportAgency *agency = agencies->pdata[i];
      g_autofree char *line = split_line (self, agency);

      if (agency->name != NULL && agency->agency_id == 0)
        unknown++;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }
  if (agencies != NULL)
    {
      g_autofree char *head = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "The rows go to %u return:", "The rows go to %u returns:",
                     agencies->len), agencies->len);

      g_string_prepend (text, "\n");
      g_string_prepend (text, head);
    }
  if (unknown > 0 && !gtk_check_button_get_active (self->add_agencies))
    {
      self->split_blocked = TRUE;
      g_string_append_printf (text, "\n%s",
                              g_dngettext (GETTEXT_PACKAGE,
                                           "One agency is not in the register: add it below, "
                                           "or cancel and correct the column or the register.",
                                           "Some agencies are not in the register: add them "
                                           "below, or cancel and correct the column or the "
                                           "register.", unknown));
    }
  gtk_label_set_text (self->split_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->split_label), agencies != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->add_agencies), unknown > 0);
  show_replacement (self);
}

static void
on_split_toggled (CwImportDialog *self)
{
  if (self->filling || self->busy || self->import == NULL)
    return;
  show_split (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 cw_chronology_import_get_n_valid (self->import) > 0
                                   && !self->split_blocked);
}

/* Split a file that names more than one agency, unless told otherwise. */
static void
offer_split (CwImportDialog *self)
{
  g_autoptr (GPtrArray) agencies = NULL;
  guint named = 0;

  if (self->agency_column)
    agencies = cw_chronology_import_find_agencies (self->import, self->store, NULL);
  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    if (((CwImportAgency *) agencies->pdata[i])->name != NULL)
      named++;
  gtk_check_button_set_active (self->from_column, named > 1);
}

/* The agency, the sheet, the date order */

static gint64
chosen_agency (CwImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->agency);

  return i < self->agency_ids->len ? (gint64) GPOINTER_TO_SIZE (self->agency_ids->pdata[i]) : 0;
}

static void
show_replacement (CwImportDialog *self)
{
  guint earlier = cw_chronology_count_imported (self->store, self->review_id,
                                                chosen_agency (self));
  g_autofree char *text = NULL;

  /* Split, the rows go to other returns than this agency's. */
  if (splitting (self))
    earlier = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->replace_note), earlier > 0);
  if (earlier == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This agency’s return already brought %u entry. This "
                                       "import replaces it: an entry with the same record "
                                       "reference is updated (even with a corrected date, when "
                                       "the reference is its alone) and keeps its links, "
                                       "significance and tags; one no longer in the return is "
                                       "deleted, and the history keeps what it said.",
                                       "This agency’s return already brought %u entries. This "
                                       "import replaces them: entries with the same record "
                                       "reference are updated (even with a corrected date, when "
                                       "the reference is theirs alone) and keep their links, "
                                       "significance and tags; those no longer in the return "
                                       "are deleted, and the history keeps what they said.",
                                       earlier), earlier);
  gtk_label_set_text (self->replace_note, text);
}

static void
apply_agency (CwImportDialog *self)
{
  g_autofree char *saved = cw_chronology_get_saved_mapping (self->store, chosen_agency (self));

  cw_chronology_import_use_saved_mapping (self->import, saved);
  fill_columns (self);
  find_agency_column (self);
  show_split (self);
}

static void
on_agency_chosen (CwImportDialog *self)
{
  if (self->filling || self->busy)
    return;
  apply_agency (self);
  check_rows (self);
}

static void
on_order_chosen (CwImportDialog *self)
{
  if (self->filling || self->busy)
    return;
  cw_chronology_import_set_date_order (self->import,
                                       (CwDateOrder) gtk_drop_down_get_selected (self->order));
  check_rows (self);
}

static void
on_sheet_chosen (CwImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (self->filling || self->busy)
    return;
  if (!cw_chronology_import_set_sheet (self->import, gtk_drop_down_get_selected (self->sheet),
                                       &error))
    {
      gtk_label_set_text (self->summary, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return;
    }
  apply_agency (self);
  check_rows (self);
}

/* Its name often says whose return it is: "Police chronology.xlsx". */
static guint
guess_agency (CwImportDialog *self,
              GListModel     *names)
{
  g_autofree char *file = g_utf8_casefold (cw_chronology_import_get_file_name (self->import), -1);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      g_auto (GStrv) words = g_strsplit_set (folded, " ()'’", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (g_utf8_strlen (words[w], -1) >= 4 && strstr (file, words[w]) != NULL
            && !g_str_equal (words[w], "northshire"))
          return i;
    }
  return 0;
}

static void
fill_agencies (CwImportDialog *self)
{
  g_autoptr (GListModel) agencies = cw_store_list (self->store, &cw_entity_agency, 0, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (agencies, i);

      gtk_string_list_append (names, cw_record_get (record, "name"));
      g_ptr_array_add (self->agency_ids, GSIZE_TO_POINTER (cw_record_get_id (record)));
    }
  gtk_drop_down_set_model (self->agency, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agency, guess_agency (self, G_LIST_MODEL (names)));
  g_object_unref (names);
}

static void
fill_sheets (CwImportDialog *self)
{
  guint n = cw_chronology_import_get_n_sheets (self->import);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, cw_chronology_import_get_sheet_name (self->import, i) ?: "");
  gtk_drop_down_set_model (self->sheet, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->sheet), n > 1);
  gtk_widget_set_visible (self->sheet_label, n > 1);
  g_object_unref (names);
}

static void
show_loaded (CwImportDialog *self)
{
  g_autofree char *title = g_strdup_printf (_("Import %s"),
                                            cw_chronology_import_get_file_name (self->import));
  gboolean month_first = cw_chronology_import_dates_look_month_first (self->import);

  gtk_window_set_title (GTK_WINDOW (self), title);
  self->filling = TRUE;
  fill_agencies (self);
  fill_sheets (self);
  gtk_drop_down_set_selected (self->order, cw_chronology_import_get_date_order (self->import));
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->order_note), month_first);
  if (month_first)
    gtk_label_set_text (self->order_note,
                        _("⚠ These dates make sense only month first, as in 04/13/2021 (13 "
                          "April). UK returns are day first; choose “Month first” if this "
                          "return was written the American way."));
  apply_agency (self);
  self->filling = TRUE;
  offer_split (self);
  self->filling = FALSE;
  show_split (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  check_rows (self);
}

/* Reading the file, in a job */

typedef struct
{
  GFile              *file;
  CwChronologyImport *import;
} Read;

static void
read_free (Read *r)
{
  g_clear_object (&r->file);
  g_clear_pointer (&r->import, cw_chronology_import_free);
  g_free (r);
}

static gboolean
read_job (CwJob         *job,
          CwStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Read *r = data;

  r->import = cw_chronology_import_new_from_file (r->file, cancellable, error);
  return r->import != NULL;
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr (CwImportDialog) self = data;
  g_autoptr (GError) error = NULL;
  Read *r = cw_job_get_data (CW_JOB (source));

  set_busy (self, FALSE);
  if (cw_job_finish (CW_JOB (source), result, &error))
    self->import = g_steal_pointer (&r->import);
  if (close_if_asked (self))
    return;
  if (self->import == NULL)
    {
      gtk_label_set_text (self->loading_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return;
    }
  show_loaded (self);
}

/* Writing, in a job with its own connection */

typedef struct
{
  CwChronologyImport *import; /* the dialog's, which waits for the job */
  gint64              review_id;
  gint64              agency_id;
  CwImportFlags       flags;
  CwImportResult      result;
} Write;

static gboolean
write_job (CwJob         *job,
           CwStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Write *w = data;

  return cw_chronology_import_run (w->import, store, w->review_id, w->agency_id, w->flags,
                                   cancellable, report_progress, job, &w->result, error);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (CwImportDialog) self = data;
  Write *w = cw_job_get_data (CW_JOB (source));
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  self->writing = FALSE;
  /* The views have heard what the job's connection wrote by now. */
  if (!cw_job_finish (CW_JOB (source), result, &error))
    {
      if (close_if_asked (self))
        return;
      gtk_label_set_text (self->summary,
                          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                            ? _("Import cancelled: nothing was written.")
                            : error->message);
      return;
    }
  self->result_summary = g_strdup_printf (
    _("Imported %s: %u entries added, %u updated, %u unchanged, %u removed; %u rows left out"),
    cw_chronology_import_get_file_name (self->import), w->result.added, w->result.updated,
    w->result.unchanged, w->result.removed, w->result.rejected);
  if (w->flags & CW_IMPORT_AGENCY_FROM_COLUMN)
    {
      GPtrArray *agencies = cw_chronology_import_get_agencies (self->import);
      guint n = agencies != NULL ? agencies->len : 0;
      g_autofree char *split = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s, in %u return", "%s, in %u returns", n),
        self->result_summary, n);

      g_free (self->result_summary);
      self->result_summary = g_steal_pointer (&split);
    }
  g_signal_emit (self, signals[IMPORTED], 0, (gint64) 0);
  gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                              "win.show-message", "s", self->result_summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import (CwImportDialog *self)
{
  g_autoptr (CwJob) job = NULL;
  Write *w;

  if (self->busy || self->import == NULL || chosen_agency (self) == 0)
    return;
  if (splitting (self))
    {
      show_split (self); /* the register may have changed */
      if (self->split_blocked)
        return;
    }
  w = g_new0 (Write, 1);
  w->import = self->import;
  w->review_id = self->review_id;
  w->agency_id = chosen_agency (self);
  w->flags = CW_IMPORT_VALID_ROWS;
  if (splitting (self))
    w->flags |= CW_IMPORT_AGENCY_FROM_COLUMN
                | (gtk_check_button_get_active (self->add_agencies) ? CW_IMPORT_ADD_AGENCIES : 0);
  /* A deletion waiting to be made final would wait for this write. */
  gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                              "win.dismiss", NULL);
  set_busy (self, TRUE);
  self->writing = TRUE;
  gtk_label_set_text (self->summary, _("Importing…"));
  job = cw_job_new (self->store, write_job, w, g_free);
  run_job (self, job, write_done);
}

static void
run_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  on_import (CW_IMPORT_DIALOG (widget));
}

/* Cancel stops an import being written and stays, to say nothing was
 * written; anything else it stops and closes. */
static void
on_cancel (CwImportDialog *self)
{
  if (self->busy && self->cancellable != NULL)
    {
      self->closing = !self->writing;
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The list of problems, one label per line */

static void
setup_problem (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/**
 * cw_import_dialog_new:
 * @file: the return to import
 *
 * Returns: (transfer none): the dialog, reading @file; it emits "imported"
 *   when the import is written
 */
GtkWidget *
cw_import_dialog_new (GtkWindow *parent,
                      CwStore   *store,
                      gint64     review_id,
                      GFile     *file)
{
  CwImportDialog *self = g_object_new (CW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr (CwJob) job = NULL;
  Read *read;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *reading = g_strdup_printf (_("Reading %s…"), name);

  self->store = g_object_ref (store);
  self->review_id = review_id;
  self->file = g_object_ref (file);
  gtk_label_set_text (self->loading_label, reading);
  set_busy (self, TRUE);
  read = g_new0 (Read, 1);
  read->file = g_object_ref (file);
  job = cw_job_new_without_store (read_job, read, (GDestroyNotify) read_free);
  run_job (self, job, read_done);
  return GTK_WIDGET (self);
}

gboolean
cw_import_dialog_is_busy (CwImportDialog *self)
{
  g_return_val_if_fail (CW_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * cw_import_dialog_get_summary:
 *
 * Returns: what the dialog says now about the rows: for tests
 */
const char *
cw_import_dialog_get_summary (CwImportDialog *self)
{
  g_return_val_if_fail (CW_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary);
}

static gboolean
cw_import_dialog_close_request (GtkWindow *window)
{
  CwImportDialog *self = CW_IMPORT_DIALOG (window);

  /* A running thread holds the import: stop it first, then close. */
  if (self->busy)
    {
      self->closing = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (cw_import_dialog_parent_class)->close_request (window);
}

static void
cw_import_dialog_dispose (GObject *object)
{
  CwImportDialog *self = CW_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->import, cw_chronology_import_free);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->result_summary, g_free);
  G_OBJECT_CLASS (cw_import_dialog_parent_class)->dispose (object);
}

static void
cw_import_dialog_class_init (CwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cw_import_dialog_close_request;
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwImportDialog, name)
  BIND (stack);
  BIND (loading_label);
  BIND (agency);
  BIND (sheet);
  BIND (sheet_label);
  BIND (order);
  BIND (order_note);
  BIND (from_column);
  BIND (split_label);
  BIND (add_agencies);
  BIND (columns);
  BIND (summary);
  BIND (replace_note);
  BIND (problems_box);
  BIND (problems);
  BIND (progress);
  BIND (import_button);
  BIND (cancel_button);
  BIND (settings);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, setup_problem);
  gtk_widget_class_bind_template_callback (widget_class, bind_problem);
}

static void
cw_import_dialog_init (CwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->agency_ids = g_ptr_array_new ();
  g_signal_connect_swapped (self->agency, "notify::selected", G_CALLBACK (on_agency_chosen),
                            self);
  g_signal_connect_swapped (self->sheet, "notify::selected", G_CALLBACK (on_sheet_chosen), self);
  g_signal_connect_swapped (self->order, "notify::selected", G_CALLBACK (on_order_chosen), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel), self);
  g_signal_connect_swapped (self->from_column, "toggled", G_CALLBACK (on_split_toggled), self);
  g_signal_connect_swapped (self->add_agencies, "toggled", G_CALLBACK (on_split_toggled), self);
}
