/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cw-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define CW_APPLICATION_ID 0x43575345 /* "CWSE" */

struct _CwStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  char       *actor_override;
  char       *actor;
  GHashTable *statements; /* SQL -> sqlite3_stmt*, prepared once */
  guint       depth;      /* open savepoints */
  guint       bulk : 2;   /* a CwStoreBulk: how the open bulk transaction writes */
  guint       wal_pending : 1; /* back in rollback mode until the log can come back */
  guint       repairing : 1;   /* putting the audit trail's guards back (cw-store-schema.c) */
  GPtrArray  *notices;    /* what opening put right, for the user (NULL-terminated) */
  GArray     *changes;    /* CwStoreChange: written in the open transaction, in order */
  GArray     *savepoints; /* guint: how many changes there were as each savepoint began */
  GArray     *kept;       /* CwStoreChange: committed, for cw_store_take_changes(); or NULL */
};

/* How a bulk transaction writes (cw_store_begin_bulk()). */
typedef enum
{
  CW_STORE_BULK_NONE,     /* not in one */
  CW_STORE_BULK_LOG,      /* through the write-ahead log, kept in memory until the commit */
  CW_STORE_BULK_JOURNAL,  /* straight into the file, with a rollback journal */
} CwStoreBulk;

sqlite3_stmt *cw_store_prepare        (CwStore      *self,
                                       const char   *sql,
                                       GError      **error);
/* Through CwTransaction (cw-store-transaction.c) only, which rolls back once. */
gboolean      cw_store_begin          (CwStore      *self,
                                       GError      **error);
gboolean      cw_store_commit         (CwStore      *self,
                                       GError      **error);
void          cw_store_rollback       (CwStore      *self);
gboolean      cw_store_begin_bulk     (CwStore      *self,
                                       GError      **error);
CwTransaction *cw_transaction_begin_bulk (CwStore    *store,
                                         GError    **error);
CwStoreBulk   cw_store_get_bulk       (CwStore      *self);
gboolean      cw_store_get_log_pending (CwStore     *self);
gboolean      cw_store_step_done      (CwStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
void          cw_store_set_error      (CwStore      *self,
                                       GError      **error,
                                       const char   *what);
void          cw_store_emit_reset     (CwStore      *self);
void          cw_store_signal_changed (CwStore      *self,
                                       const char   *table,
                                       gint64        id);
void          cw_store_note_change    (CwStore      *self,
                                       const char   *table,
                                       gint64        id);
void          cw_store_changes_begin  (CwStore      *self);
void          cw_store_changes_end    (CwStore      *self,
                                       gboolean      committed);
void          cw_store_refresh_actor  (CwStore      *self);
char         *cw_store_column_text    (sqlite3_stmt *stmt,
                                       int           column);
char         *cw_store_text_for_id    (CwStore      *self,
                                       const char   *sql,
                                       gint64        id);
gboolean      cw_store_migrate        (CwStore      *self,
                                       int           target,
                                       GError      **error);
/* The migrations' SQL in the program's resources (cw-store-schema.c):
 * cw_store_migrations_get_resource () of cw-store-migrations.h */
#define CW_STORE_MIGRATIONS_PATH "/org/casewise/Casewise/migrations/"
char         *cw_store_migration_path (int           version);
char         *cw_store_real_path      (const char   *path);
gboolean      cw_store_same_file      (const char   *a,
                                       const char   *b);
/* Backups (cw-store-backup.c), for restoring them (cw-store-restore.c) */
#define CW_BACKUP_STAMP_DAY  10 /* YYYY-MM-DD */
#define CW_BACKUP_STAMP_TIME 17 /* YYYY-MM-DD-HHMMSS */

char         *cw_store_backup_root    (const char   *db_path);
char         *cw_store_backup_folder  (const char   *db_path);
char         *cw_store_backup_stem    (const char   *db_path);
gboolean      cw_store_backup_parse_name (const char *name,
                                          const char *stem,
                                          GDate      *date,
                                          gboolean   *automatic);
void          cw_store_backup_clean_partials (const char *db_path);
gboolean      cw_store_copy_database  (sqlite3      *from,
                                       sqlite3      *to,
                                       GError      **error);
gboolean      cw_store_write_copy     (sqlite3      *from,
                                       const char   *path,
                                       GError      **error);
void          cw_store_ensure_database_id (CwStore  *self);
void          cw_store_backup_tighten (CwStore      *self);
#ifdef G_OS_UNIX
gboolean      cw_store_tighten        (const char   *path,
                                       int           mode);
#endif
gboolean      cw_store_ensure_audit_triggers (CwStore *self,
                                              GError **error);
void          cw_store_add_notice     (CwStore      *self,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (2, 3);
gboolean      cw_store_create_private_file (const char *path,
                                           GError    **error);
gboolean      cw_store_check_database (sqlite3      *db,
                                       const char   *path,
                                       GError      **error);

GPtrArray    *cw_store_get_domains    (void);
gboolean      cw_store_table_exists   (CwStore      *self,
                                       const char   *table);
GStrv         cw_store_purge_order    (CwStore      *self,
                                       GError      **error);

G_END_DECLS
