/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-privacy.h"

G_DEFINE_QUARK (cw-privacy-error-quark, cw_privacy_error)

/* "Health visitor" as "Health Visitor", the way a pseudonym is written;
 * no role is "Practitioner". */
static char *
role_as_pseudonym (const char *role)
{
  g_autofree char *stripped = g_strstrip (g_strdup (role != NULL ? role : ""));
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  if (*stripped == '\0')
    {
      g_string_free (out, TRUE);
      return g_strdup (_("Practitioner"));
    }
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, word_start ? g_unichar_totitle (c) : c);
      word_start = g_unichar_isspace (c) || c == '-';
    }
  return g_string_free (out, FALSE);
}

/* A practitioner's name without the title before it ("Dr", "PC"), which is
 * not a name and which many share. */
static const char *
without_titles (const char *name)
{
  static const char *const titles[] = {
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "pc", "dc", "ds", "di", "dci",
    "sgt", "ps", "insp", "nurse", "sister", "cllr", "rev", "sir", "dame",
  };
  const char *p = name;

  while (p != NULL && *p != '\0')
    {
      const char *end = p;
      gboolean title = FALSE;

      while (*end != '\0' && *end != ' ' && *end != '.')
        end++;
      for (guint i = 0; i < G_N_ELEMENTS (titles) && !title; i++)
        title = strlen (titles[i]) == (gsize) (end - p)
                && g_ascii_strncasecmp (p, titles[i], end - p) == 0;
      if (!title || *end == '\0')
        break;
      p = end;
      while (*p == '.' || *p == ' ')
        p++;
    }
  return p;
}

/* The practitioners of the case group, named by their role as the family
 * are by theirs: "Health Visitor 1", "Health Visitor 2", "GP 1", in the
 * order they were added. Their ids are minus their member ids, apart from
 * the people register's. */
static gboolean
add_practitioners (CwRedactor  *self,
                   CwStore     *store,
                   gint64       review_id,
                   GError     **error)
{
  g_autoptr (GListModel) members = cw_store_list (store, &cw_entity_member, review_id, error);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr (CwRecord) member = g_list_model_get_item (members, i);
      g_autofree char *role = NULL;
      g_autofree char *key = NULL;
      g_autofree char *pseudonym = NULL;
      guint n;

      if (g_strcmp0 (cw_record_get (member, "group_kind"), "case") != 0
          || cw_record_get (member, "name") == NULL)
        continue;
      role = role_as_pseudonym (cw_record_get (member, "role"));
      key = g_utf8_casefold (role, -1);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (n));
      /* Translators: a practitioner's pseudonym: their role and a number, "GP 1" */
      pseudonym = g_strdup_printf (_("%s %u"), role, n);
      cw_redactor_add_person (self, -cw_record_get_id (member), pseudonym,
                              without_titles (cw_record_get (member, "name")), NULL, NULL);
    }
  return TRUE;
}

/**
 * cw_redactor_new_for_review:
 *
 * Returns: (transfer full) (nullable): a redactor of the real names and
 *   dates of birth of the review's people register, and of the names of
 *   the practitioners in its case group (by role: "Health Visitor 1");
 *   %NULL when the register cannot be read
 */
CwRedactor *
cw_redactor_new_for_review (CwStore  *store,
                            gint64    review_id,
                            GError  **error)
{
  g_autoptr (GListModel) people = NULL;
  CwRedactor *self;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if ((people = cw_store_list (store, &cw_entity_person, review_id, error)) == NULL)
    return NULL;
  self = cw_redactor_new ();
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (CwRecord) person = g_list_model_get_item (people, i);

      cw_redactor_add_person (self, cw_record_get_id (person),
                              cw_record_get (person, "pseudonym"),
                              cw_record_get (person, "real_name"),
                              cw_record_get (person, "date_of_birth"),
                              cw_record_get (person, "role"));
    }
  if (!add_practitioners (self, store, review_id, error))
    {
      cw_redactor_unref (self);
      return NULL;
    }
  return self;
}

/* Fields read by everyone who sees the review, and published: pseudonyms
 * only. */
static const struct
{
  const CwEntity *entity;
  const char     *field;
} name_free_fields[] = {
  { &cw_entity_review, "title" },
  { &cw_entity_review, "subject_pseudonym" },
  { &cw_entity_referral, "rationale" },
};

/**
 * cw_privacy_is_name_free:
 *
 * Returns: whether @field of @entity must never hold a real name
 */
gboolean
cw_privacy_is_name_free (const CwEntity *entity,
                         const char     *field)
{
  g_return_val_if_fail (entity != NULL && field != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (name_free_fields); i++)
    if (name_free_fields[i].entity == entity && g_str_equal (name_free_fields[i].field, field))
      return TRUE;
  return FALSE;
}

/**
 * cw_privacy_check_name_free:
 * @review_id: the review whose people register counts
 * @what: (nullable): how the message names the field, e.g. "--title";
 *   %NULL for its label
 * @value: (nullable): what @field would hold
 *
 * Checks a value of a field that must never hold a real name. The message
 * names the field and whose name it is by pseudonym, never the name.
 *
 * Returns: %FALSE with %CW_PRIVACY_ERROR_REAL_NAME when @value holds a
 *   real name, or a part of one, of the review's people register
 */
gboolean
cw_privacy_check_name_free (CwStore         *store,
                            gint64           review_id,
                            const CwEntity  *entity,
                            const char      *field,
                            const char      *what,
                            const char      *value,
                            GError         **error)
{
  g_autoptr (CwRedactor) redactor = NULL;
  const char *who;
  gboolean shared;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (entity != NULL && field != NULL, FALSE);

  if (value == NULL || *value == '\0' || !cw_privacy_is_name_free (entity, field))
    return TRUE;
  if ((redactor = cw_redactor_new_for_review (store, review_id, error)) == NULL)
    return FALSE;
  if (!cw_redactor_find_real_name (redactor, value, &who, &shared))
    return TRUE;
  if (what == NULL)
    what = _(cw_entity_find_field (entity, field)->label);
  if (shared)
    /* Translators: a field, then pseudonyms, e.g. "Child A, Mother" */
    g_set_error (error, CW_PRIVACY_ERROR, CW_PRIVACY_ERROR_REAL_NAME,
                 _("%s holds a name from the people register that %s share; write pseudonyms "
                   "only"), what, who);
  else
    /* Translators: a field, then a pseudonym, e.g. "Child A" */
    g_set_error (error, CW_PRIVACY_ERROR, CW_PRIVACY_ERROR_REAL_NAME,
                 _("%s holds the real name of %s from the people register; write the pseudonym "
                   "instead"), what, who);
  return FALSE;
}

/**
 * cw_privacy_record_warning:
 * @record_id: the record of @entity being edited
 * @value: (nullable): what the user typed in @field
 *
 * Returns: (transfer full) (nullable): what to say under @field when it
 *   must never hold a real name and @value holds one; %NULL otherwise
 */
char *
cw_privacy_record_warning (CwStore        *store,
                           const CwEntity *entity,
                           gint64          record_id,
                           const char     *field,
                           const char     *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) record = NULL;
  gint64 review_id;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (entity != NULL && field != NULL, NULL);

  if (value == NULL || *value == '\0' || !cw_privacy_is_name_free (entity, field))
    return NULL;
  if (entity == &cw_entity_review)
    review_id = record_id;
  else if ((record = cw_store_get (store, entity, record_id, NULL)) != NULL)
    review_id = cw_record_get_review_id (record);
  else
    return NULL;
  if (cw_privacy_check_name_free (store, review_id, entity, field, NULL, value, &error))
    return NULL;
  return g_strdup (error->message);
}
