/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-analysis.h"
#include "cw-store-private.h"

G_BEGIN_DECLS

/* The rules of the analysis's entities (cw-analysis-rules.c), which
 * cw-analysis-entities.c hangs on its descriptions. */

gboolean cw_analysis_validate_finding       (CwStore         *store,
                                             const CwEntity  *entity,
                                             CwRecord        *row,
                                             const CwField   *changed,
                                             GError         **error);
gboolean cw_analysis_validate_evidence      (CwStore         *store,
                                             const CwEntity  *entity,
                                             CwRecord        *row,
                                             const CwField   *changed,
                                             GError         **error);
gboolean cw_analysis_validate_recommendation (CwStore        *store,
                                             const CwEntity  *entity,
                                             CwRecord        *row,
                                             const CwField   *changed,
                                             GError         **error);

G_END_DECLS
