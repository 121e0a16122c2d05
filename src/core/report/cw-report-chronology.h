/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-chronology.h"
#include "cw-report.h"

G_BEGIN_DECLS

/* The merged multi-agency chronology as a report: every entry of every
 * agency in date order, with the gaps in contact, the reports of one
 * happening marked, and the episodes of the analysis as sections.
 *
 * It is made in two steps: the chronology is read from the store into
 * plain data (on the thread that owns the store), then the document is
 * built from that alone (on any thread). Anonymised, every text is read
 * through the review's redactor, so no real name reaches the document. */

typedef struct
{
  char *title;
  char *first; /* YYYY-MM-DD: the episode's first day */
  char *last;  /* YYYY-MM-DD: its last */
} CwReportEpisode;

typedef struct
{
  CwChronologyItemKind kind;
  char                *date;        /* as the app shows it: "c. May 2016" */
  char                *range_first; /* YYYY-MM-DD: the first day it may be */
  char                *agency;
  char                *author;
  char                *source;
  char                *description;
  char                *action;
  char                *outcome;
  char                *impact;
  char                *linked;      /* nullable: the other reports of the same happening */
  gboolean             conflict;    /* linked, with dates that differ */
  CwChronoSignificance significance;
  guint                gap_days;
} CwReportChronologyRow;

typedef struct
{
  char     *reference;
  char     *title;       /* the review's; only its subject's pseudonym when anonymised */
  char     *subject;     /* the subject's pseudonym */
  char     *author;      /* who made the report */
  gboolean  anonymised;
  guint     gap_days;    /* the review's threshold for a gap in contact */
  guint     n_entries;
  guint     n_gaps;
  guint     n_agencies;
  GArray   *rows;        /* CwReportChronologyRow, in the chronology's order */
  GArray   *episodes;    /* CwReportEpisode, in the order added */
  gpointer  redactor;    /* (private): what the texts were read through */
} CwReportChronology;

CwReportChronology *cw_report_chronology_read        (CwStore                  *store,
                                                      gint64                    review_id,
                                                      gboolean                  anonymised,
                                                      GError                  **error);
void                cw_report_chronology_free        (CwReportChronology       *self);
void                cw_report_chronology_add_episode (CwReportChronology       *self,
                                                      const char               *title,
                                                      const char               *first,
                                                      const char               *last);
CwReportDocument   *cw_report_chronology_build       (const CwReportChronology *self,
                                                      CwReportStatus            status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportChronology, cw_report_chronology_free)

G_END_DECLS
