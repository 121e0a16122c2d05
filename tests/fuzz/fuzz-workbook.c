/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer entry point for the workbook reader: any bytes, opened as a
 * workbook and every sheet read. Not part of the meson build; from the
 * project root:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I src/core/import -I build \
 *     -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION $(cat tests/fuzz/workbook-limits.txt) \
 *     tests/fuzz/fuzz-workbook.c src/core/import/cw-zip.c src/core/import/cw-workbook*.c \
 *     $(pkg-config --cflags --libs gio-2.0 zlib) -lm -o /tmp/fuzz-workbook
 *   /tmp/fuzz-workbook -max_total_time=60 -dict=tests/fuzz/workbook.dict \
 *     /tmp/fuzz-workbook-corpus tests/fuzz/corpus-workbook
 *
 * (libclang-rt-14-dev on Debian 12.) FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
 * lets changed bytes past the CRC-32 of the ZIP entries, and the limits in
 * workbook-limits.txt are small enough to reach with small inputs; most
 * seeds in corpus-workbook/ have stored (uncompressed) entries, so that
 * changes land in the XML (tests/data/make-workbooks.py tests/data
 * tests/fuzz/corpus-workbook writes them again). Besides crashes, it
 * aborts when the reader breaks a promise: an error from another domain
 * or without the file's name, rows without their numbers, numbers that do
 * not increase, rows that end in an empty cell, cells that are not UTF-8
 * or past the limits. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cw-workbook.h"

#define FILE_NAME "fuzz.xlsx"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check (gboolean ok)
{
  if (!ok)
    abort ();
}

static void
check_error (const GError *error)
{
  check (error != NULL && error->domain == CW_WORKBOOK_ERROR);
  check (g_str_has_prefix (error->message, FILE_NAME " "));
  check (g_utf8_validate (error->message, -1, NULL));
}

static void
check_row (GPtrArray *row,
           guint64   *cells)
{
  check (row != NULL && row->len >= 1 && row->len <= CW_WORKBOOK_MAX_COLUMNS);
  check (((const char *) g_ptr_array_index (row, row->len - 1))[0] != '\0');
  for (guint i = 0; i < row->len; i++)
    {
      const char *cell = g_ptr_array_index (row, i);

      check (strlen (cell) <= CW_WORKBOOK_MAX_CELL);
      check (g_utf8_validate (cell, -1, NULL));
    }
  *cells += row->len;
}

static void
check_sheet (GPtrArray *rows,
             GArray    *numbers)
{
  guint last = 0;
  guint64 cells = 0;

  check (rows != NULL && numbers != NULL && rows->len == numbers->len);
  for (guint i = 0; i < rows->len; i++)
    {
      guint number = g_array_index (numbers, guint, i);

      check (number > last && number <= CW_WORKBOOK_MAX_ROWS);
      last = number;
      check_row (g_ptr_array_index (rows, i), &cells);
    }
  check (cells <= CW_WORKBOOK_MAX_CELLS);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, FILE_NAME, &error);
  guint n_sheets;

  if (workbook == NULL)
    {
      check_error (error);
      return 0;
    }
  n_sheets = cw_workbook_get_n_sheets (workbook);
  check (n_sheets >= 1 && n_sheets <= CW_WORKBOOK_MAX_SHEETS);
  check (g_str_equal (cw_workbook_get_format (workbook), "XLSX")
         || g_str_equal (cw_workbook_get_format (workbook), "ODS"));
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GArray) numbers = NULL;

      check (g_utf8_validate (cw_workbook_get_sheet_name (workbook, i), -1, NULL));
      if (cw_workbook_read_sheet (workbook, i, &rows, &numbers, &error))
        check_sheet (rows, numbers);
      else
        {
          check_error (error);
          check (rows == NULL && numbers == NULL);
          g_clear_error (&error);
        }
    }
  return 0;
}
