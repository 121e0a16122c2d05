/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-privacy.h"
#include "cw-register-entities.h"
#include "cw-timeline.h"

/* Exporting a timeline as a job (cw-job.h): the window asks, and the
 * drawing, which can take seconds for a PDF of a long case, runs in a
 * worker thread. The job reads the review again through its own
 * connection, with the filter and the frame the window had (plain data),
 * so nothing the window holds is touched from another thread. */

typedef struct
{
  gint64             review_id;
  CwChronologyFilter filter;
  CwTimelineFrame    frame;    /* title and redactor are the job's */
  gboolean           whole;
  gboolean           anonymised;
  char              *path;
} Export;

static void
export_free (Export *e)
{
  cw_chronology_filter_clear (&e->filter);
  g_free (e->path);
  g_free (e);
}

static gboolean
export_job (CwJob         *job,
            CwStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Export *e = data;
  CwTimelineFrame frame = e->frame;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  g_autofree char *title = NULL;
  CwTimeline *timeline;
  double first, last;
  gboolean ok;

  if (e->anonymised
      && (redactor = cw_redactor_new_for_review (store, e->review_id, error)) == NULL)
    return FALSE;
  if ((review = cw_store_get (store, &cw_entity_review, e->review_id, error)) == NULL)
    return FALSE;
  cw_job_report (job, 0.0, _("Reading the chronology…"));
  model = cw_chronology_model_new (store, e->review_id);
  timeline = cw_timeline_new (store, e->review_id);
  ok = cw_chronology_model_refresh (model, &e->filter, error)
       && cw_timeline_load (timeline, model, error)
       && !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    {
      g_autofree char *lower = g_ascii_strdown (e->path, -1);

      title = cw_timeline_title (review, e->anonymised);
      frame.title = title;
      frame.redactor = redactor;
      if (e->whole && cw_timeline_get_extent (timeline, &first, &last))
        cw_timeline_scale_fit (&frame.scale, first, last, frame.width - CW_TIMELINE_LANE_LABELS);
      /* The legend at the foot: a page makes room for it, a picture grows */
      frame.legend = cw_timeline_legend_height (timeline, &frame);
      if (!g_str_has_suffix (lower, ".pdf"))
        frame.height += frame.legend;
      cw_job_report (job, 0.3, _("Drawing the timeline…"));
      ok = cw_timeline_export (timeline, &frame, e->path, error);
    }
  cw_timeline_free (timeline);
  if (ok)
    cw_job_report (job, 1.0, NULL);
  return ok;
}

/**
 * cw_timeline_export_job_new:
 * @filter: (transfer full): the entries drawn, as the window shows them;
 *   cleared here
 * @frame: the size and scale; its title, redactor and legend are ignored:
 *   the job makes its own from the review, and draws a legend at the foot
 *   (a PNG or SVG grows to hold it; a PDF keeps its page)
 * @whole: fit the scale to the whole case rather than @frame's days
 * @anonymised: every text drawn through the review's redactor
 *
 * Returns: (transfer full): a job writing the timeline to @path (.png,
 *   .svg or .pdf, as cw_timeline_export() does), not yet running
 */
CwJob *
cw_timeline_export_job_new (CwStore               *store,
                            gint64                 review_id,
                            CwChronologyFilter    *filter,
                            const CwTimelineFrame *frame,
                            gboolean               whole,
                            gboolean               anonymised,
                            const char            *path)
{
  Export *e;

  g_return_val_if_fail (CW_IS_STORE (store) && frame != NULL && path != NULL, NULL);
  e = g_new0 (Export, 1);
  e->review_id = review_id;
  if (filter != NULL)
    {
      e->filter = *filter;
      memset (filter, 0, sizeof *filter);
    }
  e->frame = *frame;
  e->frame.title = NULL;
  e->frame.redactor = NULL;
  e->frame.legend = 0;
  e->frame.also_selected = NULL; /* the window's, not the job's */
  e->frame.n_also_selected = 0;
  e->whole = whole;
  e->anonymised = anonymised;
  e->path = g_strdup (path);
  return cw_job_new (store, export_job, e, (GDestroyNotify) export_free);
}
