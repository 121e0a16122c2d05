/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The documents Casewise makes of a review, by name. Making one is three
 * steps, so that only the first needs the store's thread: read a snapshot
 * of the data, build the document from it, write it. */

typedef struct
{
  gboolean       anonymised; /* pseudonyms from the people register for real names */
  CwReportStatus status;
} CwReportOptions;

typedef struct
{
  const char *id;       /* as the command line takes it: "chronology" */
  const char *title;    /* N_() */
  const char *summary;  /* N_() */
  gboolean    internal; /* marked CW_REPORT_MARKING_INTERNAL: never for publication */
} CwReportKind;

typedef struct _CwReportSnapshot CwReportSnapshot;

const CwReportKind *cw_report_kinds            (guint                 *n_kinds);
const CwReportKind *cw_report_kind_find        (const char            *id,
                                                GError               **error);
CwReportSnapshot   *cw_report_snapshot_read    (CwStore               *store,
                                                gint64                 review_id,
                                                const char            *id,
                                                const CwReportOptions *options,
                                                GError               **error);
CwReportDocument   *cw_report_snapshot_build   (CwReportSnapshot      *self);
void                cw_report_snapshot_free    (CwReportSnapshot      *self);
gboolean            cw_report_render_file      (CwStore               *store,
                                                gint64                 review_id,
                                                const char            *id,
                                                const CwReportOptions *options,
                                                const char            *path,
                                                guint                 *n_pages,
                                                GCancellable          *cancellable,
                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportSnapshot, cw_report_snapshot_free)

G_END_DECLS
