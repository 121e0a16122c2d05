/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-chronology"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-clock.h"
#include "cw-chronology-private.h"

/* The chronology's rules that the database keeps: derived day ranges,
 * search, links between reports of one happening, and agency returns. */

/* SQL functions */

static gboolean
date_arg (sqlite3_value *value,
          CwChronoDate  *date)
{
  const char *iso = (const char *) sqlite3_value_text (value);

  return iso != NULL && cw_chrono_date_from_iso (iso, date);
}

static void
sql_sort_key (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  CwChronoDate date;

  if (!date_arg (argv[0], &date))
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, cw_chrono_date_sort_key (&date), -1, g_free);
}

static void
result_day (sqlite3_context *context,
            const GDate     *day)
{
  sqlite3_result_text (context, cw_date_format_iso (day), -1, g_free);
}

static void
sql_range_first (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  CwChronoDate date;
  GDate first, last;

  if (!date_arg (argv[0], &date))
    {
      sqlite3_result_null (context);
      return;
    }
  cw_chrono_date_range (&date, &first, &last);
  result_day (context, &first);
}

/* The last day of the start's range, or of the end's when there is one. */
static void
sql_range_last (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  CwChronoDate start, end;
  GDate first, last, end_first, end_last;

  if (!date_arg (argv[0], &start))
    {
      sqlite3_result_null (context);
      return;
    }
  cw_chrono_date_range (&start, &first, &last);
  if (date_arg (argv[1], &end))
    {
      cw_chrono_date_range (&end, &end_first, &end_last);
      if (g_date_compare (&end_last, &last) > 0)
        last = end_last;
    }
  result_day (context, &last);
}

/* Whether "a; b; c" has the tag, whatever its case. */
static void
sql_has_tag (sqlite3_context *context,
             int              argc,
             sqlite3_value  **argv)
{
  const char *tags = (const char *) sqlite3_value_text (argv[0]);
  const char *tag = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *wanted = NULL;
  g_auto (GStrv) parts = NULL;
  gboolean found = FALSE;

  if (tags != NULL && tag != NULL)
    {
      wanted = g_utf8_casefold (tag, -1);
      parts = cw_chrono_tags_from_text (tags);
      for (guint i = 0; parts[i] != NULL && !found; i++)
        {
          g_autofree char *folded = g_utf8_casefold (parts[i], -1);
          found = g_str_equal (folded, g_strstrip (wanted));
        }
    }
  sqlite3_result_int (context, found);
}

/**
 * cw_chronology_register_sql:
 *
 * Gives the connection the functions the chronology's triggers and
 * queries call. Without them the database refuses to change an entry's
 * dates, so another program cannot leave the derived ranges wrong.
 */
void
cw_chronology_register_sql (sqlite3 *db)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function_v2 (db, "cw_chrono_sort_key", 1, flags, NULL, sql_sort_key, NULL,
                              NULL, NULL);
  sqlite3_create_function_v2 (db, "cw_chrono_range_first", 1, flags, NULL, sql_range_first,
                              NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "cw_chrono_range_last", 2, flags, NULL, sql_range_last, NULL,
                              NULL, NULL);
  sqlite3_create_function_v2 (db, "cw_chrono_has_tag", 2, flags, NULL, sql_has_tag, NULL, NULL,
                              NULL);
}

/* Filters and search */

void
cw_chronology_filter_clear (CwChronologyFilter *filter)
{
  g_clear_pointer (&filter->agency_ids, g_array_unref);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  g_clear_pointer (&filter->text, g_free);
  g_clear_pointer (&filter->tag, g_free);
  filter->significances = 0;
}

gboolean
cw_chronology_filter_is_empty (const CwChronologyFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->agency_ids == NULL && filter->significances == 0 && filter->from == NULL
         && filter->to == NULL && (filter->text == NULL || *filter->text == '\0')
         && (filter->tag == NULL || *filter->tag == '\0');
}

/**
 * cw_chronology_search_query:
 * @text: what a person typed: "hospital burn"
 *
 * Every word must be in the entry, as the start of a word there, so
 * "hosp" finds "hospital". FTS5's own syntax is quoted away: a search
 * for "NOT" or "a*b" looks for those letters.
 *
 * Returns: (transfer full) (nullable): an FTS5 query, %NULL when @text
 *   has no letters or digits to look for
 */
char *
cw_chronology_search_query (const char *text)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  for (p = valid; *p != '\0';)
    {
      g_autoptr (GString) word = g_string_new (NULL);

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (word, p, next - p);
          p = next;
        }
      if (word->len > 0)
        g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/**
 * cw_chronology_search_check:
 * @text: what a person typed to search for
 *
 * The search finds words and the starts of words, nothing else: "*" or "("
 * alone would find every entry, which is never what was meant. Blank text
 * is no search at all and is accepted.
 *
 * Returns: whether @text can be searched for; if not, a
 *   #CW_STORE_ERROR_INVALID saying why
 */
gboolean
cw_chronology_search_check (const char  *text,
                            GError     **error)
{
  g_autofree char *query = NULL;
  g_autofree char *blank = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if ((query = cw_chronology_search_query (text)) != NULL)
    return TRUE;
  blank = g_strstrip (g_utf8_make_valid (text, -1));
  if (*blank == '\0')
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("Search: “%s” has no letters or digits to look for; the search finds words "
                 "and the starts of words (hosp finds hospital), without wildcards or "
                 "operators"), blank);
  return FALSE;
}

/* The review's settings */

/**
 * cw_chronology_get_gap_days:
 *
 * Returns: how many days without any agency contact the review shows as a
 *   gap; %CW_CHRONOLOGY_DEFAULT_GAP_DAYS unless changed
 */
guint
cw_chronology_get_gap_days (CwStore *store,
                            gint64   review_id)
{
  sqlite3_stmt *stmt;
  guint days = CW_CHRONOLOGY_DEFAULT_GAP_DAYS;

  g_return_val_if_fail (CW_IS_STORE (store), days);

  stmt = cw_store_prepare (store, "SELECT gap_days FROM review WHERE id = ?", NULL);
  if (stmt == NULL)
    return days;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
      && sqlite3_column_int (stmt, 0) > 0)
    days = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return days;
}

gboolean
cw_chronology_set_gap_days (CwStore  *store,
                            gint64    review_id,
                            guint     days,
                            GError  **error)
{
  g_autofree char *text = g_strdup_printf ("%u", days);

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  if (days < 1 || days > 3650)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("A gap in contact must be from 1 to 3,650 days, not %u"), days);
      return FALSE;
    }
  return cw_store_update (store, &cw_entity_review, review_id, "gap_days", text, error);
}

guint
cw_chronology_count_entries (CwStore *store,
                             gint64   review_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  stmt = cw_store_prepare (store, "SELECT count(*) FROM chronology_entry"
                                  " WHERE review_id = ? AND deleted = 0", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * cw_chronology_count_imported:
 *
 * Returns: how many entries the agency's return for the review brought in
 *   earlier imports, which importing it again replaces
 */
guint
cw_chronology_count_imported (CwStore *store,
                              gint64   review_id,
                              gint64   agency_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  stmt = cw_store_prepare (store, "SELECT count (*) FROM chronology_entry e"
                                  " JOIN chronology_import i ON i.id = e.import_id"
                                  " JOIN agency_return r ON r.id = i.return_id"
                                  " WHERE r.review_id = ? AND r.agency_id = ? AND e.deleted = 0",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Changes to several entries at once: all of them or none */

typedef gboolean (*EntryChange) (CwStore  *store,
                                 gint64    id,
                                 gpointer  data,
                                 GError  **error);

static gboolean
change_entries (CwStore      *store,
                const GArray *entry_ids,
                EntryChange   change,
                gpointer      data,
                GError      **error)
{
  g_autoptr (CwTransaction) tx = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry_ids != NULL, FALSE);

  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < entry_ids->len; i++)
    if (!change (store, g_array_index (entry_ids, gint64, i), data, error))
      return FALSE;
  return cw_transaction_commit (tx, error);
}

static gboolean
set_significance (CwStore  *store,
                  gint64    id,
                  gpointer  data,
                  GError  **error)
{
  return cw_store_update (store, &cw_entity_chronology_entry, id, "significance", data, error);
}

gboolean
cw_chronology_set_significance (CwStore              *store,
                                const GArray         *entry_ids,
                                CwChronoSignificance  significance,
                                GError              **error)
{
  return change_entries (store, entry_ids, set_significance,
                         (gpointer) cw_chrono_significance_id (significance), error);
}

static gboolean
add_tag (CwStore  *store,
         gint64    id,
         gpointer  data,
         GError  **error)
{
  const char *tag = data;
  g_autoptr (CwRecord) entry = cw_store_get (store, &cw_entity_chronology_entry, id, error);
  g_auto (GStrv) tags = NULL;
  g_autofree char *joined = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (entry == NULL)
    return FALSE;
  tags = cw_chrono_tags_from_text (cw_record_get (entry, "tags") ?: "");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (g_utf8_collate (tags[i], tag) == 0)
        return TRUE;
      g_strv_builder_add (builder, tags[i]);
    }
  g_strv_builder_add (builder, tag);
  g_strfreev (tags);
  tags = g_strv_builder_end (builder);
  joined = g_strjoinv ("; ", tags);
  return cw_store_update (store, &cw_entity_chronology_entry, id, "tags", joined, error);
}

gboolean
cw_chronology_add_tag (CwStore      *store,
                       const GArray *entry_ids,
                       const char   *tag,
                       GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (tag != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (tag));
  if (*trimmed == '\0' || strpbrk (trimmed, ";,\n") != NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("A tag is a word or phrase without commas or semicolons"));
      return FALSE;
    }
  return change_entries (store, entry_ids, add_tag, trimmed, error);
}

static gboolean
set_deleted (CwStore  *store,
             gint64    id,
             gpointer  data,
             GError  **error)
{
  return GPOINTER_TO_INT (data)
           ? cw_store_delete (store, &cw_entity_chronology_entry, id, error)
           : cw_store_undelete (store, &cw_entity_chronology_entry, id, error);
}

gboolean
cw_chronology_delete (CwStore      *store,
                      const GArray *entry_ids,
                      GError      **error)
{
  return change_entries (store, entry_ids, set_deleted, GINT_TO_POINTER (TRUE), error);
}

gboolean
cw_chronology_undelete (CwStore      *store,
                        const GArray *entry_ids,
                        GError      **error)
{
  return change_entries (store, entry_ids, set_deleted, GINT_TO_POINTER (FALSE), error);
}

/* Links between reports of one happening */

static gboolean
exec_with_ids (CwStore      *store,
               const char   *sql,
               gint64        value,
               const GArray *entry_ids,
               GError      **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < entry_ids->len; i++)
    {
      if (value != 0)
        sqlite3_bind_int64 (stmt, 1, value);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, g_array_index (entry_ids, gint64, i));
      if (!cw_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cw_chronology_link:
 * @entry_ids: at least two entries of one review, usually from different agencies
 *
 * Marks the entries as reports of one happening, joining any groups they
 * were already in. Every report is kept as the agency wrote it; the change
 * is in each entry's history.
 */
gboolean
cw_chronology_link (CwStore      *store,
                    const GArray *entry_ids,
                    GError      **error)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (CwTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 group = 0;
  int reviews = 0, found = 0;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry_ids != NULL, FALSE);

  for (guint i = 0; i < entry_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (entry_ids, gint64, i));
  /* The group of one of them, else a number no group has had. */
  stmt = cw_store_prepare (store, "SELECT count (DISTINCT review_id), count (*),"
                                  " coalesce (min (link_group), (SELECT coalesce (max (link_group),"
                                  " 0) + 1 FROM chronology_entry)) FROM chronology_entry"
                                  " WHERE deleted = 0 AND id IN (SELECT value FROM json_each ("
                                  "'[' || ? || ']'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      reviews = sqlite3_column_int (stmt, 0);
      found = sqlite3_column_int (stmt, 1);
      group = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (found < 2 || reviews != 1 || found != (int) entry_ids->len)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("Choose two or more entries of this review to link as one happening"));
      return FALSE;
    }
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  /* Whole groups move together: linking one member links its group. */
  if (!exec_with_ids (store, "UPDATE chronology_entry SET link_group = ?1 WHERE link_group = ("
                             "SELECT link_group FROM chronology_entry WHERE id = ?2)",
                      group, entry_ids, error)
      || !exec_with_ids (store, "UPDATE chronology_entry SET link_group = ?1 WHERE id = ?2", group,
                         entry_ids, error))
    return FALSE;
  cw_store_note_change (store, "chronology_entry", 0);
  return cw_transaction_commit (tx, error);
}

/**
 * cw_chronology_unlink:
 *
 * Takes the entries out of their groups; a group left with one report is
 * no group. Recorded in each entry's history.
 */
gboolean
cw_chronology_unlink (CwStore      *store,
                      const GArray *entry_ids,
                      GError      **error)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (CwTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry_ids != NULL, FALSE);

  for (guint i = 0; i < entry_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (entry_ids, gint64, i));
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  /* Only the groups these entries were in: a group left with one report,
   * counting reports deleted but not yet purged, is no group. */
  stmt = cw_store_prepare (store,
    "UPDATE chronology_entry SET link_group = NULL WHERE link_group IN ("
    " SELECT g FROM (SELECT DISTINCT link_group AS g FROM chronology_entry"
    "  WHERE id IN (SELECT value FROM json_each ('[' || ?1 || ']')) AND link_group IS NOT NULL)"
    " WHERE (SELECT count (*) FROM chronology_entry o WHERE o.link_group = g"
    "  AND o.id NOT IN (SELECT value FROM json_each ('[' || ?1 || ']'))) < 2)"
    " OR id IN (SELECT value FROM json_each ('[' || ?1 || ']'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, -1, SQLITE_TRANSIENT);
  if (!cw_store_step_done (store, stmt, error))
    return FALSE;
  cw_store_note_change (store, "chronology_entry", 0);
  return cw_transaction_commit (tx, error);
}

/**
 * cw_chronology_get_source:
 *
 * Returns: (transfer full) (nullable): the entry's record reference, also
 *   for an entry deleted but not yet purged; %NULL for none
 */
char *
cw_chronology_get_source (CwStore *store,
                          gint64   entry_id)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return cw_store_text_for_id (store, "SELECT source FROM chronology_entry WHERE id = ?",
                               entry_id);
}

/**
 * cw_chronology_describe_link:
 * @entry_id: the entry a line of the history is about
 * @link_group: (nullable): its link group then, as the history holds it
 *
 * Says what a link group number means to a reader of the history: the
 * other reports the entry is linked with, by record reference and agency,
 * as they are now.
 *
 * Returns: (transfer full): "With CAD 102 (Northshire Police)"; "Not
 *   linked" for none; "A link since undone" for a group that is no more
 */
char *
cw_chronology_describe_link (CwStore    *store,
                             gint64      entry_id,
                             const char *link_group)
{
  g_autoptr (GString) others = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 group;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (link_group == NULL || (group = g_ascii_strtoll (link_group, NULL, 10)) <= 0)
    return g_strdup (_("Not linked"));
  stmt = cw_store_prepare (store, "SELECT e.source, a.name FROM chronology_entry e"
                                  " JOIN agency a ON a.id = e.agency_id"
                                  " WHERE e.link_group = ? AND e.id != ? AND e.deleted = 0"
                                  " ORDER BY e.sort_key, a.name, e.id", NULL);
  if (stmt == NULL)
    return g_strdup (link_group);
  sqlite3_bind_int64 (stmt, 1, group);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (others, "%s%s (%s)", others->len ? ", " : "",
                            (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (others->len == 0)
    return g_strdup (_("A link since undone"));
  /* TRANSLATORS: the other reports an entry is linked with, e.g. "With CAD 102 (Northshire
   * Police), HV 2 (Northshire Community Health)" */
  return g_strdup_printf (_("With %s"), others->str);
}

/* Agencies and their returns */

/**
 * cw_chronology_find_agency:
 * @name: the agency's name, or enough of it to name only one: "police"
 *
 * Returns: the agency's id, or 0 with a #CW_STORE_ERROR_NOT_FOUND that
 *   lists the agencies when @name names none or several
 */
gint64
cw_chronology_find_agency (CwStore     *store,
                           const char  *name,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *wanted = NULL;
  g_autofree char *trimmed = NULL;
  gint64 exact = 0, partial = 0;
  guint n_partial = 0;

  g_return_val_if_fail (CW_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = g_strstrip (g_strdup (name));
  wanted = g_utf8_casefold (trimmed, -1);
  stmt = cw_store_prepare (store, "SELECT id, name FROM agency WHERE deleted = 0 ORDER BY name",
                           error);
  if (stmt == NULL)
    return 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *agency = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = g_utf8_casefold (agency, -1);

      g_string_append_printf (names, "%s%s", names->len ? "; " : "", agency);
      if (g_str_equal (folded, wanted))
        exact = sqlite3_column_int64 (stmt, 0);
      else if (*wanted != '\0' && strstr (folded, wanted) != NULL && ++n_partial == 1)
        partial = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (exact != 0)
    return exact;
  if (n_partial == 1)
    return partial;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
               n_partial > 1 ? _("“%s” names more than one agency; give more of the name. "
                                 "Agencies: %s")
                             : _("No agency is named “%s”. Agencies: %s"),
               name, names->len ? names->str : _("none yet"));
  return 0;
}

/**
 * cw_chronology_ensure_return:
 *
 * The review's return from the agency, made (as requested) if there is
 * none; the agency is added to the review's agencies if it is not there.
 *
 * Returns: the return's id, or 0 with @error set
 */
gint64
cw_chronology_ensure_return (CwStore  *store,
                             gint64    review_id,
                             gint64    agency_id,
                             GError  **error)
{
  g_autoptr (CwTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean involved = FALSE;
  g_autofree char *agency = g_strdup_printf ("%" G_GINT64_FORMAT, agency_id);
  const char *pairs[] = { "agency_id", agency, "status", "requested", NULL };

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  stmt = cw_store_prepare (store, "SELECT (SELECT id FROM agency_return WHERE review_id = ?1"
                                  " AND agency_id = ?2 AND deleted = 0), EXISTS (SELECT 1 FROM"
                                  " review_agency WHERE review_id = ?1 AND agency_id = ?2"
                                  " AND deleted = 0)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      involved = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (id != 0 && involved)
    return id;
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return 0;
  if ((!involved && cw_store_insert (store, &cw_entity_review_agency, review_id,
                                     (const char *const[]) { "agency_id", agency, NULL },
                                     error) == 0)
      || (id == 0 && (id = cw_store_insert (store, &cw_entity_agency_return, review_id, pairs,
                                            error)) == 0)
      || !cw_transaction_commit (tx, error))
    return 0;
  return id;
}

/**
 * cw_chronology_list_overdue_returns:
 * @review_id: a review, or 0 for every open review
 * @today: the day to count from
 *
 * Returns: (transfer full) (element-type CwRecord): the returns still
 *   awaited after their due date, oldest first; each record also carries
 *   "agency", "reference" and "days_overdue"
 */
GPtrArray *
cw_chronology_list_overdue_returns (CwStore     *store,
                                    gint64       review_id,
                                    const GDate *today,
                                    GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  day = cw_date_format_iso (today);
  stmt = cw_store_prepare (store,
    "SELECT r.id, r.review_id, r.due_on, a.name, v.reference,"
    " CAST (julianday (?2) - julianday (r.due_on) AS INTEGER), r.status, r.requested_on"
    " FROM agency_return r JOIN agency a ON a.id = r.agency_id"
    " JOIN review v ON v.id = r.review_id"
    " WHERE r.deleted = 0 AND v.deleted = 0 AND r.status = 'requested' AND r.due_on < ?2"
    " AND r.received_on IS NULL AND (?1 = 0 OR r.review_id = ?1)"
    " AND v.phase NOT IN ('closed', 'not-proceeding') ORDER BY r.due_on, a.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwRecord *record = cw_record_new (&cw_entity_agency_return, sqlite3_column_int64 (stmt, 0),
                                        sqlite3_column_int64 (stmt, 1));
      cw_record_take (record, "due_on", cw_store_column_text (stmt, 2));
      cw_record_take (record, "agency", cw_store_column_text (stmt, 3));
      cw_record_take (record, "reference", cw_store_column_text (stmt, 4));
      cw_record_take (record, "days_overdue", cw_store_column_text (stmt, 5));
      cw_record_take (record, "status", cw_store_column_text (stmt, 6));
      cw_record_take (record, "requested_on", cw_store_column_text (stmt, 7));
      g_ptr_array_add (out, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (store, error, _("Could not list the overdue returns"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
