/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-actions-private.h"
#include "cw-analysis.h"
#include "cw-clock.h"
#include "cw-csv-writer.h"
#include "cw-csv.h"
#include "cw-date.h"
#include "cw-privacy.h"
#include "cw-workbook.h"
#include "cw-xlsx-writer.h"

/* The tracker a subgroup circulates, and the same sheet back from the
 * agencies (Slough appendix 1): one row per action with what the plan
 * says, and empty columns for the agency to fill (the new status, what
 * has happened, when, who says so). Written as CSV or XLSX through the
 * store's outputs, with real names taken out of every text by the
 * review's redactor; read back with the project's own readers, matched by
 * action id, checked row by row and applied in one transaction, all of it
 * or nothing. */

typedef enum
{
  COL_ID,
  COL_REVIEW,
  COL_RECOMMENDATION,
  COL_DESCRIPTION,
  COL_AGENCY,
  COL_PERSON,
  COL_BODY,
  COL_DUE,
  COL_MEASURE,
  COL_AUDIT,
  COL_STATUS,
  COL_RAG,
  COL_LATEST,
  COL_NEW_STATUS,
  COL_NARRATIVE,
  COL_DATE,
  COL_REPORTER,
  N_COLUMNS,
} Column;

static const struct
{
  const char *heading;
  double      width;
} columns[N_COLUMNS] = {
  [COL_ID] = { N_("Action id"), 10 },
  [COL_REVIEW] = { N_("Review"), 16 },
  [COL_RECOMMENDATION] = { N_("Recommendation"), 40 },
  [COL_DESCRIPTION] = { N_("What will change"), 50 },
  [COL_AGENCY] = { N_("Agency"), 24 },
  [COL_PERSON] = { N_("Person"), 18 },
  [COL_BODY] = { N_("Body"), 18 },
  [COL_DUE] = { N_("Due"), 12 },
  [COL_MEASURE] = { N_("How will you know anything has changed?"), 36 },
  [COL_AUDIT] = { N_("How will the impact be audited?"), 30 },
  [COL_STATUS] = { N_("Status"), 16 },
  [COL_RAG] = { N_("RAG"), 18 },
  [COL_LATEST] = { N_("Latest progress"), 40 },
  [COL_NEW_STATUS] = { N_("New status"), 16 },
  [COL_NARRATIVE] = { N_("Progress narrative"), 50 },
  [COL_DATE] = { N_("Date of update"), 14 },
  [COL_REPORTER] = { N_("Reported by"), 20 },
};

/* The columns the agency fills; the reporter may stay empty. */
static const Column returned[] = { COL_NEW_STATUS, COL_NARRATIVE, COL_DATE, COL_REPORTER };

/* ------------------------------------------------------------ export */

/* The review's redactor, built once per review of the tracker. */
static CwRedactor *
redactor_for (CwStore     *store,
              GHashTable  *redactors,
              gint64       review_id,
              GError     **error)
{
  CwRedactor *redactor = g_hash_table_lookup (redactors, &review_id);
  gint64 *key;

  if (redactor != NULL)
    return redactor;
  if ((redactor = cw_redactor_new_for_review (store, review_id, error)) == NULL)
    return NULL;
  key = g_memdup2 (&review_id, sizeof review_id);
  g_hash_table_insert (redactors, key, redactor);
  return redactor;
}

/* "2026-04-03: narrative" as "3 Apr 2026: narrative". */
static char *
latest_text (const char *latest)
{
  const char *colon = latest ? strstr (latest, ": ") : NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;

  if (colon == NULL)
    return g_strdup (latest);
  iso = g_strndup (latest, colon - latest);
  if ((day = cw_date_iso_to_display (iso)) == NULL)
    return g_strdup (latest);
  return g_strconcat (day, colon, NULL);
}

static const char *
rag_colour (CwRag rag)
{
  switch (rag)
    {
    case CW_RAG_RED:
      return _("Red");
    case CW_RAG_AMBER:
      return _("Amber");
    case CW_RAG_GREEN:
      return _("Green");
    case CW_RAG_DONE:
    case CW_RAG_CLOSED:
    default:
      return NULL;
    }
}

/* "Red – Overdue": the colour's name beside the words, never alone. */
static char *
rag_text (const CwRagRating *rating)
{
  const char *colour = rag_colour (rating->rag);

  return colour ? g_strdup_printf ("%s – %s", colour, rating->words) : g_strdup (rating->words);
}

static CwXlsxStyle
rag_style (CwRag rag)
{
  switch (rag)
    {
    case CW_RAG_RED:
      return CW_XLSX_STYLE_RED;
    case CW_RAG_AMBER:
      return CW_XLSX_STYLE_AMBER;
    case CW_RAG_GREEN:
    case CW_RAG_DONE:
      return CW_XLSX_STYLE_GREEN;
    case CW_RAG_CLOSED:
    default:
      return CW_XLSX_STYLE_PLAIN;
    }
}

/* One action's cells as text, names redacted; @cells[COL_DUE] stays ISO. */
static gboolean
action_cells (CwStore     *store,
              GHashTable  *redactors,
              CwAction    *a,
              char       **cells,
              GError     **error)
{
  CwRedactor *redactor = redactor_for (store, redactors, a->review_id, error);
  g_autofree char *recommendation = NULL;
  g_autofree char *latest = NULL;

  if (redactor == NULL)
    return FALSE;
  recommendation = g_strdup_printf ("%d. %s", a->recommendation,
                                    a->recommendation_text ? a->recommendation_text : "");
  latest = latest_text (a->latest_update);
  cells[COL_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
  cells[COL_REVIEW] = g_strdup (a->reference);
  cells[COL_RECOMMENDATION] = cw_redactor_redact (redactor, recommendation);
  cells[COL_DESCRIPTION] = cw_redactor_redact (redactor, a->description ? a->description : "");
  cells[COL_AGENCY] = g_strdup (a->agency);
  cells[COL_PERSON] = a->person ? cw_redactor_redact (redactor, a->person) : NULL;
  cells[COL_BODY] = g_strdup (a->body);
  cells[COL_DUE] = g_strdup (a->due_on);
  cells[COL_MEASURE] = a->impact_measure ? cw_redactor_redact (redactor, a->impact_measure)
                                         : NULL;
  cells[COL_AUDIT] = a->audit_method ? cw_redactor_redact (redactor, a->audit_method) : NULL;
  cells[COL_STATUS] = g_strdup (_(cw_choice_label (cw_action_statuses, a->status)
                                  ?: a->status));
  cells[COL_RAG] = rag_text (&a->rating);
  cells[COL_LATEST] = latest ? cw_redactor_redact (redactor, latest) : NULL;
  return TRUE;
}

static void
free_cells (char **cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&cells[i], g_free);
}

static gboolean
write_csv (CwStore        *store,
           GPtrArray      *actions,
           GOutputStream  *out,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr (CwCsvWriter) csv = cw_csv_writer_new (out);
  g_autoptr (GHashTable) redactors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) cw_redactor_unref);

  for (guint i = 0; i < N_COLUMNS; i++)
    cw_csv_writer_cell (csv, _(columns[i].heading));
  if (!cw_csv_writer_end_row (csv, cancellable, error))
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      char *cells[N_COLUMNS] = { NULL };
      gboolean ok;

      if (!action_cells (store, redactors, actions->pdata[i], cells, error))
        return FALSE;
      for (guint c = 0; c < N_COLUMNS; c++)
        cw_csv_writer_cell (csv, cells[c]);
      free_cells (cells);
      ok = cw_csv_writer_end_row (csv, cancellable, error);
      if (!ok)
        return FALSE;
    }
  return cw_csv_writer_finish (csv, cancellable, error);
}

static gboolean
write_xlsx (CwStore        *store,
            GPtrArray      *actions,
            GOutputStream  *out,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr (CwXlsxWriter) xlsx = cw_xlsx_writer_new (_("Action tracker"));
  g_autoptr (GHashTable) redactors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) cw_redactor_unref);

  cw_xlsx_writer_begin_heading (xlsx);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      cw_xlsx_writer_set_column_width (xlsx, i + 1, columns[i].width);
      cw_xlsx_writer_text (xlsx, _(columns[i].heading), CW_XLSX_STYLE_PLAIN);
    }
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *a = actions->pdata[i];
      char *cells[N_COLUMNS] = { NULL };
      GDate due;

      if (!action_cells (store, redactors, a, cells, error))
        return FALSE;
      cw_xlsx_writer_begin_row (xlsx);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c == COL_ID)
            cw_xlsx_writer_integer (xlsx, a->id);
          else if (c == COL_DUE)
            cw_xlsx_writer_date (xlsx, a->due_on && cw_date_parse (a->due_on, &due) ? &due
                                                                                    : NULL);
          else
            cw_xlsx_writer_text (xlsx, cells[c],
                                 c == COL_RAG ? rag_style (a->rating.rag) : CW_XLSX_STYLE_PLAIN);
        }
      free_cells (cells);
    }
  return cw_xlsx_writer_write (xlsx, out, cancellable, error);
}

/**
 * cw_actions_export_tracker:
 * @filter: (nullable): which actions, as cw_actions_list() takes it
 * @format: CSV or XLSX
 * @path: the file to write
 * @n_actions: (out) (optional): how many actions it holds
 *
 * Writes the tracker a subgroup circulates: per action its id, review,
 * recommendation, what will change, who, when, the impact measure and its
 * audit, the status and its RAG rating in words, the latest progress, and
 * empty columns for the agency to fill (new status, progress narrative,
 * date of update, reported by) that cw_actions_import_tracker() reads
 * back. Real names and dates of birth of each review's people register
 * are taken out of every text. Written through cw_store_output_new():
 * never over the database or a backup, private to its owner, and the
 * file that was there stays until the new one is complete.
 *
 * Returns: whether the file was written
 */
gboolean
cw_actions_export_tracker (CwStore               *store,
                           const CwActionFilter  *filter,
                           CwTrackerFormat        format,
                           const char            *path,
                           guint                 *n_actions,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr (CwStoreOutput) output = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  GOutputStream *out;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cw_clock_today (&today);
  if ((actions = cw_actions_list (store, filter, &today, error)) == NULL
      || (output = cw_store_output_new (store, path, error)) == NULL)
    return FALSE;
  out = cw_store_output_get_stream (output);
  ok = format == CW_TRACKER_XLSX ? write_xlsx (store, actions, out, cancellable, error)
                                 : write_csv (store, actions, out, cancellable, error);
  if (!ok)
    {
      g_prefix_error (error, _("Could not write “%s”: "), path);
      return FALSE;
    }
  if (n_actions != NULL)
    *n_actions = actions->len;
  return cw_store_output_commit (output, cancellable, error);
}

/* ------------------------------------------------------------ import */

void
cw_tracker_import_free (CwTrackerImport *self)
{
  if (self == NULL)
    return;
  g_free (self->file_name);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/**
 * cw_tracker_problem_format:
 * @file_name: (nullable): the file, to name it first
 *
 * Returns: (transfer full): the problem as a line a person can act on:
 *   "returned.xlsx, row 5, column N (New status): “Done” is not a status..."
 */
char *
cw_tracker_problem_format (const CwTrackerProblem *problem,
                           const char             *file_name)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column != NULL)
    /* Translators: a row's number, a column's letter and its heading */
    place = g_strdup_printf (_("row %u, column %s (%s)"), problem->row, problem->column,
                             problem->heading);
  else
    place = g_strdup_printf (_("row %u"), problem->row);
  if (file_name == NULL)
    return g_strdup_printf ("%s: %s", place, problem->message);
  return g_strdup_printf ("%s, %s: %s", file_name, place, problem->message);
}

static void
change_free (CwTrackerChange *change)
{
  g_free (change->reference);
  g_free (change->status_from);
  g_free (change->status_to);
  g_free (change->narrative);
  g_free (change->reported_on);
  g_free (change->reporter);
  g_free (change);
}

static void
problem_free (CwTrackerProblem *problem)
{
  g_free (problem->column);
  g_free (problem->heading);
  g_free (problem->message);
  g_free (problem);
}

/* A sheet as rows of cells, whatever file it came from. */
typedef struct
{
  GPtrArray *rows;    /* GPtrArray of char * */
  GArray    *numbers; /* guint: each row's number as the spreadsheet shows it */
} Sheet;

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_clear_pointer (&sheet->numbers, g_array_unref);
}

static const char *
sheet_cell (GPtrArray *cells,
            int        column)
{
  return column >= 0 && (guint) column < cells->len ? cells->pdata[column] : NULL;
}

static gboolean
heading_is (const char *cell,
            Column      column)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *translated = NULL;
  g_autofree char *english = NULL;

  if (cell == NULL)
    return FALSE;
  clean = g_strstrip (g_strdup (cell));
  folded = g_utf8_casefold (clean, -1);
  translated = g_utf8_casefold (_(columns[column].heading), -1);
  english = g_utf8_casefold (columns[column].heading, -1);
  return g_str_equal (folded, translated) || g_str_equal (folded, english);
}

/* The heading row: the first with "Action id" in it. Returns its index in
 * the sheet's rows, or -1; @where gets each column's index, -1 if absent. */
static int
find_heading (Sheet *sheet,
              int   *where)
{
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GPtrArray *cells = sheet->rows->pdata[r];
      gboolean found = FALSE;

      for (guint c = 0; c < cells->len && !found; c++)
        found = heading_is (cells->pdata[c], COL_ID);
      if (!found)
        continue;
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          where[i] = -1;
          for (guint c = 0; c < cells->len && where[i] < 0; c++)
            if (heading_is (cells->pdata[c], i))
              where[i] = (int) c;
        }
      return (int) r;
    }
  return -1;
}

static gboolean
read_csv (GBytes      *bytes,
          const char  *name,
          Sheet       *sheet,
          GError     **error)
{
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, name, error);
  GPtrArray *fields = NULL;
  guint row = 0;

  if (reader == NULL)
    return FALSE;
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  while (cw_csv_reader_next (reader, &fields, &row, error))
    {
      GPtrArray *cells = g_ptr_array_new_full (fields->len, g_free);

      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (cells, g_strdup (fields->pdata[i]));
      g_ptr_array_add (sheet->rows, cells);
      g_array_append_val (sheet->numbers, row);
    }
  return error == NULL || *error == NULL;
}

/* The first sheet of the workbook with a heading row. */
static gboolean
read_workbook (GBytes      *bytes,
               const char  *name,
               Sheet       *sheet,
               int         *where,
               GError     **error)
{
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, name, error);

  if (workbook == NULL)
    return FALSE;
  for (guint i = 0; i < cw_workbook_get_n_sheets (workbook); i++)
    {
      sheet_clear (sheet);
      if (!cw_workbook_read_sheet (workbook, i, &sheet->rows, &sheet->numbers, error))
        return FALSE;
      if (find_heading (sheet, where) >= 0)
        return TRUE;
    }
  return TRUE;
}

#define CW_TRACKER_MAX_FILE_SIZE (64 * 1024 * 1024)

static GBytes *
load (const char  *path,
      GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize size = 0;

  if (g_stat (path, &st) == 0 && st.st_size > CW_TRACKER_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (CW_TRACKER_MAX_FILE_SIZE);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("“%s” is larger than a tracker can be (%s)"), path, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &size, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static void
add_problem (CwTrackerImport *self,
             guint            row,
             int              column,
             Column           which,
             const char      *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
add_problem (CwTrackerImport *self,
             guint            row,
             int              column,
             Column           which,
             const char      *format,
             ...)
{
  CwTrackerProblem *problem = g_new0 (CwTrackerProblem, 1);
  va_list args;

  problem->row = row;
  problem->column = column >= 0 ? cw_column_letters ((guint) column + 1) : NULL;
  problem->heading = g_strdup (_(columns[which].heading));
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

/* A status as the agency typed it: its label ("In progress", in any case)
 * or its id ("in-progress"). */
static const char *
parse_status (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (clean, -1);

  for (guint i = 0; cw_action_statuses[i].id != NULL; i++)
    {
      g_autofree char *label = g_utf8_casefold (_(cw_action_statuses[i].label), -1);
      g_autofree char *english = g_utf8_casefold (cw_action_statuses[i].label, -1);

      if (g_str_equal (folded, label) || g_str_equal (folded, english)
          || g_str_equal (folded, cw_action_statuses[i].id))
        return cw_action_statuses[i].id;
    }
  return NULL;
}

static int
status_index (const char *status)
{
  for (int i = 0; cw_action_statuses[i].id != NULL; i++)
    if (g_strcmp0 (cw_action_statuses[i].id, status) == 0)
      return i;
  return -1;
}

static char *
statuses_in_words (void)
{
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint i = 0; cw_action_statuses[i].id != NULL; i++)
    g_string_append_printf (words, "%s“%s”", i ? ", " : "", _(cw_action_statuses[i].label));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
clean_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/* The stored action the row names: its review, status and whether it is
 * closed. */
typedef struct
{
  char *reference;
  char *status;
  char *closed_on;
} Stored;

static gboolean
read_stored (CwStore  *store,
             gint64    id,
             Stored   *out,
             GError  **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT v.reference, a.status, a.closed_on"
                                                " FROM action a JOIN review v ON v.id = a.review_id"
                                                " WHERE a.id = ? AND a.deleted = 0"
                                                " AND v.deleted = 0", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      out->reference = cw_store_column_text (stmt, 0);
      out->status = cw_store_column_text (stmt, 1);
      out->closed_on = cw_store_column_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

static void
stored_clear (Stored *stored)
{
  g_clear_pointer (&stored->reference, g_free);
  g_clear_pointer (&stored->status, g_free);
  g_clear_pointer (&stored->closed_on, g_free);
}

/* Checks one row and, when it is sound, makes its change inside the open
 * transaction. */
static void
take_row (CwTrackerImport *self,
          CwStore         *store,
          GHashTable      *seen,
          GPtrArray       *cells,
          guint            row,
          const int       *where,
          const GDate     *today)
{
  const char *id_cell = sheet_cell (cells, where[COL_ID]);
  g_autofree char *status_text = clean_or_null (sheet_cell (cells, where[COL_NEW_STATUS]));
  g_autofree char *narrative = clean_or_null (sheet_cell (cells, where[COL_NARRATIVE]));
  g_autofree char *date_text = clean_or_null (sheet_cell (cells, where[COL_DATE]));
  g_autofree char *reporter = clean_or_null (sheet_cell (cells, where[COL_REPORTER]));
  g_autoptr (GError) error = NULL;
  g_autofree char *id_clean = NULL;
  const char *status = NULL;
  g_autofree char *reported_on = NULL;
  Stored stored = { NULL };
  CwTrackerChange *change;
  guint problems = self->problems->len;
  gint64 id = 0;
  GDate day;

  if (status_text == NULL && narrative == NULL && date_text == NULL && reporter == NULL)
    {
      self->n_unchanged += !is_blank (id_cell);
      return;
    }
  id_clean = clean_or_null (id_cell);
  if (id_clean == NULL
      || !g_ascii_string_to_signed (id_clean, 10, 1, G_MAXINT64, &id, NULL))
    {
      if (id_clean == NULL)
        add_problem (self, row, where[COL_ID], COL_ID,
                     _("no action id; the row was filled in but names no action"));
      else
        add_problem (self, row, where[COL_ID], COL_ID,
                     _("“%s” is not an action id (a whole number, as the tracker gave it)"),
                     id_clean);
      return;
    }
  if (g_hash_table_contains (seen, &id))
    {
      add_problem (self, row, where[COL_ID], COL_ID,
                   _("action %" G_GINT64_FORMAT " is also on row %u; give one update per action"),
                   id, GPOINTER_TO_UINT (g_hash_table_lookup (seen, &id)));
      return;
    }
  g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (row));
  if (!read_stored (store, id, &stored, &error))
    {
      if (error != NULL)
        add_problem (self, row, where[COL_ID], COL_ID, "%s", error->message);
      else
        add_problem (self, row, where[COL_ID], COL_ID,
                     _("no action has id %" G_GINT64_FORMAT "; it may have been deleted, or the "
                       "tracker is from another database"), id);
      g_clear_error (&error);
    }
  else if (stored.closed_on != NULL)
    {
      g_autofree char *on = cw_date_iso_to_display (stored.closed_on);

      add_problem (self, row, where[COL_ID], COL_ID,
                   _("action %" G_GINT64_FORMAT " was closed by the monitoring body on %s; it "
                     "takes no more updates"), id, on ? on : stored.closed_on);
    }
  if (status_text != NULL && (status = parse_status (status_text)) == NULL)
    {
      g_autofree char *words = statuses_in_words ();

      add_problem (self, row, where[COL_NEW_STATUS], COL_NEW_STATUS,
                   _("“%s” is not a status; use one of %s"), status_text, words);
    }
  else if (status != NULL && stored.status != NULL
           && status_index (status) < status_index (stored.status) - 1)
    add_problem (self, row, where[COL_NEW_STATUS], COL_NEW_STATUS,
                 _("action %" G_GINT64_FORMAT " is “%s”; it cannot go back to “%s” (a status "
                   "goes forward, or back one step)"), id,
                 _(cw_choice_label (cw_action_statuses, stored.status) ?: stored.status),
                 _(cw_choice_label (cw_action_statuses, status)));
  if (date_text != NULL && !cw_date_parse (date_text, &day))
    add_problem (self, row, where[COL_DATE], COL_DATE,
                 _("“%s” is not a date; write it as 3/4/2026 or 3 Apr 2026"), date_text);
  else if (date_text != NULL && g_date_compare (&day, today) > 0)
    {
      g_autofree char *shown = cw_date_format_display (&day);

      add_problem (self, row, where[COL_DATE], COL_DATE,
                   _("%s is after today; an update is dated when it was made"), shown);
    }
  else if (date_text != NULL)
    reported_on = cw_date_format_iso (&day);
  if (status == NULL && narrative == NULL && self->problems->len == problems)
    add_problem (self, row, where[COL_NEW_STATUS], COL_NEW_STATUS,
                 _("a date or a name but no new status and no progress narrative; say what "
                   "has changed"));
  if (self->problems->len == problems)
    {
      change = g_new0 (CwTrackerChange, 1);
      change->row = row;
      change->action_id = id;
      change->reference = g_steal_pointer (&stored.reference);
      change->status_from = g_strdup (stored.status);
      change->status_to = g_strdup (status);
      change->narrative = g_steal_pointer (&narrative);
      change->reporter = g_steal_pointer (&reporter);
      if (reported_on == NULL)
        reported_on = cw_date_format_iso (today);
      change->reported_on = g_steal_pointer (&reported_on);
      /* The rules of the store have the last word (a status that cannot
       * be reached from where it is), reported on the row as well. */
      if (cw_actions_add_update (store, id, change->reported_on, change->reporter,
                                 change->status_to, change->narrative, &error) == 0)
        {
          add_problem (self, row, where[status ? COL_NEW_STATUS : COL_NARRATIVE],
                       status ? COL_NEW_STATUS : COL_NARRATIVE, "%s", error->message);
          change_free (change);
        }
      else
        g_ptr_array_add (self->changes, change);
    }
  stored_clear (&stored);
}

/**
 * cw_actions_import_tracker:
 * @path: a tracker cw_actions_export_tracker() wrote, as the agency
 *   returns it (CSV or an Excel or LibreOffice workbook)
 * @apply: whether to keep the changes; %FALSE for a preview
 *
 * Reads the progress agencies return in the tracker they were sent: each
 * row whose new status, progress narrative, date of update or reporter is
 * filled becomes a progress update of the action its id names (moving the
 * action's status). Every row is checked (an unknown id, the same action
 * twice, a status that is not one or goes back more than one step, a date
 * that is not one or is after today, an action already closed) and each
 * problem reported by row and column. The changes are made in one
 * transaction: kept when @apply is set and there is no problem, otherwise
 * rolled back, so that a preview shows exactly what applying would do.
 *
 * Returns: (transfer full) (nullable): what would change or did, and the
 *   problems; %NULL with @error set when the file cannot be read or has
 *   no tracker's heading row
 */
CwTrackerImport *
cw_actions_import_tracker (CwStore     *store,
                           const char  *path,
                           gboolean     apply,
                           GError     **error)
{
  g_autoptr (CwTrackerImport) self = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  g_autofree char *name = NULL;
  Sheet sheet = { NULL };
  int where[N_COLUMNS];
  int heading;
  gboolean read;
  GDate today;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((bytes = load (path, error)) == NULL)
    return NULL;
  name = g_path_get_basename (path);
  for (guint i = 0; i < N_COLUMNS; i++)
    where[i] = -1;
  if (cw_workbook_is_workbook_data (bytes))
    read = read_workbook (bytes, name, &sheet, where, error);
  else
    read = read_csv (bytes, name, &sheet, error);
  if (!read)
    {
      sheet_clear (&sheet);
      g_prefix_error (error, _("Could not read “%s”: "), path);
      return NULL;
    }
  if ((heading = find_heading (&sheet, where)) < 0)
    {
      sheet_clear (&sheet);
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” has no row headed “%s”: it is not an action tracker (write one with "
                     "`casewise-cli action export`)"), path, _(columns[COL_ID].heading));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (returned); i++)
    if (where[returned[i]] < 0 && returned[i] != COL_REPORTER)
      {
        guint row = g_array_index (sheet.numbers, guint, heading);

        sheet_clear (&sheet);
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                     _("“%s”: the heading row (row %u) has no column “%s”; keep the tracker's "
                       "columns as `casewise-cli action export` wrote them"),
                     path, row, _(columns[returned[i]].heading));
        return NULL;
      }
  self = g_new0 (CwTrackerImport, 1);
  self->file_name = g_strdup (path);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  cw_clock_today (&today);
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    {
      sheet_clear (&sheet);
      return NULL;
    }
  for (guint r = (guint) heading + 1; r < sheet.rows->len; r++)
    take_row (self, store, seen, sheet.rows->pdata[r], g_array_index (sheet.numbers, guint, r),
              where, &today);
  self->n_rows = sheet.rows->len - (guint) heading - 1;
  sheet_clear (&sheet);
  if (apply && self->problems->len == 0)
    {
      if (!cw_transaction_commit (tx, error))
        return NULL;
      self->applied = TRUE;
    }
  /* Otherwise the transaction's end rolls every change back. */
  return g_steal_pointer (&self);
}
