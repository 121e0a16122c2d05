/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-action-plan-page.h"
#include "cw-analysis-page.h"
#include "cw-chronology-view.h"
#include "cw-findings-page.h"
#include "cw-history-view.h"
#include "cw-learning-event-page.h"
#include "cw-overview-page.h"
#include "cw-people-page.h"
#include "cw-referral-page.h"
#include "cw-reports-page.h"
#include "cw-returns-page.h"
#include "cw-review-section.h"
#include "cw-terms-page.h"

/* The sections of a review, in the sidebar's order. The review view
 * makes a page of each, the application gives each its shortcut, and
 * the shortcuts window lists them: a new section is one entry here
 * (and its page). Each has a key of the number row with Alt, in the
 * sidebar's order: Alt+1 to Alt+9, Alt+0, Alt+minus, Alt+equal (not
 * Shift+Alt+digit: Shift changes the key a digit gives). */
static const CwReviewSectionInfo sections[] = {
  { .name = "overview", .title = N_("Overview"), .accel = "<Alt>1",
    .get_type = cw_overview_page_get_type, .scrolled = TRUE },
  { .name = "referral", .title = N_("Referral & decision"), .accel = "<Alt>2",
    .get_type = cw_referral_page_get_type, .scrolled = TRUE },
  { .name = "people", .title = N_("People & agencies"), .accel = "<Alt>3",
    .get_type = cw_people_page_get_type },
  { .name = "chronology", .title = N_("Chronology"), .accel = "<Alt>4",
    .get_type = cw_chronology_view_get_type },
  { .name = "returns", .title = N_("Returns & context"), .accel = "<Alt>5",
    .get_type = cw_returns_page_get_type },
  { .name = "terms", .title = N_("Terms of reference"), .accel = "<Alt>6",
    .get_type = cw_terms_page_get_type },
  { .name = "analysis", .title = N_("Analysis"), .accel = "<Alt>7",
    .get_type = cw_analysis_page_get_type },
  { .name = "learning-event", .title = N_("Learning event"), .accel = "<Alt>8",
    .get_type = cw_learning_event_page_get_type },
  { .name = "findings", .title = N_("Findings & recommendations"), .accel = "<Alt>9",
    .get_type = cw_findings_page_get_type },
  { .name = "action-plan", .title = N_("Action plan"), .accel = "<Alt>0",
    .get_type = cw_action_plan_page_get_type, .scrolled = TRUE },
  { .name = "reports", .title = N_("Reports"), .accel = "<Alt>minus",
    .get_type = cw_reports_page_get_type },
  { .name = "history", .title = N_("History"), .accel = "<Alt>equal",
    .get_type = cw_history_view_get_type },
  { NULL },
};

/**
 * cw_review_sections:
 *
 * Returns: (transfer none): the sections, in order, ended by one whose
 *   name is %NULL
 */
const CwReviewSectionInfo *
cw_review_sections (void)
{
  return sections;
}

/* Whether the section shows for a review in @phase. */
gboolean
cw_review_section_info_shows_in (const CwReviewSectionInfo *info,
                                 const char                *phase)
{
  g_return_val_if_fail (info != NULL, FALSE);
  return info->shows_in == NULL || phase == NULL || info->shows_in (phase);
}

/* The interface its pages implement */

G_DEFINE_INTERFACE (CwReviewSection, cw_review_section, GTK_TYPE_WIDGET)

static void
cw_review_section_default_init (CwReviewSectionInterface *iface)
{
}

void
cw_review_section_set_review (CwReviewSection *self,
                              CwStore         *store,
                              gint64           id)
{
  g_return_if_fail (CW_IS_REVIEW_SECTION (self));
  CW_REVIEW_SECTION_GET_IFACE (self)->set_review (self, store, id);
}

void
cw_review_section_flush (CwReviewSection *self)
{
  CwReviewSectionInterface *iface;

  g_return_if_fail (CW_IS_REVIEW_SECTION (self));
  iface = CW_REVIEW_SECTION_GET_IFACE (self);
  if (iface->flush != NULL)
    iface->flush (self);
}

/**
 * cw_review_section_get_part:
 *
 * Returns: (transfer none) (nullable): the part of the page called @name
 */
GtkWidget *
cw_review_section_get_part (CwReviewSection *self,
                            const char      *name)
{
  CwReviewSectionInterface *iface;

  g_return_val_if_fail (CW_IS_REVIEW_SECTION (self), NULL);
  iface = CW_REVIEW_SECTION_GET_IFACE (self);
  return iface->get_part != NULL ? iface->get_part (self, name) : NULL;
}
