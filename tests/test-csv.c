/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-csv.h"

/* ---------------------------------------------------------------- helpers */

static CwCsvReader *
reader_for (const char *data,
            gssize      len,
            GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);

  return cw_csv_reader_new_from_bytes (bytes, "return.csv", error);
}

/* Every record as "row:[field][field]\n", so that whole files compare at
 * once and empty or space-only fields stay visible. */
static char *
render_all (CwCsvReader *reader,
            GError     **error)
{
  GString *out = g_string_new (NULL);
  GPtrArray *fields = NULL;
  guint row = 0;

  while (cw_csv_reader_next (reader, &fields, &row, error))
    {
      g_string_append_printf (out, "%u:", row);
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (out, "[%s]", (const char *) g_ptr_array_index (fields, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
render_text (const char *data,
             gssize      len,
             GError    **error)
{
  g_autoptr (CwCsvReader) reader = reader_for (data, len, error);

  return reader != NULL ? render_all (reader, error) : NULL;
}

/* The records of cw_csv_reader_read_all(), rendered as render_all() does. */
static char *
render_table (const CwCsvTable *table)
{
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (table->rows->len + 1, ==, table->starts->len);
  for (guint r = 0; r + 1 < table->starts->len; r++)
    {
      guint start = g_array_index (table->starts, guint, r);
      guint end = g_array_index (table->starts, guint, r + 1);

      g_string_append_printf (out, "%u:", g_array_index (table->rows, guint, r));
      for (guint i = start; i < end; i++)
        g_string_append_printf (out, "[%s]", (const char *) g_ptr_array_index (table->cells, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Reading every record at once (as an import does) gives exactly what
 * reading them one by one gives: the same records, or the same error. */
static void
assert_read_all_agrees (GBytes *bytes,
                        char    delimiter)
{
  g_autoptr (GError) one_error = NULL;
  g_autoptr (GError) all_error = NULL;
  g_autoptr (CwCsvReader) one = cw_csv_reader_new_from_bytes (bytes, "return.csv", &one_error);
  g_autoptr (CwCsvReader) all = cw_csv_reader_new_from_bytes (bytes, "return.csv", &all_error);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  CwCsvTable table;

  if (one == NULL)
    {
      g_assert_null (all);
      g_assert_cmpstr (all_error->message, ==, one_error->message);
      return;
    }
  if (delimiter != '\0')
    {
      cw_csv_reader_set_delimiter (one, delimiter);
      cw_csv_reader_set_delimiter (all, delimiter);
    }
  expected = render_all (one, &one_error);
  if (one_error != NULL)
    {
      g_assert_false (cw_csv_reader_read_all (all, &table, &all_error));
      g_assert_error (all_error, one_error->domain, one_error->code);
      g_assert_cmpstr (all_error->message, ==, one_error->message);
      g_assert_null (table.cells);
      return;
    }
  g_assert_true (cw_csv_reader_read_all (all, &table, &all_error));
  g_assert_no_error (all_error);
  got = render_table (&table);
  g_assert_cmpstr (got, ==, expected);
  cw_csv_table_clear (&table);
}

static void
assert_read_all_agrees_text (const char *data,
                             gssize      len,
                             char        delimiter)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);

  assert_read_all_agrees (bytes, delimiter);
}

/* -------------------------------------------------------- table of parses */

typedef struct
{
  const char *path;
  const char *input;
  char        override;  /* 0: keep the detected delimiter */
  char        delimiter; /* the delimiter detected */
  const char *expected;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "/csv/line-ends/lf", "a,b\n1,2\n", 0, ',', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/line-ends/crlf", "a,b\r\n1,2\r\n", 0, ',', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/line-ends/cr", "a,b\r1,2\r", 0, ',', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/line-ends/mixed", "a,b\r\n1,2\n3,4\r5,6", 0, ',',
    "1:[a][b]\n2:[1][2]\n3:[3][4]\n4:[5][6]\n" },
  { "/csv/line-ends/no-final", "a,b\n1,2", 0, ',', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/line-ends/trailing-blank", "a,b\n1,2\n\n\r\n\r\n\n", 0, ',', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/line-ends/blank-inside", "a,b\n\n\r\n1,2\n", 0, ',', "1:[a][b]\n4:[1][2]\n" },
  { "/csv/line-ends/leading-blank", "\n\na,b\n", 0, ',', "3:[a][b]\n" },
  { "/csv/quotes/newline", "a,b\n\"x\ny\",z\n1,2\n", 0, ',',
    "1:[a][b]\n2:[x\ny][z]\n3:[1][2]\n" },
  { "/csv/quotes/crlf-inside", "a\r\n\"x\r\ny\"\r\n", 0, ',', "1:[a]\n2:[x\r\ny]\n" },
  { "/csv/quotes/escaped", "\"she said \"\"no\"\"\",2\n", 0, ',', "1:[she said \"no\"][2]\n" },
  { "/csv/quotes/only-escaped", "\"\"\"\"\"\",\"\"\n", 0, ',', "1:[\"\"][]\n" },
  { "/csv/quotes/delimiter-inside", "\"a,b\",c\n", 0, ',', "1:[a,b][c]\n" },
  { "/csv/quotes/literal-mid-field", "5'10\",x\na \"b\" c,d\n", 0, ',',
    "1:[5'10\"][x]\n2:[a \"b\" c][d]\n" },
  { "/csv/quotes/space-before", "a, \"b\"\n", 0, ',', "1:[a][ \"b\"]\n" },
  { "/csv/quotes/at-end-of-file", "\"abc\"", 0, ',', "1:[abc]\n" },
  { "/csv/quotes/empty", "\"\",x\n", 0, ',', "1:[][x]\n" },
  { "/csv/fields/empty", ",,\na,\n", 0, ',', "1:[][][]\n2:[a][]\n" },
  { "/csv/fields/delimiter-at-end", "a,b,", 0, ',', "1:[a][b][]\n" },
  { "/csv/fields/ragged", "a,b,c\n1\n1,2,3,4\n", 0, ',', "1:[a][b][c]\n2:[1]\n3:[1][2][3][4]\n" },
  { "/csv/fields/not-trimmed", " a , b \n  \n", 0, ',', "1:[ a ][ b ]\n2:[  ]\n" },
  { "/csv/fields/header-only", "a,b,c\n", 0, ',', "1:[a][b][c]\n" },
  { "/csv/delimiter/tab", "a\tb\n1\t2, 3\n", 0, '\t', "1:[a][b]\n2:[1][2, 3]\n" },
  { "/csv/delimiter/tab-over-comma", "name\tnotes\nx\ty, z\n", 0, '\t',
    "1:[name][notes]\n2:[x][y, z]\n" },
  { "/csv/delimiter/semicolon", "a;b;c\n1,5;2;3\n", 0, ';', "1:[a][b][c]\n2:[1,5][2][3]\n" },
  { "/csv/delimiter/comma", "a,b,c\n1;2,3,4\n", 0, ',', "1:[a][b][c]\n2:[1;2][3][4]\n" },
  { "/csv/delimiter/quoted-semicolons", "\"a;b;c\",d\n", 0, ',', "1:[a;b;c][d]\n" },
  { "/csv/delimiter/tie", "a,b;c\n", 0, ',', "1:[a][b;c]\n" },
  { "/csv/delimiter/single-column", "name\nx\n", 0, ',', "1:[name]\n2:[x]\n" },
  { "/csv/delimiter/sep-line", "sep=;\na;b\n1;2\n", 0, ';', "1:[a][b]\n2:[1][2]\n" },
  { "/csv/delimiter/override", "a;b,c\n", ';', ',', "1:[a][b,c]\n" },
  { "/csv/delimiter/override-pipe", "a|b,c\n\"x|y\"|z\n", '|', ',', "1:[a][b,c]\n2:[x|y][z]\n" },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = reader_for (c->input, -1, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cw_csv_reader_get_delimiter (reader), ==, c->delimiter);
  g_assert_cmpstr (cw_csv_reader_get_encoding (reader), ==, "UTF-8");
  if (c->override != '\0')
    {
      cw_csv_reader_set_delimiter (reader, c->override);
      g_assert_cmpint (cw_csv_reader_get_delimiter (reader), ==, c->override);
    }
  got = render_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, c->expected);
  assert_read_all_agrees_text (c->input, -1, c->override);
}

static void
test_header_only_ends_cleanly (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = reader_for ("Date,Agency,Event\r\n", -1, &error);
  GPtrArray *fields = NULL;
  guint row = 0;

  g_assert_no_error (error);
  g_assert_true (cw_csv_reader_next (reader, &fields, &row, &error));
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fields, 2), ==, "Event");
  g_assert_cmpuint (row, ==, 1);
  for (int i = 0; i < 3; i++)
    {
      g_assert_false (cw_csv_reader_next (reader, &fields, &row, &error));
      g_assert_no_error (error);
      g_assert_null (fields);
    }
}

static void
test_rows_and_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader =
    reader_for ("a,b\n\"one\ntwo\nthree\",x\n\nlast,y\n", -1, &error);
  guint row = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (cw_csv_reader_get_line (reader), ==, 0);
  g_assert_true (cw_csv_reader_next (reader, NULL, &row, &error));
  g_assert_cmpuint (row, ==, 1);
  g_assert_true (cw_csv_reader_next (reader, NULL, &row, &error));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (cw_csv_reader_get_line (reader), ==, 2);
  g_assert_true (cw_csv_reader_next (reader, NULL, &row, &error));
  /* Excel shows the blank line as row 3, a text editor the record on line 6 */
  g_assert_cmpuint (row, ==, 4);
  g_assert_cmpuint (cw_csv_reader_get_line (reader), ==, 6);
  g_assert_false (cw_csv_reader_next (reader, NULL, &row, &error));
  g_assert_no_error (error);
}

/* --------------------------------------------------------------- encodings */

static GBytes *
encode_utf16 (const char *utf8,
              gboolean    big_endian)
{
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  g_autofree char *converted =
    g_convert (utf8, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, &len, &error);
  GByteArray *out = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (out, (const guint8 *) (big_endian ? "\xFE\xFF" : "\xFF\xFE"), 2);
  g_byte_array_append (out, (const guint8 *) converted, (guint) len);
  return g_byte_array_free_to_bytes (out);
}

static void
check_utf16 (const char *utf8,
             gboolean    big_endian,
             char        delimiter)
{
  g_autoptr (GBytes) bytes = encode_utf16 (utf8, big_endian);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "return.csv", &error);
  g_autofree char *got = NULL;
  g_autofree char *expected = render_text (utf8, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_csv_reader_get_encoding (reader), ==, big_endian ? "UTF-16BE" : "UTF-16LE");
  g_assert_cmpint (cw_csv_reader_get_delimiter (reader), ==, delimiter);
  got = render_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
  assert_read_all_agrees (bytes, '\0');
}

static const char utf16_text[] =
  "name,note\r\nZo\xC3\xAB,\"line one\r\nline \xF0\x9F\x98\x80 two\"\r\n"
  "\xE2\x82\xAC,\xE4\xB8\xAD\r\n";
/* Excel's “Unicode Text” is UTF-16LE with tabs */
static const char utf16_tsv[] = "name\tnote\r\nZo\xC3\xAB\tsays \"hi\", then leaves\r\n";

static void
test_encoding_utf16 (void)
{
  check_utf16 (utf16_text, FALSE, ',');
  check_utf16 (utf16_text, TRUE, ',');
  check_utf16 (utf16_tsv, FALSE, '\t');
  check_utf16 (utf16_tsv, TRUE, '\t');
}

typedef struct
{
  const char *path;
  const char *input;
  gssize      len;
  const char *encoding;
  const char *expected;
} EncodingCase;

static const EncodingCase encoding_cases[] = {
  { "/csv/encoding/ascii", "name,town\nAnn,Bath\n", -1, "UTF-8",
    "1:[name][town]\n2:[Ann][Bath]\n" },
  { "/csv/encoding/utf8", "name\nZo\xC3\xAB\n", -1, "UTF-8", "1:[name]\n2:[Zo\xC3\xAB]\n" },
  { "/csv/encoding/utf8-bom", "\xEF\xBB\xBFname,town\nZo\xC3\xAB,Bath\n", -1, "UTF-8",
    "1:[name][town]\n2:[Zo\xC3\xAB][Bath]\n" },
  { "/csv/encoding/utf8-bom-quoted", "\xEF\xBB\xBF\"name\",town\n", -1, "UTF-8",
    "1:[name][town]\n" },
  { "/csv/encoding/windows-1252", "Caf\xE9,\x93quoted\x94,\x80 5\r\nna\xEFve,it\x92s,\x85\r\n", -1,
    "WINDOWS-1252",
    "1:[Caf\xC3\xA9][\xE2\x80\x9Cquoted\xE2\x80\x9D][\xE2\x82\xAC 5]\n"
    "2:[na\xC3\xAFve][it\xE2\x80\x99s][\xE2\x80\xA6]\n" },
  { "/csv/encoding/windows-1252-unassigned", "a\x81,b\n", -1, "WINDOWS-1252",
    "1:[a\xEF\xBF\xBD][b]\n" },
  /* Windows-1252 with a pair of bytes that happens to be valid UTF-8 (Â£):
   * the accented letters that are not outnumber it */
  { "/csv/encoding/windows-1252-with-utf8-pair", "Price,Caf\xE9\n\xC2\xA3" "5,na\xEFve\n", -1,
    "WINDOWS-1252", "1:[Price][Caf\xC3\xA9]\n2:[\xC3\x82\xC2\xA3" "5][na\xC3\xAFve]\n" },
};

static void
test_encoding (gconstpointer data)
{
  const EncodingCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = reader_for (c->input, c->len, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cw_csv_reader_get_encoding (reader), ==, c->encoding);
  got = render_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, c->expected);
  assert_read_all_agrees_text (c->input, c->len, '\0');
}

/* ------------------------------------------------------------------ errors */

typedef struct
{
  const char *path;
  const char *input;
  gssize      len;
  const char *before;  /* the records read before the error */
  CwCsvError  code;
  const char *message; /* the start of the message */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/csv/error/unterminated", "a,b,c\n1,2,3\n4,5,\"six\n7,8,9\n", -1, "1:[a][b][c]\n2:[1][2][3]\n",
    CW_CSV_ERROR_SYNTAX, "return.csv, row 3, column 3: a quoted field is not closed" },
  { "/csv/error/unterminated-after-newline", "a\n\"x\ny\"\n\"open\n", -1, "1:[a]\n2:[x\ny]\n",
    CW_CSV_ERROR_SYNTAX, "return.csv, row 3 (line 4), column 1: a quoted field is not closed" },
  { "/csv/error/unterminated-quote-only", "\"", -1, "", CW_CSV_ERROR_SYNTAX,
    "return.csv, row 1, column 1: a quoted field is not closed" },
  { "/csv/error/text-after-quote", "a,b\n\"x\"y,z\n", -1, "1:[a][b]\n", CW_CSV_ERROR_SYNTAX,
    "return.csv, row 2, column 1: text after the closing quote" },
  { "/csv/error/space-after-quote", "a,b\nx,\"y\" \n", -1, "1:[a][b]\n", CW_CSV_ERROR_SYNTAX,
    "return.csv, row 2, column 2: text after the closing quote" },
  { "/csv/error/utf8-bom-invalid", "\xEF\xBB\xBF" "a,b\n1,ok\n2,bad\xFF\n", -1,
    "1:[a][b]\n2:[1][ok]\n", CW_CSV_ERROR_ENCODING,
    "return.csv, row 3, column 2: the bytes FF are not UTF-8, although the file says it is" },
  /* Past whole words of ASCII: a bad byte after a good character, and a
   * character cut short before ASCII */
  { "/csv/error/utf8-bom-invalid-after-words", "\xEF\xBB\xBF" "a,b\n12345678,1234567\xC3\xA9"
    "\xFF\n", -1, "1:[a][b]\n", CW_CSV_ERROR_ENCODING,
    "return.csv, row 2, column 2: the bytes FF are not UTF-8, although the file says it is" },
  { "/csv/error/utf8-bom-cut-after-words", "\xEF\xBB\xBF" "a,b\nx,abcdefghijklmnop\xE2\x82"
    "z\n", -1, "1:[a][b]\n", CW_CSV_ERROR_ENCODING,
    "return.csv, row 2, column 2: the bytes E2 82 are not UTF-8, although the file says it is" },
  /* UTF-8 with one stray Windows-1252 byte: never read whole as 1252 ("é"
   * would become "Ã©"), but refused where the byte is */
  { "/csv/error/mostly-utf8", "Name,Note\nZo\xC3\xAB,Caf\xE9 au lait\n", -1, "1:[Name][Note]\n",
    CW_CSV_ERROR_ENCODING,
    "return.csv, row 2, column 2: the bytes E9 are not UTF-8, which the rest of the file is: "
    "text from another encoding was pasted in. Nothing was read as another encoding; correct "
    "the text here, or save the file again from Excel as “CSV UTF-8”" },
  { "/csv/error/mostly-utf8-more", "Name,Note\n\xC3\xA9\xC3\xA9\xC3\xA9,x\nCaf\xE9,\xE2\x80\n"
    "r\xE9sum\xE9,\xC3\xA9\n", -1, "1:[Name][Note]\n2:[\xC3\xA9\xC3\xA9\xC3\xA9][x]\n",
    CW_CSV_ERROR_ENCODING,
    "return.csv, row 3, column 1: the bytes E9 are not UTF-8 (and 3 more places further on), "
    "which the rest" },
  { "/csv/error/mostly-utf8-cut", "Name\n\xC3\xA9\xC3\xA9\nx\xE2\x80" "y\n", -1,
    "1:[Name]\n2:[\xC3\xA9\xC3\xA9]\n", CW_CSV_ERROR_ENCODING,
    "return.csv, row 3, column 1: the bytes E2 80 are not UTF-8," },
  /* BOM, "a\n1," U+D800 ",x\n" */
  { "/csv/error/utf16-lone-surrogate", "\xFF\xFE" "a\0\n\0" "1\0,\0" "\x00\xD8" ",\0x\0\n\0", 18,
    "1:[a]\n", CW_CSV_ERROR_ENCODING, "return.csv, row 2, column 2: the text is not valid UTF-16" },
  { "/csv/error/utf16-odd-length", "\xFE\xFF" "\0a\0\n\0b\0c\0", 11, "1:[a]\n",
    CW_CSV_ERROR_ENCODING,
    "return.csv, row 2, column 1: the text is not valid UTF-16" },
  { "/csv/error/nul-in-quotes", "id,name,notes,more,columns,here\n1,\"x\0y\"\n", 40,
    "1:[id][name][notes][more][columns][here]\n", CW_CSV_ERROR_BINARY,
    "return.csv, row 2, column 2: the file holds a NUL byte" },
};

static void
assert_message_starts (const GError *error,
                       const char   *prefix)
{
  g_autofree char *head = g_strndup (error->message, strlen (prefix));

  g_test_message ("%s", error->message);
  g_assert_cmpstr (head, ==, prefix);
}

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = reader_for (c->input, c->len, &error);
  g_autofree char *got = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  got = render_all (reader, &error);
  g_assert_cmpstr (got, ==, c->before);
  g_assert_error (error, CW_CSV_ERROR, (int) c->code);
  assert_message_starts (error, c->message);

  /* Later calls fail the same way instead of reading on */
  first = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_false (cw_csv_reader_next (reader, NULL, NULL, &error));
  g_assert_error (error, CW_CSV_ERROR, (int) c->code);
  g_assert_cmpstr (error->message, ==, first);
  assert_read_all_agrees_text (c->input, c->len, '\0');
}

static void
test_nul_deep_in_text (void)
{
  g_autoptr (GString) text = g_string_new ("id,name\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  for (int i = 2; i <= 60; i++)
    g_string_append_printf (text, "%d,person %d\n", i, i);
  g_string_append_len (text, "61,x\0y\n62,z\n", 12);
  got = render_text (text->str, (gssize) text->len, &error);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==,
                   "return.csv, row 61, column 2: the file holds a NUL byte, so it is "
                   "damaged or not a text file");
}

static void
test_too_many_columns (void)
{
  g_autoptr (GString) text = g_string_new ("a\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append_c (text, ',');
  got = render_text (text->str, (gssize) text->len, &error);
  g_assert_cmpstr (got, ==, "1:[a]\n");
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "return.csv, row 2, column 16385: the row has more than 16384 columns");
}

/* ----------------------------------------------------- files refused whole */

typedef struct
{
  const char *path;
  const char *input;
  gssize      len;
  CwCsvError  code;
  const char *message;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "/csv/refused/empty", "", 0, CW_CSV_ERROR_EMPTY, "return.csv is empty" },
  { "/csv/refused/white-space", "  \r\n\t\n\n", -1, CW_CSV_ERROR_EMPTY, "return.csv is empty" },
  { "/csv/refused/utf8-bom-only", "\xEF\xBB\xBF\r\n", -1, CW_CSV_ERROR_EMPTY,
    "return.csv is empty" },
  { "/csv/refused/utf16-bom-only", "\xFF\xFE", 2, CW_CSV_ERROR_EMPTY, "return.csv is empty" },
  { "/csv/refused/sep-line-only", "sep=,\r\n", -1, CW_CSV_ERROR_EMPTY, "return.csv is empty" },
  { "/csv/refused/png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20, CW_CSV_ERROR_BINARY,
    "return.csv is a PNG image, not CSV text" },
  { "/csv/refused/xlsx", "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14, CW_CSV_ERROR_BINARY,
    "return.csv is an Excel workbook (.xlsx) or another ZIP archive, not CSV text: "
    "open it in Excel" },
  { "/csv/refused/xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12, CW_CSV_ERROR_BINARY,
    "return.csv is an Excel 97–2003 workbook (.xls), not CSV text" },
  { "/csv/refused/pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", -1, CW_CSV_ERROR_BINARY,
    "return.csv is a PDF document, not CSV text" },
  { "/csv/refused/nul-bytes", "a\0b\0c\0\n\0" "1\0" "2\0", 12, CW_CSV_ERROR_BINARY,
    "return.csv is not a text file" },
  { "/csv/refused/controls", "\x01\x02\x03\x04,\x05\x06\x07\x08\n", -1, CW_CSV_ERROR_BINARY,
    "return.csv is not a text file" },
  { "/csv/refused/utf16-controls", "\xFF\xFE\x01\0\x02\0\x03\0", 8, CW_CSV_ERROR_BINARY,
    "return.csv is not a text file" },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = reader_for (c->input, c->len, &error);

  g_assert_null (reader);
  g_assert_error (error, CW_CSV_ERROR, (int) c->code);
  assert_message_starts (error, c->message);
}

/* -------------------------------------------------------------- limits */

static GBytes *
long_field_file (const char *before,
                 gsize       field_len,
                 gboolean    quoted,
                 const char *after)
{
  gsize n_before = strlen (before);
  gsize n_after = strlen (after);
  gsize q = quoted ? 1 : 0;
  gsize total = n_before + q + field_len + q + n_after;
  char *data = g_malloc (total);

  memcpy (data, before, n_before);
  memset (data + n_before, '"', q);
  memset (data + n_before + q, 'x', field_len);
  memset (data + n_before + q + field_len, '"', q);
  memcpy (data + n_before + q + field_len + q, after, n_after);
  return g_bytes_new_take (data, total);
}

static void
check_long_field (const char *before,
                  gsize       field_len,
                  gboolean    quoted,
                  const char *after,
                  const char *problem) /* NULL: the field fits */
{
  g_autoptr (GBytes) bytes = long_field_file (before, field_len, quoted, after);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "return.csv", &error);
  g_autofree char *expected = NULL;
  GPtrArray *fields = NULL;

  g_assert_no_error (error);
  assert_read_all_agrees (bytes, '\0');
  g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
  if (problem == NULL)
    {
      g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (g_ptr_array_index (fields, 1)), ==, field_len);
      return;
    }
  g_assert_false (cw_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_TOO_LARGE);
  expected = g_strconcat ("return.csv, row 2, column 2: ", problem, NULL);
  assert_message_starts (error, expected);
}

static void
test_field_limits (void)
{
  const char *head = "id,text\r\n1,";
  const char *plain = "the value is longer than 1 MB";
  const char *quoted = "a quoted value is longer than 1 MB";

  check_long_field (head, CW_CSV_MAX_FIELD, FALSE, "\r\n", NULL);
  check_long_field (head, CW_CSV_MAX_FIELD, TRUE, "", NULL);
  check_long_field (head, CW_CSV_MAX_FIELD + 1, FALSE, "", plain);
  check_long_field (head, CW_CSV_MAX_FIELD + 1, TRUE, "\n", quoted);
  check_long_field (head, 2 * 1024 * 1024, FALSE, "\r\n2,short\r\n", plain);
  check_long_field (head, 2 * 1024 * 1024, TRUE, ",more\r\n", quoted);
  /* A quote left open in a big file: the message points at it */
  check_long_field ("id,text\r\n1,\"", 2 * 1024 * 1024, FALSE, "\r\n2,x\r\n",
                    "a quoted value is longer than 1 MB; perhaps its closing quote is missing");
}

static void
test_fifty_megabyte_field (void)
{
  for (int quoted = 0; quoted <= 1; quoted++)
    {
      g_autoptr (GBytes) bytes = long_field_file ("", 50 * 1024 * 1024, quoted, "\n");
      g_autoptr (GError) error = NULL;
      g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "big.csv", &error);

      g_assert_no_error (error);
      g_assert_false (cw_csv_reader_next (reader, NULL, NULL, &error));
      g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_TOO_LARGE);
      assert_message_starts (error, "big.csv, row 1, column 1: ");
      assert_read_all_agrees (bytes, '\0');
    }
}

static void
test_record_limit (void)
{
  gsize per_field = CW_CSV_MAX_FIELD - 16;
  g_autoptr (GString) text = g_string_sized_new (CW_CSV_MAX_RECORD + CW_CSV_MAX_FIELD);
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;
  guint n = CW_CSV_MAX_RECORD / per_field + 1;

  g_string_append (text, "a\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_set_size (text, text->len + per_field);
      memset (text->str + text->len - per_field, 'y', per_field);
      g_string_append_c (text, ',');
    }
  got = render_text (text->str, (gssize) text->len, &error);
  g_assert_cmpstr (got, ==, "1:[a]\n");
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_TOO_LARGE);
  g_assert_true (strstr (error->message, "the row is longer than 16 MB") != NULL);
  assert_read_all_agrees_text (text->str, (gssize) text->len, '\0');
}

/* ------------------------------------------------------ hostile bytes */

static const char csvish[] = ",;\t\"\"\r\n\n aZ\xC3\xA9\xFF\x80\0";

static GBytes *
random_bytes (GRand *rand,
              int    round)
{
  gsize len = (gsize) g_rand_int_range (rand, 0, 600);
  guint8 *data = g_malloc (len + 3);
  gsize start = 0;

  if (round % 7 == 0 && len >= 2)
    {
      memcpy (data, round % 2 ? "\xFF\xFE" : "\xFE\xFF", 2);
      start = 2;
    }
  for (gsize i = start; i < len; i++)
    data[i] = round % 3 == 0 ? (guint8) g_rand_int_range (rand, 0, 256)
                             : (guint8) csvish[g_rand_int_range (rand, 0, sizeof csvish)];
  return g_bytes_new_take (data, len);
}

static void
read_to_end (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "random.csv", &error);
  gsize limit = 2 * g_bytes_get_size (bytes) + 4;
  GPtrArray *fields = NULL;
  guint row = 0;
  guint last_row = 0;
  gsize records = 0;

  if (reader == NULL)
    {
      g_assert_true (error != NULL && error->domain == CW_CSV_ERROR);
      return;
    }
  while (cw_csv_reader_next (reader, &fields, &row, &error))
    {
      g_assert_cmpuint (row, >, last_row);
      last_row = row;
      for (guint i = 0; i < fields->len; i++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL));
      g_assert_cmpuint (++records, <=, limit);
    }
  g_assert_true (error == NULL || error->domain == CW_CSV_ERROR);
}

static void
test_random_bytes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240601);

  for (int round = 0; round < 4000; round++)
    {
      g_autoptr (GBytes) bytes = random_bytes (rand, round);

      read_to_end (bytes);
      assert_read_all_agrees (bytes, '\0');
    }
}

/* ---------------------------------------------------------- a big return */

static void
test_hundred_thousand_rows (void)
{
  const guint n = 100000;
  g_autoptr (GString) text = g_string_new ("Date,Agency,Event,Source\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GPtrArray *fields = NULL;
  guint row = 0;
  guint last_row = 0;
  guint count = 0;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text,
                            "2021-%02u-%02u,Police,\"Visit %u, \"\"routine\"\"\nsecond line\","
                            "Log %u\r\n", i % 12 + 1, i % 28 + 1, i, i);
  bytes = g_bytes_new (text->str, text->len);
  g_test_timer_start ();
  reader = cw_csv_reader_new_from_bytes (bytes, "police.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cw_csv_reader_next (reader, &fields, &row, &error));
  while (cw_csv_reader_next (reader, &fields, &row, &error))
    {
      last_row = row;
      count++;
    }
  g_assert_no_error (error);
  g_test_message ("%u rows, %.1f MB in %.3f s", count, text->len / 1e6, g_test_timer_elapsed ());
  g_assert_cmpuint (count, ==, n);
  g_assert_cmpuint (last_row, ==, n + 1);
  g_assert_cmpuint (cw_csv_reader_get_line (reader), ==, 2 * n);
  assert_read_all_agrees (bytes, '\0');
}

/* Every record at once is not one record: a file larger than a row may be
 * is read whole. */
static void
test_all_rows_beyond_row_limit (void)
{
  g_autoptr (GString) text = g_string_sized_new (CW_CSV_MAX_RECORD + 2 * 1024 * 1024);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = NULL;
  g_autofree char *last = NULL;
  CwCsvTable table;
  guint n = 0;

  g_string_append (text, "Date,Event\n");
  while (text->len <= CW_CSV_MAX_RECORD + 1024 * 1024)
    g_string_append_printf (text, "2021-04-03,\"Visit %u, as planned; nothing of note\"\r\n", ++n);
  bytes = g_bytes_new (text->str, text->len);
  reader = cw_csv_reader_new_from_bytes (bytes, "long.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cw_csv_reader_read_all (reader, &table, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (table.rows->len, ==, n + 1);
  g_assert_cmpuint (g_array_index (table.rows, guint, n), ==, n + 1);
  g_assert_cmpuint (table.cells->len, ==, 2 * (n + 1));
  last = g_strdup_printf ("Visit %u, as planned; nothing of note", n);
  g_assert_cmpstr (table.cells->pdata[2 * n + 1], ==, last);
  cw_csv_table_clear (&table);
  g_assert_null (table.text);
  assert_read_all_agrees (bytes, '\0');
}

static void
test_last_of_many_rows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader =
    reader_for ("a,b\n\"Visit 7, \"\"routine\"\"\nsecond line\",Log 7\r\n", -1, &error);
  GPtrArray *fields = NULL;

  g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "Visit 7, \"routine\"\nsecond line");
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "Log 7");
}

/* ------------------------------------------------- csv-spectrum, by JSON */

/* A JSON reader for just what csv-spectrum holds: an array of flat objects
 * of strings, or one such object. Pairs are kept in order, key then value. */
typedef struct
{
  const char *p;
  const char *end;
} Json;

static void
json_skip_space (Json *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
    j->p++;
}

static gboolean
json_eat (Json *j,
          char  c)
{
  json_skip_space (j);
  if (j->p >= j->end || *j->p != c)
    return FALSE;
  j->p++;
  return TRUE;
}

static gboolean
json_hex4 (Json     *j,
           gunichar *out)
{
  *out = 0;
  if (j->end - j->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (*j->p++);

      if (digit < 0)
        return FALSE;
      *out = *out << 4 | (gunichar) digit;
    }
  return TRUE;
}

static gboolean
json_unicode_escape (Json    *j,
                     GString *out)
{
  gunichar c, low;

  if (!json_hex4 (j, &c))
    return FALSE;
  if (c >= 0xD800 && c < 0xDC00)
    {
      if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u')
        return FALSE;
      j->p += 2;
      if (!json_hex4 (j, &low) || low < 0xDC00 || low >= 0xE000)
        return FALSE;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (out, c);
  return TRUE;
}

static gboolean
json_escape (Json    *j,
             GString *out)
{
  const char *from = "\"\\/bfnrt";
  const char *to = "\"\\/\b\f\n\r\t";
  const char *hit;

  if (j->p >= j->end)
    return FALSE;
  if (*j->p == 'u')
    {
      j->p++;
      return json_unicode_escape (j, out);
    }
  hit = strchr (from, *j->p);
  if (hit == NULL || *j->p == '\0')
    return FALSE;
  g_string_append_c (out, to[hit - from]);
  j->p++;
  return TRUE;
}

static char *
json_string (Json *j)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!json_eat (j, '"'))
    return NULL;
  while (j->p < j->end && *j->p != '"')
    {
      if (*j->p != '\\')
        {
          g_string_append_c (out, *j->p++);
          continue;
        }
      j->p++;
      if (!json_escape (j, out))
        return NULL;
    }
  if (j->p >= j->end)
    return NULL;
  j->p++;
  return g_strdup (out->str);
}

static GPtrArray *
json_object (Json *j)
{
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  if (!json_eat (j, '{'))
    return NULL;
  if (json_eat (j, '}'))
    return g_steal_pointer (&pairs);
  do
    {
      char *key = json_string (j);
      char *value;

      if (key == NULL)
        return NULL;
      g_ptr_array_add (pairs, key);
      if (!json_eat (j, ':') || (value = json_string (j)) == NULL)
        return NULL;
      g_ptr_array_add (pairs, value);
    }
  while (json_eat (j, ','));
  return json_eat (j, '}') ? g_steal_pointer (&pairs) : NULL;
}

static GPtrArray *
json_records (const char *text,
              gsize       len)
{
  Json j = { text, text + len };
  g_autoptr (GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *object;
  gboolean array;

  json_skip_space (&j);
  array = json_eat (&j, '[');
  do
    {
      if ((object = json_object (&j)) == NULL)
        return NULL;
      g_ptr_array_add (records, object);
    }
  while (array && json_eat (&j, ','));
  if (array && !json_eat (&j, ']'))
    return NULL;
  json_skip_space (&j);
  return j.p == j.end ? g_steal_pointer (&records) : NULL;
}

static const char *const spectrum_cases[] = {
  "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "location_coordinates",
  "newlines", "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
};

/* Mistakes in csv-spectrum's own expectations, reported upstream. Where the
 * JSON still says json_value, the reader must give what the CSV's bytes say. */
typedef struct
{
  const char *name;
  const char *key;
  const char *json_value;
  const char *csv_value;
  const char *why;
} SpectrumErratum;

static const SpectrumErratum spectrum_errata[] = {
  { "location_coordinates", "Contact Phone Number", "1234567890", "2095257564",
    "the CSV says 2095257564, its JSON 1234567890: github.com/max-mapper/csv-spectrum/issues/20" },
};

static const char *
spectrum_expected (const char *name,
                   const char *key,
                   const char *json_value)
{
  for (gsize i = 0; i < G_N_ELEMENTS (spectrum_errata); i++)
    {
      const SpectrumErratum *e = &spectrum_errata[i];

      if (g_str_equal (e->name, name) && g_str_equal (e->key, key)
          && g_str_equal (e->json_value, json_value))
        {
          g_test_message ("known csv-spectrum error: %s", e->why);
          return e->csv_value;
        }
    }
  return json_value;
}

static char *
spectrum_dir (void)
{
  const char *shared = g_getenv ("CASEWISE_SHARED_DIR");

  if (shared != NULL)
    return g_build_filename (shared, "testdata", "csv-spectrum", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "testdata", "csv-spectrum",
                                NULL);
}

static gboolean
spectrum_available (char **dir)
{
  *dir = spectrum_dir ();
  if (g_file_test (*dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  g_test_skip ("../shared/testdata/csv-spectrum is not beside the project (a plain clone "
               "elsewhere): set CASEWISE_SHARED_DIR to the folder that holds testdata/");
  return FALSE;
}

static char *
load (const char *dir,
      const char *sub,
      const char *name,
      const char *ext,
      gsize      *len)
{
  g_autofree char *file = g_strconcat (name, ext, NULL);
  g_autofree char *path = g_build_filename (dir, sub, file, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
compare_record (const char *name,
                GPtrArray  *header,
                GPtrArray  *fields,
                GPtrArray  *pairs)
{
  g_assert_cmpuint (fields->len, ==, header->len);
  g_assert_cmpuint (pairs->len, ==, 2 * header->len);
  for (guint i = 0; i < header->len; i++)
    {
      const char *key = g_ptr_array_index (pairs, 2 * i);

      g_assert_cmpstr (g_ptr_array_index (header, i), ==, key);
      g_assert_cmpstr (g_ptr_array_index (fields, i), ==,
                       spectrum_expected (name, key, g_ptr_array_index (pairs, 2 * i + 1)));
    }
}

static void
test_spectrum (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CwCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *fields = NULL;
  gsize csv_len = 0, json_len = 0;
  guint n = 0;

  if (!spectrum_available (&dir))
    return;
  csv = load (dir, "csvs", name, ".csv", &csv_len);
  json = load (dir, "json", name, ".json", &json_len);
  expected = json_records (json, json_len);
  g_assert_nonnull (expected);

  reader = reader_for (csv, (gssize) csv_len, &error);
  g_assert_no_error (error);
  g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (header, g_strdup (g_ptr_array_index (fields, i)));
  while (cw_csv_reader_next (reader, &fields, NULL, &error))
    {
      g_assert_cmpuint (n, <, expected->len);
      compare_record (name, header, fields, g_ptr_array_index (expected, n));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected->len);
  assert_read_all_agrees_text (csv, (gssize) csv_len, '\0');
}

/* A case added to the folder must not go untested. */
static void
test_spectrum_complete (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csvs = NULL;
  g_autoptr (GDir) listing = NULL;
  g_autoptr (GError) error = NULL;
  const char *file;

  if (!spectrum_available (&dir))
    return;
  csvs = g_build_filename (dir, "csvs", NULL);
  listing = g_dir_open (csvs, 0, &error);
  g_assert_no_error (error);
  while ((file = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *name = NULL;
      gboolean listed = FALSE;

      if (!g_str_has_suffix (file, ".csv"))
        continue;
      name = g_strndup (file, strlen (file) - strlen (".csv"));
      for (gsize i = 0; i < G_N_ELEMENTS (spectrum_cases); i++)
        listed |= g_str_equal (name, spectrum_cases[i]);
      if (!listed)
        g_test_message ("%s is in the folder but not in spectrum_cases", file);
      g_assert_true (listed);
    }
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    g_test_add_data_func (parse_cases[i].path, &parse_cases[i], test_parse);
  g_test_add_func ("/csv/fields/header-only-ends", test_header_only_ends_cleanly);
  g_test_add_func ("/csv/rows-and-lines", test_rows_and_lines);
  for (gsize i = 0; i < G_N_ELEMENTS (encoding_cases); i++)
    g_test_add_data_func (encoding_cases[i].path, &encoding_cases[i], test_encoding);
  g_test_add_func ("/csv/encoding/utf16", test_encoding_utf16);
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_error);
  g_test_add_func ("/csv/error/nul-deep-in-text", test_nul_deep_in_text);
  g_test_add_func ("/csv/error/too-many-columns", test_too_many_columns);
  for (gsize i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    g_test_add_data_func (refused_cases[i].path, &refused_cases[i], test_refused);
  g_test_add_func ("/csv/limits/field", test_field_limits);
  g_test_add_func ("/csv/limits/fifty-megabytes", test_fifty_megabyte_field);
  g_test_add_func ("/csv/limits/record", test_record_limit);
  g_test_add_func ("/csv/hostile/random-bytes", test_random_bytes);
  g_test_add_func ("/csv/big/hundred-thousand-rows", test_hundred_thousand_rows);
  g_test_add_func ("/csv/big/row-content", test_last_of_many_rows);
  g_test_add_func ("/csv/big/all-rows-beyond-row-limit", test_all_rows_beyond_row_limit);
  for (gsize i = 0; i < G_N_ELEMENTS (spectrum_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/csv/spectrum/", spectrum_cases[i], NULL);

      g_test_add_data_func (path, spectrum_cases[i], test_spectrum);
    }
  g_test_add_func ("/csv/spectrum/complete", test_spectrum_complete);

  return g_test_run ();
}
