/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

/* Files as a test makes and reads them: whole, damaged, or SQLite files of
 * another program. Shared by the core and CLI tests. */

/* The bytes of @path; "" with @length 0 when there is no such file. */
static inline char *
bytes_of (const char *path,
          gsize      *length)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, NULL))
    {
      *length = 0;
      return g_strdup ("");
    }
  return contents;
}

static inline void
copy_file (const char *from,
           const char *to)
{
  gsize length;
  g_autofree char *bytes = bytes_of (from, &length);

  g_assert_true (g_file_set_contents (to, bytes, length, NULL));
}

/* Damages a database: the second half of it, b-tree pages a check reads. */
static inline void
scribble (const char *path)
{
  gsize length;
  g_autofree char *bytes = bytes_of (path, &length);

  g_assert_cmpuint (length, >, 8192);
  memset (bytes + length / 2, 0xA5, length / 2);
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
}

/* Runs @sql on @path through a plain SQLite connection, as another
 * program would. */
static inline void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The permission bits of @path (where the platform has them). */
static inline int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}
