/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-deadline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cw-deadline.h"
#include "cw-enum.h"
#include "cw-register-enums.h"
#include "cw-entity.h"

/* Context keeps "May" the month abbreviation apart from any other "May". */

/**
 * cw_deadline_unit_to_string:
 *
 * Returns: "days", "working-days" or "months", as rules store them
 */
const char *
cw_deadline_unit_to_string (CwDeadlineUnit unit)
{
  const char *nick = cw_enum_get_nick (CW_TYPE_DEADLINE_UNIT, unit);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
cw_deadline_unit_from_string (const char     *id,
                              CwDeadlineUnit *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!cw_enum_from_nick (CW_TYPE_DEADLINE_UNIT, id, &value))
    return FALSE;
  *out = (CwDeadlineUnit) value;
  return TRUE;
}

void
cw_deadline_rule_clear (CwDeadlineRule *rule)
{
  g_return_if_fail (rule != NULL);

  g_clear_pointer (&rule->name, g_free);
  g_clear_pointer (&rule->anchor, g_free);
  g_clear_pointer (&rule->met_by, g_free);
  g_clear_pointer (&rule->kinds, g_free);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

/**
 * cw_deadline_rule_applies_to:
 * @rule: a rule
 * @kind: (nullable): a review kind id
 *
 * Returns: whether @rule applies to reviews of @kind: always when the rule
 *   names no kinds, otherwise when @kind is one of its comma-separated kinds
 */
gboolean
cw_deadline_rule_applies_to (const CwDeadlineRule *rule,
                             const char           *kind)
{
  g_auto(GStrv) kinds = NULL;

  g_return_val_if_fail (rule != NULL, FALSE);

  if (is_blank (rule->kinds))
    return TRUE;
  if (kind == NULL)
    return FALSE;

  kinds = g_strsplit (rule->kinds, ",", -1);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (g_str_equal (g_strstrip (kinds[i]), kind))
        return TRUE;
    }

  return FALSE;
}

static void
date_add_days (GDate *date,
               int    n)
{
  if (n >= 0)
    g_date_add_days (date, (guint) n);
  else
    g_date_subtract_days (date, 0u - (guint) n);
}

static void
date_add_months (GDate *date,
                 int    n)
{
  if (n >= 0)
    g_date_add_months (date, (guint) n);
  else
    g_date_subtract_months (date, 0u - (guint) n);
}

/**
 * cw_deadline_rule_compute_due:
 * @rule: a rule
 * @nation: the nation whose bank holidays are not working days
 * @anchor: the key date the rule counts from
 * @due: (out caller-allocates): the due date
 *
 * Months keep the day of the month, clamped to the month's end (31 January
 * plus one month is 28 or 29 February).
 */
void
cw_deadline_rule_compute_due (const CwDeadlineRule *rule,
                              CwNation              nation,
                              const GDate          *anchor,
                              GDate                *due)
{
  g_return_if_fail (rule != NULL);
  g_return_if_fail (anchor != NULL && g_date_valid (anchor));
  g_return_if_fail (due != NULL);

  *due = *anchor;
  switch (rule->unit)
    {
    case CW_DEADLINE_UNIT_CALENDAR_DAYS:
      date_add_days (due, rule->amount);
      break;
    case CW_DEADLINE_UNIT_WORKING_DAYS:
      cw_calendar_add_working_days (nation, due, rule->amount);
      break;
    case CW_DEADLINE_UNIT_MONTHS:
      date_add_months (due, rule->amount);
      break;
    default:
      g_return_if_reached ();
    }
}

static guint
parse_digits (const char *text,
              guint       length)
{
  guint value = 0;

  for (guint i = 0; i < length; i++)
    value = value * 10 + (guint) g_ascii_digit_value (text[i]);

  return value;
}

/* Strictly "YYYY-MM-DD": anything else counts as no date. */
static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  static const char pattern[] = "dddd-dd-dd";
  guint day, month, year;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
lookup_key_date (GHashTable *key_dates,
                 const char *name,
                 GDate      *out)
{
  const char *value = NULL;

  if (key_dates != NULL && name != NULL)
    value = g_hash_table_lookup (key_dates, name);

  return parse_iso_date (value, out);
}

static gboolean
compute_deadline (const CwDeadlineRule *rule,
                  CwNation              nation,
                  GHashTable           *key_dates,
                  const GDate          *today,
                  CwDeadline           *out)
{
  GDate anchor;

  if (!lookup_key_date (key_dates, rule->anchor, &anchor))
    return FALSE;

  out->rule = rule;
  cw_deadline_rule_compute_due (rule, nation, &anchor, &out->due);
  out->days_remaining = g_date_days_between (today, &out->due);

  if (lookup_key_date (key_dates, rule->met_by, &out->met_on))
    out->state = g_date_compare (&out->met_on, &out->due) <= 0
                 ? CW_DEADLINE_MET : CW_DEADLINE_MET_LATE;
  else
    out->state = out->days_remaining < 0 ? CW_DEADLINE_OVERDUE : CW_DEADLINE_PENDING;

  return TRUE;
}

/* Ties keep the order of the rules, which live in one array. */
static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const CwDeadline *da = a;
  const CwDeadline *db = b;
  int cmp = g_date_compare (&da->due, &db->due);

  if (cmp != 0)
    return cmp;

  return (da->rule > db->rule) - (da->rule < db->rule);
}

/**
 * cw_deadlines_compute:
 * @rules: (element-type CwDeadlineRule): the rules of a profile
 * @nation: the nation whose bank holidays are not working days
 * @kind: (nullable): the review kind id
 * @key_dates: (nullable) (element-type utf8 utf8): key date name to "YYYY-MM-DD"
 * @today: the date to measure from
 *
 * Computes a deadline for each rule that applies to @kind and whose anchor
 * key date is set. Dates that do not parse count as unset.
 *
 * Returns: (transfer full) (element-type CwDeadline): the deadlines sorted by
 *   due date; their rule pointers borrow from @rules
 */
GArray *
cw_deadlines_compute (const GArray *rules,
                      CwNation      nation,
                      const char   *kind,
                      GHashTable   *key_dates,
                      const GDate  *today)
{
  GArray *deadlines;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  deadlines = g_array_sized_new (FALSE, TRUE, sizeof (CwDeadline), rules->len);
  for (guint i = 0; i < rules->len; i++)
    {
      const CwDeadlineRule *rule = &g_array_index (rules, CwDeadlineRule, i);
      CwDeadline deadline = { .rule = NULL };

      if (cw_deadline_rule_applies_to (rule, kind)
          && compute_deadline (rule, nation, key_dates, today, &deadline))
        g_array_append_val (deadlines, deadline);
    }
  g_array_sort (deadlines, compare_deadlines);

  return deadlines;
}

static gboolean
deadline_is_met (const CwDeadline *deadline)
{
  return deadline->state == CW_DEADLINE_MET || deadline->state == CW_DEADLINE_MET_LATE;
}

/**
 * cw_deadlines_next:
 * @deadlines: (element-type CwDeadline): deadlines from cw_deadlines_compute()
 *
 * Returns: (nullable) (transfer none): the earliest deadline not yet met
 */
const CwDeadline *
cw_deadlines_next (const GArray *deadlines)
{
  const CwDeadline *next = NULL;

  g_return_val_if_fail (deadlines != NULL, NULL);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const CwDeadline *deadline = &g_array_index (deadlines, CwDeadline, i);

      if (!deadline_is_met (deadline)
          && (next == NULL || g_date_compare (&deadline->due, &next->due) < 0))
        next = deadline;
    }

  return next;
}

static char *
describe_met (const CwDeadline *deadline)
{
  g_autofree char *date = cw_date_format_display (&deadline->met_on);
  int late = g_date_days_between (&deadline->due, &deadline->met_on);

  if (late <= 0)
    /* Translators: %s is a short date such as "3 Apr 2021" */
    return g_strdup_printf (_("met on %s"), date);

  /* Translators: %d is a number of days, %s a short date such as "5 Apr 2021" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "met %d day late (%s)",
                                       "met %d days late (%s)", (gulong) late),
                          late, date);
}

static char *
describe_open (int days_remaining)
{
  if (days_remaining < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d day",
                                         "overdue by %d days", 0ul - (gulong) days_remaining),
                            -days_remaining);
  if (days_remaining == 0)
    return g_strdup (_("due today"));
  if (days_remaining == 1)
    return g_strdup (_("due tomorrow"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                       (gulong) days_remaining),
                          days_remaining);
}

/**
 * cw_deadline_describe_days:
 * @deadline: a deadline
 *
 * Describes where @deadline stands for a person: "due today", "12 days left",
 * "overdue by 3 days", "met on 3 Apr 2021", "met 2 days late (5 Apr 2021)".
 *
 * Returns: (transfer full): the phrase
 */
char *
cw_deadline_describe_days (const CwDeadline *deadline)
{
  g_return_val_if_fail (deadline != NULL, NULL);

  if (deadline_is_met (deadline))
    {
      g_return_val_if_fail (g_date_valid (&deadline->met_on), NULL);
      return describe_met (deadline);
    }

  return describe_open (deadline->days_remaining);
}
