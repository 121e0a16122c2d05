/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-entity.h"

G_BEGIN_DECLS

/* The register's entities (cw-register-entities.c): reviews and what each
 * review has of its own (people, agencies involved, groups, referral,
 * terms of reference), and what reviews share (kinds, the agency register,
 * deadline profiles and their rules). */

extern const CwDomain cw_register_domain;

extern const CwEntity cw_entity_review;
extern const CwEntity cw_entity_review_kind;
extern const CwEntity cw_entity_person;
extern const CwEntity cw_entity_agency;
extern const CwEntity cw_entity_review_agency;
extern const CwEntity cw_entity_member;
extern const CwEntity cw_entity_referral;
extern const CwEntity cw_entity_tor_item;
extern const CwEntity cw_entity_profile;
extern const CwEntity cw_entity_deadline_rule;

extern const CwChoice cw_phases[];
extern const CwChoice cw_methodologies[];
extern const CwChoice cw_key_dates[];
extern const CwChoice cw_referral_grounds[];
extern const CwChoice cw_decisions[];
extern const CwChoice cw_member_groups[];
extern const CwChoice cw_tor_kinds[];
extern const CwChoice cw_agency_sectors[];
extern const CwChoice cw_nations[];
extern const CwChoice cw_deadline_units[];

char *cw_key_date_column (const char *key_date);

G_END_DECLS
