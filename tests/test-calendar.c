/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-test-calendar"

#include <stdio.h>

#include <glib.h>

#include "cw-calendar.h"

#define EW CW_NATION_ENGLAND_WALES
#define SC CW_NATION_SCOTLAND
#define NI CW_NATION_NORTHERN_IRELAND

static void
date_from_iso (const char *iso,
               GDate      *out)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day), ==, 3);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (out));
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_nation_strings (void)
{
  static const struct { CwNation nation; const char *id; } cases[] = {
    { EW, "england-wales" },
    { SC, "scotland" },
    { NI, "northern-ireland" },
  };
  static const char * const unknown[] = { "", "england", "Scotland", "wales", "ni" };
  CwNation nation = EW;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cw_nation_to_string (cases[i].nation), ==, cases[i].id);
      nation = (CwNation) -1;
      g_assert_true (cw_nation_from_string (cases[i].id, &nation));
      g_assert_cmpint (nation, ==, cases[i].nation);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_false (cw_nation_from_string (unknown[i], &nation));
  g_assert_false (cw_nation_from_string (NULL, &nation));
}

static void
test_easter_sunday (void)
{
  /* Checked against published tables; 1818 and 2285 are the earliest
   * possible date (22 March), 1943 and 2038 the latest (25 April). */
  static const struct { int year; const char *easter; } cases[] = {
    { 1818, "1818-03-22" }, { 1943, "1943-04-25" }, { 1970, "1970-03-29" },
    { 1981, "1981-04-19" }, { 2000, "2000-04-23" }, { 2008, "2008-03-23" },
    { 2011, "2011-04-24" }, { 2016, "2016-03-27" }, { 2019, "2019-04-21" },
    { 2024, "2024-03-31" }, { 2025, "2025-04-20" }, { 2026, "2026-04-05" },
    { 2027, "2027-03-28" }, { 2038, "2038-04-25" }, { 2100, "2100-03-28" },
    { 2200, "2200-04-06" }, { 2285, "2285-03-22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate easter;

      cw_calendar_easter_sunday (cases[i].year, &easter);
      assert_date (&easter, cases[i].easter);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }
}

/* The lists published on gov.uk/bank-holidays. */
static const struct
{
  CwNation    nation;
  int         year;
  const char *dates;
} published[] = {
  { EW, 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 "
              "2020-12-28" },
  { EW, 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 "
              "2021-12-28" },
  { EW, 2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 "
              "2022-09-19 2022-12-26 2022-12-27" },
  { EW, 2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 "
              "2023-12-25 2023-12-26" },
  { EW, 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 "
              "2025-12-26" },
  { EW, 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 "
              "2026-12-28" },
  { EW, 2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 "
              "2027-12-28" },
  { SC, 2020, "2020-01-01 2020-01-02 2020-04-10 2020-05-08 2020-05-25 2020-08-03 2020-11-30 "
              "2020-12-25 2020-12-28" },
  { SC, 2021, "2021-01-01 2021-01-04 2021-04-02 2021-05-03 2021-05-31 2021-08-02 2021-11-30 "
              "2021-12-27 2021-12-28" },
  { SC, 2022, "2022-01-03 2022-01-04 2022-04-15 2022-05-02 2022-06-02 2022-06-03 2022-08-01 "
              "2022-09-19 2022-11-30 2022-12-26 2022-12-27" },
  { SC, 2023, "2023-01-02 2023-01-03 2023-04-07 2023-05-01 2023-05-08 2023-05-29 2023-08-07 "
              "2023-11-30 2023-12-25 2023-12-26" },
  { SC, 2025, "2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26 2025-08-04 2025-12-01 "
              "2025-12-25 2025-12-26" },
  { SC, 2026, "2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-08-03 2026-11-30 "
              "2026-12-25 2026-12-28" },
  { SC, 2027, "2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31 2027-08-02 2027-11-30 "
              "2027-12-27 2027-12-28" },
  { NI, 2020, "2020-01-01 2020-03-17 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-07-13 "
              "2020-08-31 2020-12-25 2020-12-28" },
  { NI, 2021, "2021-01-01 2021-03-17 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-07-12 "
              "2021-08-30 2021-12-27 2021-12-28" },
  { NI, 2022, "2022-01-03 2022-03-17 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 "
              "2022-07-12 2022-08-29 2022-09-19 2022-12-26 2022-12-27" },
  { NI, 2023, "2023-01-02 2023-03-17 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 "
              "2023-07-12 2023-08-28 2023-12-25 2023-12-26" },
  { NI, 2025, "2025-01-01 2025-03-17 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-07-14 "
              "2025-08-25 2025-12-25 2025-12-26" },
  { NI, 2026, "2026-01-01 2026-03-17 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-07-13 "
              "2026-08-31 2026-12-25 2026-12-28" },
  { NI, 2027, "2027-01-01 2027-03-17 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-07-12 "
              "2027-08-30 2027-12-27 2027-12-28" },
};

static void
test_published_lists (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(GArray) holidays = cw_calendar_bank_holidays (published[i].nation,
                                                              published[i].year);
      g_auto(GStrv) expected = g_strsplit (published[i].dates, " ", -1);

      g_test_message ("%s %d", cw_nation_to_string (published[i].nation), published[i].year);
      g_assert_nonnull (holidays);
      g_assert_cmpuint (holidays->len, ==, g_strv_length (expected));
      for (guint j = 0; j < holidays->len; j++)
        {
          const CwHoliday *holiday = &g_array_index (holidays, CwHoliday, j);

          assert_date (&holiday->date, expected[j]);
          g_assert_nonnull (holiday->name);
          g_assert_true (cw_calendar_is_bank_holiday (published[i].nation, &holiday->date, NULL));
        }
    }
}

static void
test_holiday_names (void)
{
  static const struct { CwNation nation; const char *date; const char *name; } cases[] = {
    { EW, "2026-04-03", "Good Friday" },
    { EW, "2026-04-06", "Easter Monday" },
    { NI, "2026-04-06", "Easter Monday" },
    { EW, "2026-05-04", "Early May bank holiday" },
    { EW, "2020-05-08", "Early May bank holiday" },
    { EW, "2022-06-02", "Spring bank holiday" },
    { SC, "2026-08-03", "Summer bank holiday" },
    { EW, "2026-12-28", "Boxing Day (substitute day)" },
    { EW, "2022-12-26", "Boxing Day" },
    { EW, "2022-12-27", "Christmas Day (substitute day)" },
    { EW, "2021-12-27", "Christmas Day (substitute day)" },
    { EW, "2021-12-28", "Boxing Day (substitute day)" },
    { SC, "2022-01-04", "2nd January (substitute day)" },
    { SC, "2025-12-01", "St Andrew’s Day (substitute day)" },
    { NI, "2025-07-14", "Battle of the Boyne (Orangemen’s Day) (substitute day)" },
    { NI, "2026-03-17", "St Patrick’s Day" },
    { EW, "2023-05-08", "Coronation of King Charles III" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *name = NULL;
      GDate date;

      date_from_iso (cases[i].date, &date);
      g_assert_true (cw_calendar_is_bank_holiday (cases[i].nation, &date, &name));
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* Proclaimed changes, and the rule dates they displaced, in every nation. */
static void
test_proclamations (void)
{
  static const struct { const char *date; gboolean holiday; } cases[] = {
    { "1999-12-31", TRUE },
    { "2002-05-27", FALSE }, { "2002-06-03", TRUE }, { "2002-06-04", TRUE },
    { "2011-04-29", TRUE },
    { "2012-05-28", FALSE }, { "2012-06-04", TRUE }, { "2012-06-05", TRUE },
    { "2020-05-04", FALSE }, { "2020-05-08", TRUE },
    { "2022-05-30", FALSE }, { "2022-06-02", TRUE }, { "2022-06-03", TRUE },
    { "2022-09-19", TRUE },
    { "2023-05-08", TRUE }, { "2023-05-01", TRUE },
    { "2024-05-27", TRUE }, { "2024-06-03", FALSE },
  };

  for (CwNation nation = EW; nation <= NI; nation++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          GDate date;

          g_test_message ("%s %s", cw_nation_to_string (nation), cases[i].date);
          date_from_iso (cases[i].date, &date);
          g_assert_cmpint (cw_calendar_is_bank_holiday (nation, &date, NULL), ==,
                           cases[i].holiday);
        }
    }
}

static guint
count_in_month (GArray     *holidays,
                GDateMonth  month)
{
  guint count = 0;

  for (guint i = 0; i < holidays->len; i++)
    count += g_date_get_month (&g_array_index (holidays, CwHoliday, i).date) == month;

  return count;
}

static void
assert_year_invariants (CwNation  nation,
                        int       year,
                        GArray   *holidays)
{
  static const guint base_count[] = { 8, 9, 10 };
  GDate easter;

  g_assert_cmpuint (holidays->len, >=, base_count[nation]);
  g_assert_cmpuint (holidays->len, <=, base_count[nation] + 2);
  for (guint i = 0; i < holidays->len; i++)
    {
      const GDate *date = &g_array_index (holidays, CwHoliday, i).date;

      g_assert_cmpint (g_date_get_year (date), ==, year);
      g_assert_cmpint (g_date_get_weekday (date), <=, G_DATE_FRIDAY);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&g_array_index (holidays, CwHoliday, i - 1).date,
                                         date), <, 0);
    }

  cw_calendar_easter_sunday (year, &easter);
  g_date_subtract_days (&easter, 2);
  g_assert_true (cw_calendar_is_bank_holiday (nation, &easter, NULL));
  g_assert_cmpuint (count_in_month (holidays, G_DATE_DECEMBER), >=, 2);
}

/* Every year of the supported range: weekdays only, sorted, within the year. */
static void
test_all_years (void)
{
  for (CwNation nation = EW; nation <= NI; nation++)
    {
      for (int year = 1970; year <= 2200; year++)
        {
          g_autoptr(GArray) holidays = cw_calendar_bank_holidays (nation, year);

          assert_year_invariants (nation, year, holidays);
        }
    }
}

static void
test_working_day (void)
{
  static const struct { CwNation nation; const char *date; gboolean working; } cases[] = {
    { EW, "2026-03-06", TRUE },  /* Friday */
    { EW, "2026-03-07", FALSE }, /* Saturday */
    { EW, "2026-03-08", FALSE }, /* Sunday */
    { EW, "2026-03-17", TRUE },
    { NI, "2026-03-17", FALSE }, /* St Patrick's Day */
    { EW, "2026-04-06", FALSE }, /* Easter Monday */
    { SC, "2026-04-06", TRUE },
    { EW, "2026-08-03", TRUE },
    { SC, "2026-08-03", FALSE }, /* Scotland's summer holiday */
    { EW, "2026-08-31", FALSE },
    { SC, "2026-08-31", TRUE },
    { SC, "2027-01-04", FALSE }, /* 2 January substitute */
    { EW, "2027-01-04", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      date_from_iso (cases[i].date, &date);
      g_assert_cmpint (cw_calendar_is_working_day (cases[i].nation, &date), ==,
                       cases[i].working);
    }
}

static const struct
{
  CwNation    nation;
  const char *start;
  int         n;
  const char *expected;
} add_cases[] = {
  /* Easter 2026: Good Friday 3 April, Easter Monday 6 April (not in Scotland). */
  { EW, "2026-04-01", 15, "2026-04-24" },
  { SC, "2026-04-01", 15, "2026-04-23" },
  { NI, "2026-04-01", 15, "2026-04-24" },
  { EW, "2026-04-02", 1, "2026-04-07" },
  { SC, "2026-04-02", 1, "2026-04-06" },
  { EW, "2026-04-07", -1, "2026-04-02" },
  { SC, "2026-04-07", -1, "2026-04-06" },
  /* Christmas 2026 (Boxing Day substitute on 28 Dec) into 2027, where
   * Scotland also takes Monday 4 January for 2 January. */
  { EW, "2026-12-22", 5, "2026-12-31" },
  { SC, "2026-12-22", 5, "2026-12-31" },
  { EW, "2026-12-22", 6, "2027-01-04" },
  { SC, "2026-12-22", 6, "2027-01-05" },
  { EW, "2027-01-05", -6, "2026-12-23" },
  { SC, "2027-01-05", -5, "2026-12-23" },
  /* Weekends. */
  { EW, "2026-03-06", 1, "2026-03-09" },
  { EW, "2026-03-07", 1, "2026-03-09" },
  { EW, "2026-03-08", 1, "2026-03-09" },
  { EW, "2026-03-09", -1, "2026-03-06" },
  { EW, "2026-03-07", -1, "2026-03-06" },
  { EW, "2026-03-02", 10, "2026-03-16" },
  { NI, "2026-03-02", 12, "2026-03-19" },
  /* n = 0 leaves any date alone, working or not. */
  { EW, "2026-03-07", 0, "2026-03-07" },
  { EW, "2026-12-25", 0, "2026-12-25" },
  { EW, "2026-03-10", 0, "2026-03-10" },
};

static void
test_add_working_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      GDate date;

      g_test_message ("%s %s %+d", cw_nation_to_string (add_cases[i].nation),
                      add_cases[i].start, add_cases[i].n);
      date_from_iso (add_cases[i].start, &date);
      cw_calendar_add_working_days (add_cases[i].nation, &date, add_cases[i].n);
      assert_date (&date, add_cases[i].expected);
    }
}

static void
test_working_days_between (void)
{
  static const struct { CwNation nation; const char *from; const char *to; int n; } cases[] = {
    { EW, "2026-03-09", "2026-03-09", 0 },
    { EW, "2026-03-06", "2026-03-09", 1 },  /* Friday to Monday */
    { EW, "2026-03-07", "2026-03-08", 0 },  /* a weekend */
    { EW, "2026-03-09", "2026-03-06", -1 },
    { EW, "2026-04-01", "2026-04-24", 15 },
    { SC, "2026-04-01", "2026-04-24", 16 },
    { EW, "2026-12-22", "2027-01-05", 7 },
    { SC, "2026-12-22", "2027-01-05", 6 },
    { EW, "2026-01-01", "2026-12-31", 253 },
    { EW, "2027-01-05", "2026-12-22", -7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      date_from_iso (cases[i].from, &from);
      date_from_iso (cases[i].to, &to);
      g_assert_cmpint (cw_calendar_working_days_between (cases[i].nation, &from, &to), ==,
                       cases[i].n);
    }
}

/* add_working_days and working_days_between agree, for every start day of a
 * year with a Christmas substitute and every n in a range. */
static void
test_round_trip (void)
{
  for (CwNation nation = EW; nation <= NI; nation++)
    {
      GDate start;

      date_from_iso ("2026-11-20", &start);
      for (int day = 0; day < 60; day++, g_date_add_days (&start, 1))
        {
          for (int n = -12; n <= 12; n++)
            {
              GDate end = start;
              int between;

              cw_calendar_add_working_days (nation, &end, n);
              between = cw_calendar_working_days_between (nation, &start, &end);
              g_assert_cmpint (between, ==,
                               -cw_calendar_working_days_between (nation, &end, &start));
              if (n != 0)
                g_assert_true (cw_calendar_is_working_day (nation, &end));
              if (n >= 0 || cw_calendar_is_working_day (nation, &start))
                g_assert_cmpint (between, ==, n);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar/nation-strings", test_nation_strings);
  g_test_add_func ("/calendar/easter-sunday", test_easter_sunday);
  g_test_add_func ("/calendar/published-lists", test_published_lists);
  g_test_add_func ("/calendar/holiday-names", test_holiday_names);
  g_test_add_func ("/calendar/proclamations", test_proclamations);
  g_test_add_func ("/calendar/all-years", test_all_years);
  g_test_add_func ("/calendar/working-day", test_working_day);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/working-days-between", test_working_days_between);
  g_test_add_func ("/calendar/round-trip", test_round_trip);

  return g_test_run ();
}
