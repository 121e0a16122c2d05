/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-job.h"
#include "cw-redactor.h"
#include "cw-report-documents.h"
#include "cw-report-entities.h"

G_BEGIN_DECLS

/* The documents generated of a review (cw-report-generated.c), kept in the
 * database with a version per document, when and by whom, the options, a
 * SHA-256 checksum and the PDF itself; and the publication check
 * (cw-report-check.c), which reads a PDF back with Poppler and searches
 * each page's text through the review's redactor for anything that
 * identifies someone or is internal. A document is publishable only once
 * checked with nothing found, and never when it is internal. */

/* Called from the thread that generates, between steps. */
typedef void (*CwReportProgressFunc) (double      fraction,
                                      const char *text,
                                      gpointer    data);

/* One thing found in a PDF that must not be published. */
typedef struct
{
  guint        page;    /* from 1 */
  CwRedactKind kind;
  char        *what;    /* what it is, without the text found: "Name of Child A", "Postcode",
                         * "Urgent issue" */
  char        *match;   /* the text found, as the PDF has it */
  char        *context; /* the words around it on its page, on one line */
} CwReportHit;

gint64      cw_report_generate                (CwStore               *store,
                                               gint64                 review_id,
                                               const char            *id,
                                               const CwReportOptions *options,
                                               CwReportProgressFunc   progress,
                                               gpointer               progress_data,
                                               GCancellable          *cancellable,
                                               GError               **error);
GBytes     *cw_report_generated_read          (CwStore               *store,
                                               gint64                 document_id,
                                               GError               **error);
char       *cw_report_generated_describe      (CwRecord              *document);
gint64      cw_report_generated_find          (CwStore               *store,
                                               gint64                 review_id,
                                               const char            *checksum);
gboolean    cw_report_generated_check         (CwStore               *store,
                                               gint64                 document_id,
                                               GPtrArray            **hits,
                                               GCancellable          *cancellable,
                                               GError               **error);
gboolean    cw_report_generated_record_check  (CwStore               *store,
                                               gint64                 document_id,
                                               GPtrArray             *hits,
                                               GError               **error);
gboolean    cw_report_generated_mark_publishable (CwStore            *store,
                                               gint64                 document_id,
                                               GError               **error);

CwJob      *cw_report_generate_job_new        (CwStore               *store,
                                               gint64                 review_id,
                                               const char            *id,
                                               const CwReportOptions *options);
gint64      cw_report_generate_job_get_document (CwJob               *job);
CwJob      *cw_report_check_job_new           (CwStore               *store,
                                               gint64                 document_id);
GPtrArray  *cw_report_check_job_get_hits      (CwJob                 *job);

CwRedactor *cw_report_check_redactor_new      (CwStore               *store,
                                               gint64                 review_id,
                                               GError               **error);
GPtrArray  *cw_report_check_pdf               (CwRedactor            *redactor,
                                               GBytes                *pdf,
                                               guint                 *n_pages,
                                               GCancellable          *cancellable,
                                               GError               **error);
char       *cw_report_check_summary           (GPtrArray             *hits);
void        cw_report_hit_free                (CwReportHit           *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportHit, cw_report_hit_free)

G_END_DECLS
