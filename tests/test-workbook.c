/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <zlib.h>

#include "cw-chrono-date.h"
#include "cw-workbook.h"
#include "cw-zip.h"

/* The workbooks in tests/data are written by tests/data/make-workbooks.py;
 * the damaged and hostile ones are built here, with a small ZIP writer
 * whose entries can be made to lie. */

#define FILE_NAME "Chronology.xlsx"

/* ---------------------------------------------------------------- helpers */

static GBytes *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static CwWorkbook *
open_data (const char *name)
{
  g_autoptr (GBytes) bytes = load_data (name);
  g_autoptr (GError) error = NULL;
  CwWorkbook *workbook = cw_workbook_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  return workbook;
}

/* Every row as "number:[cell][cell]\n", so that whole sheets compare at
 * once and empty cells stay visible. */
static char *
render_sheet (CwWorkbook *workbook,
              guint       index,
              GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) numbers = NULL;
  GString *out;

  if (!cw_workbook_read_sheet (workbook, index, &rows, &numbers, error))
    {
      g_assert_null (rows);
      g_assert_null (numbers);
      return NULL;
    }
  g_assert_cmpuint (rows->len, ==, numbers->len);
  out = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, >, 0);
      g_assert_cmpstr (g_ptr_array_index (row, row->len - 1), !=, "");
      g_string_append_printf (out, "%u:", g_array_index (numbers, guint, i));
      for (guint j = 0; j < row->len; j++)
        g_string_append_printf (out, "[%s]", (const char *) g_ptr_array_index (row, j));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
render_bytes (GBytes  *bytes,
              guint    index,
              GError **error)
{
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, FILE_NAME, error);

  return workbook != NULL ? render_sheet (workbook, index, error) : NULL;
}

/* -------------------------------------------------------- a ZIP writer */

typedef struct
{
  char    *name;
  GBytes  *data;    /* as stored, deflated or not */
  guint16  method;
  guint16  flags;
  guint32  crc;
  guint32  size;    /* unpacked */
  gint64   offset;  /* of the local header; -1 for where it is written */
} ZipEntry;

static void
zip_entry_free (gpointer data)
{
  ZipEntry *entry = data;

  g_free (entry->name);
  g_bytes_unref (entry->data);
  g_free (entry);
}

static GPtrArray *
zip_new (void)
{
  return g_ptr_array_new_with_free_func (zip_entry_free);
}

/* Raw deflate; with @finish FALSE the stream is flushed but left open, so
 * that pieces made by separate compressors can be joined. */
static GBytes *
deflate_raw (const guint8 *data,
             gsize         len,
             gboolean      finish)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 6);
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[65536];
  GConverterResult result;

  do
    {
      g_autoptr (GError) error = NULL;
      gsize read = 0, written = 0;

      result = g_converter_convert (G_CONVERTER (compressor), data, len, buffer, sizeof buffer,
                                    finish ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_FLUSH,
                                    &read, &written, &error);
      g_assert_no_error (error);
      data += read;
      len -= read;
      g_byte_array_append (out, buffer, (guint) written);
    }
  while (result != (finish ? G_CONVERTER_FINISHED : G_CONVERTER_FLUSHED) || len > 0);
  return g_byte_array_free_to_bytes (out);
}

static ZipEntry *
zip_add (GPtrArray  *zip,
         const char *name,
         const char *text,
         guint16     method)
{
  ZipEntry *entry = g_new0 (ZipEntry, 1);
  gsize len = strlen (text);

  entry->name = g_strdup (name);
  entry->method = method;
  entry->crc = (guint32) crc32_z (0, (const guint8 *) text, len);
  entry->size = (guint32) len;
  entry->offset = -1;
  entry->data = method == 8 ? deflate_raw ((const guint8 *) text, len, TRUE)
                            : g_bytes_new (text, len);
  g_ptr_array_add (zip, entry);
  return entry;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xFFFF);
  put16 (out, value >> 16);
}

/* The fields local and central headers share, from "version needed" on. */
static void
put_common (GByteArray     *out,
            const ZipEntry *entry)
{
  put16 (out, 20);
  put16 (out, entry->flags);
  put16 (out, entry->method);
  put32 (out, 0x58210000); /* 1 January 2024, midnight */
  put32 (out, entry->crc);
  put32 (out, (guint32) g_bytes_get_size (entry->data));
  put32 (out, entry->size);
  put16 (out, (guint) strlen (entry->name));
  put16 (out, 0);
}

static GBytes *
zip_build (GPtrArray *zip)
{
  g_autoptr (GByteArray) central = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();
  guint32 central_offset;

  for (guint i = 0; i < zip->len; i++)
    {
      ZipEntry *entry = g_ptr_array_index (zip, i);
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (entry->data, &size);
      guint32 offset = out->len;

      g_byte_array_append (out, (const guint8 *) "PK\x03\x04", 4);
      put_common (out, entry);
      g_byte_array_append (out, (const guint8 *) entry->name, (guint) strlen (entry->name));
      g_byte_array_append (out, data, (guint) size);

      g_byte_array_append (central, (const guint8 *) "PK\x01\x02", 4);
      put16 (central, 20);
      put_common (central, entry);
      put16 (central, 0); /* comment */
      put16 (central, 0); /* disk */
      put16 (central, 0);
      put32 (central, 0);
      put32 (central, entry->offset >= 0 ? (guint32) entry->offset : offset);
      g_byte_array_append (central, (const guint8 *) entry->name, (guint) strlen (entry->name));
    }
  central_offset = out->len;
  g_byte_array_append (out, central->data, central->len);
  g_byte_array_append (out, (const guint8 *) "PK\x05\x06", 4);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, zip->len);
  put16 (out, zip->len);
  put32 (out, central->len);
  put32 (out, central_offset);
  put16 (out, 0);
  return g_byte_array_free_to_bytes (out);
}

static ZipEntry *
zip_find (GPtrArray  *zip,
          const char *name)
{
  for (guint i = 0; i < zip->len; i++)
    if (strcmp (((ZipEntry *) g_ptr_array_index (zip, i))->name, name) == 0)
      return g_ptr_array_index (zip, i);
  g_assert_not_reached ();
}

/* ------------------------------------------------- minimal workbooks */

#define SHEET_PART "xl/worksheets/sheet1.xml"

static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char workbook_xml[] =
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* An Excel workbook of one sheet, "Sheet1", of this XML. */
static GPtrArray *
xlsx_parts (const char *sheet_xml,
            guint16     method)
{
  GPtrArray *zip = zip_new ();

  zip_add (zip, "_rels/.rels", root_rels, method);
  zip_add (zip, "xl/workbook.xml", workbook_xml, method);
  zip_add (zip, "xl/_rels/workbook.xml.rels", workbook_rels, method);
  if (sheet_xml != NULL)
    zip_add (zip, SHEET_PART, sheet_xml, method);
  return zip;
}

static GBytes *
xlsx_with_rows (const char *rows)
{
  g_autofree char *sheet =
    g_strconcat ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                 "<sheetData>", rows, "</sheetData></worksheet>", NULL);
  g_autoptr (GPtrArray) zip = xlsx_parts (sheet, 8);

  return zip_build (zip);
}

static GPtrArray *
ods_parts (const char *rows)
{
  g_autofree char *content = g_strconcat (
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
    "<office:spreadsheet><table:table table:name=\"Sheet1\">", rows,
    "</table:table></office:spreadsheet></office:body></office:document-content>", NULL);
  GPtrArray *zip = zip_new ();

  zip_add (zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0);
  zip_add (zip, "content.xml", content, 8);
  return zip;
}

static GBytes *
ods_with_rows (const char *rows)
{
  g_autoptr (GPtrArray) zip = ods_parts (rows);

  return zip_build (zip);
}

/* 1 GB of zeros in about 1 MB: the same flushed megabyte 1024 times, then
 * an empty final block. */
static GBytes *
zip_bomb_stream (void)
{
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  g_autoptr (GBytes) block = deflate_raw (zeros, 1024 * 1024, FALSE);
  GByteArray *out = g_byte_array_new ();
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (block, &size);

  for (int i = 0; i < 1024; i++)
    g_byte_array_append (out, data, (guint) size);
  g_byte_array_append (out, (const guint8 *) "\x03\x00", 2);
  return g_byte_array_free_to_bytes (out);
}

/* ------------------------------------------------- the test workbooks */

static const char xlsx_chronology[] =
  "1:[Date][Agency][Event][Time]\n"
  "2:[2021-04-03][Police][Visit by \"DC Smith\" & PC <Jones>][14:30]\n"
  "3:[2021-04-04 18:00][Health][Line one\nLine two]\n"
  "5:[03/04/2021][][3.5][][TRUE]\n"
  "6:[1][Date][FALSE]\n"
  "7:[2022-01-01][12][36:00][2021-04-03][1234.5][2021-04-03][5][-2.25]\n"
  "9:[first][][][fourth]\n"
  "11:[0.3][1e+20][0][44289][#N/A][a\rb_x0041_][  padded ][\xE6\x9D\xB1\xE4\xBA\xAC]\n"
  "12:[1900-02-29][12:00][2958466][9999-12-31]\n";

static void
test_xlsx (void)
{
  g_autoptr (CwWorkbook) workbook = open_data ("return.xlsx");
  g_autoptr (GError) error = NULL;
  g_autofree char *chronology = NULL;
  g_autofree char *notes = NULL;

  g_assert_cmpstr (cw_workbook_get_format (workbook), ==, "XLSX");
  g_assert_cmpstr (cw_workbook_get_file_name (workbook), ==, "return.xlsx");
  g_assert_cmpuint (cw_workbook_get_n_sheets (workbook), ==, 2);
  /* the order of the tabs, not of the parts or the relationships */
  g_assert_cmpstr (cw_workbook_get_sheet_name (workbook, 0), ==, "Chronology");
  g_assert_cmpstr (cw_workbook_get_sheet_name (workbook, 1), ==, "Notes");

  chronology = render_sheet (workbook, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronology, ==, xlsx_chronology);
  notes = render_sheet (workbook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==, "1:[Note]\n3:[][Rich inline]\n");
}

/* A sheet read twice, and in any order, reads the same. */
static void
test_xlsx_read_again (void)
{
  g_autoptr (CwWorkbook) workbook = open_data ("return.xlsx");
  g_autoptr (GError) error = NULL;
  g_autofree char *notes = render_sheet (workbook, 1, &error);
  g_autofree char *first = render_sheet (workbook, 0, &error);
  g_autofree char *second = render_sheet (workbook, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==, "1:[Note]\n3:[][Rich inline]\n");
  g_assert_cmpstr (first, ==, xlsx_chronology);
  g_assert_cmpstr (second, ==, xlsx_chronology);
}

static void
test_xlsx_1904 (void)
{
  g_autoptr (CwWorkbook) workbook = open_data ("return-1904.xlsx");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = render_sheet (workbook, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_workbook_get_sheet_name (workbook, 0), ==, "Returns");
  /* 42827 is 3 April 2021 counted from 1904, and 44289 from 1900 */
  g_assert_cmpstr (got, ==, "1:[2021-04-03]\n2:[1904-01-01]\n3:[2021-04-03 12:00]\n4:[06:00]\n");
}

static void
test_ods (void)
{
  g_autoptr (CwWorkbook) workbook = open_data ("return.ods");
  g_autoptr (GError) error = NULL;
  g_autofree char *chronology = NULL;
  g_autofree char *notes = NULL;

  g_assert_cmpstr (cw_workbook_get_format (workbook), ==, "ODS");
  g_assert_cmpuint (cw_workbook_get_n_sheets (workbook), ==, 2);
  g_assert_cmpstr (cw_workbook_get_sheet_name (workbook, 0), ==, "Chronology");
  g_assert_cmpstr (cw_workbook_get_sheet_name (workbook, 1), ==, "Notes");

  chronology = render_sheet (workbook, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronology, ==,
                   "1:[Date][Agency][Event]\n"
                   "2:[2021-04-03][Police][Visit by  DC\tSmith\nFollow-up\ncall made & noted]\n"
                   "3:[2021-04-04 18:00][3.5][0.25][TRUE][14:30][1200]\n"
                   "4:[2021-04-05][2021-04-05 10:00][36:00]\n"
                   "6:[x][x][x][][][y]\n"
                   "7:[repeat]\n"
                   "8:[repeat]\n"
                   "9:[merged][][after]\n"
                   "10:[0.3][#DIV/0!]\n");
  notes = render_sheet (workbook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==, "1:[Note]\n3:[][Third row]\n");
}

/* The contents decide, whatever the name says. */
static void
test_format_from_content (void)
{
  g_autoptr (GBytes) bytes = load_data ("return.ods");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, "return.xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_workbook_get_format (workbook), ==, "ODS");
}

static void
test_is_workbook_data (void)
{
  g_autoptr (GBytes) xlsx = load_data ("return.xlsx");
  g_autoptr (GBytes) ods = load_data ("return.ods");
  g_autoptr (GBytes) csv = g_bytes_new_static ("Date,Event\n", 11);
  g_autoptr (GBytes) empty_zip = g_bytes_new_static ("PK\x05\x06", 4);
  g_autoptr (GBytes) nothing = g_bytes_new_static ("", 0);

  g_assert_true (cw_workbook_is_workbook_data (xlsx));
  g_assert_true (cw_workbook_is_workbook_data (ods));
  g_assert_false (cw_workbook_is_workbook_data (csv));
  g_assert_false (cw_workbook_is_workbook_data (empty_zip));
  g_assert_false (cw_workbook_is_workbook_data (nothing));
}

/* What the reader makes of dates is what the chronology's date parser
 * reads: days, days with a time, and a time from a column of its own. */
static void
test_dates_parse (void)
{
  static const struct { const char *text; const char *iso; } dates[] = {
    { "2021-04-03", "2021-04-03" },
    { "2021-04-04 18:00", "2021-04-04T18:00" },
    { "2022-01-01", "2022-01-01" },
    { "2021-04-05 10:00", "2021-04-05T10:00" },
  };
  g_autoptr (GError) error = NULL;
  CwChronoDate date;

  for (gsize i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_true (cw_chrono_date_parse (dates[i].text, CW_DATE_ORDER_DMY, &date, &error));
      g_assert_no_error (error);
      iso = cw_chrono_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, dates[i].iso);
    }
  g_assert_true (cw_chrono_date_parse_time ("14:30", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (date.hour, ==, 14);
  g_assert_cmpint (date.minute, ==, 30);
  /* Excel's 29 February 1900 reaches the parser as Excel shows it */
  g_assert_false (cw_chrono_date_parse ("1900-02-29", CW_DATE_ORDER_DMY, &date, &error));
  g_assert_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE);
}

/* ----------------------------------------- workbooks as other tools write */

typedef struct
{
  const char *path;
  const char *rows;     /* of the sheet; NULL for a whole part in "sheet" */
  const char *sheet;
  guint16     method;
  const char *expected;
} XlsxCase;

static const XlsxCase xlsx_cases[] = {
  { "/workbook/xlsx/stored", "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>stored</t></is>"
    "</c></row>", NULL, 0, "2:[][stored]\n" },
  { "/workbook/xlsx/prefixed", NULL,
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>hi</x:t></x:is></x:c>"
    "<x:c r=\"B1\"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>", 8, "1:[hi][2]\n" },
  { "/workbook/xlsx/byte-order-mark", NULL,
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet><sheetData><row r=\"1\">"
    "<c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>", 8, "1:[1]\n" },
  { "/workbook/xlsx/cdata", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[a<b]]></t>"
    "</is></c></row>", NULL, 8, "1:[a<b]\n" },
  { "/workbook/xlsx/overwritten-cell", "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"B1\"><v>2</v>"
    "</c></row>", NULL, 8, "1:[][2]\n" },
  { "/workbook/xlsx/empty", "", NULL, 8, "" },
  { "/workbook/xlsx/no-shared-strings", "<row><c t=\"b\"><v>1</v></c><c t=\"str\"><v>x</v></c>"
    "<c t=\"d\"><v>2021-04-03T09:15:00</v></c><c t=\"e\"><v>#REF!</v></c></row>", NULL, 8,
    "1:[TRUE][x][2021-04-03 09:15][#REF!]\n" },
  /* every decimal form of an XML Schema double */
  { "/workbook/xlsx/decimal-forms", "<row r=\"1\"><c><v>.5</v></c><c><v>1.</v></c><c><v>+3</v>"
    "</c><c><v>4.4999999999999998E-2</v></c><c><v>-1e3</v></c></row>", NULL, 8,
    "1:[0.5][1][3][0.045][-1000]\n" },
};

static void
test_xlsx_case (gconstpointer data)
{
  const XlsxCase *c = data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  if (c->rows != NULL)
    {
      g_autofree char *sheet = g_strconcat ("<worksheet><sheetData>", c->rows,
                                            "</sheetData></worksheet>", NULL);
      g_autoptr (GPtrArray) zip = xlsx_parts (sheet, c->method);

      bytes = zip_build (zip);
    }
  else
    {
      g_autoptr (GPtrArray) zip = xlsx_parts (c->sheet, c->method);

      bytes = zip_build (zip);
    }
  got = render_bytes (bytes, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, c->expected);
}

/* The last cell a sheet can have: 16,383 empty cells before it. */
static void
test_xlsx_last_cell (void)
{
  g_autoptr (GBytes) bytes =
    xlsx_with_rows ("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>");
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, FILE_NAME, NULL);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) numbers = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *row;

  g_assert_true (cw_workbook_read_sheet (workbook, 0, &rows, &numbers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (numbers, guint, 0), ==, 1048576);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->len, ==, 16384);
  g_assert_cmpstr (g_ptr_array_index (row, 16382), ==, "");
  g_assert_cmpstr (g_ptr_array_index (row, 16383), ==, "1");
}

/* LibreOffice pads every sheet to its last row and column with empty
 * repeats; far larger ones must cost nothing either. */
static void
test_ods_empty_repeats (void)
{
  g_autoptr (GBytes) bytes = ods_with_rows (
    "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>a</text:p>"
    "</table:table-cell><table:table-cell table:number-columns-repeated=\"4000000000\"/>"
    "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"4000000000\"><table:table-cell "
    "table:number-columns-repeated=\"4000000000\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"99999999999999999999\"><table:table-cell/>"
    "</table:table-row>");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = render_bytes (bytes, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:[a]\n");
}

static void
test_read_missing_sheet (void)
{
  g_autoptr (CwWorkbook) workbook = open_data ("return.ods");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) numbers = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (cw_workbook_read_sheet (workbook, 2, &rows, &numbers, &error));
  g_assert_error (error, CW_WORKBOOK_ERROR, CW_WORKBOOK_ERROR_NO_SHEET);
  g_assert_cmpstr (error->message, ==, "return.ods has no sheet to read: it has 2 sheets, so no "
                                       "sheet 3");
  g_assert_null (rows);
  g_assert_null (numbers);
}

/* ------------------------------------------------ damaged and hostile */

static GBytes *
build_not_zip (void)
{
  return g_bytes_new_static ("Date,Agency\n2021-04-03,Police\n", 30);
}

static GBytes *
build_empty (void)
{
  return g_bytes_new_static ("", 0);
}

static GBytes *
build_xls (void)
{
  static const guint8 header[512] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  return g_bytes_new_static (header, sizeof header);
}

static GBytes *
build_truncated (void)
{
  g_autoptr (GBytes) whole = load_data ("return.xlsx");

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
}

static GBytes *
build_truncated_end (void)
{
  g_autoptr (GBytes) whole = load_data ("return.xlsx");

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 30);
}

/* An Excel workbook, after @tweak has had its way with the entries. */
static GBytes *
build_xlsx_tweaked (void (*tweak) (GPtrArray *zip))
{
  g_autoptr (GPtrArray) zip =
    xlsx_parts ("<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>", 8);

  tweak (zip);
  return zip_build (zip);
}

#define TWEAKED(name, body)                                                                      \
  static void tweak_##name (GPtrArray *zip) { body; }                                            \
  static GBytes *build_##name (void) { return build_xlsx_tweaked (tweak_##name); }

TWEAKED (sheet_crc, zip_find (zip, SHEET_PART)->crc ^= 1)
TWEAKED (workbook_crc, zip_find (zip, "xl/workbook.xml")->crc ^= 0x80000000)
TWEAKED (bad_deflate, g_bytes_unref (zip_find (zip, SHEET_PART)->data);
         zip_find (zip, SHEET_PART)->data = g_bytes_new_static ("\xff\xff\xff\xff", 4))
TWEAKED (no_sheet_part, g_ptr_array_remove (zip, zip_find (zip, SHEET_PART)))
TWEAKED (encrypted, zip_find (zip, SHEET_PART)->flags |= 1)
TWEAKED (bzip2, zip_find (zip, SHEET_PART)->method = 12)
TWEAKED (zip64, zip_find (zip, SHEET_PART)->size = 0xFFFFFFFF)
TWEAKED (duplicate, zip_add (zip, "XL/workbook.xml", workbook_xml, 8))
TWEAKED (overlap, zip_find (zip, SHEET_PART)->offset = 0)
TWEAKED (offset_past_end, zip_find (zip, SHEET_PART)->offset = 0x7FFFFFFF)
/* a bomb that says it is small stops just past what it says */
TWEAKED (size_lie, zip_find (zip, SHEET_PART)->size = 5)
TWEAKED (impossible_ratio, zip_find (zip, SHEET_PART)->size = 100 * 1000 * 1000)

static GBytes *
build_zip_bomb (void)
{
  g_autoptr (GPtrArray) zip = xlsx_parts (NULL, 8);
  ZipEntry *bomb = zip_add (zip, SHEET_PART, "", 8);

  g_bytes_unref (bomb->data);
  bomb->data = zip_bomb_stream ();
  bomb->size = 1024 * 1024 * 1024;
  return zip_build (zip);
}

/* The same bomb, claiming to unpack to 4 KB. */
static GBytes *
build_lying_zip_bomb (void)
{
  g_autoptr (GPtrArray) zip = xlsx_parts (NULL, 8);
  ZipEntry *bomb = zip_add (zip, SHEET_PART, "", 8);

  g_bytes_unref (bomb->data);
  bomb->data = zip_bomb_stream ();
  bomb->size = 4096;
  return zip_build (zip);
}

static GBytes *
build_too_many_entries (void)
{
  g_autoptr (GBytes) bytes = xlsx_with_rows ("");
  gsize len = 0;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);

  /* the counts in the end record, which comes last */
  data[len - 22 + 8] = data[len - 22 + 10] = 0x20;
  data[len - 22 + 9] = data[len - 22 + 11] = 0x4E;
  return g_bytes_new_take (data, len);
}

static GBytes *
build_parts (const char *first_name,
             const char *first,
             const char *second_name,
             const char *second)
{
  g_autoptr (GPtrArray) zip = zip_new ();

  zip_add (zip, first_name, first, 8);
  if (second_name != NULL)
    zip_add (zip, second_name, second, 8);
  return zip_build (zip);
}

static GBytes *
build_no_workbook (void)
{
  return build_parts ("notes.txt", "Not a workbook", NULL, NULL);
}

static GBytes *
build_empty_zip (void)
{
  g_autoptr (GPtrArray) zip = zip_new ();

  return zip_build (zip);
}

static GBytes *
build_docx (void)
{
  return build_parts (
    "_rels/.rels",
    "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>",
    "word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>");
}

static GBytes *
build_xlsb (void)
{
  return build_parts (
    "_rels/.rels",
    "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.bin\"/>"
    "</Relationships>",
    "xl/workbook.bin", "binary");
}

static GBytes *
build_odt (void)
{
  return build_parts ("mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
                      "<office:document-content/>");
}

static GBytes *
build_ods_without_content (void)
{
  return build_parts ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "meta.xml",
                      "<office:document-meta/>");
}

static GBytes *
build_ods_encrypted (void)
{
  g_autoptr (GPtrArray) zip = ods_parts ("");

  zip_add (zip, "META-INF/manifest.xml",
           "<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\">"
           "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>"
           "</manifest:file-entry></manifest:manifest>", 8);
  return zip_build (zip);
}

static GBytes *
build_no_sheets (void)
{
  g_autoptr (GPtrArray) zip = zip_new ();

  zip_add (zip, "_rels/.rels", root_rels, 8);
  zip_add (zip, "xl/workbook.xml", "<workbook><sheets/></workbook>", 8);
  return zip_build (zip);
}

static GBytes *
build_no_relationship (void)
{
  g_autoptr (GPtrArray) zip = zip_new ();

  zip_add (zip, "_rels/.rels", root_rels, 8);
  zip_add (zip, "xl/workbook.xml", workbook_xml, 8);
  return zip_build (zip);
}

static GBytes *
build_bad_xml (void)
{
  return xlsx_with_rows ("<row><c><v>1</c></row>");
}

static GBytes *
build_deep_xml (void)
{
  g_autoptr (GString) rows = g_string_new (NULL);

  for (int i = 0; i < 100000; i++)
    g_string_append (rows, "<x>");
  return xlsx_with_rows (rows->str);
}

static GBytes *
build_huge_cell (void)
{
  g_autoptr (GString) rows = g_string_new ("<row><c t=\"inlineStr\"><is><t>");

  for (int i = 0; i < 1100 * 1024; i++)
    g_string_append_c (rows, 'a');
  g_string_append (rows, "</t></is></c></row>");
  return xlsx_with_rows (rows->str);
}

static GBytes *
build_column_past_end (void)
{
  return xlsx_with_rows ("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>");
}

static GBytes *
build_bad_reference (void)
{
  return xlsx_with_rows ("<row><c r=\"ABCD1\"><v>1</v></c></row>");
}

static GBytes *
build_row_past_end (void)
{
  return xlsx_with_rows ("<row r=\"1048577\"><c><v>1</v></c></row>");
}

static GBytes *
build_rows_backwards (void)
{
  return xlsx_with_rows ("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>");
}

static GBytes *
build_missing_string (void)
{
  return xlsx_with_rows ("<row r=\"4\"><c t=\"s\"><v>7</v></c></row>");
}

static GBytes *
build_ods_repeated_columns (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell office:value-type=\"float\" "
                        "office:value=\"1\" table:number-columns-repeated=\"4000000000\"/>"
                        "</table:table-row>");
}

static GBytes *
build_ods_repeated_rows (void)
{
  return ods_with_rows ("<table:table-row table:number-rows-repeated=\"4000000000\">"
                        "<table:table-cell><text:p>x</text:p></table:table-cell>"
                        "</table:table-row>");
}

static GBytes *
build_ods_too_many_cells (void)
{
  return ods_with_rows ("<table:table-row table:number-rows-repeated=\"1000\">"
                        "<table:table-cell table:number-columns-repeated=\"16384\">"
                        "<text:p>x</text:p></table:table-cell></table:table-row>");
}

static GBytes *
build_ods_too_many_spaces (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell><text:p>a<text:s text:c=\"2000000\"/>"
                        "</text:p></table:table-cell></table:table-row>");
}

static GBytes *
build_ods_after_padding (void)
{
  return ods_with_rows ("<table:table-row table:number-rows-repeated=\"1048576\">"
                        "<table:table-cell/></table:table-row>"
                        "<table:table-row><table:table-cell><text:p>late</text:p>"
                        "</table:table-cell></table:table-row>");
}

/* A cell styled as a date (numFmtId 14, d/m/yyyy) whose number is not one. */
static GBytes *
build_hex_date (void)
{
  g_autoptr (GPtrArray) zip = xlsx_parts (
    "<worksheet><sheetData><row r=\"2\"><c r=\"C2\" s=\"1\"><v>0x10</v></c></row>"
    "</sheetData></worksheet>", 8);

  zip_add (zip, "xl/styles.xml", "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
           "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>", 8);
  return zip_build (zip);
}

static GBytes *
build_infinite_number (void)
{
  return xlsx_with_rows ("<row r=\"1\"><c r=\"A1\"><v>INF</v></c></row>");
}

static GBytes *
build_ods_hex_number (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell/><table:table-cell "
                        "office:value-type=\"float\" office:value=\"0x10\"><text:p>16</text:p>"
                        "</table:table-cell></table:table-row>");
}

static GBytes *
build_ods_negative_rows (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"
                        "</table:table-row><table:table-row table:number-rows-repeated=\"-5\">"
                        "<table:table-cell><text:p>x</text:p></table:table-cell>"
                        "</table:table-row>");
}

static GBytes *
build_ods_negative_columns (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell table:number-columns-repeated=\"-1\">"
                        "<text:p>x</text:p></table:table-cell></table:table-row>");
}

static GBytes *
build_ods_zero_spaces (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell><text:p>a<text:s text:c=\"0\"/>b"
                        "</text:p></table:table-cell></table:table-row>");
}

/* Under a kilobyte that would be 300,000 entries of a chronology. */
static GBytes *
build_ods_row_copies (void)
{
  return ods_with_rows ("<table:table-row><table:table-cell><text:p>Date</text:p>"
                        "</table:table-cell><table:table-cell><text:p>Details</text:p>"
                        "</table:table-cell></table:table-row>"
                        "<table:table-row table:number-rows-repeated=\"300000\">"
                        "<table:table-cell office:value-type=\"date\" "
                        "office:date-value=\"2021-04-03\"/><table:table-cell><text:p>Visit"
                        "</text:p></table:table-cell></table:table-row>");
}

typedef enum
{
  ON_OPEN,
  ON_READ, /* the workbook opens; reading its first sheet fails */
} Stage;

typedef struct
{
  const char      *path;
  GBytes        *(*build) (void);
  Stage            stage;
  CwWorkbookError  code;
  const char      *message; /* all of it, or a part of it after "…" */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "/workbook/refused/not-zip", build_not_zip, ON_OPEN, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    FILE_NAME " is not a workbook Casewise can read: it is not an Excel (.xlsx) or LibreOffice "
    "(.ods) file; choose the workbook the agency sent" },
  { "/workbook/refused/empty", build_empty, ON_OPEN, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    "…it is not an Excel (.xlsx) or LibreOffice (.ods) file" },
  { "/workbook/refused/xls", build_xls, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    FILE_NAME " is not a workbook Casewise can read: it is an Excel 97–2003 workbook (.xls) or "
    "one protected by a password; open it in Excel and save it as an Excel Workbook (.xlsx) "
    "without a password" },
  { "/workbook/refused/zip-without-workbook", build_no_workbook, ON_OPEN,
    CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    FILE_NAME " is not a workbook Casewise can read: it is a ZIP archive that holds no Excel or "
    "LibreOffice spreadsheet" },
  { "/workbook/refused/empty-zip", build_empty_zip, ON_OPEN, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    "…holds no Excel or LibreOffice spreadsheet" },
  { "/workbook/refused/docx", build_docx, ON_OPEN, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    FILE_NAME " is not a workbook Casewise can read: it is a Word document, not a workbook" },
  { "/workbook/refused/odt", build_odt, ON_OPEN, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    "…it is an OpenDocument file of another kind (application/vnd.oasis.opendocument.text), "
    "not a spreadsheet" },
  { "/workbook/refused/xlsb", build_xlsb, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    "…Excel Binary Workbook (.xlsb)" },
  { "/workbook/refused/ods-password", build_ods_encrypted, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    FILE_NAME " is not a workbook Casewise can read: it is protected by a password; open it in "
    "LibreOffice and save it again without one" },
  { "/workbook/refused/zip-encryption", build_encrypted, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    "…“xl/worksheets/sheet1.xml” inside it is encrypted" },
  { "/workbook/refused/bzip2", build_bzip2, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    "…“xl/worksheets/sheet1.xml” inside it is compressed with method 12" },
  { "/workbook/refused/zip64", build_zip64, ON_OPEN, CW_WORKBOOK_ERROR_UNSUPPORTED,
    "…it is a ZIP64 archive" },
  { "/workbook/no-sheet/none", build_no_sheets, ON_OPEN, CW_WORKBOOK_ERROR_NO_SHEET,
    FILE_NAME " has no sheet to read: it has no sheets" },
  { "/workbook/damaged/truncated", build_truncated, ON_OPEN, CW_WORKBOOK_ERROR_DAMAGED,
    FILE_NAME " is damaged: the file is cut short, as if it was not copied or downloaded "
    "completely. Open it in Excel or LibreOffice, save it again and import the new file" },
  { "/workbook/damaged/truncated-end", build_truncated_end, ON_OPEN, CW_WORKBOOK_ERROR_DAMAGED,
    "…the file is cut short" },
  { "/workbook/damaged/crc-sheet", build_sheet_crc, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    FILE_NAME " is damaged: “xl/worksheets/sheet1.xml” inside it fails its checksum, so its "
    "contents are not what was saved. Open it in Excel or LibreOffice, save it again and import "
    "the new file" },
  { "/workbook/damaged/crc-workbook", build_workbook_crc, ON_OPEN, CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/workbook.xml” inside it fails its checksum" },
  { "/workbook/damaged/deflate", build_bad_deflate, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…the compressed data of “xl/worksheets/sheet1.xml” inside it is corrupt" },
  { "/workbook/damaged/missing-sheet", build_no_sheet_part, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    FILE_NAME " is damaged: it has no “xl/worksheets/sheet1.xml”. Open it in Excel or "
    "LibreOffice, save it again and import the new file" },
  { "/workbook/damaged/missing-relationship", build_no_relationship, ON_OPEN,
    CW_WORKBOOK_ERROR_DAMAGED, "…the contents of sheet “Sheet1” are missing" },
  { "/workbook/damaged/ods-without-content", build_ods_without_content, ON_OPEN,
    CW_WORKBOOK_ERROR_DAMAGED, "…it has no “content.xml”" },
  { "/workbook/damaged/duplicate-name", build_duplicate, ON_OPEN, CW_WORKBOOK_ERROR_DAMAGED,
    "…it holds “XL/workbook.xml” twice" },
  { "/workbook/damaged/overlap", build_overlap, ON_OPEN, CW_WORKBOOK_ERROR_DAMAGED,
    "…inside it overlap" },
  { "/workbook/damaged/offset-past-end", build_offset_past_end, ON_OPEN,
    CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/worksheets/sheet1.xml” inside it cannot be found where the table of contents says" },
  { "/workbook/damaged/size-lie", build_size_lie, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/worksheets/sheet1.xml” inside it unpacks to more than the size it gives" },
  { "/workbook/damaged/impossible-ratio", build_impossible_ratio, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/worksheets/sheet1.xml” inside it gives a size that does not match its data" },
  { "/workbook/damaged/bad-xml", build_bad_xml, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/worksheets/sheet1.xml” inside it is not well-formed XML (" },
  { "/workbook/damaged/deep-xml", build_deep_xml, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…“xl/worksheets/sheet1.xml” inside it nests elements more than 256 deep" },
  { "/workbook/damaged/bad-reference", build_bad_reference, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…sheet “Sheet1” has a cell at “ABCD1”, which is no place on a sheet" },
  { "/workbook/damaged/rows-backwards", build_rows_backwards, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…the rows of sheet “Sheet1” are out of order" },
  { "/workbook/damaged/missing-string", build_missing_string, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…the text of a cell in row 4 of sheet “Sheet1” is missing" },
  { "/workbook/damaged/hex-date", build_hex_date, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    FILE_NAME " is damaged: cell C2 of sheet “Sheet1” holds “0x10” where a number should be. "
    "Open it in Excel or LibreOffice, save it again and import the new file" },
  { "/workbook/damaged/infinite-number", build_infinite_number, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED, "…cell A1 of sheet “Sheet1” holds “INF” where a number should be" },
  { "/workbook/damaged/ods-hex-number", build_ods_hex_number, ON_READ, CW_WORKBOOK_ERROR_DAMAGED,
    "…cell B1 of sheet “Sheet1” holds “0x10” where a number should be" },
  { "/workbook/damaged/ods-negative-rows", build_ods_negative_rows, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED,
    "…row 2 of sheet “Sheet1” gives table:number-rows-repeated as “-5”, which is not a count" },
  { "/workbook/damaged/ods-negative-columns", build_ods_negative_columns, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED,
    "…row 1 of sheet “Sheet1” gives table:number-columns-repeated as “-1”, which is not a "
    "count" },
  { "/workbook/damaged/ods-zero-spaces", build_ods_zero_spaces, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED, "…gives text:c as “0”, which is not a count" },
  { "/workbook/too-large/ods-row-copies", build_ods_row_copies, ON_READ,
    CW_WORKBOOK_ERROR_TOO_LARGE,
    FILE_NAME " is too large for Casewise to read: row 2 of sheet “Sheet1” stands for 300000 "
    "copies of itself, more than the 1000 Casewise reads" },
  { "/workbook/too-large/zip-bomb", build_zip_bomb, ON_READ, CW_WORKBOOK_ERROR_TOO_LARGE,
    FILE_NAME " is too large for Casewise to read: “xl/worksheets/sheet1.xml” inside it unpacks "
    "to 1.1\xC2\xA0GB, more than the 250.0\xC2\xA0MB Casewise reads" },
  { "/workbook/damaged/lying-zip-bomb", build_lying_zip_bomb, ON_READ,
    CW_WORKBOOK_ERROR_DAMAGED, "…inside it unpacks to more than the size it gives" },
  { "/workbook/too-large/entries", build_too_many_entries, ON_OPEN, CW_WORKBOOK_ERROR_TOO_LARGE,
    FILE_NAME " is too large for Casewise to read: it holds 20000 files, more than the 16384 "
    "expected" },
  { "/workbook/too-large/cell", build_huge_cell, ON_READ, CW_WORKBOOK_ERROR_TOO_LARGE,
    "…a cell in “xl/worksheets/sheet1.xml” inside it holds more than 1024 KB of text" },
  { "/workbook/too-large/column", build_column_past_end, ON_READ, CW_WORKBOOK_ERROR_TOO_LARGE,
    FILE_NAME " is too large for Casewise to read: row 3 of sheet “Sheet1” has more than 16384 "
    "columns" },
  { "/workbook/too-large/row", build_row_past_end, ON_READ, CW_WORKBOOK_ERROR_TOO_LARGE,
    "…sheet “Sheet1” has more than 1048576 rows" },
  { "/workbook/too-large/ods-columns", build_ods_repeated_columns, ON_READ,
    CW_WORKBOOK_ERROR_TOO_LARGE, "…row 1 of sheet “Sheet1” has more than 16384 columns" },
  { "/workbook/too-large/ods-rows", build_ods_repeated_rows, ON_READ, CW_WORKBOOK_ERROR_TOO_LARGE,
    "…sheet “Sheet1” has more than 1048576 rows" },
  { "/workbook/too-large/ods-cells", build_ods_too_many_cells, ON_READ,
    CW_WORKBOOK_ERROR_TOO_LARGE, "…sheet “Sheet1” has more than 4194304 cells" },
  { "/workbook/too-large/ods-spaces", build_ods_too_many_spaces, ON_READ,
    CW_WORKBOOK_ERROR_TOO_LARGE, "…a cell in “content.xml” inside it holds more than 1024 KB" },
  { "/workbook/too-large/ods-after-padding", build_ods_after_padding, ON_READ,
    CW_WORKBOOK_ERROR_TOO_LARGE, "…sheet “Sheet1” has more than 1048576 rows" },
};

static void
assert_message (const GError *error,
                const char   *expected)
{
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, FILE_NAME " "));
  if (g_str_has_prefix (expected, "…"))
    {
      if (strstr (error->message, expected + strlen ("…")) == NULL)
        g_error ("“%s” is not in “%s”", expected + strlen ("…"), error->message);
    }
  else
    g_assert_cmpstr (error->message, ==, expected);
}

static void
test_hostile (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr (GBytes) bytes = c->build ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, FILE_NAME, &error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) numbers = NULL;

  if (c->stage == ON_OPEN)
    {
      g_assert_null (workbook);
      g_assert_error (error, CW_WORKBOOK_ERROR, (int) c->code);
      assert_message (error, c->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_false (cw_workbook_read_sheet (workbook, 0, &rows, &numbers, &error));
  g_assert_error (error, CW_WORKBOOK_ERROR, (int) c->code);
  assert_message (error, c->message);
  g_assert_null (rows);
  g_assert_null (numbers);
}

/* Bytes that start like a workbook and then are anything: errors, never
 * crashes, and every error names the file. */
static void
test_random_bytes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240101);
  g_autoptr (GBytes) original = load_data ("return.xlsx");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (original, &len);

  for (int round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CwWorkbook) workbook = NULL;

      for (int i = 0; i < 1 + round % 8; i++)
        copy[g_rand_int_range (rand, 0, (gint32) len)] = (guint8) g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new (copy, len);
      workbook = cw_workbook_new_from_bytes (bytes, FILE_NAME, &error);
      for (guint i = 0; workbook != NULL && i < cw_workbook_get_n_sheets (workbook); i++)
        {
          g_autoptr (GPtrArray) rows = NULL;

          if (!cw_workbook_read_sheet (workbook, i, &rows, NULL, &error))
            break;
        }
      if (error != NULL)
        {
          g_assert_true (error->domain == CW_WORKBOOK_ERROR);
          g_assert_true (g_str_has_prefix (error->message, FILE_NAME " "));
        }
    }
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/workbook/xlsx/return", test_xlsx);
  g_test_add_func ("/workbook/xlsx/read-again", test_xlsx_read_again);
  g_test_add_func ("/workbook/xlsx/date1904", test_xlsx_1904);
  g_test_add_func ("/workbook/xlsx/last-cell", test_xlsx_last_cell);
  for (gsize i = 0; i < G_N_ELEMENTS (xlsx_cases); i++)
    g_test_add_data_func (xlsx_cases[i].path, &xlsx_cases[i], test_xlsx_case);
  g_test_add_func ("/workbook/ods/return", test_ods);
  g_test_add_func ("/workbook/ods/empty-repeats", test_ods_empty_repeats);
  g_test_add_func ("/workbook/format-from-content", test_format_from_content);
  g_test_add_func ("/workbook/is-workbook-data", test_is_workbook_data);
  g_test_add_func ("/workbook/dates-parse", test_dates_parse);
  g_test_add_func ("/workbook/no-sheet/index", test_read_missing_sheet);
  for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    g_test_add_data_func (hostile_cases[i].path, &hostile_cases[i], test_hostile);
  g_test_add_func ("/workbook/hostile/random-bytes", test_random_bytes);

  return g_test_run ();
}
