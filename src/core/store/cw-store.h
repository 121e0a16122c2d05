/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-audit.h"
#include "cw-entity.h"
#include "cw-record.h"

G_BEGIN_DECLS

#define CW_STORE_ERROR (cw_store_error_quark ())

typedef enum /*< skip >*/
{
  CW_STORE_ERROR_FAILED,
  CW_STORE_ERROR_CORRUPT,       /* not a Casewise database, or damaged */
  CW_STORE_ERROR_NEWER_VERSION, /* made by a newer Casewise */
  CW_STORE_ERROR_NOT_FOUND,
  CW_STORE_ERROR_INVALID,       /* a value a person entered is not acceptable */
  CW_STORE_ERROR_CONSTRAINT,    /* the change would break the data's rules */
  CW_STORE_ERROR_PHASE,         /* a phase move the life of a review does not allow */
  CW_STORE_ERROR_OTHER_DATABASE, /* a backup of another database: restored only when asked */
  CW_STORE_ERROR_DISK,          /* the disk is full, or the file could not be written or read */
} CwStoreError;

/* The schema this build writes; later issues add migrations. */
#define CW_SCHEMA_VERSION 12

#define CW_TYPE_STORE (cw_store_get_type ())
G_DECLARE_FINAL_TYPE (CwStore, cw_store, CW, STORE, GObject)

GQuark      cw_store_error_quark       (void);
char       *cw_store_default_path      (void);
typedef enum
{
  CW_STORE_OPEN_DEFAULT = 0, /* an existing Casewise database only */
  CW_STORE_OPEN_CREATE = 1 << 0, /* make one where there is none, or in an empty file */
} CwStoreOpenFlags;

CwStore    *cw_store_open_full         (const char        *path,
                                        CwStoreOpenFlags   flags,
                                        GError           **error);
CwStore    *cw_store_open              (const char  *path,
                                        GError     **error);
CwStore    *cw_store_open_at_version   (const char  *path,
                                        int          version,
                                        GError     **error);
const char *cw_store_get_path          (CwStore     *self);
int         cw_store_get_schema_version (CwStore    *self);
const char *const *cw_store_get_notices (CwStore    *self);
const char *cw_store_get_actor         (CwStore     *self);
void        cw_store_set_actor         (CwStore     *self,
                                        const char  *actor);

gboolean    cw_store_exec              (CwStore     *self,
                                        const char  *sql,
                                        GError     **error);

char       *cw_store_get_setting       (CwStore     *self,
                                        const char  *key);
gboolean    cw_store_set_setting       (CwStore     *self,
                                        const char  *key,
                                        const char  *value,
                                        GError     **error);
int         cw_store_get_backup_retention (CwStore  *self);
/* What a change wrote (CwStore::changed), as a connection of a job
 * reports it to the app's (cw-store-transaction.c). */
#define CW_STORE_EVERYTHING "*" /* a restored backup: every table */

typedef struct
{
  const char *table; /* interned */
  gint64      id;    /* the row, when one row changed; else 0 */
} CwStoreChange;

void        cw_store_connect_tables    (CwStore            *self,
                                        const char *const  *tables,
                                        GCallback           callback,
                                        gpointer            data);
void        cw_store_disconnect_tables (CwStore            *self,
                                        GCallback           callback,
                                        gpointer            data);
void        cw_store_keep_changes      (CwStore            *self);
GArray     *cw_store_take_changes      (CwStore            *self);
void        cw_store_announce_changes  (CwStore            *self,
                                        const GArray       *changes);

/* Transactions (cw-store-transaction.c): g_autoptr (CwTransaction) rolls
 * back what is not committed when it goes out of scope. */
typedef struct _CwTransaction CwTransaction;

CwTransaction *cw_transaction_begin    (CwStore        *store,
                                        GError        **error);
gboolean    cw_transaction_commit      (CwTransaction  *self,
                                        GError        **error);
void        cw_transaction_free        (CwTransaction  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTransaction, cw_transaction_free)

/* Generic records (cw-store-records.c) */
gint64      cw_store_insert            (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          review_id,
                                        const char     *const *pairs,
                                        GError        **error);
gboolean    cw_store_update            (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          id,
                                        const char     *field,
                                        const char     *value,
                                        GError        **error);
gboolean    cw_store_delete            (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          id,
                                        GError        **error);
gboolean    cw_store_undelete          (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          id,
                                        GError        **error);
gboolean    cw_store_purge_deleted     (CwStore        *self,
                                        GError        **error);
gboolean    cw_store_purge             (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          id,
                                        GError        **error);
gboolean    cw_store_undelete_rows     (CwStore        *self,
                                        const CwEntity *entity,
                                        const GArray   *ids,
                                        GError        **error);
gboolean    cw_store_purge_rows        (CwStore        *self,
                                        const CwEntity *entity,
                                        const GArray   *ids,
                                        GError        **error);
CwRecord   *cw_store_get               (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          id,
                                        GError        **error);
GListModel *cw_store_list              (CwStore        *self,
                                        const CwEntity *entity,
                                        gint64          review_id,
                                        GError        **error);
/* The audit trail (cw-audit.c) */
GListModel *cw_store_list_history      (CwStore        *self,
                                        gint64          review_id,
                                        GError        **error);

/* Backups (cw-store-backup.c) */
typedef enum
{
  CW_STORE_RESTORE_DEFAULT = 0,
  CW_STORE_RESTORE_OTHER_DATABASE = 1 << 0, /* the user said a backup of another database may
                                             * replace this one */
} CwStoreRestoreFlags;

char       *cw_store_get_backup_dir    (CwStore     *self);
char       *cw_store_backup_create     (CwStore     *self,
                                        GError     **error);
gboolean    cw_store_backup_auto       (CwStore     *self,
                                        const GDate *today,
                                        GError     **error);
GPtrArray  *cw_store_backup_list       (CwStore     *self,
                                        GError     **error);
char       *cw_store_backup_describe   (CwStore     *self,
                                        const char  *path,
                                        gboolean    *automatic);
char       *cw_store_backup_find       (CwStore     *self,
                                        const char  *which,
                                        GError     **error);
gboolean    cw_store_backup_restore    (CwStore             *self,
                                        const char          *which,
                                        CwStoreRestoreFlags  flags,
                                        GError             **error);
/* The same for a database that cannot be opened (damaged, or missing),
 * by its path */
GPtrArray  *cw_store_backup_list_at    (const char          *db_path,
                                        GError             **error);
char       *cw_store_backup_find_at    (const char          *db_path,
                                        const char          *which,
                                        GError             **error);
gboolean    cw_store_backup_restore_at (const char          *db_path,
                                        const char          *which,
                                        CwStoreRestoreFlags  flags,
                                        const char          *actor,
                                        char               **set_aside,
                                        GError             **error);

/* Files written for the user: exports, timelines, reports (cw-store-output.c) */
typedef struct _CwStoreOutput CwStoreOutput;

gboolean       cw_store_check_output      (CwStore        *self,
                                           const char     *path,
                                           char          **real,
                                           GError        **error);
CwStoreOutput *cw_store_output_new        (CwStore        *self,
                                           const char     *path,
                                           GError        **error);
GOutputStream *cw_store_output_get_stream (CwStoreOutput  *self);
gboolean       cw_store_output_commit     (CwStoreOutput  *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
void           cw_store_output_free       (CwStoreOutput  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwStoreOutput, cw_store_output_free)

G_END_DECLS
