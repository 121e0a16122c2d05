/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-date.h"
#include "cw-redactor.h"

G_BEGIN_DECLS

/* Shared by the redactor's files: a person of the register, text folded
 * for searching with where each byte came from, and a hit in folded text. */

typedef struct
{
  gint64  id;
  char   *pseudonym; /* or the role, when there is no pseudonym */
  GDate   birth; /* cleared when not known */
} CwRedactPerson;

typedef struct _CwRedactName CwRedactName; /* cw-redactor.c */

/* Where a folded byte came from: its original character's bytes. */
typedef struct
{
  gsize start;
  gsize end;
} CwFoldSpan;

typedef struct
{
  GString *text;
  GArray  *from; /* (nullable): a CwFoldSpan per byte of text */
} CwFolded;

typedef struct
{
  CwRedactKind          kind;
  gsize                 start;  /* folded bytes */
  gsize                 end;
  gsize                 suffix; /* where a name's ending starts; == end for none */
  const CwRedactName   *name;   /* a name's or a term's */
  const CwRedactPerson *person; /* a date of birth's */
} CwRedactRaw;

/* Whole words only: not inside "Lincoln" nor "Wuhan". */
#define NOT_AFTER_WORD  "(?<![\\p{L}\\p{N}])"
#define NOT_BEFORE_WORD "(?![\\p{L}\\p{N}])"

/* cw-redactor-fold.c */
void                  cw_fold_text            (const char           *text,
                                               CwFolded             *folded);
char                 *cw_fold_plain           (const char           *text);

/* cw-redactor-patterns.c */
void                  cw_redact_raw_add       (GArray               *raws,
                                               CwRedactKind          kind,
                                               GMatchInfo           *info,
                                               const CwRedactName   *name,
                                               const CwRedactPerson *person);
const CwRedactPerson *cw_redact_born_on       (GPtrArray            *people,
                                               int                   day,
                                               int                   month,
                                               int                   year,
                                               gboolean              two_digit_year);
void                  cw_redact_find_patterns (GPtrArray            *people,
                                               const char           *folded,
                                               GArray               *raws);

G_END_DECLS
