/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-calendar.h"
#include "cw-enum.h"
#include "cw-register-enums.h"

#define EW  (1u << CW_NATION_ENGLAND_WALES)
#define SC  (1u << CW_NATION_SCOTLAND)
#define NI  (1u << CW_NATION_NORTHERN_IRELAND)
#define ALL (EW | SC | NI)

/* Holidays set by a rule rather than a date. */
typedef enum
{
  GOOD_FRIDAY,
  EASTER_MONDAY,
  EARLY_MAY,
  SPRING,
  SUMMER,
  NO_RULE_HOLIDAY = -1,
} RuleHoliday;

/* Names are marked for translation; the UI passes them through _(). */
static const char * const rule_holiday_names[] = {
  [GOOD_FRIDAY] = N_("Good Friday"),
  [EASTER_MONDAY] = N_("Easter Monday"),
  [EARLY_MAY] = N_("Early May bank holiday"),
  [SPRING] = N_("Spring bank holiday"),
  [SUMMER] = N_("Summer bank holiday"),
};

/* A holiday fixed to a day of the month. When it falls on a weekend it is
 * observed on the next weekday that is not already a holiday. The table is
 * in calendar order, which decides who gets the first free weekday (Christmas
 * on a Saturday takes Monday 27, Boxing Day Tuesday 28). */
typedef struct
{
  GDateMonth  month;
  GDateDay    day;
  guint       nations;
  const char *name;
  const char *substitute;
} FixedHoliday;

static const FixedHoliday fixed_holidays[] = {
  { G_DATE_JANUARY, 1, ALL, N_("New Year’s Day"), N_("New Year’s Day (substitute day)") },
  { G_DATE_JANUARY, 2, SC, N_("2nd January"), N_("2nd January (substitute day)") },
  { G_DATE_MARCH, 17, NI, N_("St Patrick’s Day"), N_("St Patrick’s Day (substitute day)") },
  { G_DATE_JULY, 12, NI, N_("Battle of the Boyne (Orangemen’s Day)"),
    N_("Battle of the Boyne (Orangemen’s Day) (substitute day)") },
  { G_DATE_NOVEMBER, 30, SC, N_("St Andrew’s Day"), N_("St Andrew’s Day (substitute day)") },
  { G_DATE_DECEMBER, 25, ALL, N_("Christmas Day"), N_("Christmas Day (substitute day)") },
  { G_DATE_DECEMBER, 26, ALL, N_("Boxing Day"), N_("Boxing Day (substitute day)") },
};

/* One-off changes made by royal proclamation, each UK-wide: either a rule
 * holiday moved to another date or an extra day. Add new ones as announced. */
typedef struct
{
  int         year;
  GDateMonth  month;
  GDateDay    day;
  RuleHoliday moves;
  const char *name; /* of an extra day */
} Proclamation;

static const Proclamation proclamations[] = {
  { 1977, G_DATE_JUNE, 6, SPRING, NULL },
  { 1977, G_DATE_JUNE, 7, NO_RULE_HOLIDAY, N_("Silver Jubilee of Queen Elizabeth II") },
  { 1981, G_DATE_JULY, 29, NO_RULE_HOLIDAY, N_("Royal wedding") },
  { 1995, G_DATE_MAY, 8, EARLY_MAY, NULL }, /* 50th anniversary of VE Day */
  { 1999, G_DATE_DECEMBER, 31, NO_RULE_HOLIDAY, N_("Millennium celebrations") },
  { 2002, G_DATE_JUNE, 3, NO_RULE_HOLIDAY, N_("Golden Jubilee of Queen Elizabeth II") },
  { 2002, G_DATE_JUNE, 4, SPRING, NULL },
  { 2011, G_DATE_APRIL, 29, NO_RULE_HOLIDAY, N_("Royal wedding") },
  { 2012, G_DATE_JUNE, 4, SPRING, NULL },
  { 2012, G_DATE_JUNE, 5, NO_RULE_HOLIDAY, N_("Diamond Jubilee of Queen Elizabeth II") },
  { 2020, G_DATE_MAY, 8, EARLY_MAY, NULL }, /* 75th anniversary of VE Day */
  { 2022, G_DATE_JUNE, 2, SPRING, NULL },
  { 2022, G_DATE_JUNE, 3, NO_RULE_HOLIDAY, N_("Platinum Jubilee of Queen Elizabeth II") },
  { 2022, G_DATE_SEPTEMBER, 19, NO_RULE_HOLIDAY, N_("State Funeral of Queen Elizabeth II") },
  { 2023, G_DATE_MAY, 8, NO_RULE_HOLIDAY, N_("Coronation of King Charles III") },
};

static gboolean
nation_is_valid (CwNation nation)
{
  return nation >= CW_NATION_ENGLAND_WALES && nation <= CW_NATION_NORTHERN_IRELAND;
}

/**
 * cw_nation_from_string:
 * @id: (nullable): "england-wales", "scotland" or "northern-ireland"
 * @out: (out): set only on success
 */
gboolean
cw_nation_from_string (const char *id,
                       CwNation   *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!cw_enum_from_nick (CW_TYPE_NATION, id, &value))
    return FALSE;
  *out = (CwNation) value;
  return TRUE;
}

const char *
cw_nation_to_string (CwNation nation)
{
  g_return_val_if_fail (nation_is_valid (nation), NULL);

  return cw_enum_get_nick (CW_TYPE_NATION, nation);
}

/* The anonymous Gregorian computus (Meeus/Jones/Butcher). */
void
cw_calendar_easter_sunday (int    year,
                           GDate *out)
{
  int a, b, c, d, e, f, g, h, i, k, l, m;

  g_return_if_fail (out != NULL);
  g_return_if_fail (year >= 1583 && year <= 9999);

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) ((h + l - 7 * m + 114) % 31 + 1),
                  (GDateMonth) ((h + l - 7 * m + 114) / 31),
                  (GDateYear) year);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static void
first_monday (int         year,
              GDateMonth  month,
              GDate      *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, month, (GDateYear) year);
  g_date_add_days (out, (G_DATE_MONDAY + 7 - g_date_get_weekday (out)) % 7);
}

static void
last_monday (int         year,
             GDateMonth  month,
             GDate      *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month (month, (GDateYear) year), month,
                  (GDateYear) year);
  g_date_subtract_days (out, g_date_get_weekday (out) - G_DATE_MONDAY);
}

static void
append_holiday (GArray      *holidays,
                const GDate *date,
                const char  *name)
{
  CwHoliday holiday = { .date = *date, .name = name };

  g_array_append_val (holidays, holiday);
}

static CwHoliday *
find_holiday (GArray      *holidays,
              const GDate *date)
{
  for (guint i = 0; i < holidays->len; i++)
    {
      CwHoliday *holiday = &g_array_index (holidays, CwHoliday, i);

      if (g_date_compare (&holiday->date, date) == 0)
        return holiday;
    }

  return NULL;
}

static void
append_easter_holidays (GArray   *holidays,
                        CwNation  nation,
                        int       year)
{
  GDate date;

  cw_calendar_easter_sunday (year, &date);
  g_date_subtract_days (&date, 2);
  append_holiday (holidays, &date, rule_holiday_names[GOOD_FRIDAY]);

  if (nation == CW_NATION_SCOTLAND)
    return;

  g_date_add_days (&date, 3);
  append_holiday (holidays, &date, rule_holiday_names[EASTER_MONDAY]);
}

static void
append_monday_holidays (GArray   *holidays,
                        CwNation  nation,
                        int       year)
{
  GDate date;

  first_monday (year, G_DATE_MAY, &date);
  append_holiday (holidays, &date, rule_holiday_names[EARLY_MAY]);
  last_monday (year, G_DATE_MAY, &date);
  append_holiday (holidays, &date, rule_holiday_names[SPRING]);

  /* Scotland keeps its summer holiday at the start of August. */
  if (nation == CW_NATION_SCOTLAND)
    first_monday (year, G_DATE_AUGUST, &date);
  else
    last_monday (year, G_DATE_AUGUST, &date);
  append_holiday (holidays, &date, rule_holiday_names[SUMMER]);
}

static void
apply_proclamation (GArray             *holidays,
                    const Proclamation *proclamation)
{
  CwHoliday *moved = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, proclamation->day, proclamation->month,
                  (GDateYear) proclamation->year);

  for (guint i = 0; proclamation->moves != NO_RULE_HOLIDAY && i < holidays->len; i++)
    {
      if (g_array_index (holidays, CwHoliday, i).name == rule_holiday_names[proclamation->moves])
        moved = &g_array_index (holidays, CwHoliday, i);
    }

  if (moved != NULL)
    moved->date = date;
  else
    append_holiday (holidays, &date, proclamation->name);
}

static void
apply_proclamations (GArray *holidays,
                     int     year)
{
  for (guint i = 0; i < G_N_ELEMENTS (proclamations); i++)
    {
      if (proclamations[i].year == year)
        apply_proclamation (holidays, &proclamations[i]);
    }
}

static gboolean
fixed_holiday_date (const FixedHoliday *fixed,
                    CwNation            nation,
                    int                 year,
                    GDate              *out)
{
  if ((fixed->nations & (1u << nation)) == 0)
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, fixed->day, fixed->month, (GDateYear) year);

  return TRUE;
}

/* Weekday ones first, so a substitute never takes a day that is a holiday
 * in its own right (Christmas on a Sunday moves past Boxing Day Monday). */
static void
append_fixed_holidays (GArray   *holidays,
                       CwNation  nation,
                       int       year)
{
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    {
      if (fixed_holiday_date (&fixed_holidays[i], nation, year, &date) && !is_weekend (&date))
        append_holiday (holidays, &date, fixed_holidays[i].name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    {
      if (!fixed_holiday_date (&fixed_holidays[i], nation, year, &date) || !is_weekend (&date))
        continue;

      while (is_weekend (&date) || find_holiday (holidays, &date) != NULL)
        g_date_add_days (&date, 1);
      append_holiday (holidays, &date, fixed_holidays[i].substitute);
    }
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const CwHoliday *ha = a;
  const CwHoliday *hb = b;

  return g_date_compare (&ha->date, &hb->date);
}

/**
 * cw_calendar_bank_holidays:
 * @nation: the nation whose holidays to list
 * @year: a Gregorian year (1583 to 9999; the rules are meant for 1970 to 2200)
 *
 * Computes the bank holidays of @nation observed in @year, substitute days
 * and proclaimed one-off changes included. Today's rules are applied to every
 * year; only the proclamations carry history.
 *
 * Returns: (transfer full): a #GArray of #CwHoliday sorted by date
 */
GArray *
cw_calendar_bank_holidays (CwNation nation,
                           int      year)
{
  GArray *holidays;

  g_return_val_if_fail (nation_is_valid (nation), NULL);
  g_return_val_if_fail (year >= 1583 && year <= 9999, NULL);

  holidays = g_array_sized_new (FALSE, TRUE, sizeof (CwHoliday), 12);
  append_easter_holidays (holidays, nation, year);
  append_monday_holidays (holidays, nation, year);
  apply_proclamations (holidays, year);
  append_fixed_holidays (holidays, nation, year);
  g_array_sort (holidays, compare_holidays);

  return holidays;
}

gboolean
cw_calendar_is_bank_holiday (CwNation      nation,
                             const GDate  *date,
                             const char  **name)
{
  g_autoptr(GArray) holidays = NULL;
  CwHoliday *holiday;

  g_return_val_if_fail (nation_is_valid (nation), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  holidays = cw_calendar_bank_holidays (nation, g_date_get_year (date));
  holiday = find_holiday (holidays, date);
  if (name != NULL)
    *name = holiday != NULL ? holiday->name : NULL;

  return holiday != NULL;
}

gboolean
cw_calendar_is_working_day (CwNation     nation,
                            const GDate *date)
{
  g_return_val_if_fail (nation_is_valid (nation), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return !is_weekend (date) && !cw_calendar_is_bank_holiday (nation, date, NULL);
}

/* Walking day by day would recompute a year's holidays at every step; keep
 * the current year's list for the length of one call instead. */
typedef struct
{
  CwNation  nation;
  int       year;
  GArray   *holidays;
} HolidayCache;

static void
holiday_cache_clear (HolidayCache *cache)
{
  g_clear_pointer (&cache->holidays, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HolidayCache, holiday_cache_clear)

static gboolean
holiday_cache_is_working_day (HolidayCache *cache,
                              const GDate  *date)
{
  int year = g_date_get_year (date);

  if (is_weekend (date))
    return FALSE;

  if (cache->holidays == NULL || cache->year != year)
    {
      holiday_cache_clear (cache);
      cache->holidays = cw_calendar_bank_holidays (cache->nation, year);
      cache->year = year;
    }

  return find_holiday (cache->holidays, date) == NULL;
}

/**
 * cw_calendar_add_working_days:
 * @nation: the nation whose bank holidays are not working days
 * @date: (inout): the date to move
 * @n: how many working days to move, backwards when negative
 *
 * Moves @date to the @n-th working day after it (before it when @n is
 * negative). @date itself never counts, so it may be any day; @n = 0 leaves
 * it unchanged.
 */
void
cw_calendar_add_working_days (CwNation  nation,
                              GDate    *date,
                              int       n)
{
  g_auto(HolidayCache) cache = { .nation = nation };
  guint remaining = n < 0 ? 0u - (guint) n : (guint) n;

  g_return_if_fail (nation_is_valid (nation));
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (remaining > 0)
    {
      if (n < 0)
        g_date_subtract_days (date, 1);
      else
        g_date_add_days (date, 1);

      if (holiday_cache_is_working_day (&cache, date))
        remaining--;
    }
}

/**
 * cw_calendar_working_days_between:
 * @nation: the nation whose bank holidays are not working days
 * @from: the start, not counted
 * @to: the end, counted
 *
 * Counts the working days d with @from < d <= @to, negated when @to is
 * before @from, so that between (a, b) + between (b, c) = between (a, c).
 * For n >= 0, between (from, add_working_days (from, n)) is n.
 *
 * Returns: the signed number of working days
 */
int
cw_calendar_working_days_between (CwNation     nation,
                                  const GDate *from,
                                  const GDate *to)
{
  g_auto(HolidayCache) cache = { .nation = nation };
  GDate day;
  int count = 0;

  g_return_val_if_fail (nation_is_valid (nation), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (from, to) > 0)
    return -cw_calendar_working_days_between (nation, to, from);

  for (day = *from; g_date_compare (&day, to) < 0;)
    {
      g_date_add_days (&day, 1);
      if (holiday_cache_is_working_day (&cache, &day))
        count++;
    }

  return count;
}
