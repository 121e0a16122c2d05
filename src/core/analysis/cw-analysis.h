/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-analysis-entities.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The analysis of a review (cw-analysis.c, cw-analysis-rules.c,
 * cw-trace.c): operations that involve more than one row, and plain reads
 * for lists, the command line and reports. Single fields are edited through
 * cw_store_update() with the entities of cw-analysis-entities.h, whose
 * rules the store checks. */

/* A key practice episode as lists, the timeline and reports show it. */
typedef struct
{
  gint64    id;
  int       number;
  char     *title;
  char     *start_date;  /* as given (a chronology date), or NULL */
  char     *end_date;    /* as given, or NULL */
  char     *first_day;   /* the span, YYYY-MM-DD: the dates given, else its entries'; or NULL */
  char     *last_day;
  guint     n_entries;
  char     *agencies;    /* of its entries, "; "-separated, or NULL */
  gboolean  missed_opportunity;
} CwEpisode;

typedef struct
{
  gint64    id;
  int       position;
  char     *statement;
  char     *kind;
  char     *scope;
  char     *status;
  gboolean  transferable;
  guint     n_evidence;
  char     *themes;      /* "; "-separated, or NULL */
  char     *without_evidence;
} CwFinding;

typedef struct
{
  gint64    id;
  int       position;
  char     *text;
  char     *scope;
  char     *agency;       /* name, for a single-agency one */
  char     *addressed_to; /* the body's name */
  char     *status;
  gboolean  transferable;
  guint     n_findings;
  char     *response;
} CwRecommendation;

typedef struct
{
  gint64    id;
  char     *category;     /* the kind's name */
  char     *direction;
  char     *level;
  gint64    episode_id;
  char     *why;
  char     *agency;
  gboolean  root_cause;
} CwFactor;

void        cw_episode_free                  (CwEpisode        *episode);
void        cw_finding_free                  (CwFinding        *finding);
void        cw_recommendation_free           (CwRecommendation *recommendation);
void        cw_factor_free                   (CwFactor         *factor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwEpisode, cw_episode_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwFinding, cw_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRecommendation, cw_recommendation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwFactor, cw_factor_free)

gboolean    cw_analysis_status_move_allowed  (const CwChoice   *statuses,
                                              const char       *from,
                                              const char       *to);
gboolean    cw_analysis_move_status          (CwStore          *store,
                                              const CwEntity   *entity,
                                              gint64            id,
                                              const char       *to,
                                              GError          **error);
gboolean    cw_analysis_check_status_move    (CwStore          *store,
                                              const CwEntity   *entity,
                                              CwRecord         *row,
                                              GError          **error);
gboolean    cw_analysis_check_same_review    (CwStore          *store,
                                              CwRecord         *row,
                                              const char       *field,
                                              const CwEntity   *ref,
                                              GError          **error);
gint64      cw_analysis_count_evidence       (CwStore          *store,
                                              gint64            finding_id);

gint64      cw_analysis_add_episode          (CwStore          *store,
                                              gint64            review_id,
                                              const char       *title,
                                              const gint64     *entry_ids,
                                              guint             n_entries,
                                              GError          **error);
gboolean    cw_analysis_add_episode_entries  (CwStore          *store,
                                              gint64            episode_id,
                                              const gint64     *entry_ids,
                                              guint             n_entries,
                                              GError          **error);
GArray     *cw_analysis_get_episode_entries  (CwStore          *store,
                                              gint64            episode_id,
                                              GError          **error);
gint64      cw_analysis_add_finding          (CwStore          *store,
                                              gint64            review_id,
                                              const char       *statement,
                                              const char       *kind,
                                              GError          **error);
gint64      cw_analysis_add_recommendation   (CwStore          *store,
                                              gint64            review_id,
                                              const char       *text,
                                              GError          **error);
gboolean    cw_analysis_move_to              (CwStore          *store,
                                              const CwEntity   *entity,
                                              gint64            id,
                                              guint             position,
                                              GError          **error);

gint64      cw_analysis_find_named           (CwStore          *store,
                                              const CwEntity   *entity,
                                              const char       *name,
                                              GError          **error);

GPtrArray  *cw_analysis_list_episodes        (CwStore          *store,
                                              gint64            review_id,
                                              GError          **error);
GPtrArray  *cw_analysis_list_findings        (CwStore          *store,
                                              gint64            review_id,
                                              GError          **error);
GPtrArray  *cw_analysis_list_recommendations (CwStore          *store,
                                              gint64            review_id,
                                              GError          **error);
GPtrArray  *cw_analysis_list_factors         (CwStore          *store,
                                              gint64            review_id,
                                              GError          **error);

/* Traceability (cw-trace.c): from each recommendation back to the
 * findings, episodes, factors and chronology entries behind it; from an
 * entry forward to what it supports. Gaps are flagged. */
typedef enum
{
  CW_TRACE_RECOMMENDATION,
  CW_TRACE_FINDING,
  CW_TRACE_EPISODE,
  CW_TRACE_FACTOR,
  CW_TRACE_ENTRY,
} CwTraceKind;

typedef struct _CwTraceNode CwTraceNode;
struct _CwTraceNode
{
  CwTraceKind  kind;
  gint64       id;
  char        *label;    /* "Recommendation 2", "Finding 1", "Episode 3", "Entry CAD 100" */
  char        *text;     /* what it says, in one line */
  char        *evidence; /* nullable: the kind of evidence linking it to its parent */
  char        *flag;     /* nullable: a gap a reviewer must look at */
  GPtrArray   *children; /* of CwTraceNode */
};

void        cw_trace_node_free               (CwTraceNode      *node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTraceNode, cw_trace_node_free)

GPtrArray  *cw_trace_review                  (CwStore          *store,
                                              gint64            review_id,
                                              GError          **error);
GPtrArray  *cw_trace_entry                   (CwStore          *store,
                                              gint64            review_id,
                                              gint64            entry_id,
                                              GError          **error);
guint       cw_trace_count_flags             (GPtrArray        *nodes);
const char *cw_trace_kind_name               (CwTraceKind       kind);

G_END_DECLS
