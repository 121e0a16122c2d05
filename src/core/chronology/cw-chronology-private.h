/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-chronology.h"
#include "cw-store-private.h"

G_BEGIN_DECLS

/* Shared by the chronology's files: the SQL functions its triggers and
 * queries call (cw-chronology.c), which the domain hands to the store. */
void cw_chronology_register_sql (sqlite3 *db);

G_END_DECLS
