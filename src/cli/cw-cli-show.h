/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-cli.h"

G_BEGIN_DECLS

/* Everything `review show` prints, read once for both outputs. */
typedef struct
{
  CwRecord   *review;
  CwRecord   *referral;  /* may be NULL */
  GPtrArray  *deadlines; /* CwDeadlineInfo */
  GListModel *people;
  GListModel *agencies;  /* review_agency rows */
  GListModel *members;
  GListModel *tor_items;
  gboolean    show_private;
} CwCliShow;

void cw_cli_show_clear      (CwCliShow *show);
void cw_cli_show_print_json (CwCliShow *show);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwCliShow, cw_cli_show_clear)

G_END_DECLS
