/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the readers of a template's sections share: the blocks they make
 * (cw-report-sections.c) and the data helpers; the learning event's readers
 * are in cw-report-sections-event.c, the action plan's and the annual
 * report's in cw-report-sections-plan.c. */

#include <glib.h>

#include "cw-actions.h"
#include "cw-chronology.h"
#include "cw-redactor.h"
#include "cw-report-sections.h"
#include "cw-timeline.h"

G_BEGIN_DECLS

/* The documents made from templates. Reading gives each section of the
 * template its blocks of plain text (every text read through the review's
 * redactor when anonymised); building lays them into a document. */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_LIST,
  BLOCK_NUMBERED,
  BLOCK_PAIRS,
  BLOCK_TABLE,
  BLOCK_HEADING,
  BLOCK_FIGURE,
  BLOCK_NOTES,
} BlockKind;

/* A figure drawn when its page is written, maybe on another thread and
 * after the snapshot is gone: counted references. */
typedef struct
{
  CwTimeline        *timeline;
  CwChronologyModel *model;
  CwRedactor        *redactor;
  CwTimelineFrame    frame;
  cairo_surface_t   *image;
  double             width, height;
} Figure;

typedef struct
{
  BlockKind  kind;
  guint      level;    /* of a heading */
  GPtrArray *strings;  /* text: one; lists: items; pairs: label, value, ...; table: header */
  GPtrArray *rows;     /* of a table: GStrv */
  GArray    *widths;   /* of a table's columns: double */
  Figure    *figure;
  char      *caption;
} Block;

typedef struct
{
  char      *heading;
  guint      level;
  GPtrArray *blocks;
} Section;

struct _CwReportSections
{
  CwReportTemplate *template;
  gboolean          anonymised;
  char             *reference;
  char             *title;
  char             *subject;
  char             *author;
  char             *made;
  GPtrArray        *sections;
  Figure           *logo;
};

typedef struct
{
  CwStore          *store;
  gint64            review_id;
  CwRedactor       *redactor;
  CwRecord         *review;
  CwReportSections *self;
  Section          *section;
  GDate             today;
} Reader;

typedef gboolean (*ReadFunc) (Reader  *r,
                              GError **error);

typedef struct
{
  const char *kind;
  gboolean    internal; /* never in a publishable document */
  ReadFunc    read;
} SectionKind;

G_GNUC_INTERNAL Block *cw_sections_add_block (Reader    *r,
                                              BlockKind  kind);
G_GNUC_INTERNAL void cw_sections_add_plain (Reader     *r,
                                            const char *text);
G_GNUC_INTERNAL void cw_sections_add_heading (Reader     *r,
                                              guint       level,
                                              const char *text);
G_GNUC_INTERNAL Block *cw_sections_add_list (Reader   *r,
                                             gboolean  numbered);
G_GNUC_INTERNAL void cw_sections_item (Block      *block,
                                       Reader     *r,
                                       const char *text);
G_GNUC_INTERNAL void cw_sections_pair (Block      *block,
                                       Reader     *r,
                                       const char *label,
                                       const char *value);
G_GNUC_INTERNAL Block *cw_sections_add_table (Reader             *r,
                                              guint               n,
                                              const char * const *header,
                                              const double       *widths);
G_GNUC_INTERNAL void cw_sections_row (Block              *table,
                                      Reader             *r,
                                      const char * const *cells);
G_GNUC_INTERNAL void cw_sections_add_notes (Reader *r);
G_GNUC_INTERNAL void cw_sections_add_none (Reader     *r,
                                           const char *what);
G_GNUC_INTERNAL GListModel *cw_sections_list_of (Reader          *r,
                                                 const CwEntity  *entity,
                                                 GError         **error);
G_GNUC_INTERNAL char *cw_sections_day_text (const char *iso);
G_GNUC_INTERNAL char *cw_sections_choice (const CwChoice *choices,
                                          const char     *value);
G_GNUC_INTERNAL GPtrArray *cw_sections_actions_of (Reader  *r,
                                                   GError **error);
G_GNUC_INTERNAL gboolean cw_sections_is_done (const CwAction *action);
G_GNUC_INTERNAL char *cw_sections_owner_of (const CwAction *action);
G_GNUC_INTERNAL CwRecord *cw_sections_plan_of (Reader  *r,
                                               GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_plan (Reader  *r,
                                                GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_actions (Reader  *r,
                                                   GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_actions_taken (Reader  *r,
                                                         GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_impact (Reader  *r,
                                                  GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_more_to_do (Reader  *r,
                                                      GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_annual_reviews (Reader  *r,
                                                          GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_annual_findings (Reader  *r,
                                                           GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_annual_impact (Reader  *r,
                                                         GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_annual_actions (Reader  *r,
                                                          GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_annual_wider (Reader  *r,
                                                        GError **error);
G_GNUC_INTERNAL char *cw_sections_span_text (const char *first,
                                             const char *last);
G_GNUC_INTERNAL gboolean cw_sections_episodes_list (Reader   *r,
                                                    gboolean  numbered,
                                                    GError  **error);
G_GNUC_INTERNAL CwRecord *cw_sections_learning_event (Reader  *r,
                                                      GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_event_details (Reader  *r,
                                                         GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_anatomy (Reader  *r,
                                                   GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_episodes (Reader  *r,
                                                    GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_episodes_summary (Reader  *r,
                                                            GError **error);
G_GNUC_INTERNAL gboolean cw_sections_read_discussion (Reader  *r,
                                                      GError **error);

G_END_DECLS
