/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-chronology-import.h"
#include "cw-csv.h"

G_BEGIN_DECLS

/* A return as a table of text cells, whatever its format. */
typedef struct
{
  GPtrArray *records; /* GPtrArray of char*, one per row that is not blank */
  GArray    *rows;    /* guint: each record's row as the spreadsheet numbers it */
  /* A text file's records are views of csv.cells, read only, rather than
   * arrays of their own: */
  CwCsvTable csv;
  GArray    *views;   /* nullable: a GPtrArray struct per record, which records points to */
} CwImportTable;

typedef struct _CwWorkbook CwWorkbook;

struct _CwChronologyImport
{
  GBytes         *bytes;
  char           *file_name;
  char           *checksum; /* SHA-256 of the file, kept with its provenance */
  GThread        *checksum_thread; /* nullable: still computing it */
  const char     *format;
  char           *encoding; /* nullable: for text files */
  CwWorkbook     *workbook; /* nullable */
  guint           sheet;
  CwImportTable   table;
  guint           header;   /* index of the heading record */
  CwChronoMapping *mapping;
  CwDateOrder     order;
  gboolean        order_chosen;
  gboolean        month_first;
  gboolean        checked;
  GPtrArray      *entries;  /* CwChronoRow*, the valid rows, in row_blocks */
  GPtrArray      *row_blocks; /* CwChronoRow[ROWS_PER_BLOCK], for entries */
  GStringChunk   *row_text;   /* the entries' strings */
  GPtrArray      *problems; /* CwImportProblem* */
  guint           n_rejected;
  GHashTable     *rejected_sources; /* casefolded record references of rows with errors */
  guint           n_skipped;
  GPtrArray      *agencies; /* nullable: CwImportAgency*, of a combined chronology's run */
};

void     cw_import_table_clear                (CwImportTable      *table);
gboolean cw_chronology_import_take_table      (CwChronologyImport *self,
                                               GError            **error);
char    *cw_import_source_key                 (const char         *source);
void     cw_chronology_import_reset_checked   (CwChronologyImport *self);
const char *cw_chronology_import_wait_checksum (CwChronologyImport *self);

/* The end of what cw_chronology_import_check_rows() hands over. */
#define CW_IMPORT_END ((gpointer) &cw_import_end_marker)
extern const int cw_import_end_marker;

gboolean cw_chronology_import_check_rows      (CwChronologyImport *self,
                                               GCancellable       *cancellable,
                                               CwImportProgress    progress,
                                               gpointer            user_data,
                                               GAsyncQueue        *out,
                                               GError            **error);

/* cw-chronology-import-workbook.c */
gboolean cw_chronology_import_is_workbook     (GBytes             *bytes);
gboolean cw_chronology_import_open_workbook   (CwChronologyImport *self,
                                               GError            **error);
void     cw_chronology_import_close_workbook  (CwChronologyImport *self);
gboolean cw_chronology_import_take_workbook   (CwChronologyImport *self,
                                               GError            **error);

G_END_DECLS
