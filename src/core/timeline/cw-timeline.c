/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-timeline.h"
#include "cw-timeline-private.h"

/* A review's timeline: lanes and events taken from the chronology as it is
 * listed (so the table's filters apply), and the lanes' order and
 * visibility, remembered per review as a setting: "12,7,!9" shows agency
 * 12, then 7, and hides 9. */

G_DEFINE_QUARK (cw-timeline-error-quark, cw_timeline_error)

static void
lane_free (gpointer data)
{
  CwTimelineLane *lane = data;

  g_free (lane->name);
  g_free (lane);
}

static void
period_clear (gpointer data)
{
  g_free (((CwTimelinePeriod *) data)->label);
}

static void
band_clear (gpointer data)
{
  g_free (((CwTimelineBand *) data)->label);
}

CwTimeline *
cw_timeline_new (CwStore *store,
                 gint64   review_id)
{
  CwTimeline *self = g_new0 (CwTimeline, 1);

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->review_id = review_id;
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->gaps = g_array_new (FALSE, FALSE, sizeof (double));
  self->periods = g_array_new (FALSE, FALSE, sizeof (CwTimelinePeriod));
  g_array_set_clear_func (self->periods, period_clear);
  self->bands = g_array_new (FALSE, FALSE, sizeof (CwTimelineBand));
  g_array_set_clear_func (self->bands, band_clear);
  self->layout = cw_timeline_layout_new (0);
  return self;
}

void
cw_timeline_free (CwTimeline *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->layout, cw_timeline_layout_free);
  g_free (self);
}

static char *
setting_key (CwTimeline *self)
{
  return g_strdup_printf ("timeline-lanes:%" G_GINT64_FORMAT, self->review_id);
}

static CwTimelineLane *
find_lane (CwTimeline *self,
           gint64      agency_id)
{
  for (guint i = 0; i < self->lanes->len; i++)
    if (((CwTimelineLane *) self->lanes->pdata[i])->agency_id == agency_id)
      return self->lanes->pdata[i];
  return NULL;
}

static void
add_lane (CwTimeline *self,
          gint64      agency_id,
          const char *name,
          gboolean    visible)
{
  CwTimelineLane *lane;

  if (agency_id == 0 || find_lane (self, agency_id) != NULL)
    return;
  lane = g_new0 (CwTimelineLane, 1);
  lane->agency_id = agency_id;
  lane->name = g_strdup (name ? name : "?");
  lane->visible = visible;
  g_ptr_array_add (self->lanes, lane);
}

static char *
agency_name (CwTimeline *self,
             gint64      agency_id)
{
  g_autoptr (CwRecord) agency = cw_store_get (self->store, &cw_entity_agency, agency_id, NULL);

  return g_strdup (agency ? cw_record_get (agency, "name") : NULL);
}

/* The saved order first, then the review's other agencies as listed. */
static void
read_lanes (CwTimeline *self)
{
  g_autofree char *key = setting_key (self);
  g_autofree char *saved = cw_store_get_setting (self->store, key);
  g_auto (GStrv) order = g_strsplit (saved ? saved : "", ",", -1);
  g_autoptr (GListModel) involved = cw_store_list (self->store, &cw_entity_review_agency,
                                                   self->review_id, NULL);

  g_ptr_array_set_size (self->lanes, 0);
  for (guint i = 0; order[i] != NULL; i++)
    {
      gboolean hidden = order[i][0] == '!';
      gint64 id = g_ascii_strtoll (order[i] + hidden, NULL, 10);
      g_autofree char *name = id > 0 ? agency_name (self, id) : NULL;

      if (name != NULL)
        add_lane (self, id, name, !hidden);
    }
  for (guint i = 0; involved != NULL && i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (involved, i);
      g_autofree char *name = cw_record_dup_display (record, "agency_id");

      add_lane (self, cw_record_get_int (record, "agency_id"), name, TRUE);
    }
}

static guint
lane_of (CwTimeline *self,
         gint64      agency_id)
{
  for (guint i = 0; i < self->lanes->len; i++)
    if (((CwTimelineLane *) self->lanes->pdata[i])->agency_id == agency_id)
      return i;
  return G_MAXUINT;
}

static double
day_of_iso (const char *iso)
{
  GDate date;

  return iso != NULL && cw_date_parse (iso, &date) ? cw_timeline_day_of_date (&date) : 0;
}

/* The child's context: periods, drawn in a lane of their own above. */
static void
read_periods (CwTimeline *self)
{
  g_autoptr (GListModel) periods = cw_store_list (self->store, &cw_entity_period,
                                                  self->review_id, NULL);
  GDate today;

  cw_clock_today (&today);
  g_array_set_size (self->periods, 0);
  for (guint i = 0; periods != NULL && i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (periods, i);
      CwTimelinePeriod period;

      period.first = day_of_iso (cw_record_get (record, "start_date"));
      period.last = cw_record_get (record, "end_date")
                      ? day_of_iso (cw_record_get (record, "end_date")) + 1
                      : cw_timeline_day_of_date (&today) + 1;
      period.label = g_strdup (cw_record_get (record, "label"));
      if (period.first > 0 && period.last > period.first)
        g_array_append_val (self->periods, period);
      else
        g_free (period.label);
    }
}

gboolean
cw_timeline_has_context (CwTimeline *self)
{
  return self->periods->len > 0;
}

/**
 * cw_timeline_load:
 * @model: the chronology as listed, filters and all
 *
 * Reads the lanes and takes the events and gaps of @model.
 *
 * Returns: whether the lanes could be read
 */
gboolean
cw_timeline_load (CwTimeline        *self,
                  CwChronologyModel *model,
                  GError           **error)
{
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GHashTable) lanes = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (model), FALSE);

  read_lanes (self);
  read_periods (self);
  g_array_set_size (self->gaps, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      CwChronologySpan span;
      CwTimelineEvent event;
      guint lane;

      cw_chronology_model_get_span (model, i, &span);
      if (span.id == 0)
        {
          g_array_append_vals (self->gaps, (double[]) { span.first, span.last }, 2);
          continue;
        }
      if ((lane = lane_of (self, span.agency_id)) == G_MAXUINT)
        {
          g_autofree char *name = agency_name (self, span.agency_id);
          add_lane (self, span.agency_id, name, TRUE);
          lane = self->lanes->len - 1;
        }
      event = (CwTimelineEvent) { span.id, lane, span.first, span.last, span.uncertain,
                                  span.significance, span.link_group, span.conflict };
      g_array_append_val (events, event);
    }
  cw_timeline_layout_free (self->layout);
  self->layout = cw_timeline_layout_new (self->lanes->len);
  cw_timeline_layout_set_events (self->layout, events);
  return TRUE;
}

/**
 * cw_timeline_get_extent:
 *
 * Returns: whether there is anything to show; the days from the first
 *   entry or period to the last
 */
gboolean
cw_timeline_get_extent (CwTimeline *self,
                        double     *first,
                        double     *last)
{
  gboolean any;

  g_return_val_if_fail (self != NULL && first != NULL && last != NULL, FALSE);

  any = cw_timeline_layout_get_extent (self->layout, first, last);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const CwTimelinePeriod *period = &g_array_index (self->periods, CwTimelinePeriod, i);
      *first = any ? MIN (*first, period->first) : period->first;
      *last = any ? MAX (*last, period->last) : period->last;
      any = TRUE;
    }
  return any;
}

/**
 * cw_timeline_get_lanes:
 *
 * Returns: (transfer none) (element-type CwTimelineLane): the lanes, in order
 */
GPtrArray *
cw_timeline_get_lanes (CwTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lanes;
}

static gboolean
save_lanes (CwTimeline  *self,
            GError     **error)
{
  g_autoptr (GString) value = g_string_new (NULL);
  g_autofree char *key = setting_key (self);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      CwTimelineLane *lane = self->lanes->pdata[i];
      g_string_append_printf (value, "%s%s%" G_GINT64_FORMAT, i ? "," : "",
                              lane->visible ? "" : "!", lane->agency_id);
    }
  return cw_store_set_setting (self->store, key, value->str, error);
}

/* Lanes move with their events: the layout's lane numbers follow. */
static void
renumber (CwTimeline *self,
          guint       a,
          guint       b)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));

  for (guint i = 0; i < cw_timeline_layout_get_n_events (self->layout); i++)
    {
      CwTimelineEvent event = *cw_timeline_layout_get_event (self->layout, i);
      event.lane = event.lane == a ? b : event.lane == b ? a : event.lane;
      g_array_append_val (events, event);
    }
  cw_timeline_layout_set_events (self->layout, events);
  g_array_unref (events);
}

/**
 * cw_timeline_move_lane:
 * @offset: -1 to move the lane up, 1 down
 *
 * Returns: whether the order could be saved; it is unchanged at an end
 */
gboolean
cw_timeline_move_lane (CwTimeline  *self,
                       guint        lane,
                       int          offset,
                       GError     **error)
{
  guint other = lane + (guint) offset;

  g_return_val_if_fail (self != NULL, FALSE);

  if (lane >= self->lanes->len || other >= self->lanes->len)
    return TRUE;
  {
    gpointer moved = self->lanes->pdata[lane];
    self->lanes->pdata[lane] = self->lanes->pdata[other];
    self->lanes->pdata[other] = moved;
  }
  renumber (self, lane, other);
  return save_lanes (self, error);
}

gboolean
cw_timeline_set_lane_visible (CwTimeline  *self,
                              guint        lane,
                              gboolean     visible,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL && lane < self->lanes->len, FALSE);

  ((CwTimelineLane *) self->lanes->pdata[lane])->visible = visible;
  return save_lanes (self, error);
}

/**
 * cw_timeline_get_layout:
 *
 * Returns: (transfer none): the events, placed on demand
 */
CwTimelineLayout *
cw_timeline_get_layout (CwTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->layout;
}

/**
 * cw_timeline_get_gaps:
 *
 * Returns: (transfer none) (element-type double): pairs of days, first and
 *   last, of the periods without any agency contact
 */
GArray *
cw_timeline_get_gaps (CwTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->gaps;
}

/**
 * cw_timeline_title:
 * @review: the review drawn
 * @anonymised: the subject's pseudonym only, not the review's title
 *
 * Returns: (transfer full): the line drawn above an exported timeline
 */
char *
cw_timeline_title (CwRecord *review,
                   gboolean  anonymised)
{
  const char *subject;

  g_return_val_if_fail (CW_IS_RECORD (review), NULL);

  subject = cw_record_get (review, "subject_pseudonym");
  if (anonymised)
    return g_strdup_printf ("%s · %s", cw_record_get (review, "reference"), subject ? subject : "");
  return g_strdup_printf ("%s · %s%s%s", cw_record_get (review, "reference"),
                          cw_record_get (review, "title"), subject ? " · " : "",
                          subject ? subject : "");
}

/**
 * cw_timeline_set_bands:
 * @bands: (array length=n_bands) (nullable): copied
 *
 * Draws @bands (key practice episodes) across the lanes from now on, as
 * the widget shows them and files are exported; loading the chronology
 * again keeps them.
 */
void
cw_timeline_set_bands (CwTimeline           *self,
                       const CwTimelineBand *bands,
                       guint                 n_bands)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bands != NULL || n_bands == 0);

  g_array_set_size (self->bands, 0);
  for (guint i = 0; i < n_bands; i++)
    {
      CwTimelineBand copy = bands[i];

      copy.label = g_strdup (bands[i].label);
      g_array_append_val (self->bands, copy);
    }
}

guint
cw_timeline_get_n_bands (CwTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bands->len;
}

/**
 * cw_timeline_get_band:
 * Returns: (transfer none): the band at @index
 */
const CwTimelineBand *
cw_timeline_get_band (CwTimeline *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL && index < self->bands->len, NULL);
  return &g_array_index (self->bands, CwTimelineBand, index);
}
