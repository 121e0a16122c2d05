/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-entity.h"

G_BEGIN_DECLS

/* The action plan's entities (cw-actions-entities.c): a plan per review,
 * actions per recommendation, their progress updates, embedding checks and
 * the files attached as evidence of impact. */

extern const CwDomain cw_actions_domain;

extern const CwEntity cw_entity_action_plan;
extern const CwEntity cw_entity_action;
extern const CwEntity cw_entity_progress_update;
extern const CwEntity cw_entity_embedding_check;
extern const CwEntity cw_entity_action_file;

extern const CwChoice cw_plan_statuses[];
extern const CwChoice cw_action_statuses[];
extern const CwChoice cw_embedding_methods[];
extern const CwChoice cw_embedding_results[];

G_END_DECLS
