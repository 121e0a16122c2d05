/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-review.h"
#include "cw-store-private.h"

/* Reviews: references per kind and year, the phases of a review's life,
 * and the deadlines its key dates and jurisdiction profile imply. */

void
cw_deadline_info_free (CwDeadlineInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->due);
  g_free (info->met_on);
  g_free (info->text);
  g_free (info);
}

static char *
next_reference (CwStore     *self,
                const char  *prefix,
                int          year,
                GError     **error)
{
  g_autofree char *pattern = g_strdup_printf ("%s-%d-", prefix, year);
  sqlite3_stmt *stmt;
  gint64 highest = 0;

  /* A reference is never reused, even after its review was purged: the
   * append-only audit trail remembers every reference ever issued. */
  stmt = cw_store_prepare (self, "SELECT reference FROM review WHERE substr (reference, 1, ?1) = ?2"
                                 " UNION SELECT new_value FROM audit WHERE entity = 'review'"
                                 " AND field = 'reference' AND substr (new_value, 1, ?1) = ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) strlen (pattern));
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *ref = (const char *) sqlite3_column_text (stmt, 0);
      highest = MAX (highest, g_ascii_strtoll (ref + strlen (pattern), NULL, 10));
    }
  sqlite3_reset (stmt);
  return g_strdup_printf ("%s%03" G_GINT64_FORMAT, pattern, highest + 1);
}

static char *
kind_prefix (CwStore     *self,
             const char  *kind,
             GError     **error)
{
  sqlite3_stmt *stmt;
  char *prefix = NULL;

  stmt = cw_store_prepare (self, "SELECT prefix FROM review_kind WHERE slug = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prefix = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (prefix == NULL)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("There is no kind of review “%s”"), kind);
  return prefix;
}

static char *
default_profile (CwStore *self)
{
  char *profile = cw_store_get_setting (self, "default-profile");

  return profile && *profile ? profile : (g_free (profile), g_strdup (CW_DEFAULT_PROFILE));
}

/**
 * cw_store_usual_review_kind:
 *
 * The kind a new review most likely is: the kind most used by the reviews
 * whose profile is of the default profile's nation (the earlier in the
 * list of kinds on a tie); with none yet, a Child Safeguarding Practice
 * Review in England and a learning review in Wales and Scotland.
 *
 * Returns: (transfer full): a kind's slug
 */
char *
cw_store_usual_review_kind (CwStore *self)
{
  g_autofree char *profile = NULL;
  sqlite3_stmt *stmt;
  char *kind = NULL;
  char *nation = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  profile = default_profile (self);
  stmt = cw_store_prepare (self,
                           "SELECT r.kind, (SELECT nation FROM profile WHERE slug = ?1) "
                           "FROM review_kind k LEFT JOIN review r ON r.kind = k.slug "
                           "AND r.deleted = 0 AND r.profile IN "
                           "(SELECT slug FROM profile WHERE nation = "
                           "(SELECT nation FROM profile WHERE slug = ?1)) "
                           "WHERE k.deleted = 0 GROUP BY k.slug "
                           "ORDER BY count (r.id) DESC, k.position LIMIT 1",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, profile, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          kind = cw_store_column_text (stmt, 0);
          nation = cw_store_column_text (stmt, 1);
        }
      sqlite3_reset (stmt);
    }
  if (kind == NULL)
    kind = g_strdup (g_strcmp0 (nation, "scotland") == 0 || g_strcmp0 (profile, "wales") == 0
                       ? "learning"
                       : "cspr");
  g_free (nation);
  return kind;
}

/**
 * cw_store_get_review_nation:
 *
 * Returns: (transfer full) (nullable): the nation of the review's
 *   deadline profile ("england-wales", "scotland", as its bank holidays),
 *   whose forms apply to it; %NULL for no such review
 */
char *
cw_store_get_review_nation (CwStore *self,
                            gint64   review_id)
{
  sqlite3_stmt *stmt;
  char *nation = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self,
                           "SELECT p.nation FROM review r JOIN profile p ON p.slug = r.profile "
                           "WHERE r.id = ? AND r.deleted = 0",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    nation = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return nation;
}

/**
 * cw_store_create_review:
 * @kind: a kind id such as "learning"
 * @title: what the review is called
 * @subject: (nullable): the child's pseudonym
 * @today: (nullable): the date whose year the reference takes; %NULL for today
 * @out_id: (out) (optional): the new review's id
 *
 * Creates the review in phase "referral" with an empty referral form, in
 * one transaction.
 *
 * Returns: (transfer full) (nullable): the new reference, e.g. LR-2026-001
 */
char *
cw_store_create_review (CwStore      *self,
                        const char   *kind,
                        const char   *title,
                        const char   *subject,
                        const GDate  *today,
                        gint64       *out_id,
                        GError      **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *profile = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  GDate now;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (today == NULL)
    cw_clock_today (&now);
  else
    now = *today;
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return NULL;
  profile = default_profile (self);
  if ((prefix = kind_prefix (self, kind, error)) == NULL
      || (reference = next_reference (self, prefix, g_date_get_year (&now), error)) == NULL)
    return NULL;
  {
    const char *pairs[] = { "reference", reference, "title", title, "kind", kind,
                            "phase", "referral", "profile", profile,
                            "subject_pseudonym", subject, NULL };
    if ((id = cw_store_insert (self, &cw_entity_review, 0, pairs, error)) == 0)
      return NULL;
  }
  if (cw_store_insert (self, &cw_entity_referral, id, NULL, error) == 0
      || !cw_transaction_commit (tx, error))
    return NULL;
  if (out_id != NULL)
    *out_id = id;
  return g_steal_pointer (&reference);
}

/**
 * cw_store_find_review:
 * @reference: e.g. "LR-2026-001", case-insensitive
 *
 * Returns: (transfer full) (nullable): the review
 */
CwRecord *
cw_store_find_review (CwStore     *self,
                      const char  *reference,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  stmt = cw_store_prepare (self, "SELECT id FROM review WHERE reference = ? COLLATE NOCASE"
                                 " AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("There is no review “%s”"), reference);
      return NULL;
    }
  return cw_store_get (self, &cw_entity_review, id, error);
}

/**
 * cw_store_get_referral:
 *
 * Returns: (transfer full) (nullable): the review's referral and decision
 */
CwRecord *
cw_store_get_referral (CwStore  *self,
                       gint64    review_id,
                       GError  **error)
{
  g_autoptr (GListModel) list = cw_store_list (self, &cw_entity_referral, review_id, error);

  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The review has no referral form"));
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

/**
 * cw_store_set_key_date:
 * @key_date: one of #cw_key_dates, e.g. "notification"
 * @value: (nullable): the date as entered, or %NULL to clear it
 */
gboolean
cw_store_set_key_date (CwStore     *self,
                       gint64       review_id,
                       const char  *key_date,
                       const char  *value,
                       GError     **error)
{
  g_autofree char *column = cw_key_date_column (key_date);

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (column == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is not a key date; use one of incident, notification, referral, "
                     "decision, learning-event, report, action-plan, publication"), key_date);
      return FALSE;
    }
  return cw_store_update (self, &cw_entity_review, review_id, column, value, error);
}

/**
 * cw_store_check_decision_open:
 *
 * The decision is recorded, and may be changed, while the review is at
 * the referral or the decision. Past it, the phase already follows from the
 * decision (Preparation from proceeding, Not proceeding from not), so a
 * new decision would contradict it: the review is moved back to Decision
 * first, one step, as its history shows.
 *
 * Returns: whether the review's decision may be recorded; if not, a
 *   #CW_STORE_ERROR_PHASE saying what to do
 */
gboolean
cw_store_check_decision_open (CwStore  *self,
                              gint64    review_id,
                              GError  **error)
{
  g_autoptr (CwRecord) review = NULL;
  const char *phase;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if ((review = cw_store_get (self, &cw_entity_review, review_id, error)) == NULL)
    return FALSE;
  phase = cw_record_get (review, "phase");
  if (g_strcmp0 (phase, "referral") == 0 || g_strcmp0 (phase, "decision") == 0)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE,
               _("%s is past the decision (its phase is %s): move it back to Decision before "
                 "recording the decision again"),
               cw_record_get (review, "reference"), cw_choice_label (cw_phases, phase));
  return FALSE;
}

/**
 * cw_store_record_decision:
 * @decision: "proceed" or "not-proceed"
 * @rationale: (nullable): why; required when not proceeding
 * @date: (nullable): when it was discussed; %NULL for today
 *
 * Fills the decision record and the review's decision date together;
 * refused past the decision, as cw_store_check_decision_open() says.
 */
gboolean
cw_store_record_decision (CwStore      *self,
                          gint64        review_id,
                          const char   *decision,
                          const char   *rationale,
                          const GDate  *date,
                          GError      **error)
{
  g_autoptr (CwRecord) referral = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *iso = NULL;
  GDate when;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (g_strcmp0 (decision, "not-proceed") == 0 && (rationale == NULL || *rationale == '\0'))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("A decision not to proceed must record its rationale"));
      return FALSE;
    }
  if (date == NULL)
    cw_clock_today (&when);
  else
    when = *date;
  iso = cw_date_format_iso (&when);
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return FALSE;
  /* The day first: the decision then fills the key date with it (the
   * referral's follow function), once. */
  if (!cw_store_check_decision_open (self, review_id, error)
      || (referral = cw_store_get_referral (self, review_id, error)) == NULL
      || !cw_store_update (self, &cw_entity_referral, cw_record_get_id (referral),
                           "discussed_on", iso, error)
      || (rationale != NULL && !cw_store_update (self, &cw_entity_referral,
                                                 cw_record_get_id (referral), "rationale",
                                                 rationale, error))
      || !cw_store_update (self, &cw_entity_referral, cw_record_get_id (referral), "decision",
                           decision, error)
      || !cw_store_set_key_date (self, review_id, "decision", iso, error))
    return FALSE;
  return cw_transaction_commit (tx, error);
}

/* The life of a review, forward; each move can also be undone by moving back. */
static const char *const phase_edges[][2] = {
  { "referral", "decision" },
  { "decision", "preparation" },
  { "decision", "not-proceeding" },
  { "preparation", "learning-event" },
  { "learning-event", "findings" },
  { "findings", "action-monitoring" },
  { "action-monitoring", "published" },
  { "action-monitoring", "closed" },
  { "published", "closed" },
  { "not-proceeding", "closed" },
};

static gboolean
edge_exists (const char *from,
             const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_edges); i++)
    if (g_str_equal (phase_edges[i][0], from) && g_str_equal (phase_edges[i][1], to))
      return TRUE;
  return FALSE;
}

gboolean
cw_phase_is_forward (const char *from,
                     const char *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  return edge_exists (from, to);
}

/**
 * cw_phase_is_ended:
 *
 * Returns: whether a review in @phase has no deadlines left to meet
 */
gboolean
cw_phase_is_ended (const char *phase)
{
  return g_strcmp0 (phase, "closed") == 0 || g_strcmp0 (phase, "not-proceeding") == 0;
}

static gboolean
can_go_back (const char *from,
             const char *to,
             const char *previous)
{
  /* Back only the way it came, so a review that never proceeded cannot
   * step "back" into phases it never had. */
  return previous != NULL && g_str_equal (to, previous) && edge_exists (to, from);
}

/**
 * cw_phase_moves:
 * @from: a phase id
 * @previous: (nullable): the phase the review came from
 *
 * Returns: (transfer full): the phases a review in @from may move to,
 *   forward moves first, then the step back to @previous if allowed
 */
GStrv
cw_phase_moves (const char *from,
                const char *previous)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (from != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phase_edges); i++)
    if (g_str_equal (phase_edges[i][0], from))
      g_strv_builder_add (builder, phase_edges[i][1]);
  if (previous != NULL && can_go_back (from, previous, previous))
    g_strv_builder_add (builder, previous);
  return g_strv_builder_end (builder);
}

/**
 * cw_store_get_previous_phase:
 *
 * Returns: (transfer full) (nullable): the phase the review was in before
 *   its last move, from its history
 */
char *
cw_store_get_previous_phase (CwStore *self,
                             gint64   review_id)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  return cw_store_text_for_id (self, "SELECT old_value FROM audit WHERE entity = 'review'"
                                     " AND entity_id = ? AND field = 'phase'"
                                     " AND action = 'update' ORDER BY id DESC LIMIT 1",
                               review_id);
}

static gboolean
check_decision (const char  *reference,
                const char  *to,
                CwRecord    *referral,
                GError     **error)
{
  const char *decision = referral ? cw_record_get (referral, "decision") : NULL;
  const char *rationale = referral ? cw_record_get (referral, "rationale") : NULL;

  if (g_str_equal (to, "preparation") && g_strcmp0 (decision, "proceed") != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE,
                   _("%s cannot move to Preparation until the decision to proceed is recorded"),
                   reference);
      return FALSE;
    }
  if (g_str_equal (to, "not-proceeding")
      && (g_strcmp0 (decision, "not-proceed") != 0 || rationale == NULL || *rationale == '\0'))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE,
                   _("%s cannot move to Not proceeding until the decision not to proceed is "
                     "recorded with its rationale"), reference);
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_phase_check_move:
 * @previous: (nullable): the phase the review came from
 * @referral: (nullable): the review's decision record
 *
 * Returns: whether the life of a review allows the move; if not, @error
 *   says why and what would
 */
gboolean
cw_phase_check_move (const char  *reference,
                     const char  *from,
                     const char  *to,
                     const char  *previous,
                     CwRecord    *referral,
                     GError     **error)
{
  g_auto (GStrv) moves = NULL;
  g_autofree char *allowed = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!cw_choice_contains (cw_phases, to))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is not a phase; phases are referral, decision, preparation, "
                     "learning-event, findings, action-monitoring, published, closed, "
                     "not-proceeding"), to);
      return FALSE;
    }
  if (edge_exists (from, to))
    return check_decision (reference, to, referral, error);
  if (can_go_back (from, to, previous))
    return TRUE;
  moves = cw_phase_moves (from, previous);
  for (guint i = 0; moves[i] != NULL; i++)
    {
      char *label = g_strdup (cw_choice_label (cw_phases, moves[i]));
      g_free (moves[i]);
      moves[i] = label;
    }
  allowed = g_strjoinv (_(" or "), moves);
  if (moves[0] == NULL)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE,
                 _("%s cannot move from %s to %s; %s is the last phase"), reference,
                 cw_choice_label (cw_phases, from), cw_choice_label (cw_phases, to),
                 cw_choice_label (cw_phases, from));
  else
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE,
                 _("%s cannot move from %s to %s; from %s it can move to %s"), reference,
                 cw_choice_label (cw_phases, from), cw_choice_label (cw_phases, to),
                 cw_choice_label (cw_phases, from), allowed);
  return FALSE;
}

/**
 * cw_store_move_phase:
 *
 * Moves the review to @phase if its life allows; the move is recorded in
 * its history like any change.
 */
gboolean
cw_store_move_phase (CwStore     *self,
                     gint64       review_id,
                     const char  *phase,
                     GError     **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwRecord) referral = NULL;
  g_autofree char *previous = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (phase != NULL, FALSE);

  if ((review = cw_store_get (self, &cw_entity_review, review_id, error)) == NULL)
    return FALSE;
  referral = cw_store_get_referral (self, review_id, NULL);
  previous = cw_store_get_previous_phase (self, review_id);
  if (!cw_phase_check_move (cw_record_get (review, "reference"), cw_record_get (review, "phase"),
                            phase, previous, referral, error))
    return FALSE;
  /* phase is READONLY for forms, so it is written here, not by cw_store_update. */
  stmt = cw_store_prepare (self, "UPDATE review SET phase = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, phase, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, review_id);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;
  cw_store_note_change (self, "review", review_id);
  return TRUE;
}
