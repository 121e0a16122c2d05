/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The UK nations whose bank holidays differ. Wales shares England's. */
typedef enum
{
  CW_NATION_ENGLAND_WALES,
  CW_NATION_SCOTLAND,
  CW_NATION_NORTHERN_IRELAND,
} CwNation;

typedef struct
{
  GDate       date;
  const char *name; /* static, British English, e.g. "Easter Monday" */
} CwHoliday;

gboolean    cw_nation_from_string          (const char      *id,
                                            CwNation        *out);
const char *cw_nation_to_string            (CwNation         nation);
void        cw_calendar_easter_sunday      (int              year,
                                            GDate           *out);
GArray     *cw_calendar_bank_holidays      (CwNation         nation,
                                            int              year);
gboolean    cw_calendar_is_bank_holiday    (CwNation         nation,
                                            const GDate     *date,
                                            const char     **name);
gboolean    cw_calendar_is_working_day     (CwNation         nation,
                                            const GDate     *date);
void        cw_calendar_add_working_days   (CwNation         nation,
                                            GDate           *date,
                                            int              n);
int         cw_calendar_working_days_between (CwNation       nation,
                                              const GDate   *from,
                                              const GDate   *to);

G_END_DECLS
