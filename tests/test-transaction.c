/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transactions as scopes (CwTransaction): what is not committed is rolled
 * back once, whichever way the scope is left, and a commit that fails has
 * rolled back already. Deletions made final or undone together. What a
 * change wrote, told table by table when it is committed (CwStore::changed),
 * also from another connection to the same file. */
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

/* What listeners heard, as "table:id" in order. */
typedef struct
{
  GPtrArray *heard;
} Listener;

static void
on_changed (Listener   *listener,
            const char *table,
            gint64      id)
{
  g_ptr_array_add (listener->heard, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id));
}

static Listener *
listen (CwStore *store)
{
  Listener *listener = g_new0 (Listener, 1);

  listener->heard = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_changed), listener);
  return listener;
}

/* What was heard since the last call, space-separated; forgets it. */
static char *
heard (Listener *listener)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < listener->heard->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", (char *) listener->heard->pdata[i]);
  g_ptr_array_set_size (listener->heard, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
listener_free (Listener *listener)
{
  g_ptr_array_unref (listener->heard);
  g_free (listener);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listener, listener_free)

#define assert_heard(listener, expected)                                                      \
  G_STMT_START                                                                                \
  {                                                                                           \
    g_autofree char *heard_ = heard (listener);                                               \
    g_assert_cmpstr (heard_, ==, (expected));                                                 \
  }                                                                                           \
  G_STMT_END

static void
test_changes_outside_a_transaction (Fixture *f, gconstpointer data)
{
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = listen (f->store);
  g_autofree char *expected = NULL;
  gint64 person;

  /* Each write, at once: its table and row, and the audit rows it wrote. */
  person = add_person (f, review, "Mother");
  expected = g_strdup_printf ("person:%" G_GINT64_FORMAT " audit:0", person);
  assert_heard (listener, expected);
  g_assert_true (cw_store_set_setting (f->store, "reviewer-name", "A. Reviewer", NULL));
  assert_heard (listener, "setting:0");
}

static void
test_changes_of_a_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = listen (f->store);
  g_autofree char *expected = NULL;
  gint64 mother;

  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    mother = add_person (f, review, "Mother");
    add_person (f, review, "Father");
    g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "Renamed",
                                    &error));
    g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "subject_pseudonym",
                                    "Child R", &error));
    g_assert_true (cw_store_update (f->store, &cw_entity_person, mother, "role", "Mother",
                                    &error));
    /* Nothing until the commit. */
    assert_heard (listener, "");
    g_assert_true (cw_transaction_commit (tx, &error));
  }
  /* Once per table, in the order first written; the row when one row of
   * the table changed, 0 for several. */
  expected = g_strdup_printf ("person:0 audit:0 review:%" G_GINT64_FORMAT, review);
  assert_heard (listener, expected);
}

static void
test_changes_nest (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = listen (f->store);
  g_autofree char *expected = NULL;
  gint64 person;

  {
    g_autoptr (CwTransaction) outer = cw_transaction_begin (f->store, &error);

    {
      g_autoptr (CwTransaction) inner = cw_transaction_begin (f->store, &error);

      person = add_person (f, review, "Kept");
      g_assert_true (cw_transaction_commit (inner, &error));
    }
    /* An inner commit is not yet a change anyone can read. */
    assert_heard (listener, "");
    {
      g_autoptr (CwTransaction) inner = cw_transaction_begin (f->store, &error);

      g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "Undone",
                                      &error));
      /* Rolled back as the scope ends: never told. */
    }
    g_assert_true (cw_transaction_commit (outer, &error));
  }
  expected = g_strdup_printf ("person:%" G_GINT64_FORMAT " audit:0", person);
  assert_heard (listener, expected);
}

static void
test_rollback_reports_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = listen (f->store);

  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Gone");
  }
  assert_heard (listener, "");
  /* A commit that fails has rolled back: nothing either. */
  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (f->store, &error);

    add_person (f, review, "Gone too");
    g_assert_true (cw_store_exec (f->store, "PRAGMA defer_foreign_keys = ON;"
                                  "INSERT INTO person (review_id, pseudonym)"
                                  " VALUES (999999, 'Nobody')", &error));
    g_assert_false (cw_transaction_commit (tx, &error));
    g_clear_error (&error);
  }
  assert_heard (listener, "");
}

/* Listeners of some tables hear those, and a restored backup ("*"). */
static void
test_changes_by_table (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = g_new0 (Listener, 1);
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;

  listener->heard = g_ptr_array_new_with_free_func (g_free);
  cw_store_connect_tables (f->store, (const char *const[]) { "review", NULL },
                           G_CALLBACK (on_changed), listener);
  add_person (f, review, "Not heard");
  assert_heard (listener, "");
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "Heard", &error));
  expected = g_strdup_printf ("review:%" G_GINT64_FORMAT, review);
  assert_heard (listener, expected);
  backup = cw_store_backup_create (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_backup_restore (f->store, backup, 0, &error));
  g_assert_no_error (error);
  assert_heard (listener, "*:0");
  cw_store_disconnect_tables (f->store, G_CALLBACK (on_changed), listener);
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "Not heard",
                                  &error));
  assert_heard (listener, "");
}

/* A job's connection keeps what it committed; the app's tells its own
 * listeners, which heard nothing of the other connection's writes. */
static void
test_changes_from_another_connection (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = new_review (f);
  g_autoptr (Listener) listener = listen (f->store);
  g_autoptr (CwStore) worker = cw_store_open (f->path, &error);
  g_autoptr (GArray) changes = NULL;
  g_autofree char *expected = NULL;
  const char *pairs[] = { "pseudonym", "From the worker", NULL };
  gint64 person;

  g_assert_no_error (error);
  cw_store_keep_changes (worker);
  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (worker, &error);

    g_assert_cmpint (cw_store_insert (worker, &cw_entity_person, review, pairs, &error), >, 0);
    /* Rolled back: nothing kept. */
  }
  {
    g_autoptr (CwTransaction) tx = cw_transaction_begin (worker, &error);

    person = cw_store_insert (worker, &cw_entity_person, review, pairs, &error);
    g_assert_true (cw_transaction_commit (tx, &error));
  }
  assert_heard (listener, "");
  changes = cw_store_take_changes (worker);
  cw_store_announce_changes (f->store, changes);
  expected = g_strdup_printf ("person:%" G_GINT64_FORMAT " audit:0", person);
  assert_heard (listener, expected);
  /* Taken once. */
  g_clear_pointer (&changes, g_array_unref);
  changes = cw_store_take_changes (worker);
  g_assert_cmpuint (changes->len, ==, 0);
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
  ADD ("changes/outside-a-transaction", test_changes_outside_a_transaction);
  ADD ("changes/of-a-transaction", test_changes_of_a_transaction);
  ADD ("changes/nest", test_changes_nest);
  ADD ("changes/rollback-reports-nothing", test_rollback_reports_nothing);
  ADD ("changes/by-table", test_changes_by_table);
  ADD ("changes/from-another-connection", test_changes_from_another_connection);
#undef ADD
  return g_test_run ();
}
