/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-timeline-private.h"

/* What an exported timeline's legend says: each agency shown with its
 * colour and mark, what the marks' fill and size mean, and what the
 * hatching, shading, bands and lines are; drawn at the foot of the file
 * (cw-timeline-render.c), and written as the text of an SVG. Every text
 * goes through the redactor when there is one. */

static const char *const mark_names[CW_TIMELINE_N_MARKS] = {
  N_("circle"), N_("square"), N_("triangle"), N_("diamond"), N_("triangle pointing down"),
  N_("pentagon"), N_("star"), N_("hexagon"), N_("plus"), N_("cross"),
  N_("triangle pointing right"), N_("triangle pointing left"), N_("hourglass"),
};

static void
legend_entry_clear (gpointer data)
{
  g_free (((CwTimelineLegendEntry *) data)->text);
}

static void
add (GArray             *entries,
     CwTimelineLegendKind kind,
     guint               lane,
     char               *text)
{
  CwTimelineLegendEntry entry = { kind, lane, text };

  g_array_append_val (entries, entry);
}

static char *
redacted (CwRedactor *redactor,
          const char *text)
{
  return redactor ? cw_redactor_redact (redactor, text) : g_strdup (text);
}

static gboolean
has_events (CwTimeline *self,
            gboolean    uncertain)
{
  for (guint i = 0; i < cw_timeline_layout_get_n_events (self->layout); i++)
    {
      const CwTimelineEvent *event = cw_timeline_layout_get_event (self->layout, i);
      if (uncertain ? event->uncertain : event->link_group != 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_timeline_legend_entries:
 * @redactor: (nullable): every name through it
 *
 * Returns: (transfer full) (element-type CwTimelineLegendEntry): the
 *   legend, headings first in each group
 */
GArray *
cw_timeline_legend_entries (CwTimeline *self,
                            CwRedactor *redactor)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (CwTimelineLegendEntry));

  g_array_set_clear_func (entries, legend_entry_clear);
  add (entries, CW_TIMELINE_LEGEND_HEADING, 0, g_strdup (_("Agencies")));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const CwTimelineLane *lane = self->lanes->pdata[i];
      g_autofree char *name = NULL;

      if (!lane->visible)
        continue;
      if (lane->short_name != NULL && g_strcmp0 (lane->short_name, lane->name) != 0)
        {
          g_autofree char *both = g_strdup_printf (_("%s (%s)"), lane->name, lane->short_name);
          name = redacted (redactor, both);
        }
      else
        name = redacted (redactor, lane->name);
      add (entries, CW_TIMELINE_LEGEND_AGENCY, i, g_steal_pointer (&name));
    }
  add (entries, CW_TIMELINE_LEGEND_HEADING, 0, g_strdup (_("Marks")));
  add (entries, CW_TIMELINE_LEGEND_ROUTINE, 0, g_strdup (_("Routine: hollow")));
  add (entries, CW_TIMELINE_LEGEND_SIGNIFICANT, 0, g_strdup (_("Significant: filled")));
  add (entries, CW_TIMELINE_LEGEND_KEY, 0, g_strdup (_("Key: larger, ringed")));
  add (entries, CW_TIMELINE_LEGEND_CLUSTER, 0,
       g_strdup (_("Entries too close to tell apart, counted")));
  add (entries, CW_TIMELINE_LEGEND_HEADING, 0, g_strdup (_("Shading and lines")));
  if (has_events (self, TRUE))
    add (entries, CW_TIMELINE_LEGEND_UNCERTAIN, 0,
         g_strdup (_("Hatched: an uncertain date, the range it may fall in")));
  if (self->gaps->len > 0)
    add (entries, CW_TIMELINE_LEGEND_GAP, 0, g_strdup (_("Shaded: no contact with any agency")));
  if (self->bands->len > 0)
    add (entries, CW_TIMELINE_LEGEND_BAND, 0, g_strdup (_("Band: a key practice episode")));
  if (self->periods->len > 0)
    add (entries, CW_TIMELINE_LEGEND_PERIOD, 0, g_strdup (_("Bar: a period of the child’s context")));
  if (has_events (self, FALSE))
    {
      add (entries, CW_TIMELINE_LEGEND_LINK, 0, g_strdup (_("Line: reports of one happening")));
      add (entries, CW_TIMELINE_LEGEND_CONFLICT, 0,
           g_strdup (_("Dashed with ≠: their dates differ")));
    }
  if (entries->len > 0
      && g_array_index (entries, CwTimelineLegendEntry, entries->len - 1).kind
           == CW_TIMELINE_LEGEND_HEADING)
    g_array_set_size (entries, entries->len - 1);
  return entries;
}

/**
 * cw_timeline_legend_text:
 *
 * Returns: (transfer full): the legend in words, a line a group, the
 *   agencies' marks named: for the text of an SVG
 */
char *
cw_timeline_legend_text (CwTimeline *self,
                         CwRedactor *redactor)
{
  g_autoptr (GArray) entries = cw_timeline_legend_entries (self, redactor);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const CwTimelineLegendEntry *entry = &g_array_index (entries, CwTimelineLegendEntry, i);
      CwTimelineLaneStyle style;

      if (entry->kind == CW_TIMELINE_LEGEND_HEADING)
        {
          g_string_append_printf (text, "%s%s:", text->len ? "\n" : "", entry->text);
          continue;
        }
      g_string_append_printf (text, "%s %s", i > 0 && g_array_index (entries,
                                                                      CwTimelineLegendEntry,
                                                                      i - 1).kind
                                                          == CW_TIMELINE_LEGEND_HEADING
                                               ? ""
                                               : ";",
                              entry->text);
      if (entry->kind == CW_TIMELINE_LEGEND_AGENCY
          && cw_timeline_lane_style (self, entry->lane, &style))
        g_string_append_printf (text, " (%s)", _(mark_names[style.mark]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
