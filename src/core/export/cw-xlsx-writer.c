/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-export"

#include "config.h"

#include <string.h>

#include "cw-xlsx-writer.h"
#include "cw-zip-writer.h"

/* An Excel workbook is a ZIP archive of XML parts (ECMA-376, Office Open
 * XML). One sheet needs six: the content types, the package's
 * relationships, the workbook and its relationships, the styles and the
 * sheet. Text is written in the cells themselves (inline strings), so no
 * shared strings table is needed; dates are numbers of days, as Excel
 * keeps them, shown through a date format, so they sort and filter as
 * dates. A heading row is bold, stays in view while scrolling and has the
 * filter buttons. */

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_DOC  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAX_SHEET_NAME 31 /* characters, Excel's limit */

/* The cellXfs of styles.xml, in order. */
enum
{
  XF_PLAIN,
  XF_HEADING,
  XF_DATE,
  XF_RED,
  XF_AMBER,
  XF_GREEN,
};

struct _CwXlsxWriter
{
  char      *sheet_name;
  GString   *rows;      /* the <row> elements of <sheetData> */
  GArray    *widths;    /* double per column from 1 (index 0 unused); 0: Excel's own */
  GPtrArray *letters;   /* "A", "B"...: each column's, as far as cells went */
  guint      row;       /* the current row, from 1; 0 before the first */
  guint      column;    /* cells in the current row so far */
  guint      n_columns; /* the most cells a row has */
  gboolean   heading;   /* the first row is a heading */
};

/**
 * cw_column_letters:
 * @column: a column from 1
 *
 * Returns: (transfer full): the column as spreadsheets name it: 1 is "A",
 *   26 "Z", 27 "AA", 703 "AAA"
 */
char *
cw_column_letters (guint column)
{
  char letters[8]; /* seven letters reach past G_MAXUINT */
  guint i = sizeof letters - 1;

  g_return_val_if_fail (column > 0, g_strdup ("?"));

  letters[i] = '\0';
  while (column > 0)
    {
      column--;
      letters[--i] = (char) ('A' + column % 26);
      column /= 26;
    }
  return g_strdup (letters + i);
}

/* Excel refuses a sheet name longer than 31 characters, empty, holding one
 * of []:*?/\ or starting or ending with an apostrophe. */
static char *
sheet_name_for (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; p != NULL && *p != '\0' && n < MAX_SHEET_NAME;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        g_string_append_c (out, ' ');
      else if (c < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[0] == '\'')
    g_string_erase (out, 0, 1);
  while (out->len > 0 && out->str[out->len - 1] == '\'')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_assign (out, "Sheet1");
  return g_string_free (out, FALSE);
}

/**
 * cw_xlsx_writer_new:
 * @sheet_name: the sheet's name, made one Excel accepts (at most 31
 *   characters, none of []:*?/\)
 *
 * Returns: (transfer full): a writer of a workbook with one empty sheet
 */
CwXlsxWriter *
cw_xlsx_writer_new (const char *sheet_name)
{
  CwXlsxWriter *self = g_new0 (CwXlsxWriter, 1);

  self->sheet_name = sheet_name_for (sheet_name);
  self->rows = g_string_new (NULL);
  self->widths = g_array_new (FALSE, TRUE, sizeof (double));
  self->letters = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
cw_xlsx_writer_free (CwXlsxWriter *self)
{
  if (self == NULL)
    return;
  g_free (self->sheet_name);
  g_string_free (self->rows, TRUE);
  g_array_unref (self->widths);
  g_ptr_array_unref (self->letters);
  g_free (self);
}

/**
 * cw_xlsx_writer_set_column_width:
 * @column: from 1
 * @width: in characters of the default font, as Excel measures it
 */
void
cw_xlsx_writer_set_column_width (CwXlsxWriter *self,
                                 guint         column,
                                 double        width)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column > 0 && column <= 16384);
  g_return_if_fail (width > 0 && width <= 255);

  if (self->widths->len <= column)
    g_array_set_size (self->widths, column + 1);
  g_array_index (self->widths, double, column) = width;
}

static void
end_row (CwXlsxWriter *self)
{
  if (self->row > 0)
    g_string_append (self->rows, "</row>\n");
}

/**
 * cw_xlsx_writer_begin_row:
 *
 * Starts the next row; the cells added after it go in it, from column A.
 */
void
cw_xlsx_writer_begin_row (CwXlsxWriter *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row < CW_XLSX_MAX_ROWS);

  end_row (self);
  self->row++;
  self->column = 0;
  g_string_append_printf (self->rows, "<row r=\"%u\">", self->row);
}

/**
 * cw_xlsx_writer_begin_heading:
 *
 * Starts the first row as the sheet's heading: its cells are bold, it
 * stays in view while the rows below scroll, and it has Excel's filter
 * buttons.
 */
void
cw_xlsx_writer_begin_heading (CwXlsxWriter *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row == 0);

  cw_xlsx_writer_begin_row (self);
  self->heading = TRUE;
}

/* Starts a cell: its reference and style. */
static void
open_cell (CwXlsxWriter *self,
           guint         xf,
           const char   *type)
{
  g_return_if_fail (self->row > 0);

  self->column++;
  while (self->letters->len < self->column)
    g_ptr_array_add (self->letters, cw_column_letters (self->letters->len + 1));
  self->n_columns = MAX (self->n_columns, self->column);
  if (self->heading && self->row == 1)
    xf = XF_HEADING;
  g_string_append_printf (self->rows, "<c r=\"%s%u\"",
                          (const char *) self->letters->pdata[self->column - 1], self->row);
  if (xf != XF_PLAIN)
    g_string_append_printf (self->rows, " s=\"%u\"", xf);
  if (type != NULL)
    g_string_append_printf (self->rows, " t=\"%s\"", type);
  g_string_append_c (self->rows, '>');
}

/* "_x" then four hex digits and "_" is how Office Open XML writes a
 * character XML cannot hold, so a text that has it literally escapes its
 * underscore. */
static gboolean
looks_escaped (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
         && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

/* @text as XML character data and Office Open XML reads it back: the
 * characters XML 1.0 cannot hold as _xHHHH_, a carriage return as a
 * character reference (a parser would make it a line feed). */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (looks_escaped (p))
        g_string_append (out, "_x005F_");
      else if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\r')
        g_string_append (out, "&#13;");
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_printf (out, "_x%04X_", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/* How many bytes of @text fit in a cell, counted as Excel does (UTF-16
 * units), with room left for "…" when it does not all fit. */
static gsize
fitting_length (const char *text,
                gboolean   *cut)
{
  guint units = 0;
  const char *p = text, *last_fit = text;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      if (units <= CW_XLSX_MAX_CELL_TEXT - 1)
        last_fit = g_utf8_next_char (p);
      if (units > CW_XLSX_MAX_CELL_TEXT)
        {
          *cut = TRUE;
          return (gsize) (last_fit - text);
        }
    }
  *cut = FALSE;
  return (gsize) (p - text);
}

static guint
xf_of (CwXlsxStyle style)
{
  switch (style)
    {
    case CW_XLSX_STYLE_RED:
      return XF_RED;
    case CW_XLSX_STYLE_AMBER:
      return XF_AMBER;
    case CW_XLSX_STYLE_GREEN:
      return XF_GREEN;
    case CW_XLSX_STYLE_PLAIN:
    default:
      return XF_PLAIN;
    }
}

/**
 * cw_xlsx_writer_text:
 * @text: (nullable): UTF-8; %NULL or "" for an empty cell
 *
 * Adds a cell of text to the row, as text whatever it looks like (a
 * formula, a number, a date). Text longer than Excel takes is cut, ending
 * in "…".
 */
void
cw_xlsx_writer_text (CwXlsxWriter *self,
                     const char   *text,
                     CwXlsxStyle   style)
{
  gboolean cut = FALSE;
  gsize len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (text == NULL || *text == '\0')
    {
      open_cell (self, xf_of (style), NULL);
      g_string_append (self->rows, "</c>");
      return;
    }
  len = fitting_length (text, &cut);
  open_cell (self, xf_of (style), "inlineStr");
  g_string_append (self->rows, "<is><t xml:space=\"preserve\">");
  append_escaped (self->rows, text, len);
  if (cut)
    g_string_append (self->rows, "…");
  g_string_append (self->rows, "</t></is></c>");
}

/**
 * cw_xlsx_writer_integer:
 *
 * Adds a cell holding a whole number (an id, a count).
 */
void
cw_xlsx_writer_integer (CwXlsxWriter *self,
                        gint64        value)
{
  g_return_if_fail (self != NULL);

  open_cell (self, XF_PLAIN, NULL);
  g_string_append_printf (self->rows, "<v>%" G_GINT64_FORMAT "</v></c>", value);
}

/**
 * cw_xlsx_writer_date:
 * @date: (nullable): the day; %NULL or an invalid date for an empty cell
 *
 * Adds a cell holding a date, shown as "3 Apr 2026".
 */
void
cw_xlsx_writer_date (CwXlsxWriter *self,
                     const GDate  *date)
{
  GDate epoch;

  g_return_if_fail (self != NULL);

  if (date == NULL || !g_date_valid (date))
    {
      cw_xlsx_writer_text (self, NULL, CW_XLSX_STYLE_PLAIN);
      return;
    }
  /* Excel counts days from 30 December 1899 (its 1900 system, past the
   * 29 February 1900 it believes in). */
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  open_cell (self, XF_DATE, NULL);
  g_string_append_printf (self->rows, "<v>%d</v></c>", g_date_days_between (&epoch, date));
}

/* ------------------------------------------------------------ the parts */

static const char content_types[] =
  XML_DECLARATION
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\""
  " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "<Override PartName=\"/xl/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
  "</Types>\n";

static const char package_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"" NS_RELS "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_DOC "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>\n";

static const char workbook_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"" NS_RELS "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_DOC "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" NS_DOC "/styles\" Target=\"styles.xml\"/>"
  "</Relationships>\n";

/* The fills are light, so black text on them stays readable. */
#define FILL(rgb) \
  "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"" rgb "\"/><bgColor indexed=\"64\"/>" \
  "</patternFill></fill>"
/* A cell's look: its font and fill, at the top of the cell, wrapped. */
#define XF(font, fill) \
  "<xf numFmtId=\"0\" fontId=\"" font "\" fillId=\"" fill "\" borderId=\"0\" xfId=\"0\"" \
  " applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">" \
  "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"

static const char styles[] =
  XML_DECLARATION
  "<styleSheet xmlns=\"" NS_MAIN "\">"
  "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d mmm yyyy\"/></numFmts>"
  "<fonts count=\"2\">"
  "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "</fonts>"
  "<fills count=\"5\">"
  "<fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill>"
  FILL ("FFF4CCCC") FILL ("FFFCE4C4") FILL ("FFD9EAD3")
  "</fills>"
  "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
  "</cellStyleXfs>"
  "<cellXfs count=\"6\">"
  XF ("0", "0")
  XF ("1", "0")
  "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
  " applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
  XF ("0", "2")
  XF ("0", "3")
  XF ("0", "4")
  "</cellXfs>"
  "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
  "</styleSheet>\n";

static char *
workbook_xml (CwXlsxWriter *self)
{
  GString *out = g_string_new (XML_DECLARATION);
  g_autofree char *last = self->n_columns > 0 ? cw_column_letters (self->n_columns) : NULL;

  g_string_append (out, "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_DOC "\">"
                        "<sheets><sheet name=\"");
  append_escaped (out, self->sheet_name, strlen (self->sheet_name));
  g_string_append (out, "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>");
  /* Excel keeps the filter's range as a hidden name of the sheet too. */
  if (self->heading && last != NULL)
    {
      g_autofree char *quoted = NULL;
      g_auto (GStrv) parts = g_strsplit (self->sheet_name, "'", -1);

      quoted = g_strjoinv ("''", parts);
      g_string_append (out, "<definedNames><definedName name=\"_xlnm._FilterDatabase\""
                            " localSheetId=\"0\" hidden=\"1\">'");
      append_escaped (out, quoted, strlen (quoted));
      g_string_append_printf (out, "'!$A$1:$%s$%u</definedName></definedNames>", last,
                              self->row);
    }
  g_string_append (out, "</workbook>\n");
  return g_string_free (out, FALSE);
}

static void
append_columns (CwXlsxWriter *self,
                GString      *out)
{
  gboolean any = FALSE;

  for (guint i = 1; i < self->widths->len; i++)
    {
      double width = g_array_index (self->widths, double, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (width <= 0)
        continue;
      if (!any)
        g_string_append (out, "<cols>");
      any = TRUE;
      g_string_append_printf (out, "<col min=\"%u\" max=\"%u\" width=\"%s\" customWidth=\"1\"/>",
                              i, i, g_ascii_dtostr (number, sizeof number, width));
    }
  if (any)
    g_string_append (out, "</cols>");
}

/* The sheet, in the order the schema wants its elements. */
static GBytes *
sheet_xml (CwXlsxWriter *self)
{
  GString *out = g_string_sized_new (self->rows->len + 1024);
  g_autofree char *last = self->n_columns > 0 ? cw_column_letters (self->n_columns) : NULL;

  g_string_append (out, XML_DECLARATION "<worksheet xmlns=\"" NS_MAIN "\">");
  if (last != NULL)
    g_string_append_printf (out, "<dimension ref=\"A1:%s%u\"/>", last, self->row);
  g_string_append (out, "<sheetViews><sheetView workbookViewId=\"0\">");
  if (self->heading)
    g_string_append (out, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                          " state=\"frozen\"/>");
  g_string_append (out, "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
  append_columns (self, out);
  g_string_append (out, "<sheetData>\n");
  g_string_append_len (out, self->rows->str, (gssize) self->rows->len);
  if (self->row > 0)
    g_string_append (out, "</row>\n");
  g_string_append (out, "</sheetData>");
  if (self->heading && last != NULL)
    g_string_append_printf (out, "<autoFilter ref=\"A1:%s%u\"/>", last, self->row);
  g_string_append (out, "</worksheet>\n");
  return g_string_free_to_bytes (out);
}

static GBytes *
static_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

/**
 * cw_xlsx_writer_write:
 * @out: where the workbook goes; it stays open
 *
 * Writes the workbook with the rows added so far.
 *
 * Returns: whether all of it was written
 */
gboolean
cw_xlsx_writer_write (CwXlsxWriter  *self,
                      GOutputStream *out,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (CwZipWriter) zip = NULL;
  char *workbook;
  struct
  {
    const char *name;
    GBytes     *data;
  } parts[] = {
    { "[Content_Types].xml", static_bytes (content_types) },
    { "_rels/.rels", static_bytes (package_rels) },
    { "xl/workbook.xml", NULL },
    { "xl/_rels/workbook.xml.rels", static_bytes (workbook_rels) },
    { "xl/styles.xml", static_bytes (styles) },
    { "xl/worksheets/sheet1.xml", NULL },
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  workbook = workbook_xml (self);
  parts[2].data = g_bytes_new_take (workbook, strlen (workbook));
  parts[5].data = sheet_xml (self);
  zip = cw_zip_writer_new (out);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      ok = ok && cw_zip_writer_add (zip, parts[i].name, parts[i].data, cancellable, error);
      g_bytes_unref (parts[i].data);
    }
  return ok && cw_zip_writer_finish (zip, cancellable, error);
}
