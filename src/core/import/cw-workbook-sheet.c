/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cw-workbook-private.h"

/* What both formats share once a cell's value is known: the text a person
 * sees for numbers and dates, and the rows the cells go into. Every limit
 * is checked before the cells behind it are made, so that a row repeated a
 * billion times, or a cell at column 10^15, costs nothing but the error. */

/* 10000-01-01 in the 1900 system: Excel shows no date from there on. */
#define SERIAL_END 2958466.0

/* ------------------------------------------------------- numbers, dates */

static gboolean
skip_digits (const char **p)
{
  const char *start = *p;

  while (g_ascii_isdigit (**p))
    (*p)++;
  return *p > start;
}

/**
 * cw_workbook_parse_decimal:
 * @text: a number as a workbook stores it
 * @value: (out) (optional): its value
 *
 * Both formats store numbers as XML Schema doubles written in decimal:
 * `-12`, `0.5`, `.5`, `4.4999999999999998E-2`. Anything else (`0x10`,
 * ` 1`, `1,5`, `INF`, `NaN`, a number too large for a double) is refused,
 * not read as strtod() would, which takes hexadecimal and infinities.
 *
 * Returns: whether @text is a finite decimal number
 */
gboolean
cw_workbook_parse_decimal (const char *text,
                           double     *value)
{
  const char *p = text;
  gboolean whole, fraction = FALSE;
  double parsed;

  if (*p == '-' || *p == '+')
    p++;
  whole = skip_digits (&p);
  if (*p == '.')
    {
      p++;
      fraction = skip_digits (&p);
    }
  if (!whole && !fraction)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!skip_digits (&p))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  parsed = g_ascii_strtod (text, NULL);
  if (!isfinite (parsed))
    return FALSE;
  if (value != NULL)
    *value = parsed;
  return TRUE;
}

/**
 * cw_workbook_cell_name:
 * @column: from 0
 * @row: from 1
 *
 * Returns: (transfer full): the cell's name as spreadsheets show it: `B12`
 */
char *
cw_workbook_cell_name (guint64 column,
                       guint64 row)
{
  char letters[16];
  guint n = 0;
  GString *name = g_string_new (NULL);

  column = MIN (column, (guint64) G_MAXUINT32);
  do
    {
      letters[n++] = (char) ('A' + column % 26);
      column = column / 26;
    }
  while (column-- > 0 && n < sizeof letters);
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%" G_GUINT64_FORMAT, row);
  return g_string_free (name, FALSE);
}

/**
 * cw_workbook_format_number:
 * @text: a number as a workbook stores it: `44289`, `0.30000000000000004`
 *
 * Returns: (transfer full): the number in the shortest form that keeps it
 *   (`%.15g`, with a full stop whatever the locale), or @text itself when it
 *   is not a number
 */
char *
cw_workbook_format_number (const char *text)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (!cw_workbook_parse_decimal (text, &value))
    return g_strdup (text);
  if (value == 0)
    value = 0; /* not -0 */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static void
append_time (GString *out,
             int      minutes)
{
  g_string_append_printf (out, "%02d:%02d", minutes / 60, minutes % 60);
}

static void
append_date (GString     *out,
             const GDate *date)
{
  g_string_append_printf (out, "%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* Day 60 of the 1900 system is 29 February 1900, which never was (Excel
 * copied Lotus 1-2-3's mistake): it is written as Excel shows it, so that
 * cw_chrono_date_parse() refuses it with a message saying so. */
static void
append_serial_day (GString  *out,
                   gint64    day,
                   gboolean  date1904)
{
  GDate date;

  if (!date1904 && day == 60)
    {
      g_string_append (out, "1900-02-29");
      return;
    }
  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&date, day < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) day);
  append_date (out, &date);
}

/**
 * cw_workbook_format_serial:
 * @serial: the value of a cell formatted as a date or a time: days, with
 *   the time of day as a fraction
 * @date1904: whether the workbook counts from 1904 (old Mac Excel)
 * @time_only: whether the cell's format shows only a time
 *
 * Rounds to the minute, as cw_chrono_date_from_serial() does, but for the
 * whole of Excel's range: dates past 2100 are for the date parser to refuse.
 *
 * Returns: (transfer full) (nullable): `2021-04-03`, `2021-04-03 14:30`, or
 *   `14:30` for a time of day; %NULL when Excel would show no date
 */
char *
cw_workbook_format_serial (double   serial,
                           gboolean date1904,
                           gboolean time_only)
{
  GString *out;
  gint64 day;
  int minutes;

  if (!isfinite (serial) || serial < 0 || serial >= SERIAL_END)
    return NULL;
  day = (gint64) floor (serial);
  minutes = (int) floor ((serial - (double) day) * 24 * 60 + 0.5);
  if (minutes == 24 * 60)
    {
      day++;
      minutes = 0;
    }
  out = g_string_new (NULL);
  /* 1900's day 0 is "0 January 1900": a time with no day */
  if ((!date1904 && day == 0) || (time_only && day == 0))
    append_time (out, minutes);
  else
    {
      append_serial_day (out, day, date1904);
      if (minutes > 0)
        {
          g_string_append_c (out, ' ');
          append_time (out, minutes);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cw_workbook_format_duration:
 * @days: a length of time, in days
 *
 * Returns: (transfer full) (nullable): hours and minutes, `36:00`, or %NULL
 *   for a negative or absurd length
 */
char *
cw_workbook_format_duration (double days)
{
  double minutes;

  if (!isfinite (days) || days < 0 || days >= SERIAL_END)
    return NULL;
  minutes = floor (days * 24 * 60 + 0.5);
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d", (gint64) (minutes / 60),
                          (int) fmod (minutes, 60));
}

static gboolean
read_number (const char **p,
             int          n,
             int         *out)
{
  *out = 0;
  for (int i = 0; i < n; i++, (*p)++)
    {
      if (!g_ascii_isdigit (**p))
        return FALSE;
      *out = *out * 10 + (**p - '0');
    }
  return TRUE;
}

/* "T14:30", "T14:29:59.999999" (LibreOffice's rounding), "T14:30:00Z":
 * minutes from midnight, rounded to the nearest, which may be 1440. */
static gboolean
read_iso_time (const char *p,
               int        *minutes)
{
  int hour, minute, second = 0;

  if (*p++ != 'T' || !read_number (&p, 2, &hour) || *p++ != ':' || !read_number (&p, 2, &minute))
    return FALSE;
  if (*p == ':' && (p++, !read_number (&p, 2, &second)))
    return FALSE;
  if (hour > 23 || minute > 59 || second > 60)
    return FALSE;
  *minutes = hour * 60 + minute + (second >= 30 ? 1 : 0);
  return TRUE;
}

/**
 * cw_workbook_format_iso:
 * @text: an ISO 8601 date as workbooks store it: `2021-04-03` or
 *   `2021-04-03T14:30:00`
 *
 * Returns: (transfer full): `2021-04-03`, or `2021-04-03 14:30` when the
 *   time is not midnight; @text itself when it is not such a date
 */
char *
cw_workbook_format_iso (const char *text)
{
  const char *p = text;
  int year, month, day, minutes = 0;
  GString *out;
  GDate date;

  if (!read_number (&p, 4, &year) || *p++ != '-' || !read_number (&p, 2, &month) || *p++ != '-'
      || !read_number (&p, 2, &day) || !g_date_valid_dmy (day, month, year))
    return g_strdup (text);
  if (*p != '\0' && !read_iso_time (p, &minutes))
    return g_strdup (text);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (minutes == 24 * 60)
    {
      g_date_add_days (&date, 1);
      minutes = 0;
    }
  out = g_string_new (NULL);
  append_date (out, &date);
  if (minutes > 0)
    {
      g_string_append_c (out, ' ');
      append_time (out, minutes);
    }
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------- rows */

void
cw_sheet_builder_init (CwSheetBuilder *builder,
                       CwWorkbook     *workbook,
                       guint           index)
{
  memset (builder, 0, sizeof *builder);
  builder->workbook = workbook;
  builder->sheet_name = g_ptr_array_index (workbook->sheet_names, index);
  builder->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  builder->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
cw_sheet_builder_clear (CwSheetBuilder *builder)
{
  g_clear_pointer (&builder->rows, g_ptr_array_unref);
  g_clear_pointer (&builder->row_numbers, g_array_unref);
  g_clear_pointer (&builder->row, g_ptr_array_unref);
}

void
cw_sheet_builder_start_row (CwSheetBuilder *builder,
                            guint64         number)
{
  g_assert (builder->row == NULL);
  builder->row_number = number;
  builder->row_text = 0;
}

static gboolean
fail_rows (CwSheetBuilder *builder,
           GError        **error)
{
  return cw_workbook_fail_printf (builder->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                  _("sheet “%s” has more than %d rows"), builder->sheet_name,
                                  CW_WORKBOOK_MAX_ROWS);
}

static gboolean
check_cells (CwSheetBuilder *builder,
             guint64         cells,
             guint64         text,
             GError        **error)
{
  if (cells > CW_WORKBOOK_MAX_CELLS - builder->cells)
    return cw_workbook_fail_printf (builder->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                    _("sheet “%s” has more than %d cells"), builder->sheet_name,
                                    CW_WORKBOOK_MAX_CELLS);
  if (text > CW_WORKBOOK_MAX_TEXT - builder->text)
    return cw_workbook_fail_printf (builder->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                    _("sheet “%s” holds more than %d MB of text"),
                                    builder->sheet_name, CW_WORKBOOK_MAX_TEXT / (1024 * 1024));
  return TRUE;
}

static void
put_cell (CwSheetBuilder *builder,
          guint64         column,
          const char     *text,
          gsize           len)
{
  GPtrArray *row = builder->row;

  if (column < row->len)
    {
      gsize old = strlen (row->pdata[column]);

      builder->text -= old;
      builder->row_text -= old;
      g_free (row->pdata[column]);
      row->pdata[column] = g_strdup (text);
    }
  else
    g_ptr_array_add (row, g_strdup (text));
  builder->text += len;
  builder->row_text += len;
}

/**
 * cw_sheet_builder_add_cell:
 * @builder: a sheet being read
 * @column: from 0; a column already filled in this row is overwritten
 * @text: not empty: empty cells are never added, only the gaps before a cell
 * @repeat: the number of columns from @column that hold @text, from 1
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * Returns: whether the cells are within the limits
 */
gboolean
cw_sheet_builder_add_cell (CwSheetBuilder *builder,
                           guint64         column,
                           const char     *text,
                           guint64         repeat,
                           GError        **error)
{
  gsize len = strlen (text);
  guint64 have = builder->row != NULL ? builder->row->len : 0;
  guint64 added;

  g_assert (*text != '\0' && repeat >= 1);
  if (builder->row_number > CW_WORKBOOK_MAX_ROWS)
    return fail_rows (builder, error);
  if (column >= CW_WORKBOOK_MAX_COLUMNS || repeat > CW_WORKBOOK_MAX_COLUMNS - column)
    return cw_workbook_fail_printf (builder->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                    _("row %u of sheet “%s” has more than %d columns"),
                                    (guint) builder->row_number, builder->sheet_name,
                                    CW_WORKBOOK_MAX_COLUMNS);
  added = column + repeat > have ? column + repeat - have : 0;
  if (!check_cells (builder, added, len * repeat, error))
    return FALSE;
  if (builder->row == NULL)
    builder->row = g_ptr_array_new_with_free_func (g_free);
  while (builder->row->len < column)
    g_ptr_array_add (builder->row, g_strdup (""));
  for (guint64 i = 0; i < repeat; i++)
    put_cell (builder, column + i, text, len);
  builder->cells += added;
  return TRUE;
}

static GPtrArray *
copy_row (GPtrArray *row)
{
  GPtrArray *copy = g_ptr_array_new_full (row->len, g_free);

  for (guint i = 0; i < row->len; i++)
    g_ptr_array_add (copy, g_strdup (row->pdata[i]));
  return copy;
}

static void
push_row (CwSheetBuilder *builder,
          GPtrArray      *row,
          guint64         number)
{
  guint n = (guint) number;

  g_ptr_array_add (builder->rows, row);
  g_array_append_val (builder->row_numbers, n);
}

/**
 * cw_sheet_builder_end_row:
 * @builder: a sheet being read
 * @repeat: the number of rows, from the one started, that hold its cells
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * A row without cells is left out, however often it repeats.
 *
 * Returns: whether the rows are within the limits
 */
gboolean
cw_sheet_builder_end_row (CwSheetBuilder *builder,
                          guint64         repeat,
                          GError        **error)
{
  g_autoptr (GPtrArray) row = g_steal_pointer (&builder->row);
  guint64 extra = repeat - 1;
  GPtrArray *first;

  g_assert (repeat >= 1);
  if (row == NULL)
    return TRUE;
  if (extra > CW_WORKBOOK_MAX_ROWS || builder->row_number + extra > CW_WORKBOOK_MAX_ROWS)
    return fail_rows (builder, error);
  /* A few hundred bytes must not stand for a whole chronology: identical
   * rows one after another are copies, and thousands of them are a trap. */
  if (repeat > CW_WORKBOOK_MAX_REPEAT)
    return cw_workbook_fail_printf (builder->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                    _("row %u of sheet “%s” stands for %" G_GUINT64_FORMAT
                                      " copies of itself, more than the %d Casewise reads"),
                                    (guint) builder->row_number, builder->sheet_name, repeat,
                                    CW_WORKBOOK_MAX_REPEAT);
  if (!check_cells (builder, row->len * extra, builder->row_text * extra, error))
    return FALSE;
  builder->cells += row->len * extra;
  builder->text += builder->row_text * extra;
  first = row;
  push_row (builder, g_steal_pointer (&row), builder->row_number);
  for (guint64 i = 1; i <= extra; i++)
    push_row (builder, copy_row (first), builder->row_number + i);
  return TRUE;
}
