/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cw-chrono-date.h"
#include "cw-xlsx-writer.h" /* cw_column_letters(), which problems name columns by */

G_BEGIN_DECLS

/* Which column of an agency's chronology return holds which field of an
 * entry, and one row of the return turned into an entry or into problems. */

#define CW_CHRONO_MAPPING_ERROR (cw_chrono_mapping_error_quark ())

typedef enum /*< skip >*/
{
  CW_CHRONO_MAPPING_ERROR_UNMATCHED, /* a field every entry needs has no column */
} CwChronoMappingError;

typedef enum
{
  CW_CHRONO_FIELD_NONE, /* a column that is not imported */
  CW_CHRONO_FIELD_DATE,
  CW_CHRONO_FIELD_TIME,
  CW_CHRONO_FIELD_END_DATE, /*< nick=end_date >*/
  CW_CHRONO_FIELD_SEQUENCE,
  CW_CHRONO_FIELD_AGENCY,
  CW_CHRONO_FIELD_AUTHOR,
  CW_CHRONO_FIELD_SOURCE,
  CW_CHRONO_FIELD_DESCRIPTION,
  CW_CHRONO_FIELD_ACTION,
  CW_CHRONO_FIELD_RATIONALE,
  CW_CHRONO_FIELD_OUTCOME,
  CW_CHRONO_FIELD_IMPACT,
  CW_CHRONO_FIELD_SIGNIFICANCE,
  CW_CHRONO_FIELD_TAGS,
  CW_CHRONO_N_FIELDS /*< skip >*/
} CwChronoField;

typedef enum
{
  CW_CHRONO_SIGNIFICANCE_ROUTINE, /* also when the return leaves it blank */
  CW_CHRONO_SIGNIFICANCE_SIGNIFICANT,
  CW_CHRONO_SIGNIFICANCE_KEY,
} CwChronoSignificance;

typedef enum
{
  CW_IMPORT_PROBLEM_ERROR,   /* the row is not imported */
  CW_IMPORT_PROBLEM_WARNING, /* the row is imported, but something in it is not */
} CwImportProblemSeverity;

typedef struct
{
  guint                   row;         /* as the spreadsheet numbers it, from 1 */
  guint                   column;      /* from 1 (A); 0 for the whole row */
  CwImportProblemSeverity severity;
  char                   *field_label; /* nullable: the field's label, translated */
  char                   *message;     /* a sentence a person can act on */
} CwImportProblem;

/* One entry as the return gives it; every string is trimmed, and %NULL when
 * the cell is empty or has no column. */
typedef struct
{
  CwChronoDate         start;       /* with the time, from its own column or the date's */
  gboolean             has_end;
  CwChronoDate         end;
  gboolean             has_sequence;
  guint                sequence;    /* orders events on the same day */
  char                *agency;
  char                *author;      /* the author or their role */
  char                *source;      /* the record reference: never %NULL */
  char                *description; /* never %NULL */
  char                *action;      /* the decision or action taken */
  char                *rationale;
  char                *outcome;
  char                *impact;      /* on the child */
  CwChronoSignificance significance;
  GStrv                tags;        /* never %NULL; may be empty */
  guint                row;         /* where it came from, for provenance */
  gboolean             borrowed;    /* the strings above live in a GStringChunk */
} CwChronoRow;

typedef struct _CwChronoMapping CwChronoMapping;

GQuark               cw_chrono_mapping_error_quark      (void);

const char          *cw_chrono_field_id                 (CwChronoField         field);
gboolean             cw_chrono_field_from_id            (const char           *id,
                                                         CwChronoField        *out);
const char          *cw_chrono_field_label              (CwChronoField         field);
gboolean             cw_chrono_field_is_required        (CwChronoField         field);
CwChronoField        cw_chrono_field_from_header        (const char           *header);

const char          *cw_chrono_significance_id          (CwChronoSignificance  significance);
gboolean             cw_chrono_significance_from_text   (const char           *text,
                                                         gboolean              yes_means_key,
                                                         CwChronoSignificance *out);
GStrv                cw_chrono_tags_from_text           (const char           *text);

CwChronoMapping     *cw_chrono_mapping_new_from_headers (const char * const   *headers,
                                                         guint                 n_columns);
CwChronoMapping     *cw_chrono_mapping_new_from_string  (const char           *saved,
                                                         const char * const   *headers,
                                                         guint                 n_columns);
void                 cw_chrono_mapping_free             (CwChronoMapping      *self);
guint                cw_chrono_mapping_get_n_columns    (CwChronoMapping      *self);
const char          *cw_chrono_mapping_get_header       (CwChronoMapping      *self,
                                                         guint                 column);
CwChronoField        cw_chrono_mapping_get              (CwChronoMapping      *self,
                                                         guint                 column);
void                 cw_chrono_mapping_set              (CwChronoMapping      *self,
                                                         guint                 column,
                                                         CwChronoField         field);
gboolean             cw_chrono_mapping_find             (CwChronoMapping      *self,
                                                         CwChronoField         field,
                                                         guint                *column);
const char * const  *cw_chrono_mapping_get_notes        (CwChronoMapping      *self);
gboolean             cw_chrono_mapping_check            (CwChronoMapping      *self,
                                                         GError              **error);
char                *cw_chrono_mapping_to_string        (CwChronoMapping      *self);

gboolean             cw_chrono_row_from_record          (CwChronoMapping      *mapping,
                                                         const GPtrArray      *fields,
                                                         guint                 row,
                                                         CwDateOrder           order,
                                                         CwChronoRow          *out,
                                                         GPtrArray            *problems,
                                                         gboolean             *skipped);
gboolean             cw_chrono_row_read                 (CwChronoMapping      *mapping,
                                                         const GPtrArray      *fields,
                                                         guint                 row,
                                                         CwDateOrder           order,
                                                         GStringChunk         *text,
                                                         CwChronoRow          *out,
                                                         GPtrArray            *problems,
                                                         gboolean             *skipped);
void                 cw_chrono_row_clear                (CwChronoRow          *row);

GPtrArray           *cw_import_problems_new             (void);
void                 cw_import_problem_free             (CwImportProblem      *problem);
char                *cw_import_problem_format           (const CwImportProblem *problem,
                                                         const char           *file_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwChronoMapping, cw_chrono_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportProblem, cw_import_problem_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwChronoRow, cw_chrono_row_clear)

G_END_DECLS
