/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-workbook.h"
#include "cw-zip.h"

G_BEGIN_DECLS

/* Shared by cw-workbook.c and the two formats, cw-workbook-xlsx.c and
 * cw-workbook-ods.c: each format fills in the sheets' names when the
 * workbook is opened and the rows of one sheet when it is read. */

typedef enum
{
  CW_WORKBOOK_XLSX,
  CW_WORKBOOK_ODS,
} CwWorkbookFormat;

struct _CwWorkbook
{
  CwZip            *zip;
  char             *file_name;
  CwWorkbookFormat  format;
  GPtrArray        *sheet_names;  /* char *, in the order the workbook shows them */
  gpointer          backend;      /* the format's own state */
  GDestroyNotify    backend_free;
};

/* What every parser's state starts with, for the checks all parts share. */
typedef struct
{
  CwWorkbook *workbook;
  const char *part;  /* the entry being read, for messages */
  guint       depth; /* of the element being read, 1 for the root */
} CwPartState;

/* The rows of one sheet as they are read: cells in place, blank rows left
 * out, every limit checked before anything is copied. */
typedef struct
{
  CwWorkbook *workbook;
  const char *sheet_name;
  GPtrArray  *rows;        /* GPtrArray of char * */
  GArray     *row_numbers; /* guint, from 1 */
  GPtrArray  *row;         /* the row being read */
  guint64     row_number;  /* of the row being read, from 1 */
  guint64     row_text;    /* bytes in the row being read */
  guint64     cells;       /* kept in rows, empty ones between included */
  guint64     text;        /* bytes kept in rows */
} CwSheetBuilder;

/* Excel: what cw-workbook-xlsx.c finds on opening, for cw-workbook-xlsx-sheet.c */
typedef enum
{
  CW_XLSX_NUMBER,
  CW_XLSX_DATE, /* shows a day, perhaps with a time */
  CW_XLSX_TIME,     /* shows only a time of day */
  CW_XLSX_DURATION, /* shows hours past 24: [h]:mm */
} CwXlsxNumberKind;

typedef struct
{
  GPtrArray *sheet_parts;    /* char *, one per sheet */
  GPtrArray *sheet_ids;      /* char *, relationship ids, while opening */
  char      *strings_part;   /* nullable */
  char      *styles_part;    /* nullable */
  gboolean   date1904;
  gboolean   loaded;         /* the shared strings and the styles */
  GString   *strings;        /* the shared strings, each ending in NUL */
  GArray    *string_offsets; /* gsize, into strings */
  GArray    *style_kinds;    /* guint8 CwXlsxNumberKind, by cellXfs index */
} CwXlsx;

gboolean    cw_workbook_fail             (CwWorkbook           *self,
                                          GError              **error,
                                          CwWorkbookError       code,
                                          const char           *reason);
gboolean    cw_workbook_fail_printf      (CwWorkbook           *self,
                                          GError              **error,
                                          CwWorkbookError       code,
                                          const char           *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean    cw_workbook_parse_part       (CwWorkbook           *self,
                                          const char           *part,
                                          const GMarkupParser  *parser,
                                          CwPartState          *state,
                                          GError              **error);
gboolean    cw_workbook_append_text      (CwPartState          *state,
                                          GString              *cell,
                                          const char           *text,
                                          gsize                 len,
                                          GError              **error);

const char *cw_markup_local_name         (const char           *name);
const char *cw_markup_attribute          (const char          **names,
                                          const char          **values,
                                          const char           *name);
const char *cw_markup_local_attribute    (const char          **names,
                                          const char          **values,
                                          const char           *local_name);
gboolean    cw_markup_parse_count        (const char           *text,
                                          guint64              *out);

gboolean    cw_workbook_parse_decimal    (const char           *text,
                                          double               *value);
char       *cw_workbook_cell_name        (guint64               column,
                                          guint64               row);
char       *cw_workbook_format_number    (const char           *text);
char       *cw_workbook_format_serial    (double                serial,
                                          gboolean              date1904,
                                          gboolean              time_only);
char       *cw_workbook_format_duration  (double                days);
char       *cw_workbook_format_iso       (const char           *text);

void        cw_sheet_builder_init        (CwSheetBuilder       *builder,
                                          CwWorkbook           *workbook,
                                          guint                 index);
void        cw_sheet_builder_clear       (CwSheetBuilder       *builder);
void        cw_sheet_builder_start_row   (CwSheetBuilder       *builder,
                                          guint64               number);
gboolean    cw_sheet_builder_add_cell    (CwSheetBuilder       *builder,
                                          guint64               column,
                                          const char           *text,
                                          guint64               repeat,
                                          GError              **error);
gboolean    cw_sheet_builder_end_row     (CwSheetBuilder       *builder,
                                          guint64               repeat,
                                          GError              **error);

gboolean    cw_workbook_xlsx_open        (CwWorkbook           *self,
                                          GError              **error);
gboolean    cw_workbook_xlsx_read_sheet  (CwWorkbook           *self,
                                          guint                 index,
                                          CwSheetBuilder       *builder,
                                          GError              **error);
gboolean    cw_workbook_ods_open         (CwWorkbook           *self,
                                          GError              **error);
gboolean    cw_workbook_ods_read_sheet   (CwWorkbook           *self,
                                          guint                 index,
                                          CwSheetBuilder       *builder,
                                          GError              **error);

G_END_DECLS
