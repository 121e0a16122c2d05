/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cw-clock.h"
#include "cw-csv-writer.h"
#include "cw-csv.h"
#include "cw-workbook.h"
#include "cw-xlsx-writer.h"
#include "cw-zip-writer.h"
#include "cw-zip.h"

/* The writers of src/core/export, each read back by the project's own
 * readers (src/core/import), and the workbook also by Python's zipfile and
 * XML parser (meson's own interpreter, so always there). */

static GBytes *
steal_memory (GOutputStream *out)
{
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* ------------------------------------------------------------------ CSV */

static const char *const csv_cells[] = {
  "plain", "a, comma", "a \"quote\"", "two\r\nlines", " leading", "trailing ", "=1+2",
  "+44 20 7946 0000", "-3", "@sum", "café – ü", "",
};

static GBytes *
write_csv_rows (guint n_rows)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (CwCsvWriter) csv = cw_csv_writer_new (out);
  g_autoptr (GError) error = NULL;

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (csv_cells); i++)
        cw_csv_writer_cell (csv, csv_cells[i]);
      cw_csv_writer_cell (csv, NULL);
      cw_csv_writer_cell (csv, "last");
      g_assert_true (cw_csv_writer_end_row (csv, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cw_csv_writer_finish (csv, NULL, &error));
  g_assert_no_error (error);
  return steal_memory (out);
}

static void
test_csv_cells (void)
{
  g_autoptr (GBytes) bytes = write_csv_rows (1);
  const char *expected = "\xEF\xBB\xBF" "plain,\"a, comma\",\"a \"\"quote\"\"\",\"two\r\nlines\","
                         "\" leading\",\"trailing \",'=1+2,'+44 20 7946 0000,'-3,'@sum,"
                         "café – ü,\"\",,last\r\n";
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = g_strndup (data, len);

  g_assert_cmpstr (text, ==, expected);
  g_assert_true (cw_csv_cell_is_protected ("'=1+2"));
  g_assert_true (cw_csv_cell_is_protected ("'@sum"));
  g_assert_false (cw_csv_cell_is_protected ("'quoted'"));
  g_assert_false (cw_csv_cell_is_protected ("'"));
  g_assert_false (cw_csv_cell_is_protected ("=1+2"));
  g_assert_false (cw_csv_cell_is_protected (NULL));
}

/* Written in pieces, read back whole by the project's reader. */
static void
test_csv_read_back (void)
{
  const guint n_rows = 2000; /* past the 64 KB the writer keeps */
  g_autoptr (GBytes) bytes = write_csv_rows (n_rows);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "out.csv", &error);
  GPtrArray *fields = NULL;
  guint n = 0, row = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64 * 1024);
  g_assert_cmpstr (cw_csv_reader_get_encoding (reader), ==, "UTF-8");
  while (cw_csv_reader_next (reader, &fields, &row, &error))
    {
      g_assert_cmpuint (fields->len, ==, G_N_ELEMENTS (csv_cells) + 2);
      for (guint i = 0; i < G_N_ELEMENTS (csv_cells); i++)
        {
          const char *cell = fields->pdata[i];

          if (cw_csv_cell_is_protected (cell))
            cell++;
          g_assert_cmpstr (cell, ==, csv_cells[i]);
        }
      g_assert_cmpstr (fields->pdata[G_N_ELEMENTS (csv_cells) + 1], ==, "last");
      n++;
      g_assert_cmpuint (row, ==, n); /* as Excel numbers rows: a line break in a cell is not a row */
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_rows);
}

/* ------------------------------------------------------------------ ZIP */

typedef struct
{
  const char *name;
  GBytes     *data;
} Entry;

static GBytes *
repetitive_bytes (gsize len)
{
  GString *text = g_string_new (NULL);

  while (text->len < len)
    g_string_append (text, "<row><c t=\"inlineStr\"><is><t>Again</t></is></c></row>\n");
  g_string_truncate (text, len);
  return g_string_free_to_bytes (text);
}

static GBytes *
random_bytes (gsize len)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  guint8 *data = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, len);
}

static GBytes *
write_zip (const Entry *entries,
           guint        n)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (CwZipWriter) zip = cw_zip_writer_new (out);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (cw_zip_writer_add (zip, entries[i].name, entries[i].data, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cw_zip_writer_finish (zip, NULL, &error));
  g_assert_no_error (error);
  return steal_memory (out);
}

/* Stored, deflated and empty entries, read back and checked against their
 * CRC-32 by cw-zip.c. */
static void
test_zip_read_back (void)
{
  g_autoptr (GBytes) repetitive = repetitive_bytes (200000);
  g_autoptr (GBytes) noise = random_bytes (5000);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) short_text = g_bytes_new_static ("hi", 2);
  const Entry entries[] = {
    { "xl/worksheets/sheet1.xml", repetitive },
    { "media/noise.bin", noise },
    { "empty", empty },
    { "dossier/café.txt", short_text },
  };
  g_autoptr (GBytes) archive = write_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwZip) zip = cw_zip_new_from_bytes (archive, &error);

  g_assert_no_error (error);
  /* The repetitive entry was deflated, the noise stored. */
  g_assert_cmpuint (g_bytes_get_size (archive), <, 200000 / 10 + 5000 + 1000);
  g_assert_cmpuint (g_bytes_get_size (archive), >, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (GBytes) read = cw_zip_read_entry (zip, entries[i].name, &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (read, entries[i].data));
      g_assert_cmpuint (cw_zip_get_entry_size (zip, entries[i].name), ==,
                        g_bytes_get_size (entries[i].data));
    }
}

static guint
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/* Dated by the project's clock, so the same content gives the same bytes. */
static void
test_zip_dated_by_clock (void)
{
  g_autoptr (GBytes) text = g_bytes_new_static ("same", 4);
  const Entry entries[] = { { "a.txt", text } };
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  const guint8 *data;

  g_assert_true (cw_clock_set ("2026-04-03T14:30:10", NULL));
  first = write_zip (entries, 1);
  second = write_zip (entries, 1);
  g_assert_true (g_bytes_equal (first, second));
  data = g_bytes_get_data (first, NULL);
  g_assert_cmpuint (le16 (data + 10), ==, (14 << 11) | (30 << 5) | 5);
  g_assert_cmpuint (le16 (data + 12), ==, ((2026 - 1980) << 9) | (4 << 5) | 3);
}

/* ----------------------------------------------------------------- XLSX */

static const char long_start[] = "Long";

static char *
long_text (void)
{
  GString *text = g_string_new (long_start);

  while (text->len < CW_XLSX_MAX_CELL_TEXT + 100)
    g_string_append (text, " more words");
  return g_string_free (text, FALSE);
}

static GBytes *
write_workbook (const char *sheet_name)
{
  g_autoptr (CwXlsxWriter) xlsx = cw_xlsx_writer_new (sheet_name);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *longest = long_text ();
  GDate date;

  cw_xlsx_writer_set_column_width (xlsx, 1, 10);
  cw_xlsx_writer_set_column_width (xlsx, 3, 40.5);
  cw_xlsx_writer_begin_heading (xlsx);
  cw_xlsx_writer_text (xlsx, "Id", CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "Due", CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "Text", CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "RAG", CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_begin_row (xlsx);
  cw_xlsx_writer_integer (xlsx, 42);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_APRIL, 2026);
  cw_xlsx_writer_date (xlsx, &date);
  cw_xlsx_writer_text (xlsx, "a & b <c> \"d\"\r\nline\ttab \x01 _x0041_ =1+2 😀", CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "Overdue", CW_XLSX_STYLE_RED);
  cw_xlsx_writer_begin_row (xlsx);
  cw_xlsx_writer_integer (xlsx, 43);
  cw_xlsx_writer_date (xlsx, NULL);
  cw_xlsx_writer_text (xlsx, longest, CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "On track", CW_XLSX_STYLE_GREEN);
  cw_xlsx_writer_begin_row (xlsx);
  cw_xlsx_writer_text (xlsx, NULL, CW_XLSX_STYLE_PLAIN);
  cw_xlsx_writer_text (xlsx, "", CW_XLSX_STYLE_AMBER);
  cw_xlsx_writer_text (xlsx, "  spaced  ", CW_XLSX_STYLE_PLAIN);
  g_assert_true (cw_xlsx_writer_write (xlsx, out, NULL, &error));
  g_assert_no_error (error);
  return steal_memory (out);
}

static GPtrArray *
read_sheet (GBytes  *bytes,
            GArray **numbers,
            char   **sheet_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, "out.xlsx", &error);
  GPtrArray *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cw_workbook_get_format (workbook), ==, "XLSX");
  g_assert_cmpuint (cw_workbook_get_n_sheets (workbook), ==, 1);
  *sheet_name = g_strdup (cw_workbook_get_sheet_name (workbook, 0));
  g_assert_true (cw_workbook_read_sheet (workbook, 0, &rows, numbers, &error));
  g_assert_no_error (error);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  GPtrArray *cells = rows->pdata[row];

  return column < cells->len ? cells->pdata[column] : "";
}

static void
test_xlsx_read_back (void)
{
  g_autoptr (GBytes) bytes = write_workbook ("Actions: a/b [draft]?");
  g_autoptr (GArray) numbers = NULL;
  g_autofree char *sheet_name = NULL;
  g_autoptr (GPtrArray) rows = read_sheet (bytes, &numbers, &sheet_name);
  const char *cut;
  glong units;

  g_assert_cmpstr (sheet_name, ==, "Actions  a b  draft  ");
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpuint (g_array_index (numbers, guint, 3), ==, 4);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Id");
  g_assert_cmpstr (cell (rows, 0, 3), ==, "RAG");
  g_assert_cmpstr (cell (rows, 1, 0), ==, "42");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "2026-04-03");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "a & b <c> \"d\"\r\nline\ttab \x01 _x0041_ =1+2 😀");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Overdue");
  g_assert_cmpstr (cell (rows, 2, 1), ==, "");
  g_assert_cmpstr (cell (rows, 2, 3), ==, "On track");
  g_assert_cmpstr (cell (rows, 3, 0), ==, "");
  g_assert_cmpstr (cell (rows, 3, 2), ==, "  spaced  ");
  /* Cut where Excel stops, ending in an ellipsis. */
  cut = cell (rows, 2, 2);
  g_assert_true (g_str_has_prefix (cut, long_start));
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_free (g_utf8_to_utf16 (cut, -1, NULL, &units, NULL));
  g_assert_cmpint (units, ==, CW_XLSX_MAX_CELL_TEXT);
}

static char *
write_temporary (GBytes     *bytes,
                 const char *name)
{
  /* In the test's own folders, which g_test_run() removes. */
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "export", NULL);
  char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  return path;
}

/* Every part is well-formed XML and every entry passes zipfile's own CRC
 * check; the parts are the six a workbook needs. */
static const char python_check[] =
  "import sys, zipfile, xml.dom.minidom\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "assert z.testzip() is None\n"
  "names = sorted(z.namelist())\n"
  "assert names == sorted(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml',"
  " 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']), names\n"
  "for n in names:\n"
  "    xml.dom.minidom.parseString(z.read(n))\n"
  "sheet = xml.dom.minidom.parseString(z.read('xl/worksheets/sheet1.xml'))\n"
  "assert sheet.getElementsByTagName('autoFilter')[0].getAttribute('ref') == 'A1:D4'\n"
  "assert sheet.getElementsByTagName('pane')[0].getAttribute('state') == 'frozen'\n"
  "print('ok')\n";

static void
test_xlsx_python (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr (GBytes) bytes = write_workbook ("Actions");
  g_autofree char *path = write_temporary (bytes, "actions.xlsx");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { python, "-c", python_check, path, NULL };

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "ok\n");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/csv/cells", test_csv_cells);
  g_test_add_func ("/export/csv/read-back", test_csv_read_back);
  g_test_add_func ("/export/zip/read-back", test_zip_read_back);
  g_test_add_func ("/export/zip/dated-by-clock", test_zip_dated_by_clock);
  g_test_add_func ("/export/xlsx/read-back", test_xlsx_read_back);
  g_test_add_func ("/export/xlsx/python", test_xlsx_python);
  return g_test_run ();
}
