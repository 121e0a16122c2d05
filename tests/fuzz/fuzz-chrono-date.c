/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer entry point for the chronology date parser: any bytes, read as
 * the text of a date cell. Not part of the meson build; from the project root:
 *
 *   ninja -C build
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I src/core/chronology -I src/core/store -I build \
 *     tests/fuzz/fuzz-chrono-date.c src/core/chronology/cw-chrono-date.c build/src/core/libcasewise-core.a \
 *     $(pkg-config --cflags --libs gio-2.0 sqlite3) -lm -o /tmp/fuzz-chrono-date
 *   mkdir -p /tmp/fuzz-chrono-date-corpus
 *   /tmp/fuzz-chrono-date -max_total_time=60 /tmp/fuzz-chrono-date-corpus \
 *     tests/fuzz/corpus-chrono-date
 *
 * (libclang-rt-14-dev on Debian 12.) Only the parser is instrumented; the
 * archive supplies cw_date_format_display(), whose cw-field.c needs the store
 * and so SQLite. The text is parsed in each order; besides crashes, it
 * aborts when the parser breaks a promise: a date that is not valid or not
 * from 1900 to 2100, a period that does not start on its first day, a stored
 * form that does not read back equal, a display that is not UTF-8, a range
 * that does not hold the date, a failure without a CW_CHRONO_DATE_ERROR or
 * with @out changed. The text also goes to the time,
 * stored-form and order-detection readers, and an input of exactly 8 bytes is
 * a double for the spreadsheet serial reader. Any GLib warning or critical
 * (a g_return_if_fail tripped inside) aborts too. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cw-chrono-date.h"

#define MAX_LINES 64

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const CwDateOrder orders[] = {
  CW_DATE_ORDER_DMY,
  CW_DATE_ORDER_MDY,
  CW_DATE_ORDER_YMD,
};

static void
check (gboolean ok)
{
  if (!ok)
    abort ();
}

/* Marks a CwChronoDate so that a reader that writes to it on failure shows. */
static void
poison (CwChronoDate *date)
{
  memset (date, 0, sizeof *date);
  g_date_clear (&date->date, 1);
  date->hour = -4242;
  date->minute = -4242;
}

static void
check_untouched (const CwChronoDate *date)
{
  check (!g_date_valid (&date->date) && date->hour == -4242 && date->minute == -4242);
}

static void
check_error (GError *error)
{
  check (error != NULL && error->domain == CW_CHRONO_DATE_ERROR);
  check (error->code >= CW_CHRONO_DATE_ERROR_EMPTY
         && error->code <= CW_CHRONO_DATE_ERROR_WRONG_ORDER);
  check (error->message != NULL && error->message[0] != '\0');
  check (g_utf8_validate (error->message, -1, NULL));
}

static gboolean
same_date (const CwChronoDate *a,
           const CwChronoDate *b)
{
  return cw_chrono_date_compare (a, b) == 0 && cw_chrono_date_compare (b, a) == 0
         && g_date_compare (&a->date, &b->date) == 0 && a->precision == b->precision
         && !a->approximate == !b->approximate && !a->has_time == !b->has_time
         && (!a->has_time || (a->hour == b->hour && a->minute == b->minute));
}

/* A day, month or year from 1900 to 2100 that starts on its first day. */
static void
check_fields (const CwChronoDate *date)
{
  GDateYear year;

  check (g_date_valid (&date->date));
  year = g_date_get_year (&date->date);
  check (year >= CW_CHRONO_DATE_YEAR_MIN && year <= CW_CHRONO_DATE_YEAR_MAX);
  check (date->precision == CW_DATE_PRECISION_DAY || date->precision == CW_DATE_PRECISION_MONTH
         || date->precision == CW_DATE_PRECISION_YEAR);
  if (date->precision != CW_DATE_PRECISION_DAY)
    check (g_date_get_day (&date->date) == 1 && !date->has_time);
  if (date->precision == CW_DATE_PRECISION_YEAR)
    check (g_date_get_month (&date->date) == G_DATE_JANUARY);
  if (date->has_time)
    check (date->hour >= 0 && date->hour <= 23 && date->minute >= 0 && date->minute <= 59);
}

/* The stored form reads back equal, strictly and through the parser. */
static void
check_iso (const CwChronoDate *date)
{
  g_autofree char *iso = cw_chrono_date_to_iso (date);
  CwChronoDate back;

  check (iso != NULL && g_utf8_validate (iso, -1, NULL));
  poison (&back);
  check (cw_chrono_date_from_iso (iso, &back));
  check (same_date (date, &back));
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr (GError) error = NULL;

      poison (&back);
      check (cw_chrono_date_parse (iso, orders[i], &back, &error));
      check (error == NULL && same_date (date, &back));
    }
}

static void
check_range (const CwChronoDate *date)
{
  GDate first, last;

  cw_chrono_date_range (date, &first, &last);
  check (g_date_valid (&first) && g_date_valid (&last));
  check (g_date_compare (&first, &last) <= 0);
  check (g_date_compare (&first, &date->date) <= 0 && g_date_compare (&date->date, &last) <= 0);
}

static void
check_date (const CwChronoDate *date)
{
  g_autofree char *display = NULL;

  check_fields (date);
  check (cw_chrono_date_compare (date, date) == 0);
  check_iso (date);
  display = cw_chrono_date_format (date);
  check (display != NULL && display[0] != '\0' && g_utf8_validate (display, -1, NULL));
  check_range (date);
}

/* Returns whether @text is a date in @order, with the date in @out. */
static gboolean
fuzz_parse (const char   *text,
            CwDateOrder   order,
            CwChronoDate *out)
{
  g_autoptr (GError) error = NULL;

  poison (out);
  if (!cw_chrono_date_parse (text, order, out, &error))
    {
      check_error (error);
      check_untouched (out);
      return FALSE;
    }
  check (error == NULL);
  check_date (out);
  return TRUE;
}

/* @text as a time of its own column, given to a copy of @base. */
static void
fuzz_parse_time (const char         *text,
                 const CwChronoDate *base)
{
  g_autoptr (GError) error = NULL;
  CwChronoDate date = *base;

  if (!cw_chrono_date_parse_time (text, &date, &error))
    {
      check_error (error);
      check (same_date (&date, base));
      return;
    }
  check (error == NULL);
  check (g_date_compare (&date.date, &base->date) == 0 && date.precision == base->precision
         && !date.approximate == !base->approximate);
  /* Only a day takes a time; an empty text leaves any date without one. */
  check (!date.has_time || base->precision == CW_DATE_PRECISION_DAY);
  check_date (&date);
}

static void
fuzz_from_iso (const char *text)
{
  CwChronoDate date;

  poison (&date);
  if (!cw_chrono_date_from_iso (text, &date))
    {
      check_untouched (&date);
      return;
    }
  check_date (&date);
}

static void
fuzz_detect_order (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", MAX_LINES);
  guint n_lines = g_strv_length (lines);
  gboolean only_mdy = TRUE;
  CwDateOrder order;

  check (n_lines <= MAX_LINES);
  order = cw_chrono_date_detect_order ((const char *const *) lines, n_lines, &only_mdy);
  check (order == CW_DATE_ORDER_DMY || order == CW_DATE_ORDER_MDY);
  check (!only_mdy == (order != CW_DATE_ORDER_MDY));
  check (cw_chrono_date_detect_order ((const char *const *) lines, n_lines, NULL) == order);
}

static void
fuzz_from_serial (const uint8_t *data)
{
  double serial;

  memcpy (&serial, data, sizeof serial);
  for (int date1904 = 0; date1904 <= 1; date1904++)
    {
      g_autoptr (GError) error = NULL;
      CwChronoDate date;

      poison (&date);
      if (!cw_chrono_date_from_serial (serial, date1904, &date, &error))
        {
          check_error (error);
          check_untouched (&date);
          continue;
        }
      check (isfinite (serial) && error == NULL);
      check (date.precision == CW_DATE_PRECISION_DAY && !date.approximate);
      check_date (&date);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autofree char *text = g_malloc (size + 1);
  CwChronoDate parsed[G_N_ELEMENTS (orders)];
  gboolean ok[G_N_ELEMENTS (orders)];
  CwChronoDate base;

  if (!initialized)
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      initialized = TRUE;
    }
  memcpy (text, data, size);
  text[size] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    ok[i] = fuzz_parse (text, orders[i], &parsed[i]);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    for (guint j = 0; j < G_N_ELEMENTS (orders); j++)
      if (ok[i] && ok[j])
        check (cw_chrono_date_compare (&parsed[i], &parsed[j])
               == -cw_chrono_date_compare (&parsed[j], &parsed[i]));

  /* The time reader on a parsed day, or a fixed one, and on a whole year. */
  check (cw_chrono_date_from_iso ("2021-04-03", &base));
  fuzz_parse_time (text, ok[0] && parsed[0].precision == CW_DATE_PRECISION_DAY ? &parsed[0]
                                                                                : &base);
  check (cw_chrono_date_from_iso ("2021", &base));
  fuzz_parse_time (text, &base);

  fuzz_from_iso (text);
  fuzz_detect_order (text);
  if (size == sizeof (double))
    fuzz_from_serial (data);
  return 0;
}
