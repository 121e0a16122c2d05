/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

/* A section of a review, as the review view shows it: a page in its
 * sidebar, with a shortcut. Each section's page is a widget that
 * implements CwReviewSection. */

#define CW_TYPE_REVIEW_SECTION (cw_review_section_get_type ())
G_DECLARE_INTERFACE (CwReviewSection, cw_review_section, CW, REVIEW_SECTION, GtkWidget)

struct _CwReviewSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows the review @id of @store (0: none). */
  void       (*set_review) (CwReviewSection *self,
                            CwStore         *store,
                            gint64           id);
  /* Saves what is being typed now (optional). */
  void       (*flush)      (CwReviewSection *self);
  /* A named part of the page, for tests (optional). */
  GtkWidget *(*get_part)   (CwReviewSection *self,
                            const char      *name);
};

void       cw_review_section_set_review (CwReviewSection *self,
                                         CwStore         *store,
                                         gint64           id);
void       cw_review_section_flush      (CwReviewSection *self);
GtkWidget *cw_review_section_get_part   (CwReviewSection *self,
                                         const char      *name);

/* One entry of the list of sections: adding a section is adding one. */
typedef struct
{
  const char *name;             /* the page's name; the target of win.section */
  const char *title;            /* N_(): the sidebar's and the shortcuts window's words */
  const char *icon_name;        /* (nullable) */
  const char *accel;            /* its shortcut, "<Alt>1" */
  GType     (*get_type) (void); /* the page: a GtkWidget implementing CwReviewSection */
  gboolean    scrolled;         /* in a vertical scroller, at the top for each review */
  gboolean  (*shows_in) (const char *phase); /* (nullable): in every phase */
} CwReviewSectionInfo;

const CwReviewSectionInfo *cw_review_sections              (void);
gboolean                   cw_review_section_info_shows_in (const CwReviewSectionInfo *info,
                                                            const char                *phase);

G_END_DECLS
