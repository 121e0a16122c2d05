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
  g_free (lane->short_name);
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
  {
    g_autoptr (CwRecord) agency = cw_store_get (self->store, &cw_entity_agency, agency_id, NULL);
    const char *short_name = agency ? cw_record_get (agency, "short_name") : NULL;

    lane->short_name = short_name && *short_name ? g_strdup (short_name) : NULL;
  }
  g_ptr_array_add (self->lanes, lane);
}

static char *
agency_name (CwTimeline *self,
             gint64      agency_id)
{
  g_autoptr (CwRecord) agency = cw_store_get (self->store, &cw_entity_agency, agency_id, NULL);

  return g_strdup (agency ? cw_record_get (agency, "name") : NULL);
}

/* Visible lanes in the order of their agencies' ids: a lane's style stays
 * its own wherever it is moved, and no two visible lanes share one. */
static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Okabe and Ito's colour-blind-safe set first, then Tol's muted ones that
 * stand apart from them; yellow, unreadable on white, left out. The
 * shapes carry the difference where colours are hard to tell apart. */
static const double palette[][3] = {
  { 0.000, 0.447, 0.698 }, /* blue */
  { 0.835, 0.369, 0.000 }, /* vermillion */
  { 0.000, 0.620, 0.451 }, /* bluish green */
  { 0.800, 0.475, 0.655 }, /* reddish purple */
  { 0.902, 0.624, 0.000 }, /* orange */
  { 0.337, 0.706, 0.914 }, /* sky blue */
  { 0.200, 0.133, 0.533 }, /* indigo */
  { 0.533, 0.133, 0.333 }, /* wine */
  { 0.600, 0.600, 0.200 }, /* olive */
  { 0.500, 0.500, 0.500 }, /* grey */
  { 0.800, 0.400, 0.467 }, /* rose */
  { 0.067, 0.467, 0.200 }, /* green */
};

/**
 * cw_timeline_lane_style:
 * @style: (out): the lane's colour and the shape of its marks
 *
 * Up to 12 visible lanes each have a colour and a shape of their own; more
 * have a pair of their own. Hidden lanes have none.
 *
 * Returns: whether the lane is visible
 */
gboolean
cw_timeline_lane_style (CwTimeline          *self,
                        guint                lane,
                        CwTimelineLaneStyle *style)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const CwTimelineLane *mine;
  guint rank = 0;

  g_return_val_if_fail (self != NULL && lane < self->lanes->len && style != NULL, FALSE);

  mine = self->lanes->pdata[lane];
  for (guint i = 0; i < self->lanes->len; i++)
    if (((CwTimelineLane *) self->lanes->pdata[i])->visible)
      g_array_append_val (ids, ((CwTimelineLane *) self->lanes->pdata[i])->agency_id);
  g_array_sort (ids, compare_ids);
  while (rank < ids->len && g_array_index (ids, gint64, rank) != mine->agency_id)
    rank++;
  style->colour = rank % G_N_ELEMENTS (palette);
  style->red = palette[style->colour][0];
  style->green = palette[style->colour][1];
  style->blue = palette[style->colour][2];
  /* 12 colours and 13 shapes: 156 lanes before a pair comes again */
  style->mark = (CwTimelineMark) (rank % CW_TIMELINE_N_MARKS);
  return mine->visible;
}

/* @text's words from @from to before @to, joined by spaces */
static char *
join_words (char  **words,
            guint   from,
            guint   to)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append_printf (s, "%s%s", i > from ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* @text wrapped at its spaces into at most @lines lines of @width, or NULL
 * when a word does not fit on a line or the words need more lines. */
static char *
wrap_words (const char        *text,
            double             width,
            guint              lines,
            CwTimelineMeasure  measure,
            gpointer           user_data)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint n = 0, start = 0;

  /* drop the empty words of double spaces */
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  while (start < n)
    {
      guint end = start + 1;
      g_autofree char *first = join_words (words, start, end);

      if (measure (first, user_data) > width || out->len == lines)
        return NULL;
      while (end < n)
        {
          g_autofree char *longer = join_words (words, start, end + 1);
          if (measure (longer, user_data) > width)
            break;
          end++;
        }
      g_ptr_array_add (out, join_words (words, start, end));
      start = end;
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}

/* The first letters of the words that start with a capital: "NPP". */
static char *
initials (const char *text)
{
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (start && g_unichar_isupper (c))
        g_string_append_unichar (s, c);
      start = g_unichar_isspace (c) || c == '-' || c == '(';
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * cw_timeline_fit_label:
 * @short_name: (nullable): used where @name does not fit on one line
 * @lines: the lines there is room for
 *
 * A label as it fits @width: the name, or the short name, or the name
 * wrapped at its spaces, or its first words and "…", or its initials;
 * whole words always, never a word cut.
 *
 * Returns: (transfer full): the text to draw, lines split by "\n"; empty
 *   when not even one word or the initials fit
 */
char *
cw_timeline_fit_label (const char        *name,
                       const char        *short_name,
                       double             width,
                       guint              lines,
                       CwTimelineMeasure  measure,
                       gpointer           user_data)
{
  const char *tries[] = { name, short_name };
  char *fitted;

  g_return_val_if_fail (measure != NULL, NULL);

  if (name == NULL || *name == '\0')
    return g_strdup ("");
  lines = MAX (lines, 1);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    if (tries[i] != NULL && *tries[i] && measure (tries[i], user_data) <= width)
      return g_strdup (tries[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    if (tries[i] != NULL && *tries[i] && lines > 1
        && (fitted = wrap_words (tries[i], width, lines, measure, user_data)) != NULL)
      return fitted;
  {
    /* The first words that fit, and "…" */
    g_auto (GStrv) words = g_strsplit (short_name && *short_name ? short_name : name, " ", -1);
    guint n = g_strv_length (words);
    g_autofree char *abbreviated = initials (name);

    for (guint end = n - 1; end > 0; end--)
      {
        g_autofree char *start = join_words (words, 0, end);
        g_autofree char *text = g_strconcat (start, "…", NULL);
        if ((fitted = wrap_words (text, width, lines, measure, user_data)) != NULL)
          return fitted;
      }
    if (*abbreviated && measure (abbreviated, user_data) <= width)
      return g_steal_pointer (&abbreviated);
  }
  return g_strdup ("");
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
