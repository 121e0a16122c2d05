/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-test-chrono-date"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "cw-chrono-date.h"
#include "cw-date.h"

#define DMY CW_DATE_ORDER_DMY
#define MDY CW_DATE_ORDER_MDY
#define YMD CW_DATE_ORDER_YMD

#define DAY   CW_DATE_PRECISION_DAY
#define MONTH CW_DATE_PRECISION_MONTH
#define YEAR  CW_DATE_PRECISION_YEAR

typedef struct
{
  const char      *text;
  CwDateOrder      order;
  const char      *iso;
  CwDatePrecision  precision;
  gboolean         approximate;
  gboolean         has_time;
} Accepted;

/* Every form the parser reads, with what it stores. */
static const Accepted accepted[] = {
  /* Days, day first */
  { "03/04/2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3/4/21", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3/4/69", DMY, "2069-04-03", DAY, FALSE, FALSE },
  { "3/4/70", DMY, "1970-04-03", DAY, FALSE, FALSE },
  { "31/12/99", DMY, "1999-12-31", DAY, FALSE, FALSE },
  { "1/1/00", DMY, "2000-01-01", DAY, FALSE, FALSE },
  { "3.4.2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "03-04-2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3 April 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3rd April 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3rd of April 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "21st June 2016", DMY, "2016-06-21", DAY, FALSE, FALSE },
  { "3 Apr 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3 Apr. 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "03-Apr-2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3-Apr-21", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3/Apr/2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "3 Sept 2021", DMY, "2021-09-03", DAY, FALSE, FALSE },
  { "Apr 3 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "April 3, 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "April 3rd, 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "2021-04-03", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "2021/04/03", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "2021.4.3", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "  3 APRIL 2021  ", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "29/02/2024", DMY, "2024-02-29", DAY, FALSE, FALSE },
  { "Saturday 3 April 2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "Sat, 03/04/2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "01/01/1900", DMY, "1900-01-01", DAY, FALSE, FALSE },
  { "31 December 2100", DMY, "2100-12-31", DAY, FALSE, FALSE },
  /* No-break spaces, as Word tables have, and en dashes */
  { "3\xc2\xa0" "April\xc2\xa0" "2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "03\xe2\x80\x93" "04\xe2\x80\x93" "2021", DMY, "2021-04-03", DAY, FALSE, FALSE },
  /* Days with times */
  { "2021-04-03T14:30", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "03/04/2021 14:30", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "03/04/2021 14.30", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "03/04/2021, 14:30", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "03/04/2021 14:30:00", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "3 April 2021 2.30pm", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "3 April 2021 2.30 p.m.", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "3 April 2021 2pm", DMY, "2021-04-03T14:00", DAY, FALSE, TRUE },
  { "3 Apr 2021 at 9.05 am", DMY, "2021-04-03T09:05", DAY, FALSE, TRUE },
  { "3/4/2021 12am", DMY, "2021-04-03T00:00", DAY, FALSE, TRUE },
  { "3/4/2021 12pm", DMY, "2021-04-03T12:00", DAY, FALSE, TRUE },
  { "3/4/2021 1430hrs", DMY, "2021-04-03T14:30", DAY, FALSE, TRUE },
  { "3/4/2021 noon", DMY, "2021-04-03T12:00", DAY, FALSE, TRUE },
  { "3/4/2021 00:00", DMY, "2021-04-03T00:00", DAY, FALSE, TRUE },
  /* Months */
  { "April 2021", DMY, "2021-04", MONTH, FALSE, FALSE },
  { "Apr 2021", DMY, "2021-04", MONTH, FALSE, FALSE },
  { "Apr-21", DMY, "2021-04", MONTH, FALSE, FALSE },
  { "SEPT 2021", DMY, "2021-09", MONTH, FALSE, FALSE },
  { "04/2021", DMY, "2021-04", MONTH, FALSE, FALSE },
  { "4/2021", DMY, "2021-04", MONTH, FALSE, FALSE },
  { "2021-04", DMY, "2021-04", MONTH, FALSE, FALSE },
  /* Years */
  { "2021", DMY, "2021", YEAR, FALSE, FALSE },
  { "1900", DMY, "1900", YEAR, FALSE, FALSE },
  { "2100", DMY, "2100", YEAR, FALSE, FALSE },
  /* Approximate */
  { "?03/04/2021", DMY, "~2021-04-03", DAY, TRUE, FALSE },
  { "? 03/04/2021", DMY, "~2021-04-03", DAY, TRUE, FALSE },
  { "?22/05/2016", DMY, "~2016-05-22", DAY, TRUE, FALSE },
  { "03/04/2021?", DMY, "~2021-04-03", DAY, TRUE, FALSE },
  { "c. April 2021", DMY, "~2021-04", MONTH, TRUE, FALSE },
  { "c. May 2016", DMY, "~2016-05", MONTH, TRUE, FALSE },
  { "c.2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "c 2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "ca. 2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "circa 2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "approx. May 2016", DMY, "~2016-05", MONTH, TRUE, FALSE },
  { "approximately 2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "about 2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "around June 2016", DMY, "~2016-06", MONTH, TRUE, FALSE },
  { "~2016", DMY, "~2016", YEAR, TRUE, FALSE },
  { "Circa 3rd April 2021 14:30", DMY, "~2021-04-03T14:30", DAY, TRUE, TRUE },
  /* Spreadsheet serials written out as text (1900 system) */
  { "44289", DMY, "2021-04-03", DAY, FALSE, FALSE },
  { "44289.5", DMY, "2021-04-03T12:00", DAY, FALSE, TRUE },
  { "~44289", DMY, "~2021-04-03", DAY, TRUE, FALSE },
  /* Month first */
  { "04/03/2021", MDY, "2021-04-03", DAY, FALSE, FALSE },
  { "4/3/21", MDY, "2021-04-03", DAY, FALSE, FALSE },
  { "03/04/2021", MDY, "2021-03-04", DAY, FALSE, FALSE },
  { "April 3, 2021", MDY, "2021-04-03", DAY, FALSE, FALSE },
  { "3 April 2021", MDY, "2021-04-03", DAY, FALSE, FALSE },
  { "2021-04-03", MDY, "2021-04-03", DAY, FALSE, FALSE },
  { "04/2021", MDY, "2021-04", MONTH, FALSE, FALSE },
  /* Year first */
  { "2021/04/03", YMD, "2021-04-03", DAY, FALSE, FALSE },
  { "21/04/03", YMD, "2021-04-03", DAY, FALSE, FALSE },
  { "21-4-3", YMD, "2021-04-03", DAY, FALSE, FALSE },
  { "03/04/2021", YMD, "2021-04-03", DAY, FALSE, FALSE }, /* a year last is plain */
};

typedef struct
{
  const char *text;
  CwDateOrder order;
  int         code;
} Refused;

static const Refused refused[] = {
  { "", DMY, CW_CHRONO_DATE_ERROR_EMPTY },
  { "   ", DMY, CW_CHRONO_DATE_ERROR_EMPTY },
  { "soon", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "soon", MDY, CW_CHRONO_DATE_ERROR_INVALID },
  { "soon", YMD, CW_CHRONO_DATE_ERROR_INVALID },
  { "31/02/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "29/02/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "31/04/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "00/04/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "13/13/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "30 February 2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "13/2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "2021-13-01", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "04/13/2021", DMY, CW_CHRONO_DATE_ERROR_WRONG_ORDER },
  { "04/13/21", DMY, CW_CHRONO_DATE_ERROR_WRONG_ORDER },
  { "13/04/2021", MDY, CW_CHRONO_DATE_ERROR_WRONG_ORDER },
  { "3/4/1899", DMY, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  { "1 Jan 2101", DMY, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  { "1850", DMY, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  { "2101", DMY, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  { "80000", DMY, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  { "3 April", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "April 3", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "April 21", DMY, CW_CHRONO_DATE_ERROR_INVALID }, /* the 21st, not 2021 */
  { "April", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3/4", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "21", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3/4/2021/5", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "03/04-2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3//4/2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3/4/021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3 4 2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "2021-", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3 Smarch 2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3/?/2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "1234567890", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "?", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "c.", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "~", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "Monday 3 April 2021", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE }, /* a Saturday */
  { "Saturday April 2021", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "03/04/2021 25:00", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "03/04/2021 14:60", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "03/04/2021 14:30:61", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "03/04/2021 13pm", DMY, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
  { "03/04/2021 at soon", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "03/04/2021 soonish", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "3 April 2021 12", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "April 2021 14:30", DMY, CW_CHRONO_DATE_ERROR_INVALID },
  { "2021 14:30", DMY, CW_CHRONO_DATE_ERROR_INVALID },
};

static CwChronoDate
parse_or_fail (const char  *text,
               CwDateOrder  order)
{
  g_autoptr (GError) error = NULL;
  CwChronoDate date;

  g_assert_true (cw_chrono_date_parse (text, order, &date, &error));
  g_assert_no_error (error);
  return date;
}

static CwChronoDate
from_iso_or_fail (const char *iso)
{
  CwChronoDate date;

  g_assert_true (cw_chrono_date_from_iso (iso, &date));
  return date;
}

static void
assert_iso (const CwChronoDate *date,
            const char         *expected)
{
  g_autofree char *iso = cw_chrono_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_gdate (const GDate *date,
              const char  *expected)
{
  g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                                          (guint) g_date_get_month (date),
                                          (guint) g_date_get_day (date));

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_same (const CwChronoDate *a,
             const CwChronoDate *b)
{
  g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
  g_assert_cmpint (a->precision, ==, b->precision);
  g_assert_cmpint (a->approximate, ==, b->approximate);
  g_assert_cmpint (a->has_time, ==, b->has_time);
  if (a->has_time)
    {
      g_assert_cmpint (a->hour, ==, b->hour);
      g_assert_cmpint (a->minute, ==, b->minute);
    }
  g_assert_cmpint (cw_chrono_date_compare (a, b), ==, 0);
}

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      const Accepted *c = &accepted[i];
      CwChronoDate date;

      g_test_message ("%s", c->text);
      date = parse_or_fail (c->text, c->order);
      assert_iso (&date, c->iso);
      g_assert_cmpint (date.precision, ==, c->precision);
      g_assert_cmpint (date.approximate, ==, c->approximate);
      g_assert_cmpint (date.has_time, ==, c->has_time);
    }
}

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const Refused *c = &refused[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (c->text));
      CwChronoDate date;

      g_test_message ("%s", c->text);
      g_assert_false (cw_chrono_date_parse (c->text, c->order, &date, &error));
      g_assert_error (error, CW_CHRONO_DATE_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, trimmed));
      g_assert_false (cw_chrono_date_parse (c->text, c->order, &date, NULL));
    }
}

static void
test_messages (void)
{
  static const struct { const char *text; CwDateOrder order; const char *message; } cases[] = {
    { "31/02/2021", DMY, "“31/02/2021” is not a real date: February 2021 has 28 days" },
    { "soon", DMY, "“soon” is not a date; write it day first, e.g. 3/4/2021, April 2021 or 2021" },
    { "13/13/2021", DMY, "“13/13/2021” is not a real date: there is no month 13" },
    { "04/13/2021", DMY, "“04/13/2021” is not a real date day first (there is no month 13); "
                         "month first it would be 13 Apr 2021. Check which way round the file "
                         "writes its dates" },
    { "Monday 3 April 2021", DMY, "“Monday 3 April 2021” does not add up: 3 Apr 2021 was a "
                                  "Saturday, not a Monday; check the day and the date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      CwChronoDate date;

      g_assert_false (cw_chrono_date_parse (cases[i].text, cases[i].order, &date, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_not_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  CwChronoDate date;

  g_assert_false (cw_chrono_date_parse ("3 Apr\xff 2021", DMY, &date, &error));
  g_assert_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_time_column (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "14:30", "2021-04-03T14:30" }, { "2.30pm", "2021-04-03T14:30" },
    { "14.30", "2021-04-03T14:30" }, { "1430", "2021-04-03T14:30" },
    { "930", "2021-04-03T09:30" },   { "9am", "2021-04-03T09:00" },
    { " 09:05 ", "2021-04-03T09:05" }, { "noon", "2021-04-03T12:00" },
    { "14:30:00", "2021-04-03T14:30" }, { "", "2021-04-03" },
    { "  ", "2021-04-03" },
  };
  static const struct { const char *text; int code; } bad[] = {
    { "25:00", CW_CHRONO_DATE_ERROR_IMPOSSIBLE }, { "0pm", CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
    { "1275", CW_CHRONO_DATE_ERROR_IMPOSSIBLE },  { "soon", CW_CHRONO_DATE_ERROR_INVALID },
    { "14", CW_CHRONO_DATE_ERROR_INVALID },       { "3/4/2021", CW_CHRONO_DATE_ERROR_INVALID },
  };
  CwChronoDate month = from_iso_or_fail ("2021-04");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      CwChronoDate date = from_iso_or_fail ("2021-04-03T23:59");

      g_assert_true (cw_chrono_date_parse_time (cases[i].text, &date, &error));
      g_assert_no_error (error);
      assert_iso (&date, cases[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      CwChronoDate date = from_iso_or_fail ("2021-04-03");

      g_assert_false (cw_chrono_date_parse_time (bad[i].text, &date, &error));
      g_assert_error (error, CW_CHRONO_DATE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].text));
      assert_iso (&date, "2021-04-03");
    }

  {
    g_autoptr (GError) error = NULL;

    g_assert_false (cw_chrono_date_parse_time ("14:30", &month, &error));
    g_assert_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "14:30"));
    g_assert_true (cw_chrono_date_parse_time ("", &month, NULL));
    assert_iso (&month, "2021-04");
  }
}

static void
test_serials (void)
{
  static const struct { double serial; gboolean date1904; const char *iso; } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 61, FALSE, "1900-03-01" },
    { 44289, FALSE, "2021-04-03" },
    { 44289.5, FALSE, "2021-04-03T12:00" },
    { 44289.25, FALSE, "2021-04-03T06:00" },
    { 44289.604166666664, FALSE, "2021-04-03T14:30" },
    { 44289.0001, FALSE, "2021-04-03" },          /* under half a minute: no time */
    { 44289.9999999, FALSE, "2021-04-04T00:00" }, /* rounds to the next midnight */
    { 73415, FALSE, "2100-12-31" },
    { 0, TRUE, "1904-01-01" },
    { 0.75, TRUE, "1904-01-01T18:00" },
    { 42827, TRUE, "2021-04-03" },
  };
  static const struct { double serial; gboolean date1904; int code; } bad[] = {
    { 60, FALSE, CW_CHRONO_DATE_ERROR_IMPOSSIBLE }, /* 29 February 1900, Lotus's leap day */
    { 60.5, FALSE, CW_CHRONO_DATE_ERROR_IMPOSSIBLE },
    { 0, FALSE, CW_CHRONO_DATE_ERROR_INVALID },
    { 0.5, FALSE, CW_CHRONO_DATE_ERROR_INVALID },  /* a time without a date */
    { -1, FALSE, CW_CHRONO_DATE_ERROR_INVALID },
    { -1, TRUE, CW_CHRONO_DATE_ERROR_INVALID },
    { 73416, FALSE, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
    { 1e9, FALSE, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      CwChronoDate date;

      g_assert_true (cw_chrono_date_from_serial (cases[i].serial, cases[i].date1904, &date,
                                                 &error));
      g_assert_no_error (error);
      assert_iso (&date, cases[i].iso);
      g_assert_cmpint (date.precision, ==, DAY);
      g_assert_false (date.approximate);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *number = g_strdup_printf ("%g", bad[i].serial);
      CwChronoDate date;

      g_assert_false (cw_chrono_date_from_serial (bad[i].serial, bad[i].date1904, &date, &error));
      g_assert_error (error, CW_CHRONO_DATE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, number));
    }

  {
    CwChronoDate date;

    g_assert_false (cw_chrono_date_from_serial (NAN, FALSE, &date, NULL));
    g_assert_false (cw_chrono_date_from_serial (INFINITY, TRUE, &date, NULL));
  }
}

static void
test_ranges (void)
{
  static const struct { const char *iso; const char *first; const char *last; } cases[] = {
    { "2021-04-03", "2021-04-03", "2021-04-03" },
    { "2021-04-03T14:30", "2021-04-03", "2021-04-03" },
    { "~2021-04-03", "2021-03-27", "2021-04-10" },
    { "~2021-01-02", "2020-12-26", "2021-01-09" },
    { "2021-04", "2021-04-01", "2021-04-30" },
    { "2024-02", "2024-02-01", "2024-02-29" },
    { "~2021-04", "2021-03-01", "2021-05-31" },
    { "~2021-01", "2020-12-01", "2021-02-28" },
    { "~2021-12", "2021-11-01", "2022-01-31" },
    { "2021", "2021-01-01", "2021-12-31" },
    { "~2021", "2020-01-01", "2022-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwChronoDate date = from_iso_or_fail (cases[i].iso);
      GDate first, last;

      cw_chrono_date_range (&date, &first, &last);
      assert_gdate (&first, cases[i].first);
      assert_gdate (&last, cases[i].last);
    }
}

static void
test_iso_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      CwChronoDate parsed = parse_or_fail (accepted[i].text, accepted[i].order);
      CwChronoDate stored = from_iso_or_fail (accepted[i].iso);

      assert_same (&parsed, &stored);
      assert_iso (&stored, accepted[i].iso);
    }
}

static void
test_iso_refused (void)
{
  static const char *const damaged[] = {
    "", "~", "21", "2021-4-3", "2021-04-3", "2021-02-30", "2021-13", "2021-00",
    "2021-04T14:30", "2021T14:30", "2021-04-03T24:00", "2021-04-03T14:60",
    "2021-04-03T14:30:00", "2021-04-03 14:30", "2021-04-03T", "1899", "2101-01-01",
    "x2021", "2021-04-03x", "~~2021", " 2021", "2021-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      CwChronoDate date;

      g_test_message ("%s", damaged[i]);
      g_assert_false (cw_chrono_date_from_iso (damaged[i], &date));
    }
}

static void
test_display (void)
{
  static const struct { const char *iso; const char *display; } cases[] = {
    { "2021-04-03", "3 Apr 2021" },
    { "2021-04", "Apr 2021" },
    { "2021", "2021" },
    { "~2021-04-03", "c. 3 Apr 2021" },
    { "~2021-04", "c. Apr 2021" },
    { "~2021", "c. 2021" },
    { "2021-04-03T14:30", "3 Apr 2021 14:30" },
    { "2021-04-03T09:05", "3 Apr 2021 09:05" },
    { "~2021-04-03T09:05", "c. 3 Apr 2021 09:05" },
    { "1900-01-01", "1 Jan 1900" },
    { "2100-12", "Dec 2100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwChronoDate date = from_iso_or_fail (cases[i].iso);
      g_autofree char *display = cw_chrono_date_format (&date);

      g_assert_cmpstr (display, ==, cases[i].display);
    }
}

/* In chronology order: the wider period first on a shared first day, then
 * untimed before timed, then exact before approximate. */
static const char *const sorted[] = {
  "1999", "2020-12-31", "~2020-12-31", "2021", "~2021", "2021-01", "2021-01-01",
  "~2021-01-01", "2021-01-01T00:00", "2021-01-01T09:00", "2021-01-01T14:30",
  "~2021-01-01T14:30", "2021-01-02", "2021-04", "~2021-04", "2021-04-03", "2022",
};

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return cw_chrono_date_compare (a, b);
}

static void
test_compare (void)
{
  g_autoptr (GArray) shuffled = g_array_new (FALSE, FALSE, sizeof (CwChronoDate));

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      CwChronoDate a = from_iso_or_fail (sorted[i]);

      g_assert_cmpint (cw_chrono_date_compare (&a, &a), ==, 0);
      for (guint j = i + 1; j < G_N_ELEMENTS (sorted); j++)
        {
          CwChronoDate b = from_iso_or_fail (sorted[j]);

          g_assert_cmpint (cw_chrono_date_compare (&a, &b), <, 0);
          g_assert_cmpint (cw_chrono_date_compare (&b, &a), >, 0);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      CwChronoDate date = from_iso_or_fail (sorted[i]);
      guint at = (guint) g_test_rand_int_range (0, (gint32) shuffled->len + 1);

      g_array_insert_val (shuffled, at, date);
    }
  g_array_sort (shuffled, compare_dates);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    assert_iso (&g_array_index (shuffled, CwChronoDate, i), sorted[i]);
}

static void
test_detect_order (void)
{
  static const char *const day_first[] = { "13/04/2021", "01/02/2021" };
  static const char *const month_first[] = { "04/13/2021", "12/25/2020" };
  static const char *const month_first_gaps[] = { "04/13/2021", "01/02/2021", "", NULL, "  " };
  static const char *const month_first_bad_row[] = { "04/13/2021", "soon" };
  static const char *const short_years[] = { "4/13/21" };
  static const char *const contradictory[] = { "04/13/2021", "13/04/2021" };
  static const char *const nonsense[] = { "soon", "later", "31/31/2021", "" };
  static const char *const unambiguous[] = { "01/02/2021", "3 April 2021", "2021", "April 3 2021" };
  static const struct { const char *const *texts; guint n; gboolean mdy; } cases[] = {
    { day_first, G_N_ELEMENTS (day_first), FALSE },
    { month_first, G_N_ELEMENTS (month_first), TRUE },
    { month_first_gaps, G_N_ELEMENTS (month_first_gaps), TRUE },
    { month_first_bad_row, G_N_ELEMENTS (month_first_bad_row), TRUE },
    { short_years, G_N_ELEMENTS (short_years), TRUE },
    { contradictory, G_N_ELEMENTS (contradictory), FALSE },
    { nonsense, G_N_ELEMENTS (nonsense), FALSE },
    { unambiguous, G_N_ELEMENTS (unambiguous), FALSE },
    { NULL, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean only_mdy = !cases[i].mdy;
      CwDateOrder order = cw_chrono_date_detect_order (cases[i].texts, cases[i].n, &only_mdy);

      g_assert_cmpint (order, ==, cases[i].mdy ? MDY : DMY);
      g_assert_cmpint (only_mdy, ==, cases[i].mdy);
      g_assert_cmpint (cw_chrono_date_detect_order (cases[i].texts, cases[i].n, NULL), ==, order);
    }
}

/* A translation kept: the first lookup's, every time, and dates formatted
 * through kept translations say the same twice. */
static void
test_translate_once (void)
{
  static const char *kept;
  const char *first = cw_translate_once (&kept, "short date", "%u %s %u");
  CwChronoDate date = { 0 };
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  g_assert_nonnull (first);
  g_assert_true (kept == first);
  g_assert_true (cw_translate_once (&kept, "short date", "%u %s %u") == first);
  g_date_clear (&date.date, 1);
  g_date_set_dmy (&date.date, 3, G_DATE_APRIL, 2021);
  date.precision = CW_DATE_PRECISION_DAY;
  date.approximate = TRUE;
  once = cw_chrono_date_format (&date);
  twice = cw_chrono_date_format (&date);
  g_assert_cmpstr (once, ==, "c. 3 Apr 2021");
  g_assert_cmpstr (twice, ==, once);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chrono-date/accepted", test_accepted);
  g_test_add_func ("/chrono-date/refused", test_refused);
  g_test_add_func ("/chrono-date/messages", test_messages);
  g_test_add_func ("/chrono-date/not-utf8", test_not_utf8);
  g_test_add_func ("/chrono-date/time-column", test_time_column);
  g_test_add_func ("/chrono-date/serials", test_serials);
  g_test_add_func ("/chrono-date/ranges", test_ranges);
  g_test_add_func ("/chrono-date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/chrono-date/iso-refused", test_iso_refused);
  g_test_add_func ("/chrono-date/translate-once", test_translate_once);
  g_test_add_func ("/chrono-date/display", test_display);
  g_test_add_func ("/chrono-date/compare", test_compare);
  g_test_add_func ("/chrono-date/detect-order", test_detect_order);

  return g_test_run ();
}
