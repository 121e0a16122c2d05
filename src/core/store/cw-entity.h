/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cw-date.h"

G_BEGIN_DECLS

typedef enum
{
  CW_FIELD_TEXT,      /* one line */
  CW_FIELD_LONG_TEXT, /* paragraphs */
  CW_FIELD_DATE,      /* stored as YYYY-MM-DD, entered day-first */
  CW_FIELD_CHOICE,    /* one id of a fixed list */
  CW_FIELD_FLAGS,     /* several ids of a fixed list, comma-separated */
  CW_FIELD_REF,       /* the key of a row of another entity */
  CW_FIELD_INT,
  CW_FIELD_CHRONO_DATE, /* a chronology date with its precision: cw-chrono-date.h */
} CwFieldType;

typedef enum
{
  CW_FIELD_REQUIRED = 1 << 0,
  CW_FIELD_PRIVATE = 1 << 1,  /* a real name or date of birth: never logged, never published */
  CW_FIELD_READONLY = 1 << 2, /* set by the core, not by forms */
  CW_FIELD_HIDDEN = 1 << 3,   /* not shown in generic forms */
} CwFieldFlags;

typedef struct
{
  const char *id;
  const char *label; /* translatable, marked with N_() */
} CwChoice;

typedef struct _CwEntity CwEntity;

typedef struct
{
  const char     *name;  /* column name */
  const char     *label; /* N_() */
  CwFieldType     type;
  CwFieldFlags    flags;
  const CwChoice *choices; /* CHOICE and FLAGS: terminated by an entry with id NULL */
  const CwEntity *ref;     /* REF: the entity referred to */
  const char     *hint;    /* N_(), shown under the field; may be NULL */
} CwField;

struct _CwEntity
{
  const char    *table;
  const char    *label;        /* N_(), singular */
  const char    *label_plural; /* N_() */
  const CwField *fields;
  guint          n_fields;
  gboolean       per_review;   /* has a review_id column */
  const char    *key_column;   /* what REF fields store: "id" or "slug" */
  const char    *label_field;  /* what describes a row in one line */
  const char    *order_by;     /* SQL ORDER BY of lists, over the alias t */
  const char    *bulk_column;  /* nullable: rows with this column set arrive in bulk (an
                                * import) and are audited once for the batch, not per field */
};

extern const CwEntity cw_entity_review;
extern const CwEntity cw_entity_review_kind;
extern const CwEntity cw_entity_person;
extern const CwEntity cw_entity_agency;
extern const CwEntity cw_entity_review_agency;
extern const CwEntity cw_entity_member;
extern const CwEntity cw_entity_referral;
extern const CwEntity cw_entity_tor_item;
extern const CwEntity cw_entity_profile;
extern const CwEntity cw_entity_deadline_rule;
extern const CwEntity cw_entity_agency_return;
extern const CwEntity cw_entity_chronology_entry;
extern const CwEntity cw_entity_period;

extern const CwChoice cw_phases[];
extern const CwChoice cw_methodologies[];
extern const CwChoice cw_key_dates[];
extern const CwChoice cw_referral_grounds[];
extern const CwChoice cw_decisions[];
extern const CwChoice cw_member_groups[];
extern const CwChoice cw_tor_kinds[];
extern const CwChoice cw_agency_sectors[];
extern const CwChoice cw_nations[];
extern const CwChoice cw_deadline_units[];
extern const CwChoice cw_return_statuses[];
extern const CwChoice cw_significances[];
extern const CwChoice cw_period_kinds[];

const CwEntity *const *cw_entities_all    (void);
const CwEntity *cw_entity_lookup          (const char     *table);
const CwField  *cw_entity_find_field      (const CwEntity *entity,
                                           const char     *name);
const char     *cw_choice_label           (const CwChoice *choices,
                                           const char     *id);
gboolean        cw_choice_contains        (const CwChoice *choices,
                                           const char     *id);
char           *cw_key_date_column        (const char     *key_date);
gboolean        cw_field_normalize        (const CwField  *field,
                                           const char     *value,
                                           char          **normalized,
                                           GError        **error);
char           *cw_field_format           (const CwField  *field,
                                           const char     *value);

G_END_DECLS
