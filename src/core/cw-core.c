/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-core"

#include "config.h"

#include "cw-actions-entities.h"
#include "cw-analysis-entities.h"
#include "cw-chronology-entities.h"
#include "cw-core.h"
#include "cw-register-entities.h"
#include "cw-report-entities.h"
#include "cw-store.h"

/* The composition of the core: the one place that names every domain. The
 * store below knows none of them; each domain describes its entities and
 * SQL functions, and this hands them to the store. A store opened before
 * cw_core_init() refuses to open (cw_store_open()), so a program that
 * forgets it fails at once rather than running without its tables' rules. */

/**
 * cw_core_init:
 *
 * Hands every domain to the store. The app, the command line, the tests
 * and the benchmarks call it once at the start of main(), before any
 * thread; calling it again does nothing.
 */
void
cw_core_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  /* Parents before the domains whose entities name them. */
  cw_store_add_domain (&cw_register_domain);
  cw_store_add_domain (&cw_chronology_domain);
  cw_store_add_domain (&cw_analysis_domain);
  cw_store_add_domain (&cw_actions_domain);
  cw_store_add_domain (&cw_report_domain);
  g_once_init_leave (&done, 1);
}
