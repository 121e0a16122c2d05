/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "cw-review.h"
#include "test-tree.h"
#include "cw-store.h"

/* Shared by the core tests: a fresh database file in a temporary folder. */

typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("casewise-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "casewise.db", NULL);
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  cw_store_set_actor (f->store, "Test Reviewer");
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline guint
count_of (GListModel *model)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  g_clear_object (&model);
  return n;
}

static inline GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (cw_date_parse (iso, &date));
  return date;
}
