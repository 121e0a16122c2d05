/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transactions as scopes (CwTransaction): what is not committed is rolled
 * back once, whichever way the scope is left, and a commit that fails has
 * rolled back already. Deletions made final or undone together. */
#include "config.h"

#include <string.h>

#include "cw-core.h"
#include "cw-store-private.h"
#include "test-helpers.h"

static gint64
new_review (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = NULL;
  gint64 review = 0;

  ref = cw_store_create_review (f->store, "learning", "Transactions", "Child T", NULL, &review,
                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return review;
}

static gint64
add_person (Fixture    *f,
            gint64      review,
            const char *pseudonym)
{
  g_autoptr (GError) error = NULL;
  const char *pairs[] = { "pseudonym", pseudonym, NULL };
  gint64 id = cw_store_insert (f->store, &cw_entity_person, review, pairs, &error);

  g_assert_no_error (error);
  return id;
}

/* People of the review, deleted or not, in the file. */
static gint64
people_in_file (Fixture  *f,
                gint64    review,
                gboolean  deleted)
{
  g_autofree char *n = cw_store_text_for_id (
    f->store, deleted ? "SELECT count (*) FROM person WHERE review_id = ? AND deleted = 1"
                      : "SELECT count (*) FROM person WHERE review_id = ? AND deleted = 0",
    review);

  return g_ascii_strtoll (n, NULL, 10);
}

static void
test_scope_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);

  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    g_assert_no_error (error);
    add_person (f, review, "Left behind");
    /* Leaving the scope without a commit: nothing of it stays. */
  }
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 0);
  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Kept");
    g_assert_true (cw_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 1);
}

static void
test_nesting (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);

  /* An inner commit is part of the outer transaction: gone with it. */
  {
    g_autoptr (CwTransaction) outer = cw_transaction_begin (f->store, &error);
    g_autoptr (CwTransaction) inner = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Inner");
    g_assert_true (cw_transaction_commit (inner, &error));
  }
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 0);

  /* An inner rollback leaves the outer transaction's own changes. */
  {
    g_autoptr (CwTransaction) outer = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Outer");
    {
      g_autoptr (CwTransaction) inner = cw_transaction_begin (f->store, &error);

      add_person (f, review, "Inner");
    }
    g_assert_true (cw_transaction_commit (outer, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 1);
}

/* A commit can fail: here a reference checked only at the commit. It has
 * rolled back, and ending the scope does not roll back again (a critical,
 * fatal in tests, said so before). */
static void
test_failed_commit_rolls_back_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);

  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Before");
    g_assert_true (cw_store_exec (f->store, "PRAGMA defer_foreign_keys = ON;"
                                  "INSERT INTO person (review_id, pseudonym)"
                                  " VALUES (999999, 'Nobody')", &error));
    g_assert_false (cw_transaction_commit (tx, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 0);
  /* The store is out of the transaction: the next one begins afresh. */
  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    g_assert_no_error (error);
    add_person (f, review, "After");
    g_assert_true (cw_transaction_commit (tx, &error));
  }
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 1);
}

static GArray *
ids_of (gint64 a,
        gint64 b)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, a);
  g_array_append_val (ids, b);
  return ids;
}

/* Deleted rows made final together (the undo bar's time ran out): a
 * failure leaves every one of them deleted, and says so. */
static void
test_purge_rows_all_or_none (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (GArray) ids = ids_of (add_person (f, review, "A"), add_person (f, review, "B"));

  for (guint i = 0; i < ids->len; i++)
    g_assert_true (cw_store_delete (f->store, &cw_entity_person, g_array_index (ids, gint64, i),
                                    &error));
  g_assert_true (cw_store_exec (f->store, "CREATE TEMP TRIGGER fail_purge BEFORE DELETE ON person"
                                " WHEN OLD.pseudonym = 'B' BEGIN"
                                " SELECT RAISE (ABORT, 'injected failure'); END", &error));
  g_assert_false (cw_store_purge_rows (f->store, &cw_entity_person, ids, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "injected failure"));
  g_assert_nonnull (strstr (error->message, "next starts"));
  g_clear_error (&error);
  g_assert_cmpint (people_in_file (f, review, TRUE), ==, 2);

  g_assert_true (cw_store_exec (f->store, "DROP TRIGGER fail_purge", &error));
  g_assert_true (cw_store_purge_rows (f->store, &cw_entity_person, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in_file (f, review, TRUE), ==, 0);
}

static void
test_undelete_rows_all_or_none (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  gint64 a = add_person (f, review, "A"), b = add_person (f, review, "B");
  g_autoptr (GArray) missing = ids_of (a, 999999);
  g_autoptr (GArray) both = ids_of (a, b);

  g_assert_true (cw_store_delete (f->store, &cw_entity_person, a, &error));
  g_assert_true (cw_store_delete (f->store, &cw_entity_person, b, &error));
  g_assert_false (cw_store_undelete_rows (f->store, &cw_entity_person, missing, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (people_in_file (f, review, TRUE), ==, 2);
  g_assert_true (cw_store_undelete_rows (f->store, &cw_entity_person, both, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in_file (f, review, FALSE), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/transaction/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("scope-rolls-back", test_scope_rolls_back);
  ADD ("nesting", test_nesting);
  ADD ("failed-commit-rolls-back-once", test_failed_commit_rolls_back_once);
  ADD ("purge-rows-all-or-none", test_purge_rows_all_or_none);
  ADD ("undelete-rows-all-or-none", test_undelete_rows_all_or_none);
#undef ADD
  return g_test_run ();
}
