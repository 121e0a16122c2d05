/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A GLib test program that fails on purpose, for
 * tests/checks/case-count-check.py, which runs it through tests/glib-tap.py
 * and meson and checks every case is counted: one passes, one fails an
 * assertion (which aborts the program), one is skipped, one crashes, one
 * fails without aborting, and the last passes after them all. Given the
 * argument "exit", it has one passing case and then exits with status 3, as
 * a program that breaks after its cases. Not part of the test suite itself.
 */

#include "config.h"

#include <signal.h>

#include <glib.h>

static void
test_pass (void)
{
  g_assert_cmpint (1 + 1, ==, 2);
}

static void
test_assertion (void)
{
  g_assert_cmpint (1 + 1, ==, 3);
}

static void
test_skip (void)
{
  g_test_skip ("skipped on purpose");
}

static void
test_crash (void)
{
  raise (SIGSEGV);
}

static void
test_fail (void)
{
  g_test_fail ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1 && g_strcmp0 (argv[1], "exit") == 0)
    {
      g_test_add_func ("/sample/pass", test_pass);
      g_test_run ();
      return 3;
    }
  g_test_add_func ("/sample/pass", test_pass);
  g_test_add_func ("/sample/assertion", test_assertion);
  g_test_add_func ("/sample/skip", test_skip);
  g_test_add_func ("/sample/crash", test_crash);
  g_test_add_func ("/sample/fail", test_fail);
  g_test_add_func ("/sample/pass-after", test_pass);
  return g_test_run ();
}
