/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-chrono-date.h"
#include "cw-chronology-columns.h"
#include "cw-chronology-entities.h"
#include "cw-register-entities.h"
#include "cw-redactor.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The merged chronology of a review: every agency's entries in one order,
 * with the gaps where no agency saw the family, as a list a view binds. */

#define CW_CHRONOLOGY_DEFAULT_GAP_DAYS 28

typedef enum
{
  CW_CHRONOLOGY_ITEM_ENTRY,
  CW_CHRONOLOGY_ITEM_GAP, /* no agency contact for longer than the review's threshold */
} CwChronologyItemKind;

/* Which entries a list shows; all members unset shows every entry. */
typedef struct
{
  GArray *agency_ids;       /* nullable: gint64s of the agencies shown */
  guint   significances;    /* 0 for all, else bits 1 << CwChronoSignificance */
  char   *from;             /* nullable: YYYY-MM-DD, entries that may reach it */
  char   *to;               /* nullable: YYYY-MM-DD */
  char   *text;             /* nullable: words the entry's text must all contain */
  char   *tag;              /* nullable: one tag, matched whole and without case */
} CwChronologyFilter;

/* A row's place in time, for the timeline: days as Julian day numbers,
 * with the time of day as a fraction. */
typedef struct
{
  gint64               id;          /* 0 for a gap */
  gint64               agency_id;
  gint64               link_group;
  double               first;
  double               last;        /* exclusive; == first for a moment */
  gboolean             uncertain;
  gboolean             conflict;
  CwChronoSignificance significance;
} CwChronologySpan;

#define CW_TYPE_CHRONOLOGY_ITEM (cw_chronology_item_get_type ())
G_DECLARE_FINAL_TYPE (CwChronologyItem, cw_chronology_item, CW, CHRONOLOGY_ITEM, GObject)

#define CW_TYPE_CHRONOLOGY_MODEL (cw_chronology_model_get_type ())
G_DECLARE_FINAL_TYPE (CwChronologyModel, cw_chronology_model, CW, CHRONOLOGY_MODEL, GObject)

void                 cw_chronology_filter_clear        (CwChronologyFilter *filter);
gboolean             cw_chronology_filter_is_empty     (const CwChronologyFilter *filter);
char                *cw_chronology_search_query        (const char         *text);
gboolean             cw_chronology_search_check        (const char         *text,
                                                        GError            **error);

/* One row of the merged list: an entry, or a gap between two. */
CwChronologyItemKind cw_chronology_item_get_kind       (CwChronologyItem   *self);
gint64               cw_chronology_item_get_id         (CwChronologyItem   *self);
const CwChronoDate  *cw_chronology_item_get_start      (CwChronologyItem   *self);
const CwChronoDate  *cw_chronology_item_get_end        (CwChronologyItem   *self);
char                *cw_chronology_item_dup_date_text  (CwChronologyItem   *self);
const char          *cw_chronology_item_get_agency     (CwChronologyItem   *self);
const char          *cw_chronology_item_get        (CwChronologyItem   *self,
                                                    CwChronoField       field);
int                  cw_chronology_item_get_sequence   (CwChronologyItem   *self);
CwChronoSignificance cw_chronology_item_get_significance (CwChronologyItem *self);
gint64               cw_chronology_item_get_link_group (CwChronologyItem   *self);
gboolean             cw_chronology_item_is_linked      (CwChronologyItem   *self);
gboolean             cw_chronology_item_has_conflict   (CwChronologyItem   *self);
const char          *cw_chronology_item_get_provenance (CwChronologyItem   *self);
const char          *cw_chronology_item_get_range_first (CwChronologyItem  *self);
const char          *cw_chronology_item_get_range_last (CwChronologyItem   *self);
guint                cw_chronology_item_get_gap_days   (CwChronologyItem   *self);

CwChronologyModel   *cw_chronology_model_new           (CwStore            *store,
                                                        gint64              review_id);
gboolean             cw_chronology_model_refresh       (CwChronologyModel  *self,
                                                        const CwChronologyFilter *filter,
                                                        GError            **error);
void                 cw_chronology_model_set_redactor  (CwChronologyModel  *self,
                                                        CwRedactor         *redactor);
guint                cw_chronology_model_get_n_entries (CwChronologyModel  *self);
guint                cw_chronology_model_get_n_gaps    (CwChronologyModel  *self);
guint                cw_chronology_model_get_gap_days  (CwChronologyModel  *self);
guint                cw_chronology_model_find          (CwChronologyModel  *self,
                                                        gint64              entry_id);
gint64               cw_chronology_model_get_entry_id  (CwChronologyModel  *self,
                                                        guint               position);
void                 cw_chronology_model_get_span      (CwChronologyModel  *self,
                                                        guint               position,
                                                        CwChronologySpan   *info);

/* The review's chronology as a whole (cw-chronology.c) */
guint                cw_chronology_get_gap_days        (CwStore            *store,
                                                        gint64              review_id);
gboolean             cw_chronology_set_gap_days        (CwStore            *store,
                                                        gint64              review_id,
                                                        guint               days,
                                                        GError            **error);
guint                cw_chronology_count_entries       (CwStore            *store,
                                                        gint64              review_id);
guint                cw_chronology_count_imported      (CwStore            *store,
                                                        gint64              review_id,
                                                        gint64              agency_id);
gboolean             cw_chronology_set_significance    (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        CwChronoSignificance significance,
                                                        GError            **error);
gboolean             cw_chronology_add_tag             (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        const char         *tag,
                                                        GError            **error);
gboolean             cw_chronology_link                (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        GError            **error);
gboolean             cw_chronology_unlink              (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        GError            **error);
char                *cw_chronology_get_source          (CwStore            *store,
                                                        gint64              entry_id);
char                *cw_chronology_describe_link       (CwStore            *store,
                                                        gint64              entry_id,
                                                        const char         *link_group);
gboolean             cw_chronology_delete              (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        GError            **error);
gboolean             cw_chronology_undelete            (CwStore            *store,
                                                        const GArray       *entry_ids,
                                                        GError            **error);
gint64               cw_chronology_find_agency         (CwStore            *store,
                                                        const char         *name,
                                                        GError            **error);
gint64               cw_chronology_ensure_return       (CwStore            *store,
                                                        gint64              review_id,
                                                        gint64              agency_id,
                                                        GError            **error);
GPtrArray           *cw_chronology_list_overdue_returns (CwStore           *store,
                                                        gint64              review_id,
                                                        const GDate        *today,
                                                        GError            **error);
CwStore             *cw_chronology_model_get_store     (CwChronologyModel  *self);

/* Export (cw-chronology-export.c) */
gboolean             cw_chronology_export_csv          (CwChronologyModel  *model,
                                                        GOutputStream      *out,
                                                        GCancellable       *cancellable,
                                                        GError            **error);
gboolean             cw_chronology_export_json         (CwChronologyModel  *model,
                                                        GOutputStream      *out,
                                                        GCancellable       *cancellable,
                                                        GError            **error);

gboolean             cw_chronology_export_to_file      (CwChronologyModel  *model,
                                                        const char         *path,
                                                        gboolean            json,
                                                        GCancellable       *cancellable,
                                                        GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwChronologyFilter, cw_chronology_filter_clear)

G_END_DECLS
