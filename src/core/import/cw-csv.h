/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_CSV_ERROR (cw_csv_error_quark ())

typedef enum
{
  CW_CSV_ERROR_ENCODING,  /* bytes that are not text in the encoding the file declares */
  CW_CSV_ERROR_SYNTAX,    /* a quoted field not closed, text after a closing quote */
  CW_CSV_ERROR_TOO_LARGE, /* a field, a row or a row's columns past the limits below */
  CW_CSV_ERROR_EMPTY,     /* nothing but white space */
  CW_CSV_ERROR_BINARY,    /* not text: a workbook, an image, NUL bytes */
} CwCsvError;

/* Hostile or damaged files stop at these instead of taking all memory. A
 * chronology cell is a paragraph or two; Excel itself allows 32,767
 * characters in a cell and 16,384 columns. */
#ifndef CW_CSV_MAX_FIELD /* smaller only in fuzzing builds, to reach them */
#define CW_CSV_MAX_FIELD   (1024 * 1024)      /* bytes of UTF-8 in one field */
#define CW_CSV_MAX_RECORD  (16 * 1024 * 1024) /* bytes of UTF-8 in one row */
#define CW_CSV_MAX_COLUMNS 16384
#endif

typedef struct _CwCsvReader CwCsvReader;

/* Every record of a file (cw_csv_reader_read_all()). */
typedef struct
{
  char      *text;   /* every cell, each ending in NUL */
  GPtrArray *cells;  /* const char*, into text: each record's cells in turn */
  GArray    *starts; /* guint: where each record's cells start in cells, then their end */
  GArray    *rows;   /* guint: each record's row as Excel numbers it, from 1 */
} CwCsvTable;

GQuark       cw_csv_error_quark          (void);
CwCsvReader *cw_csv_reader_new_from_bytes (GBytes       *bytes,
                                          const char   *file_name,
                                          GError      **error);
void         cw_csv_reader_free          (CwCsvReader  *self);
const char  *cw_csv_reader_get_encoding  (CwCsvReader  *self);
char         cw_csv_reader_get_delimiter (CwCsvReader  *self);
void         cw_csv_reader_set_delimiter (CwCsvReader  *self,
                                          char          delimiter);
gboolean     cw_csv_reader_next          (CwCsvReader  *self,
                                          GPtrArray   **fields,
                                          guint        *row,
                                          GError      **error);
guint        cw_csv_reader_get_line      (CwCsvReader  *self);
gboolean     cw_csv_reader_read_all      (CwCsvReader  *self,
                                          CwCsvTable   *out,
                                          GError      **error);
void         cw_csv_table_clear          (CwCsvTable   *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCsvReader, cw_csv_reader_free)

G_END_DECLS
