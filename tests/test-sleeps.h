/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

/* Whether SQLite waited, without reading a clock: a connection waiting for
 * a lock (its busy timeout) sleeps through its VFS between tries, and one
 * that gives up at once never does. test_sleeps_install() makes a VFS that
 * counts those sleeps the default, before any connection opens. */

static sqlite3_vfs  test_sleeps_vfs;
static sqlite3_vfs *test_sleeps_real_vfs;
static gint         test_sleeps_count;
static GMutex       test_sleeps_lock;
static GCond        test_sleeps_cond;

static int
test_sleeps_sleep (sqlite3_vfs *vfs,
                   int          microseconds)
{
  g_mutex_lock (&test_sleeps_lock);
  test_sleeps_count++;
  g_cond_broadcast (&test_sleeps_cond);
  g_mutex_unlock (&test_sleeps_lock);
  return test_sleeps_real_vfs->xSleep (test_sleeps_real_vfs, microseconds);
}

static inline void
test_sleeps_install (void)
{
  test_sleeps_real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (test_sleeps_real_vfs);
  test_sleeps_vfs = *test_sleeps_real_vfs;
  test_sleeps_vfs.zName = "casewise-test-sleeps";
  test_sleeps_vfs.xSleep = test_sleeps_sleep;
  g_assert_cmpint (sqlite3_vfs_register (&test_sleeps_vfs, 1), ==, SQLITE_OK);
}

static inline int
test_sleeps_get (void)
{
  int n;

  g_mutex_lock (&test_sleeps_lock);
  n = test_sleeps_count;
  g_mutex_unlock (&test_sleeps_lock);
  return n;
}

static inline void
test_sleeps_reset (void)
{
  g_mutex_lock (&test_sleeps_lock);
  test_sleeps_count = 0;
  g_mutex_unlock (&test_sleeps_lock);
}

/* Waits until some connection sleeps (is waiting for a lock), for at most
 * @timeout_s seconds; whether it did. */
static inline gboolean
test_sleeps_wait_for_one (int timeout_s)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  gboolean slept;

  g_mutex_lock (&test_sleeps_lock);
  while (test_sleeps_count == 0)
    if (!g_cond_wait_until (&test_sleeps_cond, &test_sleeps_lock, end))
      break;
  slept = test_sleeps_count > 0;
  g_mutex_unlock (&test_sleeps_lock);
  return slept;
}
