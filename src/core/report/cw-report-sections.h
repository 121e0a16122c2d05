/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report-template.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The documents made from a template (cw-report-sections.c): each section
 * of the template names a kind the code provides, which reads its data
 * (on the store's thread, through the review's redactor when anonymised)
 * into plain blocks; the document is then built from those alone, on any
 * thread. Kinds that hold internal material (participants' accounts,
 * urgent issues, the referral's fields) are refused in a publishable
 * template. */

typedef struct _CwReportSections CwReportSections;

gboolean          cw_report_sections_check (const CwReportTemplate  *template,
                                            GError                 **error);
CwReportSections *cw_report_sections_read  (CwStore                 *store,
                                            gint64                   review_id,
                                            CwReportTemplate        *template,
                                            gboolean                 anonymised,
                                            GError                 **error);
CwReportDocument *cw_report_sections_build (const CwReportSections  *self,
                                            CwReportStatus           status);
void              cw_report_sections_free  (CwReportSections        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportSections, cw_report_sections_free)

G_END_DECLS
