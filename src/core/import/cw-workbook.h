/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_WORKBOOK_ERROR (cw_workbook_error_quark ())

typedef enum
{
  CW_WORKBOOK_ERROR_NOT_WORKBOOK, /* not a ZIP archive, or one without a spreadsheet */
  CW_WORKBOOK_ERROR_DAMAGED,      /* cut short, failing a checksum, XML that is not */
  CW_WORKBOOK_ERROR_TOO_LARGE,    /* past the limits below or those of cw-zip.h */
  CW_WORKBOOK_ERROR_UNSUPPORTED,  /* password protected, .xls, .xlsb, ZIP64 */
  CW_WORKBOOK_ERROR_NO_SHEET,     /* no sheet at that index, or none at all */
} CwWorkbookError;

/* Hostile or damaged files stop at these instead of taking all memory. The
 * rows and columns are Excel's own limits; a chronology has a few thousand
 * cells of a paragraph or two. */
#ifndef CW_WORKBOOK_MAX_CELLS /* smaller only in fuzzing builds, to reach them */
#define CW_WORKBOOK_MAX_ROWS    1048576
#define CW_WORKBOOK_MAX_REPEAT  1000                /* copies of one row with cells (ODS) */
#define CW_WORKBOOK_MAX_COLUMNS 16384
#define CW_WORKBOOK_MAX_CELL    (1024 * 1024)       /* bytes of UTF-8 in one cell */
#define CW_WORKBOOK_MAX_CELLS   (4 * 1024 * 1024)   /* in a sheet, empty ones between included */
#define CW_WORKBOOK_MAX_TEXT    (256 * 1024 * 1024) /* bytes of UTF-8 in all of a sheet's cells */
#define CW_WORKBOOK_MAX_SHEETS  4096
#define CW_WORKBOOK_MAX_DEPTH   256                 /* XML elements inside one another */
#endif

typedef struct _CwWorkbook CwWorkbook;

GQuark      cw_workbook_error_quark        (void);
gboolean    cw_workbook_is_workbook_data   (GBytes       *bytes);
CwWorkbook *cw_workbook_new_from_bytes     (GBytes       *bytes,
                                            const char   *file_name,
                                            GError      **error);
void        cw_workbook_free               (CwWorkbook   *self);
const char *cw_workbook_get_file_name      (CwWorkbook   *self);
const char *cw_workbook_get_format         (CwWorkbook   *self);
guint       cw_workbook_get_n_sheets       (CwWorkbook   *self);
const char *cw_workbook_get_sheet_name     (CwWorkbook   *self,
                                            guint         index);
gboolean    cw_workbook_read_sheet         (CwWorkbook   *self,
                                            guint         index,
                                            GPtrArray   **rows,
                                            GArray      **row_numbers,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwWorkbook, cw_workbook_free)

G_END_DECLS
