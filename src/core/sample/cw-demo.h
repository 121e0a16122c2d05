/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-store.h"

G_BEGIN_DECLS

/* The sample review's title, so the app can find it rather than add another. */
#define CW_DEMO_TITLE "Child A: serious injury to a toddler"

char *cw_store_add_demo (CwStore      *self,
                         const GDate  *today,
                         GError      **error);

G_END_DECLS
