/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-clock.h"
#include "cw-core.h"
#include "cw-date.h"
#include "cw-store-private.h"
#include "test-helpers.h"

/* The one clock: set, read as a date, a local time and a stored UTC time,
 * and used by the database's own times (cw_now ()). */

static void
test_fixed_date_is_noon (void)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *iso = NULL;
  GDate today;

  g_assert_true (cw_clock_set ("2027-02-28", NULL));
  g_assert_true (cw_clock_is_fixed ());
  cw_clock_today (&today);
  iso = cw_date_format_iso (&today);
  g_assert_cmpstr (iso, ==, "2027-02-28");
  now = cw_clock_now ();
  g_assert_cmpint (g_date_time_get_hour (now), ==, 12);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 0);
}

static void
test_fixed_time_with_zone (void)
{
  g_autofree char *stamp = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) again = NULL;

  g_assert_true (cw_clock_set ("2027-07-01T23:30:05Z", NULL));
  stamp = cw_clock_timestamp ();
  g_assert_cmpstr (stamp, ==, "2027-07-01T23:30:05Z");
  /* Read back as the same moment, in local time. */
  local = cw_timestamp_parse (stamp);
  again = cw_clock_now ();
  g_assert_nonnull (local);
  g_assert_true (g_date_time_equal (local, again));
}

static void
test_refuses_what_is_not_a_moment (void)
{
  static const char *const bad[] = {
    "", "2027-02-30", "27-02-01", "2027-2-1", "tomorrow", "2027-02-01T25:00:00", "2027-13-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (cw_clock_set (bad[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_system_clock_again (void)
{
  g_autoptr (GDateTime) now = NULL;

  g_assert_true (cw_clock_set ("2030-01-01", NULL));
  g_assert_true (cw_clock_set (NULL, NULL));
  g_assert_false (cw_clock_is_fixed ());
  now = cw_clock_now ();
  g_assert_nonnull (now);
}

static void
test_timestamps (void)
{
  static const char *const stamps[] = {
    "2026-01-01T00:00:00Z", "2026-06-30T23:59:59Z", "1999-12-31T12:00:00Z",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autoptr (GDateTime) when = cw_timestamp_parse (stamps[i]);
      g_autofree char *back = cw_timestamp_format (when);

      g_assert_cmpstr (back, ==, stamps[i]);
    }
  g_assert_null (cw_timestamp_parse (NULL));
  g_assert_null (cw_timestamp_parse (""));
  g_assert_null (cw_timestamp_parse ("not a time"));
  g_assert_false (cw_timestamp_local_date ("not a time", &date));
  /* Noon local time is the same local day, in any zone. */
  g_assert_true (cw_clock_set ("2027-03-15", NULL));
  {
    g_autofree char *stamp = cw_clock_timestamp ();
    g_autofree char *iso = NULL;

    g_assert_true (cw_timestamp_local_date (stamp, &date));
    iso = cw_date_format_iso (&date);
    g_assert_cmpstr (iso, ==, "2027-03-15");
  }
}

/* The local zone is kept between calls, and read again when TZ changes. */
static void
test_local_zone_follows_tz (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  GDate date;

  g_setenv ("TZ", "UTC", TRUE);
  g_assert_true (cw_timestamp_local_date ("2026-11-23T23:30:00Z", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 23);
  /* POSIX form, no zone database needed: twelve hours east of UTC. */
  g_setenv ("TZ", "XXX-12", TRUE);
  g_assert_true (cw_timestamp_local_date ("2026-11-23T23:30:00Z", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 24);
  g_setenv ("TZ", "UTC", TRUE);
  g_assert_true (cw_timestamp_local_date ("2026-11-23T23:30:00Z", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 23);
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

static char *
sql_text (CwStore    *store,
          const char *sql)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/* The times the database writes itself come from the same clock: the audit
 * trail's, and a review's creation. */
static void
test_database_times (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *created = NULL;
  g_autofree char *audited = NULL;
  g_autofree char *now = NULL;

  g_assert_true (cw_clock_set ("2031-05-04T08:09:10Z", NULL));
  reference = cw_store_create_review (f->store, "cspr", "Clock", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  created = sql_text (f->store, "SELECT created_at FROM review");
  audited = sql_text (f->store, "SELECT at FROM audit ORDER BY id DESC LIMIT 1");
  now = sql_text (f->store, "SELECT cw_now ()");
  g_assert_cmpstr (created, ==, "2031-05-04T08:09:10Z");
  g_assert_cmpstr (audited, ==, "2031-05-04T08:09:10Z");
  g_assert_cmpstr (now, ==, "2031-05-04T08:09:10Z");
  /* The file's own definitions no longer name SQLite's clock. */
  g_assert_null (sql_text (f->store, "SELECT name FROM sqlite_schema WHERE sql LIKE '%''now''%'"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  g_test_add_func ("/clock/fixed-date-is-noon", test_fixed_date_is_noon);
  g_test_add_func ("/clock/fixed-time-with-zone", test_fixed_time_with_zone);
  g_test_add_func ("/clock/refuses-what-is-not-a-moment", test_refuses_what_is_not_a_moment);
  g_test_add_func ("/clock/system-clock-again", test_system_clock_again);
  g_test_add_func ("/clock/timestamps", test_timestamps);
  g_test_add_func ("/clock/local-zone-follows-tz", test_local_zone_follows_tz);
  g_test_add ("/clock/database-times", Fixture, NULL, fixture_set_up, test_database_times,
              fixture_tear_down);
  return g_test_run ();
}
