/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-analysis.h"
#include "cw-findings-page.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-trace-view.h"

G_BEGIN_DECLS

/* Shared by cw-findings-page.c (the section, its lists, their order) and
 * cw-findings-page-detail.c (the selected finding's or recommendation's
 * status moves, themes, evidence and links). */

typedef struct
{
  char   kind; /* 'e'pisode, 'f'actor, entr'y' */
  gint64 id;
} CwEvidenceTarget;

struct _CwFindingsPage
{
  GtkWidget      parent_instance;
  GtkStack      *pages;
  GtkLabel      *findings_count;
  GtkLabel      *recommendations_count;
  GtkListBox    *findings_list;
  GtkListBox    *recommendations_list;
  GtkWidget     *finding_scroller;
  GtkWidget     *recommendation_scroller;
  GtkBox        *finding_status_box;
  GtkBox        *recommendation_status_box;
  GtkLabel      *finding_status_error;
  GtkLabel      *recommendation_status_error;
  CwRecordForm  *finding_form;
  CwRecordForm  *recommendation_form;
  GtkFlowBox    *themes_box;
  GtkWidget     *evidence_gap;
  GtkListBox    *evidence_list;
  GtkDropDown   *evidence_target;
  GtkDropDown   *evidence_kind;
  GtkWidget     *link_gap;
  GtkBox        *finding_checks;
  CwRecordTable *urgent_table;
  CwTraceView   *trace_view;

  CwStore       *store;
  gint64         review_id;
  gint64         finding_id;         /* selected, or 0 */
  gint64         recommendation_id;  /* selected, or 0 */
  GArray        *finding_ids;        /* gint64, in the list's order */
  GArray        *recommendation_ids;
  GArray        *targets;            /* CwEvidenceTarget, the evidence drop-down's */
  GHashTable    *target_labels;      /* "e:12" -> "Episode 2: ..." */
  guint          refresh_idle;
  gboolean       syncing;
};

void cw_findings_page_show_finding_detail        (CwFindingsPage *self);
void cw_findings_page_show_recommendation_detail (CwFindingsPage *self);
void cw_findings_page_fill_targets               (CwFindingsPage *self);
void cw_findings_page_open_target                (CwFindingsPage *self,
                                                  char            kind,
                                                  gint64          id);
void cw_findings_page_report_error               (CwFindingsPage *self,
                                                  GError         *error);
void cw_findings_page_install_detail_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
