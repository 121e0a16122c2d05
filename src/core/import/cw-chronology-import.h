/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-chronology-columns.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* An agency's return on its way in: read, mapped, checked row by row, then
 * written in one transaction, all of it or none. The steps are synchronous;
 * the app runs them in a thread. */

#define CW_IMPORT_ERROR (cw_import_error_quark ())

typedef enum /*< skip >*/
{
  CW_IMPORT_ERROR_NO_ROWS,       /* a header and nothing under it, or nothing at all */
  CW_IMPORT_ERROR_NOTHING_VALID, /* every row has an error */
  CW_IMPORT_ERROR_HAS_PROBLEMS,  /* rows with errors, and the caller did not accept losing them */
  CW_IMPORT_ERROR_DATE_ORDER,    /* the dates make sense only month first: ask */
  CW_IMPORT_ERROR_TOO_LARGE,
  CW_IMPORT_ERROR_NO_AGENCY_COLUMN, /* agency from column, and no column is the agency */
  CW_IMPORT_ERROR_UNKNOWN_AGENCIES, /* agency from column: names the register lacks */
  CW_IMPORT_ERROR_NO_AGENCY,        /* agency from column: rows naming none, and no default */
} CwImportError;

typedef enum
{
  CW_IMPORT_DRY_RUN = 1 << 0,     /* count and check everything, then write nothing */
  CW_IMPORT_VALID_ROWS = 1 << 1,  /* import the valid rows even though others have errors */
  /* A combined chronology: each row is the return of the agency its Agency column names,
   * one return per agency; the agency given is for rows that name none (0: refused). */
  CW_IMPORT_AGENCY_FROM_COLUMN = 1 << 2,
  CW_IMPORT_ADD_AGENCIES = 1 << 3, /* with it: agencies the register lacks are added to it */
} CwImportFlags;

typedef struct
{
  gint64 import_id; /* 0 after a dry run */
  gint64 return_id;
  guint  added;     /* new entries */
  guint  updated;   /* entries of an earlier import of the return, changed in place and kept
                     * with their links */
  guint  unchanged; /* entries of an earlier import of the return, as the return gives them */
  guint  removed;   /* entries of an earlier import no longer in the return */
  guint  rejected;  /* rows with errors, not imported */
  guint  skipped;   /* blank rows */
} CwImportResult;

/* An agency a combined chronology names (cw_chronology_import_find_agencies()). */
typedef struct
{
  char          *name;      /* as the file first gives it; %NULL for rows naming none */
  char          *key;       /* as names are compared (cw_import_agency_key()) */
  GPtrArray     *keys;      /* char*: every key the file names it by, the first being @key */
  gint64         agency_id; /* in the register; 0 when it has none of that name */
  guint          n_rows;
  GArray        *rows;      /* guint: the first few rows, to name in a message */
  gboolean       in_register; /* before the import */
  gboolean       added;     /* added to the register by the import (a dry run: would be) */
  CwImportResult result;    /* after cw_chronology_import_run(): its return's counts */
} CwImportAgency;

/* Called from the thread doing the work: @fraction from 0 to 1. */
typedef void (*CwImportProgress) (double   fraction,
                                  gpointer user_data);

typedef struct _CwChronologyImport CwChronologyImport;

#define CW_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

GQuark              cw_import_error_quark               (void);

CwChronologyImport *cw_chronology_import_new_from_bytes (GBytes             *bytes,
                                                         const char         *file_name,
                                                         GError            **error);
CwChronologyImport *cw_chronology_import_new_from_file  (GFile              *file,
                                                         GCancellable       *cancellable,
                                                         GError            **error);
void                cw_chronology_import_free           (CwChronologyImport *self);

const char         *cw_chronology_import_get_file_name  (CwChronologyImport *self);
const char         *cw_chronology_import_get_format     (CwChronologyImport *self);
const char         *cw_chronology_import_get_encoding   (CwChronologyImport *self);
guint               cw_chronology_import_get_n_sheets   (CwChronologyImport *self);
const char         *cw_chronology_import_get_sheet_name (CwChronologyImport *self,
                                                         guint               index);
guint               cw_chronology_import_get_sheet      (CwChronologyImport *self);
gboolean            cw_chronology_import_set_sheet      (CwChronologyImport *self,
                                                         guint               index,
                                                         GError            **error);

CwChronoMapping    *cw_chronology_import_get_mapping    (CwChronologyImport *self);
void                cw_chronology_import_use_saved_mapping (CwChronologyImport *self,
                                                         const char         *saved);
guint               cw_chronology_import_get_header_row (CwChronologyImport *self);
guint               cw_chronology_import_get_n_records  (CwChronologyImport *self);
const GPtrArray    *cw_chronology_import_get_record     (CwChronologyImport *self,
                                                         guint               index,
                                                         guint              *row);

CwDateOrder         cw_chronology_import_get_date_order (CwChronologyImport *self);
void                cw_chronology_import_set_date_order (CwChronologyImport *self,
                                                         CwDateOrder         order);
gboolean            cw_chronology_import_dates_look_month_first (CwChronologyImport *self);

gboolean            cw_chronology_import_check          (CwChronologyImport *self,
                                                         GCancellable       *cancellable,
                                                         CwImportProgress    progress,
                                                         gpointer            user_data,
                                                         GError            **error);
guint               cw_chronology_import_get_n_valid    (CwChronologyImport *self);
guint               cw_chronology_import_get_n_rejected (CwChronologyImport *self);
guint               cw_chronology_import_get_n_skipped  (CwChronologyImport *self);
GPtrArray          *cw_chronology_import_get_problems   (CwChronologyImport *self);

gboolean            cw_chronology_import_run            (CwChronologyImport *self,
                                                         CwStore            *store,
                                                         gint64              review_id,
                                                         gint64              agency_id,
                                                         CwImportFlags       flags,
                                                         GCancellable       *cancellable,
                                                         CwImportProgress    progress,
                                                         gpointer            user_data,
                                                         CwImportResult     *result,
                                                         GError            **error);

GPtrArray          *cw_chronology_import_find_agencies  (CwChronologyImport *self,
                                                         CwStore            *store,
                                                         GError            **error);
GPtrArray          *cw_chronology_import_get_agencies   (CwChronologyImport *self);
gboolean            cw_import_agencies_check_known      (CwChronologyImport *self,
                                                         GPtrArray          *agencies,
                                                         GError            **error);
char               *cw_import_agency_format_rows        (const CwImportAgency *agency);
char               *cw_import_agency_key                (const char         *name);
void                cw_import_agency_free               (CwImportAgency     *agency);

char               *cw_chronology_get_saved_mapping     (CwStore            *store,
                                                         gint64              agency_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwChronologyImport, cw_chronology_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportAgency, cw_import_agency_free)

G_END_DECLS
