/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-store"

#include "config.h"

#include "cw-job.h"

/* A job is two GTasks: the inner one runs the function in a worker
 * thread; when it is done, on the caller's thread, the app's connection
 * tells its listeners what the worker's connection committed, and only
 * then the outer one returns to the caller. So a view refreshed by the
 * announcement is up to date before the caller says "done". */

struct _CwJob
{
  GObject         parent_instance;

  CwStore        *store;        /* the app's connection; NULL without one */
  char           *path;
  char           *actor;
  CwJobFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;

  GMainContext   *context;      /* the caller's */
  gboolean        running;
  GCancellable   *cancellable;
  GArray         *changes;      /* what the worker committed */

  GMutex          lock;         /* guards the pending progress */
  double          next_fraction;
  char           *next_text;
  gboolean        delivering;

  double          fraction;
  char           *text;
};

G_DEFINE_FINAL_TYPE (CwJob, cw_job, G_TYPE_OBJECT)

enum { PROP_0, PROP_FRACTION, PROP_TEXT, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
cw_job_finalize (GObject *object)
{
  CwJob *self = CW_JOB (object);

  if (self->destroy != NULL)
    self->destroy (self->data);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->next_text);
  g_free (self->text);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (cw_job_parent_class)->finalize (object);
}

static void
cw_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CwJob *self = CW_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_job_class_init (CwJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_job_finalize;
  object_class->get_property = cw_job_get_property;
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_job_init (CwJob *self)
{
  g_mutex_init (&self->lock);
}

/**
 * cw_job_new:
 * @store: the app's connection: the job opens its own to the same file,
 *   as the same actor, and @store tells its listeners what it wrote
 * @func: the work, run in a worker thread
 * @data: (transfer full): what @func works on: plain data, never @store
 *   or anything that reads it
 *
 * Returns: (transfer full): the job, not yet running
 */
CwJob *
cw_job_new (CwStore        *store,
            CwJobFunc       func,
            gpointer        data,
            GDestroyNotify  destroy)
{
  CwJob *self;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  self = cw_job_new_without_store (func, data, destroy);
  self->store = g_object_ref (store);
  self->path = g_strdup (cw_store_get_path (store));
  self->actor = g_strdup (cw_store_get_actor (store));
  return self;
}

/**
 * cw_job_new_without_store:
 *
 * A job that reads or writes no database (reading a file to import, say).
 *
 * Returns: (transfer full): the job, not yet running
 */
CwJob *
cw_job_new_without_store (CwJobFunc       func,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  CwJob *self;

  g_return_val_if_fail (func != NULL, NULL);
  self = g_object_new (CW_TYPE_JOB, NULL);
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  return self;
}

gpointer
cw_job_get_data (CwJob *self)
{
  g_return_val_if_fail (CW_IS_JOB (self), NULL);
  return self->data;
}

/* The work, wherever it runs */
static gboolean
work (CwJob         *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr (CwStore) store = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->path != NULL)
    {
      if ((store = cw_store_open (self->path, error)) == NULL)
        return FALSE;
      cw_store_set_actor (store, self->actor);
      cw_store_keep_changes (store);
    }
  ok = self->func (self, store, self->data, cancellable, error);
  if (store != NULL)
    {
      GArray *changes = cw_store_take_changes (store);

      /* Read on the caller's thread only after the task has returned. */
      g_mutex_lock (&self->lock);
      g_clear_pointer (&self->changes, g_array_unref);
      self->changes = changes;
      g_mutex_unlock (&self->lock);
    }
  return ok;
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (work (CW_JOB (source), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Whatever the worker committed, even when it failed later. */
static void
announce (CwJob *self)
{
  g_autoptr (GArray) changes = NULL;

  g_mutex_lock (&self->lock);
  changes = g_steal_pointer (&self->changes);
  g_mutex_unlock (&self->lock);
  if (self->store != NULL && changes != NULL && changes->len > 0)
    cw_store_announce_changes (self->store, changes);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  CwJob *self = CW_JOB (source);
  g_autoptr (GTask) outer = data;
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  announce (self);
  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/**
 * cw_job_run:
 * @callback: called on this thread when the job is done; it calls
 *   cw_job_finish()
 *
 * Starts the job in a worker thread. A job runs once.
 */
void
cw_job_run (CwJob               *self,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *outer;
  g_autoptr (GTask) inner = NULL;

  g_return_if_fail (CW_IS_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  outer = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (outer, cw_job_run);
  /* The outer task is returned, cancelled or not, only after the worker
   * has stopped: a transaction is never left open behind the caller. */
  g_task_set_check_cancellable (outer, FALSE);
  inner = g_task_new (self, self->cancellable, job_done, outer);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, job_thread);
}

/**
 * cw_job_finish:
 *
 * Returns: whether the work was done; when cancelled, %FALSE with
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
cw_job_finish (CwJob         *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (CW_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cw_job_run_sync:
 *
 * Does the work in this thread, with the job's own connection, as the
 * command line does; progress is delivered as it is reported.
 *
 * Returns: whether the work was done
 */
gboolean
cw_job_run_sync (CwJob         *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CW_IS_JOB (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();
  ok = work (self, cancellable, error);
  self->running = FALSE;
  announce (self);
  return ok;
}

/* Stops a running job: its function sees the cancellable cancelled, and
 * the callback still runs, with %G_IO_ERROR_CANCELLED unless the work
 * was already done. */
void
cw_job_cancel (CwJob *self)
{
  g_return_if_fail (CW_IS_JOB (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
cw_job_is_running (CwJob *self)
{
  g_return_val_if_fail (CW_IS_JOB (self), FALSE);
  return self->running;
}

/* Progress */

static gboolean
deliver_progress (gpointer data)
{
  CwJob *self = data;
  g_autofree char *text = NULL;
  gboolean text_changed;

  g_mutex_lock (&self->lock);
  self->fraction = self->next_fraction;
  text = g_strdup (self->next_text);
  self->delivering = FALSE;
  g_mutex_unlock (&self->lock);
  text_changed = g_strcmp0 (text, self->text) != 0;
  if (text_changed)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (text_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  return G_SOURCE_REMOVE;
}

/**
 * cw_job_report:
 * @fraction: how much is done, from 0 to 1
 * @text: (nullable): what is being done, for a person
 *
 * Called by the job's function, in any thread. Reports made faster than
 * the caller's thread takes them are merged: it sees the latest.
 */
void
cw_job_report (CwJob      *self,
               double      fraction,
               const char *text)
{
  gboolean schedule;

  g_return_if_fail (CW_IS_JOB (self));
  g_mutex_lock (&self->lock);
  self->next_fraction = CLAMP (fraction, 0.0, 1.0);
  if (text != NULL && g_strcmp0 (text, self->next_text) != 0)
    {
      g_free (self->next_text);
      self->next_text = g_strdup (text);
    }
  schedule = !self->delivering;
  self->delivering = TRUE;
  g_mutex_unlock (&self->lock);
  if (schedule)
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_progress,
                                g_object_ref (self), g_object_unref);
}

double
cw_job_get_fraction (CwJob *self)
{
  g_return_val_if_fail (CW_IS_JOB (self), 0.0);
  return self->fraction;
}

/**
 * cw_job_get_text:
 *
 * Returns: (nullable): what the job last said it was doing
 */
const char *
cw_job_get_text (CwJob *self)
{
  g_return_val_if_fail (CW_IS_JOB (self), NULL);
  return self->text;
}
