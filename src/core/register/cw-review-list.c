/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-review.h"
#include "cw-store-private.h"

/* The deadlines of each review, and the register of reviews sorted by the
 * deadline that comes next. */

typedef struct
{
  CwNation nation;
  GArray  *rules;
} Profile;

static void
profile_free (Profile *profile)
{
  g_clear_pointer (&profile->rules, g_array_unref);
  g_free (profile);
}

static Profile *
load_profile (CwStore     *self,
              const char  *slug,
              GError     **error)
{
  Profile *profile = g_new0 (Profile, 1);
  g_autofree char *nation = NULL;
  sqlite3_stmt *stmt;

  profile->rules = g_array_new (FALSE, TRUE, sizeof (CwDeadlineRule));
  g_array_set_clear_func (profile->rules, (GDestroyNotify) cw_deadline_rule_clear);
  stmt = cw_store_prepare (self, "SELECT p.nation, r.id, r.name, r.anchor, r.amount, r.unit,"
                                 " r.met_by, r.kinds FROM profile p LEFT JOIN deadline_rule r"
                                 " ON r.profile = p.slug AND r.deleted = 0"
                                 " WHERE p.slug = ? ORDER BY r.id", error);
  if (stmt == NULL)
    return (profile_free (profile), NULL);
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CwDeadlineRule rule = { 0 };

      g_free (nation);
      nation = cw_store_column_text (stmt, 0);
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      rule.id = sqlite3_column_int64 (stmt, 1);
      rule.name = cw_store_column_text (stmt, 2);
      rule.anchor = cw_store_column_text (stmt, 3);
      rule.amount = sqlite3_column_int (stmt, 4);
      if (!cw_deadline_unit_from_string ((const char *) sqlite3_column_text (stmt, 5), &rule.unit))
        rule.unit = CW_DEADLINE_UNIT_CALENDAR_DAYS;
      rule.met_by = cw_store_column_text (stmt, 6);
      rule.kinds = cw_store_column_text (stmt, 7);
      g_array_append_val (profile->rules, rule);
    }
  sqlite3_reset (stmt);
  if (nation == NULL || !cw_nation_from_string (nation, &profile->nation))
    profile->nation = CW_NATION_ENGLAND_WALES;
  return profile;
}

static GHashTable *
key_dates_of (CwRecord *review)
{
  GHashTable *dates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; cw_key_dates[i].id != NULL; i++)
    {
      g_autofree char *column = cw_key_date_column (cw_key_dates[i].id);
      const char *value = cw_record_get (review, column);
      if (value != NULL)
        g_hash_table_insert (dates, (gpointer) cw_key_dates[i].id, g_strdup (value));
    }
  return dates;
}

static CwDeadlineInfo *
info_from (const CwDeadline *deadline)
{
  CwDeadlineInfo *info = g_new0 (CwDeadlineInfo, 1);

  info->name = g_strdup (deadline->rule->name);
  info->due = cw_date_format_iso (&deadline->due);
  info->met_on = g_date_valid (&deadline->met_on) ? cw_date_format_iso (&deadline->met_on) : NULL;
  info->state = deadline->state;
  info->days_remaining = deadline->days_remaining;
  info->text = cw_deadline_describe_days (deadline);
  return info;
}

static GPtrArray *
deadlines_of (CwRecord     *review,
              Profile      *profile,
              const GDate  *today)
{
  g_autoptr (GHashTable) dates = key_dates_of (review);
  g_autoptr (GArray) computed = NULL;
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_deadline_info_free);

  gboolean ended = cw_phase_is_ended (cw_record_get (review, "phase"));

  computed = cw_deadlines_compute (profile->rules, profile->nation,
                                   cw_record_get (review, "kind"), dates, today);
  for (guint i = 0; i < computed->len; i++)
    {
      const CwDeadline *deadline = &g_array_index (computed, CwDeadline, i);
      /* A closed review, or one that did not proceed, owes nothing more. */
      if (ended && (deadline->state == CW_DEADLINE_PENDING
                    || deadline->state == CW_DEADLINE_OVERDUE))
        continue;
      g_ptr_array_add (infos, info_from (deadline));
    }
  return infos;
}

/**
 * cw_store_list_deadlines:
 * @today: (nullable): the date to count from; %NULL for today
 *
 * Returns: (transfer full) (element-type CwDeadlineInfo) (nullable): the
 *   deadlines that apply to the review, by due date
 */
GPtrArray *
cw_store_list_deadlines (CwStore      *self,
                         gint64        review_id,
                         const GDate  *today,
                         GError      **error)
{
  g_autoptr (CwRecord) review = NULL;
  Profile *profile;
  GPtrArray *infos;
  GDate now;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (today == NULL)
    cw_clock_today (&now);
  else
    now = *today;
  if ((review = cw_store_get (self, &cw_entity_review, review_id, error)) == NULL)
    return NULL;
  if ((profile = load_profile (self, cw_record_get (review, "profile"), error)) == NULL)
    return NULL;
  infos = deadlines_of (review, profile, &now);
  profile_free (profile);
  return infos;
}

static const CwDeadlineInfo *
next_open (GPtrArray *infos)
{
  for (guint i = 0; i < infos->len; i++)
    {
      const CwDeadlineInfo *info = infos->pdata[i];
      if (info->state == CW_DEADLINE_PENDING || info->state == CW_DEADLINE_OVERDUE)
        return info;
    }
  return NULL;
}

/* The next deadline is kept with the record's values, so that a list
 * synchronised with a fresh one (cw_record_list_sync()) has it too, under
 * keys no description has; only this file names them, and everyone else
 * reads them typed (cw_review_get_next_deadline()). */
#define NEXT_NAME  "next__deadline"
#define NEXT_DUE   "next__due"
#define NEXT_DAYS  "next__days"
#define NEXT_STATE "next__state"
#define NEXT_TEXT  "next__text"

static void
annotate (CwRecord  *review,
          GPtrArray *infos)
{
  const CwDeadlineInfo *next = next_open (infos);

  if (next == NULL)
    return;
  cw_record_set (review, NEXT_NAME, next->name);
  cw_record_set (review, NEXT_DUE, next->due);
  cw_record_take (review, NEXT_DAYS, g_strdup_printf ("%d", next->days_remaining));
  cw_record_set (review, NEXT_STATE, next->state == CW_DEADLINE_OVERDUE ? "overdue" : "pending");
  cw_record_set (review, NEXT_TEXT, next->text);
}

/**
 * cw_review_get_next_deadline:
 * @review: a review of cw_store_list_reviews()
 * @next: (out caller-allocates): its next open deadline
 *
 * Returns: whether the review has an open deadline (a review read
 *   otherwise has none)
 */
gboolean
cw_review_get_next_deadline (CwRecord     *review,
                             CwReviewNext *next)
{
  const char *state;

  g_return_val_if_fail (CW_IS_RECORD (review), FALSE);
  g_return_val_if_fail (cw_record_get_entity (review) == &cw_entity_review, FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  *next = (CwReviewNext) { 0 };
  if ((next->name = cw_record_get (review, NEXT_NAME)) == NULL)
    return FALSE;
  next->due = cw_record_get (review, NEXT_DUE);
  next->text = cw_record_get (review, NEXT_TEXT);
  state = cw_record_get (review, NEXT_STATE);
  next->state = g_strcmp0 (state, "overdue") == 0 ? CW_DEADLINE_OVERDUE : CW_DEADLINE_PENDING;
  next->days_remaining = (int) cw_record_get_int (review, NEXT_DAYS);
  return TRUE;
}

/**
 * cw_review_get_phase_label:
 *
 * Returns: (transfer none): the review's phase as a person reads it
 */
const char *
cw_review_get_phase_label (CwRecord *review)
{
  g_return_val_if_fail (CW_IS_RECORD (review), NULL);
  g_return_val_if_fail (cw_record_get_entity (review) == &cw_entity_review, NULL);
  return cw_choice_label (cw_phases, cw_record_get (review, "phase"));
}

static int
compare_reviews (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CwRecord *ra = (CwRecord *) a, *rb = (CwRecord *) b;
  const char *da = cw_record_get (ra, NEXT_DUE), *db = cw_record_get (rb, NEXT_DUE);

  if (da != NULL && db != NULL && !g_str_equal (da, db))
    return g_strcmp0 (da, db);
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  return g_strcmp0 (cw_record_get (ra, "reference"), cw_record_get (rb, "reference"));
}

/**
 * cw_store_list_reviews:
 * @today: (nullable): the date to count from; %NULL for today
 *
 * Returns: (transfer full) (nullable): the reviews as #CwRecord, sorted by the
 *   next open deadline (reviews with none last); read that deadline with
 *   cw_review_get_next_deadline()
 */
GListModel *
cw_store_list_reviews (CwStore      *self,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr (GListModel) reviews = NULL;
  g_autoptr (GHashTable) profiles = NULL;
  GDate now;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (today == NULL)
    cw_clock_today (&now);
  else
    now = *today;
  if ((reviews = cw_store_list (self, &cw_entity_review, 0, error)) == NULL)
    return NULL;
  profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) profile_free);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (reviews, i);
      const char *slug = cw_record_get (review, "profile");
      Profile *profile = g_hash_table_lookup (profiles, slug);
      g_autoptr (GPtrArray) infos = NULL;

      if (profile == NULL)
        {
          if ((profile = load_profile (self, slug, error)) == NULL)
            return NULL;
          g_hash_table_insert (profiles, g_strdup (slug), profile);
        }
      infos = deadlines_of (review, profile, &now);
      annotate (review, infos);
    }
  g_list_store_sort (G_LIST_STORE (reviews), compare_reviews, NULL);
  return g_steal_pointer (&reviews);
}
