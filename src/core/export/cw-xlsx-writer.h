/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Excel workbooks of one sheet, written as the minimal SpreadsheetML that
 * Excel, LibreOffice and Casewise's own reader open (cw-xlsx-writer.c). */
typedef struct _CwXlsxWriter CwXlsxWriter;

/* How a cell looks. Colours are never the only signal: the cell says in
 * words what its fill shows. */
typedef enum
{
  CW_XLSX_STYLE_PLAIN,
  CW_XLSX_STYLE_RED,   /* a light red fill */
  CW_XLSX_STYLE_AMBER, /* a light amber fill */
  CW_XLSX_STYLE_GREEN, /* a light green fill */
} CwXlsxStyle;

/* Excel's limit; longer text is cut there, ending in "…". */
#define CW_XLSX_MAX_CELL_TEXT 32767 /* UTF-16 code units */
#define CW_XLSX_MAX_ROWS      1048576

CwXlsxWriter *cw_xlsx_writer_new              (const char     *sheet_name);
void          cw_xlsx_writer_free             (CwXlsxWriter   *self);
void          cw_xlsx_writer_set_column_width (CwXlsxWriter   *self,
                                               guint           column,
                                               double          width);
void          cw_xlsx_writer_begin_heading    (CwXlsxWriter   *self);
void          cw_xlsx_writer_begin_row        (CwXlsxWriter   *self);
void          cw_xlsx_writer_text             (CwXlsxWriter   *self,
                                               const char     *text,
                                               CwXlsxStyle     style);
void          cw_xlsx_writer_integer          (CwXlsxWriter   *self,
                                               gint64          value);
void          cw_xlsx_writer_date             (CwXlsxWriter   *self,
                                               const GDate    *date);
gboolean      cw_xlsx_writer_write            (CwXlsxWriter   *self,
                                               GOutputStream  *out,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* A column as spreadsheets name it: 1 is "A", 27 "AA". */
char         *cw_column_letters               (guint           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwXlsxWriter, cw_xlsx_writer_free)

G_END_DECLS
