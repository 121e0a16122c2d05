/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-entity.h"

G_BEGIN_DECLS

/* The analysis's entities (cw-analysis-entities.c): what turns a review's
 * chronology into learning. Key practice episodes and the entries they
 * cover; the learning event, its participants and notes; contributory
 * factors; findings, their evidence and themes; urgent issues;
 * recommendations and the findings they come from. Shared by every review:
 * governance bodies, themes and the categories of factors. */

extern const CwDomain cw_analysis_domain;

extern const CwEntity cw_entity_body;
extern const CwEntity cw_entity_theme;
extern const CwEntity cw_entity_factor_category;
extern const CwEntity cw_entity_episode;
extern const CwEntity cw_entity_episode_entry;
extern const CwEntity cw_entity_learning_event;
extern const CwEntity cw_entity_event_participant;
extern const CwEntity cw_entity_event_note;
extern const CwEntity cw_entity_factor;
extern const CwEntity cw_entity_finding;
extern const CwEntity cw_entity_finding_evidence;
extern const CwEntity cw_entity_finding_theme;
extern const CwEntity cw_entity_urgent_issue;
extern const CwEntity cw_entity_recommendation;
extern const CwEntity cw_entity_recommendation_finding;

extern const CwChoice cw_yes_no[];
extern const CwChoice cw_body_kinds[];
extern const CwChoice cw_usual_practice[];
extern const CwChoice cw_event_kinds[];
extern const CwChoice cw_event_tools[];
extern const CwChoice cw_event_sources[];
extern const CwChoice cw_event_prompts[];
extern const CwChoice cw_factor_directions[];
extern const CwChoice cw_factor_levels[];
extern const CwChoice cw_finding_kinds[];
extern const CwChoice cw_finding_scopes[];
extern const CwChoice cw_finding_statuses[];
extern const CwChoice cw_evidence_kinds[];
extern const CwChoice cw_urgent_routes[];
extern const CwChoice cw_recommendation_scopes[];
extern const CwChoice cw_recommendation_statuses[];

G_END_DECLS
