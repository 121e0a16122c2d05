/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cw-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  CW_DEADLINE_UNIT_CALENDAR_DAYS, /*< nick=days >*/
  CW_DEADLINE_UNIT_WORKING_DAYS,
  CW_DEADLINE_UNIT_MONTHS,
} CwDeadlineUnit;

/* One rule of a jurisdiction profile: "<name> is due <amount> <unit> after
 * the key date <anchor>; it is met when the key date <met_by> is set".
 * kinds is a comma-separated list of review kind ids, or NULL/"" for all. */
typedef struct
{
  gint64          id;
  char           *name;
  char           *anchor;
  int             amount;
  CwDeadlineUnit  unit;
  char           *met_by;
  char           *kinds;
} CwDeadlineRule;

typedef enum
{
  CW_DEADLINE_PENDING, /* not met, due date in the future or today */
  CW_DEADLINE_OVERDUE, /* not met, due date passed */
  CW_DEADLINE_MET,     /* met on or before the due date */
  CW_DEADLINE_MET_LATE,
} CwDeadlineState;

typedef struct
{
  const CwDeadlineRule *rule; /* borrowed from the rule array */
  GDate                 due;
  GDate                 met_on; /* invalid unless met */
  CwDeadlineState       state;
  int                   days_remaining; /* due - today, negative when overdue */
} CwDeadline;

const char     *cw_deadline_unit_to_string   (CwDeadlineUnit       unit);
gboolean        cw_deadline_unit_from_string (const char          *id,
                                              CwDeadlineUnit      *out);
void            cw_deadline_rule_clear       (CwDeadlineRule      *rule);
gboolean        cw_deadline_rule_applies_to  (const CwDeadlineRule *rule,
                                              const char          *kind);
void            cw_deadline_rule_compute_due (const CwDeadlineRule *rule,
                                              CwNation             nation,
                                              const GDate         *anchor,
                                              GDate               *due);
GArray         *cw_deadlines_compute         (const GArray        *rules,
                                              CwNation             nation,
                                              const char          *kind,
                                              GHashTable          *key_dates,
                                              const GDate         *today);
const CwDeadline *cw_deadlines_next          (const GArray        *deadlines);
char           *cw_deadline_describe_days    (const CwDeadline    *deadline);

G_END_DECLS
