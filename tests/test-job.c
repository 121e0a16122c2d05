/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Background jobs (CwJob): the work runs in another thread with its own
 * connection; its progress reaches the caller's thread; the app's
 * connection tells its listeners what the job committed before the
 * caller hears it is done; a cancelled job leaves nothing half-written. */
#include "config.h"

#include <gio/gio.h>

#include "cw-core.h"
#include "cw-job.h"
#include "cw-store-private.h"
#include "test-helpers.h"

typedef struct
{
  GThread  *caller;
  GThread  *worker;
  guint     n_people;     /* to add, one transaction each */
  gint64    review;
  gboolean  wait_cancel;  /* add one in a transaction, wait to be cancelled */
  gboolean  fail;
} Work;

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean cancelled;
} Waiter;

static void
on_cancelled (GCancellable *cancellable,
              Waiter       *w)
{
  g_mutex_lock (&w->lock);
  w->cancelled = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
}

/* Blocks this (worker) thread until @cancellable is cancelled. */
static void
wait_cancelled (GCancellable *cancellable)
{
  Waiter w = { .cancelled = FALSE };
  gulong handler;

  g_mutex_init (&w.lock);
  g_cond_init (&w.cond);
  /* Runs at once when already cancelled. */
  handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), &w, NULL);
  g_mutex_lock (&w.lock);
  while (!w.cancelled)
    g_cond_wait (&w.cond, &w.lock);
  g_mutex_unlock (&w.lock);
  g_cancellable_disconnect (cancellable, handler);
  g_mutex_clear (&w.lock);
  g_cond_clear (&w.cond);
}

static gboolean
add_people (CwJob         *job,
            CwStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Work *w = data;

  w->worker = g_thread_self ();
  g_assert_nonnull (store);
  for (guint i = 0; i < w->n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      const char *pairs[] = { "pseudonym", name, NULL };

      if (cw_store_insert (store, &cw_entity_person, w->review, pairs, error) == 0)
        return FALSE;
      cw_job_report (job, (i + 1) / (double) w->n_people, name);
    }
  if (w->wait_cancel)
    {
      g_autoptr (CwTransaction) transaction = cw_transaction_begin (store, error);
      const char *pairs[] = { "pseudonym", "Never kept", NULL };

      if (transaction == NULL
          || cw_store_insert (store, &cw_entity_person, w->review, pairs, error) == 0)
        return FALSE;
      /* The test cancels when it sees this; the worker waits for that,
       * woken by the cancellable, not by polling. */
      cw_job_report (job, 1.0, "waiting");
      wait_cancelled (cancellable);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (w->fail)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The return is not a chronology");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     announced_before_done; /* "changed::person" heard before the callback */
  guint     announced;
  GPtrArray *texts;
  double     last_fraction;
} Outcome;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Outcome *o = data;

  o->ok = cw_job_finish (CW_JOB (source), result, &o->error);
  o->announced_before_done = o->announced;
  o->done = TRUE;
}

static void
on_person_changed (CwStore    *store,
                   const char *table,
                   gint64      id,
                   Outcome    *o)
{
  o->announced++;
}

static void
on_fraction (CwJob      *job,
             GParamSpec *pspec,
             Outcome    *o)
{
  /* Notified on the caller's thread, never backwards. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (cw_job_get_fraction (job), >=, o->last_fraction);
  o->last_fraction = cw_job_get_fraction (job);
}

static void
on_text (CwJob      *job,
         GParamSpec *pspec,
         Outcome    *o)
{
  g_ptr_array_add (o->texts, g_strdup (cw_job_get_text (job)));
  if (g_str_equal (cw_job_get_text (job), "waiting"))
    cw_job_cancel (job);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @job to its end on this thread's main context, failing the test
 * if it takes more than a minute (a hung job, not a slow machine). */
static void
run_job (CwJob   *job,
         Fixture *f,
         Outcome *o)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, on_timeout, &timed_out);

  o->texts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed::person", G_CALLBACK (on_person_changed), o);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction), o);
  g_signal_connect (job, "notify::text", G_CALLBACK (on_text), o);
  cw_job_run (job, NULL, on_done, o);
  g_assert_true (cw_job_is_running (job));
  while (!o->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_false (cw_job_is_running (job));
  g_signal_handlers_disconnect_by_data (f->store, o);
}

static void
outcome_clear (Outcome *o)
{
  g_clear_error (&o->error);
  g_clear_pointer (&o->texts, g_ptr_array_unref);
}

static gint64
count_people (CwStore *store,
              gint64   review)
{
  g_autofree char *n = cw_store_text_for_id (
    store, "SELECT count (*) FROM person WHERE review_id = ? AND deleted = 0", review);

  return g_ascii_strtoll (n, NULL, 10);
}

static gint64
new_review (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 review = 0;
  g_autofree char *ref =
    cw_store_create_review (f->store, "learning", "Jobs", "Child J", NULL, &review, &error);

  g_assert_no_error (error);
  return review;
}

static void
test_writes_and_announces (Fixture *f, gconstpointer data)
{
  Work w = { .caller = g_thread_self (), .n_people = 5, .review = new_review (f) };
  g_autoptr (CwJob) job = cw_job_new (f->store, add_people, &w, NULL);
  Outcome o = { 0 };

  run_job (job, f, &o);
  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  /* In another thread, through another connection... */
  g_assert_true (w.worker != w.caller);
  g_assert_cmpint (count_people (f->store, w.review), ==, 5);
  /* ...told to the app's listeners before the caller's callback. */
  g_assert_cmpuint (o.announced_before_done, >=, 1);
  /* Progress arrives on this thread, merged but ending at the end. */
  g_assert_cmpfloat (o.last_fraction, ==, 1.0);
  g_assert_cmpfloat (cw_job_get_fraction (job), ==, 1.0);
  g_assert_cmpstr (cw_job_get_text (job), ==, "Person 5");
  g_assert_cmpuint (o.texts->len, >=, 1);
  outcome_clear (&o);
}

static void
test_cancel_leaves_nothing (Fixture *f, gconstpointer data)
{
  Work w = { .caller = g_thread_self (), .n_people = 2, .review = new_review (f),
             .wait_cancel = TRUE };
  g_autoptr (CwJob) job = cw_job_new (f->store, add_people, &w, NULL);
  Outcome o = { 0 };

  run_job (job, f, &o);
  g_assert_false (o.ok);
  g_assert_error (o.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The two committed before stay and are told; the one in the
   * cancelled transaction is not in the file. */
  g_assert_cmpint (count_people (f->store, w.review), ==, 2);
  g_autofree char *kept = cw_store_text_for_id (
    f->store, "SELECT count (*) FROM person WHERE review_id = ? AND pseudonym = 'Never kept'",
    w.review);
  g_assert_cmpstr (kept, ==, "0");
  g_assert_cmpuint (o.announced_before_done, >=, 1);
  outcome_clear (&o);
}

static void
test_error_reaches_caller (Fixture *f, gconstpointer data)
{
  Work w = { .caller = g_thread_self (), .review = new_review (f), .fail = TRUE };
  g_autoptr (CwJob) job = cw_job_new (f->store, add_people, &w, NULL);
  Outcome o = { 0 };

  run_job (job, f, &o);
  g_assert_false (o.ok);
  g_assert_error (o.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (o.error->message, ==, "The return is not a chronology");
  g_assert_cmpuint (o.announced, ==, 0);
  outcome_clear (&o);
}

static void
test_run_sync (Fixture *f, gconstpointer data)
{
  Work w = { .caller = g_thread_self (), .n_people = 3, .review = new_review (f) };
  g_autoptr (CwJob) job = cw_job_new (f->store, add_people, &w, NULL);
  g_autoptr (GError) error = NULL;
  Outcome o = { 0 };

  g_signal_connect (f->store, "changed::person", G_CALLBACK (on_person_changed), &o);
  g_assert_true (cw_job_run_sync (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (w.worker == w.caller);
  g_assert_cmpint (count_people (f->store, w.review), ==, 3);
  g_assert_cmpuint (o.announced, >=, 1);
  g_assert_cmpfloat (cw_job_get_fraction (job), ==, 1.0);
  g_signal_handlers_disconnect_by_data (f->store, &o);
}

static gboolean
no_store (CwJob         *job,
          CwStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_assert_null (store);
  *(int *) data = 42;
  return TRUE;
}

static void
test_without_store (Fixture *f, gconstpointer data)
{
  int answer = 0;
  g_autoptr (CwJob) job = cw_job_new_without_store (no_store, &answer, NULL);
  Outcome o = { 0 };

  run_job (job, f, &o);
  g_assert_true (o.ok);
  g_assert_cmpint (answer, ==, 42);
  g_assert_true (cw_job_get_data (job) == &answer);
  outcome_clear (&o);
}

static void
free_counted (gpointer data)
{
  (*(int *) data)++;
}

static gboolean
do_nothing (CwJob *job, CwStore *store, gpointer data, GCancellable *c, GError **error)
{
  return TRUE;
}

static void
test_data_freed_with_job (Fixture *f, gconstpointer data)
{
  int freed = 0;
  CwJob *job = cw_job_new (f->store, do_nothing, &freed, free_counted);
  g_autoptr (GError) error = NULL;

  g_assert_true (cw_job_run_sync (job, NULL, &error));
  g_assert_cmpint (freed, ==, 0);
  g_object_unref (job);
  g_assert_cmpint (freed, ==, 1);
}

int
main (int argc, char *argv[])
{
  cw_core_init ();
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/job/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("writes-and-announces", test_writes_and_announces);
  ADD ("cancel-leaves-nothing", test_cancel_leaves_nothing);
  ADD ("error-reaches-caller", test_error_reaches_caller);
  ADD ("run-sync", test_run_sync);
  ADD ("without-store", test_without_store);
  ADD ("data-freed-with-job", test_data_freed_with_job);
#undef ADD
  return g_test_run ();
}
