/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-entity.h"

G_BEGIN_DECLS

/* The chronology's entities (cw-chronology-entities.c): the agencies'
 * returns, the entries of the merged chronology, and the periods of the
 * child's context drawn on the timeline. */

extern const CwDomain cw_chronology_domain;

extern const CwEntity cw_entity_agency_return;
extern const CwEntity cw_entity_chronology_entry;
extern const CwEntity cw_entity_period;

extern const CwChoice cw_return_statuses[];
extern const CwChoice cw_significances[];
extern const CwChoice cw_period_kinds[];

G_END_DECLS
