/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dates of chronology entries: as precise as the agency could be, which
 * may be a day, a month or only a year, and perhaps only roughly. */

#define CW_CHRONO_DATE_ERROR (cw_chrono_date_error_quark ())

typedef enum /*< skip >*/
{
  CW_CHRONO_DATE_ERROR_EMPTY,        /* no date given, and a start date is mandatory */
  CW_CHRONO_DATE_ERROR_INVALID,      /* not written as any date or time we read */
  CW_CHRONO_DATE_ERROR_IMPOSSIBLE,   /* a day or time that does not exist: 31/02/2021, 25:00 */
  CW_CHRONO_DATE_ERROR_OUT_OF_RANGE, /* a real date, but before 1900 or after 2100 */
  CW_CHRONO_DATE_ERROR_WRONG_ORDER,  /* real only in the other order: 04/13/2021 day first */
} CwChronoDateError;

typedef enum
{
  CW_DATE_PRECISION_DAY,
  CW_DATE_PRECISION_MONTH,
  CW_DATE_PRECISION_YEAR,
} CwDatePrecision;

/* The order of the numeric fields of 03/04/21. It decides only what the digits
 * leave open: a four-digit first field is always a year (2021-04-03), and a
 * date with a month name reads the same in every order. */
typedef enum
{
  CW_DATE_ORDER_DMY, /* the UK's, and the default */
  CW_DATE_ORDER_MDY,
  CW_DATE_ORDER_YMD,
} CwDateOrder;

typedef struct
{
  GDate           date;        /* the first day of the period: the day, the 1st, 1 January */
  CwDatePrecision precision;
  gboolean        approximate; /* written "?3/4/2021", "c. April 2021", "~2016" */
  gboolean        has_time;    /* only ever with CW_DATE_PRECISION_DAY */
  int             hour;        /* 0 to 23 when has_time */
  int             minute;      /* 0 to 59 when has_time */
} CwChronoDate;

/* How far cw_chrono_date_range() widens an approximate date either side. */
#define CW_CHRONO_DATE_APPROXIMATE_DAYS   7
#define CW_CHRONO_DATE_APPROXIMATE_MONTHS 1
#define CW_CHRONO_DATE_APPROXIMATE_YEARS  1

#define CW_CHRONO_DATE_YEAR_MIN 1900
#define CW_CHRONO_DATE_YEAR_MAX 2100

GQuark      cw_chrono_date_error_quark   (void);

gboolean    cw_chrono_date_parse         (const char          *text,
                                          CwDateOrder          order,
                                          CwChronoDate        *out,
                                          GError             **error);
gboolean    cw_chrono_date_parse_time    (const char          *text,
                                          CwChronoDate        *inout,
                                          GError             **error);
gboolean    cw_chrono_date_from_serial   (double               serial,
                                          gboolean             date1904,
                                          CwChronoDate        *out,
                                          GError             **error);
CwDateOrder cw_chrono_date_detect_order  (const char * const  *texts,
                                          guint                n_texts,
                                          gboolean            *only_mdy);

void        cw_chrono_date_range         (const CwChronoDate  *date,
                                          GDate               *first,
                                          GDate               *last);
int         cw_chrono_date_compare       (const CwChronoDate  *a,
                                          const CwChronoDate  *b);

gboolean    cw_chrono_date_iso_ends_before (const char       *start_iso,
                                           const char       *end_iso);
char       *cw_chrono_date_to_iso        (const CwChronoDate  *date);
gboolean    cw_chrono_date_from_iso      (const char          *iso,
                                          CwChronoDate        *out);
char       *cw_chrono_date_format        (const CwChronoDate  *date);
char       *cw_chrono_date_sort_key      (const CwChronoDate  *date);

/* The stored forms without allocating, for importing in bulk. */
#define CW_CHRONO_DATE_TEXT_MAX 24
void        cw_chrono_date_write_iso      (const CwChronoDate *date,
                                           char               *out);
void        cw_chrono_date_write_sort_key (const CwChronoDate *date,
                                           char               *out);
void        cw_chrono_date_write_day      (const GDate        *day,
                                           char               *out);

G_END_DECLS
