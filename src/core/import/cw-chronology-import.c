/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-import-private.h"
#include "cw-memory.h"
#include "cw-csv.h"

/* Reading a return into a table of text cells, finding its heading row,
 * and checking every row. Writing it is cw-chronology-import-write.c. */

G_DEFINE_QUARK (cw-import-error-quark, cw_import_error)

/* Returns often open with a title or a note above the headings. */
#define HEADER_SEARCH_ROWS 20

void
cw_import_table_clear (CwImportTable *table)
{
  g_clear_pointer (&table->records, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_array_unref);
  g_clear_pointer (&table->views, g_array_unref);
  cw_csv_table_clear (&table->csv);
}

/* A text file's records: each a view of its cells in csv.cells, so that a
 * return of 100,000 rows is not 200,000 allocations more. */
static gboolean
read_csv (CwChronologyImport *self,
          GError            **error)
{
  g_autoptr (CwCsvReader) reader = NULL;
  CwImportTable *table = &self->table;
  guint n;

  reader = cw_csv_reader_new_from_bytes (self->bytes, self->file_name, error);
  if (reader == NULL)
    return FALSE;
  self->format = cw_csv_reader_get_delimiter (reader) == '\t' ? "TSV" : "CSV";
  self->encoding = g_strdup (cw_csv_reader_get_encoding (reader));
  cw_import_table_clear (table);
  if (!cw_csv_reader_read_all (reader, &table->csv, error))
    return FALSE;
  n = table->csv.rows->len;
  table->rows = g_array_ref (table->csv.rows);
  table->views = g_array_sized_new (FALSE, FALSE, sizeof (GPtrArray), n);
  g_array_set_size (table->views, n);
  table->records = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *view = &g_array_index (table->views, GPtrArray, i);
      guint start = g_array_index (table->csv.starts, guint, i);

      view->pdata = table->csv.cells->pdata + start;
      view->len = g_array_index (table->csv.starts, guint, i + 1) - start;
      g_ptr_array_add (table->records, view);
    }
  return TRUE;
}

static guint
count_known_headings (const GPtrArray *record)
{
  gboolean seen[CW_CHRONO_N_FIELDS] = { FALSE };
  guint known = 0;

  for (guint i = 0; i < record->len; i++)
    {
      CwChronoField field = cw_chrono_field_from_header (record->pdata[i]);

      if (field != CW_CHRONO_FIELD_NONE && !seen[field])
        {
          seen[field] = TRUE;
          known++;
        }
    }
  return known;
}

/* The heading row is the one, near the top, that names the most fields. */
static guint
find_header (const CwImportTable *table)
{
  guint best = 0, best_known = 0;

  for (guint i = 0; i < MIN (table->records->len, HEADER_SEARCH_ROWS); i++)
    {
      guint known = count_known_headings (table->records->pdata[i]);

      if (known > best_known)
        {
          best = i;
          best_known = known;
        }
    }
  return best;
}

static void
detect_date_order (CwChronologyImport *self)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  guint column;

  self->month_first = FALSE;
  if (!self->order_chosen)
    self->order = CW_DATE_ORDER_DMY;
  if (!cw_chrono_mapping_find (self->mapping, CW_CHRONO_FIELD_DATE, &column))
    return;
  for (guint i = self->header + 1; i < self->table.records->len; i++)
    {
      const GPtrArray *record = self->table.records->pdata[i];
      g_ptr_array_add (texts, column < record->len ? record->pdata[column] : NULL);
    }
  /* A UK return is read day first until the user says otherwise. */
  cw_chrono_date_detect_order ((const char *const *) texts->pdata, texts->len,
                               &self->month_first);
}

const int cw_import_end_marker = 0;

void
cw_chronology_import_reset_checked (CwChronologyImport *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->row_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->row_text, g_string_chunk_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->rejected_sources, g_hash_table_unref);
  self->n_rejected = self->n_skipped = 0;
  self->checked = FALSE;
}

/* Takes the table as read: finds the headings, guesses the mapping. */
gboolean
cw_chronology_import_take_table (CwChronologyImport *self,
                                 GError            **error)
{
  const GPtrArray *headings;

  cw_chronology_import_reset_checked (self);
  g_clear_pointer (&self->mapping, cw_chrono_mapping_free);
  if (self->table.records->len == 0)
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS,
                   _("%s has no rows to import"), self->file_name);
      return FALSE;
    }
  self->header = find_header (&self->table);
  headings = self->table.records->pdata[self->header];
  self->mapping = cw_chrono_mapping_new_from_headers ((const char *const *) headings->pdata,
                                                      headings->len);
  if (self->header + 1 >= self->table.records->len)
    {
      g_autofree char *where = self->workbook != NULL
        ? g_strdup_printf (_("%s, sheet “%s”,"), self->file_name,
                           cw_chronology_import_get_sheet_name (self, self->sheet))
        : g_strdup (self->file_name);

      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS,
                   _("%s has headings (row %u) but no entries under them"), where,
                   g_array_index (self->table.rows, guint, self->header));
      return FALSE;
    }
  detect_date_order (self);
  return TRUE;
}

static gpointer
compute_checksum (gpointer bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* The file's SHA-256, once its thread has finished. */
const char *
cw_chronology_import_wait_checksum (CwChronologyImport *self)
{
  if (self->checksum_thread != NULL)
    self->checksum = g_thread_join (g_steal_pointer (&self->checksum_thread));
  return self->checksum;
}

/**
 * cw_chronology_import_new_from_bytes:
 * @bytes: the file's content
 * @file_name: its name, for messages and provenance
 *
 * Reads a CSV or TSV return (workbooks: see cw-chronology-import-workbook.c)
 * and guesses which column holds which field.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with a
 *   #CW_CSV_ERROR, #CW_WORKBOOK_ERROR or #CW_IMPORT_ERROR naming the file
 */
CwChronologyImport *
cw_chronology_import_new_from_bytes (GBytes     *bytes,
                                     const char *file_name,
                                     GError    **error)
{
  g_autoptr (CwChronologyImport) self = NULL;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_new0 (CwChronologyImport, 1);
  self->bytes = g_bytes_ref (bytes);
  self->file_name = g_strdup (file_name);
  /* The checksum of a large file takes longer than reading it: alongside,
   * and waited for only when the import's provenance is written, at its
   * end, so that neither the reading nor the writing waits for it. */
  self->checksum_thread = g_thread_new ("casewise-checksum", compute_checksum, self->bytes);
  if (cw_chronology_import_is_workbook (bytes))
    ok = cw_chronology_import_open_workbook (self, error);
  else
    ok = read_csv (self, error);
  if (!ok || !(self->workbook != NULL ? cw_chronology_import_take_workbook (self, error)
                                      : cw_chronology_import_take_table (self, error)))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
too_large (const char  *name,
           GError     **error)
{
  g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_TOO_LARGE,
               _("%s is larger than a chronology return can be (%d MB); split it into "
                 "several files"), name, CW_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* The file in one buffer of the size it has, read in as few calls as the
 * system allows (g_file_load_bytes() reads 8 KB at a time, growing its
 * buffer as it goes, which costs a large return a tenth of a second). A
 * file that grows while it is read is read to its end, up to the limit. */
static GBytes *
load_file (GFile        *file,
           const char   *name,
           goffset       size,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr (GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr (GByteArray) data = NULL;

  if (stream == NULL)
    return NULL;
  data = g_byte_array_sized_new ((guint) size + 1);
  cw_memory_advise_large (data->data, (gsize) size + 1);
  for (;;)
    {
      gsize room, got = 0;

      if (data->len > CW_IMPORT_MAX_FILE_SIZE)
        {
          too_large (name, error);
          return NULL;
        }
      /* One byte more than the size, to see the end in the same call. */
      room = MAX ((gsize) size + 1, (gsize) data->len + 1) - data->len;
      g_byte_array_set_size (data, data->len + (guint) room);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data->data + data->len - room, room,
                                    &got, cancellable, error))
        return NULL;
      g_byte_array_set_size (data, data->len - (guint) (room - got));
      if (got < room)
        break;
      size = (goffset) data->len * 2;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * cw_chronology_import_new_from_file:
 *
 * As cw_chronology_import_new_from_bytes(), from a file of at most
 * %CW_IMPORT_MAX_FILE_SIZE bytes.
 *
 * Returns: (transfer full) (nullable): the import
 */
CwChronologyImport *
cw_chronology_import_new_from_file (GFile        *file,
                                    GCancellable *cancellable,
                                    GError      **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > CW_IMPORT_MAX_FILE_SIZE)
    {
      too_large (name, error);
      return NULL;
    }
  bytes = load_file (file, name, g_file_info_get_size (info), cancellable, error);
  if (bytes == NULL)
    return NULL;
  return cw_chronology_import_new_from_bytes (bytes, name, error);
}

void
cw_chronology_import_free (CwChronologyImport *self)
{
  if (self == NULL)
    return;
  cw_chronology_import_wait_checksum (self);
  cw_chronology_import_reset_checked (self);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  cw_import_table_clear (&self->table);
  g_clear_pointer (&self->mapping, cw_chrono_mapping_free);
  cw_chronology_import_close_workbook (self);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->file_name);
  g_free (self->checksum);
  g_free (self->encoding);
  g_free (self);
}

const char *
cw_chronology_import_get_file_name (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file_name;
}

/**
 * cw_chronology_import_get_format:
 *
 * Returns: "CSV", "TSV", "XLSX" or "ODS"
 */
const char *
cw_chronology_import_get_format (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

/**
 * cw_chronology_import_get_encoding:
 *
 * Returns: (nullable): how a text file was read: "UTF-8", "UTF-16LE",
 *   "UTF-16BE" or "WINDOWS-1252"; %NULL for a workbook, which has no
 *   encoding of its own to choose
 */
const char *
cw_chronology_import_get_encoding (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

/**
 * cw_chronology_import_get_mapping:
 *
 * Returns: (transfer none): the columns' fields, which the caller may change
 *   before cw_chronology_import_check()
 */
CwChronoMapping *
cw_chronology_import_get_mapping (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  cw_chronology_import_reset_checked (self);
  return self->mapping;
}

/**
 * cw_chronology_import_use_saved_mapping:
 * @saved: (nullable): the mapping remembered for the agency
 *
 * Applies what the user chose for the agency's earlier returns.
 */
void
cw_chronology_import_use_saved_mapping (CwChronologyImport *self,
                                        const char         *saved)
{
  const GPtrArray *headings;

  g_return_if_fail (self != NULL);

  if (saved == NULL || *saved == '\0')
    return;
  cw_chronology_import_reset_checked (self);
  headings = self->table.records->pdata[self->header];
  g_clear_pointer (&self->mapping, cw_chrono_mapping_free);
  self->mapping = cw_chrono_mapping_new_from_string (saved, (const char *const *) headings->pdata,
                                                     headings->len);
  detect_date_order (self);
}

/**
 * cw_chronology_import_get_header_row:
 *
 * Returns: the spreadsheet's number of the heading row, from 1
 */
guint
cw_chronology_import_get_header_row (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_array_index (self->table.rows, guint, self->header);
}

/**
 * cw_chronology_import_get_n_records:
 *
 * Returns: the rows under the headings, blank ones included
 */
guint
cw_chronology_import_get_n_records (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->table.records->len - self->header - 1;
}

/**
 * cw_chronology_import_get_record:
 * @index: from 0, the first row under the headings
 * @row: (out) (optional): the spreadsheet's number of the row
 *
 * Returns: (transfer none) (element-type utf8): the row's cells, to read
 *   only: from a text file it is a view, not an array to reference or change
 */
const GPtrArray *
cw_chronology_import_get_record (CwChronologyImport *self,
                                 guint               index,
                                 guint              *row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < cw_chronology_import_get_n_records (self), NULL);

  if (row != NULL)
    *row = g_array_index (self->table.rows, guint, self->header + 1 + index);
  return self->table.records->pdata[self->header + 1 + index];
}

CwDateOrder
cw_chronology_import_get_date_order (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, CW_DATE_ORDER_DMY);
  return self->order;
}

void
cw_chronology_import_set_date_order (CwChronologyImport *self,
                                     CwDateOrder         order)
{
  g_return_if_fail (self != NULL);

  if (self->order != order)
    cw_chronology_import_reset_checked (self);
  self->order = order;
  self->order_chosen = TRUE;
}

/**
 * cw_chronology_import_dates_look_month_first:
 *
 * Returns: whether the date column makes sense only month first (it has
 *   04/13/2021 and no 13/04/2021): the user should be asked
 */
gboolean
cw_chronology_import_dates_look_month_first (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->month_first;
}

/**
 * cw_chronology_import_check:
 * @progress: (nullable) (scope call): told how far it has got
 *
 * Reads every row into an entry or into problems: file, row, column and
 * reason. Fails only when the mapping lacks a field every entry needs, or
 * when cancelled; rows with errors are counted, not fatal.
 *
 * Returns: whether the rows were checked
 */
gboolean
cw_chronology_import_check (CwChronologyImport *self,
                            GCancellable       *cancellable,
                            CwImportProgress    progress,
                            gpointer            user_data,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  cw_chronology_import_reset_checked (self);
  if (self->mapping == NULL)
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS,
                   _("%s has no rows to import"), self->file_name);
      return FALSE;
    }
  if (!cw_chrono_mapping_check (self->mapping, error))
    return FALSE;
  return cw_chronology_import_check_rows (self, cancellable, progress, user_data, NULL, error);
}

/* An earlier import's entry whose row now has an error is kept, not
 * removed as if the agency had taken it out. */
static void
remember_rejected_source (CwChronologyImport *self,
                          const GPtrArray    *record)
{
  guint column;
  const char *cell;

  if (!cw_chrono_mapping_find (self->mapping, CW_CHRONO_FIELD_SOURCE, &column)
      || column >= record->len || (cell = record->pdata[column]) == NULL || *cell == '\0')
    return;
  g_hash_table_add (self->rejected_sources, cw_import_source_key (cell));
}

/**
 * cw_import_source_key:
 *
 * Returns: (transfer full): a record reference as imports compare them:
 *   trimmed, without case
 */
char *
cw_import_source_key (const char *source)
{
  g_autofree char *valid = g_utf8_make_valid (source, -1);

  return g_utf8_casefold (g_strstrip (valid), -1);
}

static void
hand_over (GAsyncQueue  *out,
           GPtrArray   **chunk)
{
  if (out != NULL && *chunk != NULL && (*chunk)->len > 0)
    g_async_queue_push (out, g_steal_pointer (chunk));
}

/* Entries are made in blocks, their strings kept together: one allocation
 * per 512 entries rather than ten per entry, which in a thread of its own
 * grows the heap a page at a time. */
#define ROWS_PER_BLOCK 512

static CwChronoRow *
next_row (CwChronologyImport *self)
{
  guint used = self->entries->len % ROWS_PER_BLOCK;

  if (used == 0 && self->row_blocks->len * ROWS_PER_BLOCK == self->entries->len)
    g_ptr_array_add (self->row_blocks, g_new0 (CwChronoRow, ROWS_PER_BLOCK));
  return (CwChronoRow *) self->row_blocks->pdata[self->row_blocks->len - 1] + used;
}

/* Checks every row. With @out, the valid entries are also handed over,
 * in chunks (GPtrArray, no free function), as they are found, so that a
 * writer in another thread can work alongside; the mapping must have been
 * checked. Ends by pushing %CW_IMPORT_END to @out whatever happens. */
gboolean
cw_chronology_import_check_rows (CwChronologyImport *self,
                                 GCancellable       *cancellable,
                                 CwImportProgress    progress,
                                 gpointer            user_data,
                                 GAsyncQueue        *out,
                                 GError            **error)
{
  guint n = cw_chronology_import_get_n_records (self);
  g_autoptr (GPtrArray) chunk = NULL;
  gboolean ok = TRUE;

  self->entries = g_ptr_array_new_full (n, (GDestroyNotify) cw_chrono_row_clear);
  self->row_blocks = g_ptr_array_new_with_free_func (g_free);
  self->row_text = g_string_chunk_new (1024 * 1024);
  self->problems = cw_import_problems_new ();
  self->rejected_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n && ok; i++)
    {
      CwChronoRow *entry = next_row (self);
      gboolean skipped = FALSE;
      guint row;
      const GPtrArray *record = cw_chronology_import_get_record (self, i, &row);

      if ((i & 255) == 0)
        {
          hand_over (out, &chunk);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (progress != NULL)
            progress ((double) i / n, user_data);
        }
      if (ok && cw_chrono_row_read (self->mapping, record, row, self->order, self->row_text,
                                    entry, self->problems, &skipped))
        {
          g_ptr_array_add (self->entries, entry);
          if (out != NULL && chunk == NULL)
            chunk = g_ptr_array_sized_new (256);
          if (chunk != NULL)
            g_ptr_array_add (chunk, entry);
          continue;
        }
      /* A row not taken leaves its place for the next. */
      self->n_skipped += ok && skipped;
      self->n_rejected += ok && !skipped;
      if (ok && !skipped)
        remember_rejected_source (self, record);
    }
  hand_over (out, &chunk);
  if (out != NULL)
    g_async_queue_push (out, CW_IMPORT_END);
  if (!ok)
    {
      cw_chronology_import_reset_checked (self);
      return FALSE;
    }
  self->checked = TRUE;
  return TRUE;
}

guint
cw_chronology_import_get_n_valid (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries ? self->entries->len : 0;
}

guint
cw_chronology_import_get_n_rejected (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rejected;
}

guint
cw_chronology_import_get_n_skipped (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

/**
 * cw_chronology_import_get_problems:
 *
 * Returns: (transfer none) (element-type CwImportProblem) (nullable): every
 *   problem found by cw_chronology_import_check(), in row order
 */
GPtrArray *
cw_chronology_import_get_problems (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}
