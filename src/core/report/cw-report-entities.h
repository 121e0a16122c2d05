/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-entity.h"

G_BEGIN_DECLS

/* The report domain as the store sees it: the documents generated of a
 * review (cw-report-generated.h). */

extern const CwEntity cw_entity_generated_document;
extern const CwDomain cw_report_domain;

G_END_DECLS
