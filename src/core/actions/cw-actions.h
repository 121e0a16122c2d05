/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-actions-entities.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Action plans followed until the change is embedded (cw-actions.c,
 * cw-actions-rules.c, cw-actions-list.c): operations that touch more than
 * one row, the RAG rating derived from status and due date, and the
 * actions of one review or of all of them. */

/* Red, amber, green: never the only signal, so each comes with words and
 * an icon name. */
typedef enum
{
  CW_RAG_RED,
  CW_RAG_AMBER,
  CW_RAG_GREEN,
  CW_RAG_DONE,   /* embedded */
  CW_RAG_CLOSED, /* closed by the monitoring body */
} CwRag;

typedef struct
{
  CwRag       rag;
  const char *words; /* translated: "Overdue", "Due soon", "On track" ... */
  const char *icon;  /* a symbolic icon name */
  gboolean    overdue; /* open, past its due date */
} CwRagRating;

/* Actions due within this many days are "due soon". */
#define CW_ACTIONS_SOON_DAYS 30

CwRagRating cw_action_rate            (const char   *status,
                                       const char   *due_on,
                                       const char   *closed_on,
                                       const GDate  *today);
const char *cw_rag_name               (CwRag         rag);

gint64      cw_actions_ensure_plan    (CwStore      *store,
                                       gint64        review_id,
                                       GError      **error);
gint64      cw_actions_add            (CwStore      *store,
                                       gint64        recommendation_id,
                                       const char   *description,
                                       GError      **error);
gboolean    cw_actions_close          (CwStore      *store,
                                       gint64        action_id,
                                       gint64        body_id,
                                       const char   *reason,
                                       GError      **error);
gint64      cw_actions_add_update     (CwStore      *store,
                                       gint64        action_id,
                                       const char   *reported_on,
                                       const char   *reporter,
                                       const char   *status,
                                       const char   *narrative,
                                       GError      **error);

/* Evidence files, kept in the database: up to this size each. */
#define CW_ACTIONS_MAX_FILE_SIZE (25 * 1024 * 1024)

gint64      cw_actions_attach_file    (CwStore      *store,
                                       gint64        action_id,
                                       const char   *file_name,
                                       GBytes       *data,
                                       GError      **error);
GBytes     *cw_actions_read_file      (CwStore      *store,
                                       gint64        file_id,
                                       char        **file_name,
                                       char        **content_type,
                                       GError      **error);

/* An action as lists, the tracker a subgroup circulates and reports read. */
typedef struct
{
  gint64      id;
  gint64      review_id;
  gint64      recommendation_id;
  char       *reference;          /* the review's */
  int         recommendation;     /* its number */
  char       *recommendation_text;
  char       *description;
  char       *agency;             /* owner agency's name */
  char       *person;
  char       *body;               /* owner body's name */
  char       *due_on;
  char       *status;
  gboolean    during_review;
  char       *impact_measure;
  char       *audit_method;
  char       *impact_evidence;
  char       *closed_on;
  char       *closed_reason;
  char       *latest_update;      /* "3 Apr 2026: narrative", or NULL */
  CwRagRating rating;
} CwAction;

void        cw_action_free            (CwAction     *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwAction, cw_action_free)

typedef struct
{
  gint64      review_id;   /* 0: every review */
  gint64      agency_id;   /* 0: any */
  gint64      body_id;     /* the owner body; 0: any */
  gint64      theme_id;    /* of the findings behind the recommendation; 0: any */
  const char *status;      /* NULL: any */
  int         due_within;  /* days from today; negative: any */
  gboolean    overdue;     /* only those past their due date */
  gboolean    include_closed; /* embedded and closed ones too */
} CwActionFilter;

#define CW_ACTION_FILTER_INIT { 0, 0, 0, 0, NULL, -1, FALSE, FALSE }

GPtrArray  *cw_actions_list           (CwStore              *store,
                                       const CwActionFilter *filter,
                                       const GDate          *today,
                                       GError              **error);

/* How many, by a key: counts of a list by status, agency or RAG. */
typedef struct
{
  char  *key;
  guint  n;
} CwActionCount;

void        cw_action_count_free      (CwActionCount *count);
GPtrArray  *cw_actions_count_by       (GPtrArray            *actions,
                                       const char           *what);

/* The progress of a review's plan, for its overview. */
typedef struct
{
  guint total;
  guint done;      /* embedded or closed */
  guint overdue;
  guint not_started;
  char *status;    /* the plan's, or NULL when it has none */
  GPtrArray *by_status; /* (element-type CwActionCount): how many in each status, in the
                         * statuses' order, those with none left out */
} CwPlanProgress;

void        cw_plan_progress_clear    (CwPlanProgress *progress);
gboolean    cw_actions_get_progress   (CwStore        *store,
                                       gint64          review_id,
                                       const GDate    *today,
                                       CwPlanProgress *out,
                                       GError        **error);

/* The tracker a subgroup circulates, and the same sheet back from the
 * agencies with their progress (cw-actions-exchange.c). */
typedef enum
{
  CW_TRACKER_CSV,
  CW_TRACKER_XLSX,
} CwTrackerFormat;

gboolean    cw_actions_export_tracker (CwStore              *store,
                                       const CwActionFilter *filter,
                                       CwTrackerFormat       format,
                                       const char           *path,
                                       guint                *n_actions,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* One row of a returned tracker that changes an action. */
typedef struct
{
  guint  row;          /* as the spreadsheet numbers it, from 1 */
  gint64 action_id;
  char  *reference;    /* the action's review */
  char  *status_from;  /* its status before */
  char  *status_to;    /* (nullable): the status it moves to; NULL: unchanged */
  char  *narrative;    /* (nullable) */
  char  *reported_on;  /* YYYY-MM-DD */
  char  *reporter;     /* (nullable) */
} CwTrackerChange;

/* One problem with a returned tracker, where it is. */
typedef struct
{
  guint  row;
  char  *column;       /* (nullable): its letter, "N" */
  char  *heading;      /* the column's heading */
  char  *message;
} CwTrackerProblem;

typedef struct
{
  char      *file_name;
  GPtrArray *changes;  /* CwTrackerChange, in the file's order */
  GPtrArray *problems; /* CwTrackerProblem; any of them and nothing is kept */
  guint      n_rows;   /* the rows below the heading */
  guint      n_unchanged; /* rows of actions left as they were */
  gboolean   applied;  /* the changes are kept */
} CwTrackerImport;

void             cw_tracker_import_free    (CwTrackerImport  *self);
char            *cw_tracker_problem_format (const CwTrackerProblem *problem,
                                            const char       *file_name);
CwTrackerImport *cw_actions_import_tracker (CwStore          *store,
                                            const char       *path,
                                            gboolean          apply,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTrackerImport, cw_tracker_import_free)

G_END_DECLS
