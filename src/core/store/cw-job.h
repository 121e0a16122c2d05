/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-store.h"

G_BEGIN_DECLS

/* Work off the main thread (cw-job.c): an import, an export, a report.
 * The caller reads what the work needs into plain data on its own
 * thread (a snapshot), then runs the job: its function runs in a worker
 * thread with its own connection to the same database (or none), reports
 * progress, stops when cancelled, and when it is done the caller's
 * callback runs on the caller's thread, after the app's connection has
 * told its listeners what the worker wrote. Modelled on Papers'
 * PpsJob. */

#define CW_TYPE_JOB (cw_job_get_type ())
G_DECLARE_FINAL_TYPE (CwJob, cw_job, CW, JOB, GObject)

/* Runs in the worker thread. @store is the job's own connection (NULL
 * for a job made with cw_job_new_without_store()). Returns whether the
 * work was done; on FALSE it sets @error. */
typedef gboolean (*CwJobFunc) (CwJob         *job,
                               CwStore       *store,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

CwJob      *cw_job_new                (CwStore             *store,
                                       CwJobFunc            func,
                                       gpointer             data,
                                       GDestroyNotify       destroy);
CwJob      *cw_job_new_without_store  (CwJobFunc            func,
                                       gpointer             data,
                                       GDestroyNotify       destroy);
void        cw_job_run                (CwJob               *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    cw_job_finish             (CwJob               *self,
                                       GAsyncResult        *result,
                                       GError             **error);
gboolean    cw_job_run_sync           (CwJob               *self,
                                       GCancellable        *cancellable,
                                       GError             **error);
void        cw_job_cancel             (CwJob               *self);
gboolean    cw_job_is_running         (CwJob               *self);
gpointer    cw_job_get_data           (CwJob               *self);

/* Progress: set from the worker, read (and notified, as the
 * "fraction" and "text" properties) on the caller's thread. */
void        cw_job_report             (CwJob               *self,
                                       double               fraction,
                                       const char          *text);
double      cw_job_get_fraction       (CwJob               *self);
const char *cw_job_get_text           (CwJob               *self);

G_END_DECLS
