/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-clock"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cw-clock.h"

/* The system clock, or a fixed moment. A fixed clock does not move: two
 * changes made under it carry the same time, which the audit trail orders
 * by its ids anyway, and a report made under it is the same file twice.
 *
 * Times are stored in UTC ("2026-11-23T14:05:00Z") so that they sort and
 * compare whatever the zone of the computer; what a person sees is in
 * local time, and "today" is the local date. An import running in a
 * thread reads the clock too, so the fixed moment is guarded. */

static GMutex     clock_lock;
static GDateTime *fixed_now; /* local; NULL: the system clock */
static gsize      environment_read;

/* The local zone, kept: GLib 2.74's g_time_zone_new_local () reads
 * /etc/localtime again at every call when TZ is unset (its cache compares
 * the zone's name with TZ), four system calls each time, which was a tenth
 * of the chronology table's frame when it reads a screen of new entries
 * (each one's import day is a local date). Read again when TZ changes. */
static GMutex     zone_lock;
static GTimeZone *local_zone;
static char      *local_zone_tz; /* TZ when local_zone was read */

static GTimeZone *
local_zone_ref (void)
{
  const char *tz = g_getenv ("TZ");
  GTimeZone *zone;

  g_mutex_lock (&zone_lock);
  if (local_zone == NULL || g_strcmp0 (tz, local_zone_tz) != 0)
    {
      g_clear_pointer (&local_zone, g_time_zone_unref);
      g_free (local_zone_tz);
      local_zone = g_time_zone_new_local ();
      local_zone_tz = g_strdup (tz);
    }
  zone = g_time_zone_ref (local_zone);
  g_mutex_unlock (&zone_lock);
  return zone;
}

static GDateTime *
to_local (GDateTime *when)
{
  g_autoptr (GTimeZone) zone = local_zone_ref ();

  return g_date_time_to_timezone (when, zone);
}

static gboolean
is_iso_date (const char *text)
{
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return text[10] == '\0';
}

static GDateTime *
parse_moment (const char *when)
{
  g_autoptr (GTimeZone) local = local_zone_ref ();

  /* A date alone is noon of that day, far from both midnights. */
  if (is_iso_date (when))
    {
      int year = atoi (when), month = atoi (when + 5), day = atoi (when + 8);

      if (!g_date_valid_dmy (day, month, year))
        return NULL;
      return g_date_time_new (local, year, month, day, 12, 0, 0);
    }
  return g_date_time_new_from_iso8601 (when, local);
}

static void
replace_fixed (GDateTime *when)
{
  GDateTime *local = when ? to_local (when) : NULL;

  g_mutex_lock (&clock_lock);
  g_clear_pointer (&fixed_now, g_date_time_unref);
  fixed_now = local;
  g_mutex_unlock (&clock_lock);
}

/* Once, before the clock is first read or set: a moment set in code comes
 * after the environment's, never before. */
static void
read_environment (void)
{
  if (g_once_init_enter (&environment_read))
    {
      const char *when = g_getenv ("CASEWISE_NOW");
      g_autoptr (GDateTime) moment = when && *when ? parse_moment (when) : NULL;

      if (when != NULL && *when != '\0' && moment == NULL)
        g_warning ("CASEWISE_NOW=%s is not a date or a time; the system clock is used", when);
      replace_fixed (moment);
      g_once_init_leave (&environment_read, 1);
    }
}

/**
 * cw_clock_set:
 * @when: (nullable): `YYYY-MM-DD` (noon, local time), an ISO 8601 date and
 *   time (local time unless it names a zone), or %NULL for the system clock
 *
 * Fixes the clock at @when.
 *
 * Returns: whether @when is a moment
 */
gboolean
cw_clock_set (const char  *when,
              GError     **error)
{
  g_autoptr (GDateTime) moment = NULL;

  if (when == NULL)
    {
      cw_clock_set_fixed (NULL);
      return TRUE;
    }
  moment = parse_moment (when);
  if (moment == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD) or a date and time (ISO 8601)"), when);
      return FALSE;
    }
  cw_clock_set_fixed (moment);
  return TRUE;
}

/**
 * cw_clock_set_fixed:
 * @when: (nullable): the moment the clock shows from now on, or %NULL for the
 *   system clock
 */
void
cw_clock_set_fixed (GDateTime *when)
{
  read_environment ();
  replace_fixed (when);
}

/**
 * cw_clock_is_fixed:
 *
 * Returns: whether the clock is fixed rather than the system's
 */
gboolean
cw_clock_is_fixed (void)
{
  gboolean fixed;

  read_environment ();
  g_mutex_lock (&clock_lock);
  fixed = fixed_now != NULL;
  g_mutex_unlock (&clock_lock);
  return fixed;
}

/**
 * cw_clock_now:
 *
 * Returns: (transfer full): now, in local time
 */
GDateTime *
cw_clock_now (void)
{
  GDateTime *now = NULL;

  read_environment ();
  g_mutex_lock (&clock_lock);
  if (fixed_now != NULL)
    now = g_date_time_ref (fixed_now);
  g_mutex_unlock (&clock_lock);
  return now ? now : g_date_time_new_now_local ();
}

/**
 * cw_clock_today:
 * @out: (out caller-allocates): today's local date
 */
void
cw_clock_today (GDate *out)
{
  g_autoptr (GDateTime) now = cw_clock_now ();

  g_return_if_fail (out != NULL);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * cw_timestamp_format:
 *
 * Returns: (transfer full): @when as stored, in UTC: `2026-11-23T14:05:00Z`
 */
char *
cw_timestamp_format (GDateTime *when)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (when != NULL, NULL);
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * cw_clock_timestamp:
 *
 * Returns: (transfer full): now as stored, in UTC
 */
char *
cw_clock_timestamp (void)
{
  g_autoptr (GDateTime) now = cw_clock_now ();

  return cw_timestamp_format (now);
}

/**
 * cw_timestamp_parse:
 * @timestamp: (nullable): a stored time, `2026-11-23T14:05:00Z`
 *
 * Returns: (transfer full) (nullable): the moment in local time, %NULL when
 *   @timestamp is unset or not a time
 */
GDateTime *
cw_timestamp_parse (const char *timestamp)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GTimeZone) zone = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;
  zone = g_time_zone_new_utc ();
  utc = g_date_time_new_from_iso8601 (timestamp, zone);
  return utc ? to_local (utc) : NULL;
}

/**
 * cw_timestamp_local_date:
 * @timestamp: (nullable): a stored time
 * @out: (out caller-allocates): the local date of that moment
 *
 * Returns: whether @timestamp is a time
 */
gboolean
cw_timestamp_local_date (const char *timestamp,
                         GDate      *out)
{
  g_autoptr (GDateTime) local = cw_timestamp_parse (timestamp);

  if (local == NULL)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}
