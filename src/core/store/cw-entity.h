/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cw-date.h"

G_BEGIN_DECLS

struct sqlite3;
struct _CwStore;
struct _CwRecord;

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
  CW_FIELD_CASCADE = 1 << 4,  /* REF: the row goes with the row it names; it does not keep that
                               * row from being deleted, and readers leave it out while that
                               * row is deleted (an episode's link to an entry) */
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
  const CwEntity *ref;     /* REF: the entity referred to, which the row joins */
  const char     *hint;    /* N_(), shown under the field; may be NULL */
  const char     *part;    /* nullable: the part of a form that shows it, e.g. "decision" */
} CwField;

/**
 * CwEntityValidateFunc:
 * @store: the store the row is written to
 * @entity: the entity
 * @row: the row as it would be after the change, its values normalised
 *   (for an insert, its id is 0)
 * @changed: (nullable): the field an update changes; %NULL for an insert
 * @error: a %CW_STORE_ERROR_INVALID naming the field, on a broken rule
 *
 * A rule that involves more than one field of a row, checked on insert and
 * on update alike (a period ends after it starts).
 *
 * Returns: whether the row may be written
 */
typedef gboolean (*CwEntityValidateFunc) (struct _CwStore  *store,
                                          const CwEntity   *entity,
                                          struct _CwRecord *row,
                                          const CwField    *changed,
                                          GError          **error);

/**
 * CwEntityDescribeFunc:
 * @store: the store
 * @entity: the entity
 * @row_id: the row the value belongs (or belonged) to
 * @field: the field
 * @value: (nullable): a stored value, as the history holds it
 *
 * Says what a value means to a person when the generic wording would not
 * (a link group by the reports it joins).
 *
 * Returns: (transfer full) (nullable): the words, or %NULL for the generic
 *   wording (a reference by the label of the row it names, a choice by its
 *   label, a date as 3 Apr 2021)
 */
typedef char *(*CwEntityDescribeFunc) (struct _CwStore *store,
                                       const CwEntity  *entity,
                                       gint64           row_id,
                                       const CwField   *field,
                                       const char      *value);

/**
 * CwEntityFollowFunc:
 * @store: the store the row was written to
 * @entity: the entity
 * @row: the row as written
 * @changed: (nullable): the field an update changed; %NULL after an insert
 * @error: why what follows could not be written
 *
 * Keeps other rows in step with a change, in the same transaction: when it
 * fails, the change is undone too (a review's decision date follows the
 * decision recorded in its referral).
 *
 * Returns: whether what follows was written
 */
typedef gboolean (*CwEntityFollowFunc) (struct _CwStore  *store,
                                        const CwEntity   *entity,
                                        struct _CwRecord *row,
                                        const CwField    *changed,
                                        GError          **error);

/* What the store, forms and the history know of one table. A domain
 * describes its entities and hands them to the store (CwDomain); the store
 * builds SQL, audit triggers and checks from these descriptions alone. */
struct _CwEntity
{
  const char    *table;
  const char    *label;        /* N_(), singular */
  const char    *label_plural; /* N_() */
  const CwField *fields;
  guint          n_fields;
  const CwEntity *parent;      /* nullable: the entity each row belongs to (a review), named
                                * by the column <parent table>_id; its rows go with the
                                * parent's, and the history of a parent row lists them */
  const char    *key_column;   /* what REF fields store: "id" or "slug" */
  const char    *label_field;  /* what describes a row in one line */
  const char    *order_by;     /* the ordering of lists: SQL ORDER BY over the alias t */
  const char    *bulk_column;  /* nullable: rows with this column set arrive in bulk (an
                                * import) and are audited once for the batch, not per field */
  const char    *bulk_table;   /* nullable: the table a batch is recorded in, whose rows the
                                * audit trail names for it (an import) */
  const char    *bulk_label;   /* N_(): the history's line for such a batch */
  const char    *name_column;  /* nullable: the column that names a row in the history,
                                * deleted or not ("Changed chronology entry CAD 100") */
  const char *const *list_fields; /* nullable, NULL-terminated: what a table of rows shows */
  CwEntityValidateFunc validate;  /* nullable */
  CwEntityDescribeFunc describe_value; /* nullable */
  CwEntityFollowFunc follow;      /* nullable */
};

/**
 * CwDomain:
 * @name: e.g. "register"
 * @entities: (array zero-terminated=1): the entities the domain owns
 * @register_sql: (nullable): gives each new connection the SQL functions
 *   the domain's triggers and queries call
 *
 * A part of the domain as the store sees it. The store knows none by
 * name: cw_core_init() (src/core/cw-core.c) hands every domain to it with
 * cw_store_add_domain(), and a store refuses to open before that.
 */
typedef struct
{
  const char             *name;
  const CwEntity *const  *entities;
  void                  (*register_sql) (struct sqlite3 *db);
} CwDomain;

void            cw_store_add_domain       (const CwDomain *domain);
gboolean        cw_store_has_domains      (void);
const CwEntity *const *cw_entities_all    (void);
const CwEntity *cw_entity_lookup          (const char     *table);
const CwEntity *cw_entity_lookup_bulk     (const char     *bulk_table);
const CwField  *cw_entity_find_field      (const CwEntity *entity,
                                           const char     *name);
const char     *cw_choice_label           (const CwChoice *choices,
                                           const char     *id);
gboolean        cw_choice_contains        (const CwChoice *choices,
                                           const char     *id);
gboolean        cw_field_normalize        (const CwField  *field,
                                           const char     *value,
                                           char          **normalized,
                                           GError        **error);
char           *cw_field_format           (const CwField  *field,
                                           const char     *value);

G_END_DECLS
