/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What makes a text identify someone, found and taken out: the real names
 * of a review's people register (whole, first names, surnames, possessive
 * and plural, in any case, with or without accents, in any Unicode form and
 * with invisible characters inside) and their dates of birth in any common
 * written form, and UK postcodes, NHS numbers, UK phone numbers and email
 * addresses. Built once per review; every output that can leave the
 * machine goes through it (the timeline, chronology exports and lists,
 * reports), and the publication check uses its finding alone. */

typedef enum
{
  CW_REDACT_NAME,          /* a real name of the register, or a part of one */
  CW_REDACT_DATE_OF_BIRTH, /* the date of birth of a person in the register */
  CW_REDACT_POSTCODE,
  CW_REDACT_NHS_NUMBER,    /* ten digits with a valid modulus 11 check digit */
  CW_REDACT_PHONE,         /* a UK phone number */
  CW_REDACT_EMAIL,
  CW_REDACT_TERM,          /* a word or phrase given with cw_redactor_add_term() */
} CwRedactKind;

/* One thing found: where it is in the text searched, and what it is. */
typedef struct
{
  CwRedactKind kind;
  gsize        offset;      /* bytes into the text searched */
  gsize        length;      /* bytes */
  char        *match;       /* the text found, as written there */
  gint64       person_id;   /* the person it identifies; 0 for none or for several */
  const char  *who;         /* (nullable): their pseudonyms ("Child A"; "Child A, Mother"
                             * for a surname they share); owned by the redactor */
  char        *replacement; /* what a redacted text has instead */
} CwRedactHit;

typedef struct _CwRedactor CwRedactor;

CwRedactor  *cw_redactor_new              (void);
CwRedactor  *cw_redactor_ref              (CwRedactor   *self);
void         cw_redactor_unref            (CwRedactor   *self);
void         cw_redactor_add_person       (CwRedactor   *self,
                                           gint64        id,
                                           const char   *pseudonym,
                                           const char   *real_name,
                                           const char   *date_of_birth,
                                           const char   *role);
void         cw_redactor_add_term         (CwRedactor   *self,
                                           const char   *term,
                                           const char   *replacement);
guint        cw_redactor_get_n_people     (CwRedactor   *self);

GArray      *cw_redactor_find             (CwRedactor   *self,
                                           const char   *text);
char        *cw_redactor_redact           (CwRedactor   *self,
                                           const char   *text);
gboolean     cw_redactor_find_real_name   (CwRedactor   *self,
                                           const char   *text,
                                           const char  **who,
                                           gboolean     *shared);
gboolean     cw_redactor_is_date_of_birth (CwRedactor   *self,
                                           const GDate  *date,
                                           const char  **who);
const char  *cw_redact_kind_label         (CwRedactKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRedactor, cw_redactor_unref)

G_END_DECLS
