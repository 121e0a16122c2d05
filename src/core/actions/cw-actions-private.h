/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-actions.h"
#include "cw-store-private.h"

G_BEGIN_DECLS

/* The query of cw_actions_list(), with its values bound (the benchmark
 * gives it to the sqlite3 shell as its reference). */
extern const char cw_actions_list_sql[];

/* The rules of the action plan's entities (cw-actions-rules.c). */

gboolean cw_actions_validate_plan   (CwStore         *store,
                                     const CwEntity  *entity,
                                     CwRecord        *row,
                                     const CwField   *changed,
                                     GError         **error);
gboolean cw_actions_validate_action (CwStore         *store,
                                     const CwEntity  *entity,
                                     CwRecord        *row,
                                     const CwField   *changed,
                                     GError         **error);
gboolean cw_actions_follow_update   (CwStore         *store,
                                     const CwEntity  *entity,
                                     CwRecord        *row,
                                     const CwField   *changed,
                                     GError         **error);
gboolean cw_actions_validate_child  (CwStore         *store,
                                     const CwEntity  *entity,
                                     CwRecord        *row,
                                     const CwField   *changed,
                                     GError         **error);

G_END_DECLS
