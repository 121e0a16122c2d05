/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-date.h"
#include "cw-report-chronology.h"

/* The merged multi-agency chronology as a document: A4 landscape, a title
 * page saying what it holds and which version it is, a key, then one
 * table of every entry in date order, with a row for each gap in contact
 * and a divider for each episode. Built from the plain data alone, on any
 * thread; always internal: it holds every agency's records. */

#define N_COLUMNS 8

static const double widths[N_COLUMNS] = {
  64,   /* date: "c. 12/03/2024 14:05" wraps at the time */
  0.11, /* agency */
  0.09, /* author */
  0.10, /* source, and the linked reports */
  0.31, /* description */
  0.13, /* action */
  0.13, /* outcome */
  0.13, /* impact */
};

static void
add_title_page (CwReportDocument         *document,
                const CwReportChronology *self,
                CwReportStatus            status)
{
  g_autoptr (GDateTime) now = cw_clock_now ();
  g_autofree char *made = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *counts = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", self->reference,
                                               self->title ? self->title : "");
  const char *version = self->anonymised
                          ? _("Anonymised: names from the people register are replaced by "
                              "pseudonyms")
                          : _("Full: as the agencies wrote it, names included");
  const char *pairs[17] = { NULL };
  guint n = 0;

  /* TRANSLATORS: on a report's title page: entries and agencies */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u from %u agency",
                                         "%u from %u agencies", self->n_agencies),
                            self->n_entries, self->n_agencies);
  /* TRANSLATORS: on a report's title page: gaps longer than the review's threshold */
  gaps = g_strdup_printf (_("%u, each longer than %u days"), self->n_gaps, self->gap_days);
  pairs[n++] = _("Reference");
  pairs[n++] = self->reference;
  if (self->subject != NULL)
    {
      pairs[n++] = _("Subject");
      pairs[n++] = self->subject;
    }
  pairs[n++] = _("Entries");
  pairs[n++] = counts;
  pairs[n++] = _("Gaps in agency contact");
  pairs[n++] = gaps;
  pairs[n++] = _("Version");
  pairs[n++] = version;
  pairs[n++] = _("Status");
  pairs[n++] = status == CW_REPORT_FINAL ? _("Final") : _("Draft");
  pairs[n++] = _("Made");
  pairs[n++] = made;
  if (self->author != NULL)
    {
      pairs[n++] = _("Made by");
      pairs[n++] = self->author;
    }
  cw_report_document_add_title_page (document, subtitle, pairs);
}

static void
add_key (CwReportDocument         *document,
         const CwReportChronology *self)
{
  g_autofree char *key = g_strdup_printf (
    _("Every entry of every agency’s return, in date order (on the same day, by sequence, then "
      "agency). Dates are as precise as the agency gave them: “c.” marks an approximate date, "
      "“?” an uncertain one. Shaded rows are gaps: no agency saw the family for longer than "
      "%u days. Under a record’s source, “=” names the other agencies’ records of the same "
      "happening, and “≠” says where their dates differ."), self->gap_days);

  cw_report_document_add_text (document, key);
}

static const char *
significance_text (CwChronoSignificance significance)
{
  switch (significance)
    {
    case CW_CHRONO_SIGNIFICANCE_KEY:
      return _("Key event");
    case CW_CHRONO_SIGNIFICANCE_SIGNIFICANT:
      return _("Significant");
    default:
      return NULL;
    }
}

static char *
join_lines (const char *first,
            const char *second)
{
  if (second == NULL)
    return g_strdup (first);
  return g_strconcat (first ? first : "", first ? "\n" : "", second, NULL);
}

static void
add_entry (CwReportTable               *table,
           const CwReportChronologyRow *row)
{
  g_autofree char *date = join_lines (row->date, significance_text (row->significance));
  g_autofree char *source = join_lines (row->source, row->linked);
  const char *cells[N_COLUMNS] = { date, row->agency, row->author, source, row->description,
                                   row->action, row->outcome, row->impact };

  cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, cells);
}

static void
add_gap (CwReportTable               *table,
         const CwReportChronologyRow *row)
{
  /* TRANSLATORS: a row of the chronology report: the dates, then how long */
  g_autofree char *text = g_strdup_printf (_("%s: no agency contact for %u days"), row->date,
                                           row->gap_days);

  cw_report_table_add_span (table, CW_REPORT_ROW_SHADED, text);
}

static void
add_episode (CwReportTable         *table,
             const CwReportEpisode *episode)
{
  g_autofree char *first = cw_date_iso_to_display (episode->first);
  g_autofree char *last = cw_date_iso_to_display (episode->last);
  /* TRANSLATORS: a section of the chronology report: an episode's title and dates */
  g_autofree char *title = g_strdup_printf (_("%s (%s – %s)"), episode->title,
                                            first ? first : episode->first,
                                            last ? last : episode->last);

  cw_report_table_add_divider (table, title);
}

static int
by_first_day (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const CwReportEpisode *) a)->first, ((const CwReportEpisode *) b)->first);
}

/* The episodes in the order they start. */
static GArray *
sorted_episodes (const CwReportChronology *self)
{
  GArray *episodes = g_array_sized_new (FALSE, FALSE, sizeof (CwReportEpisode),
                                        self->episodes->len);

  g_array_append_vals (episodes, self->episodes->data, self->episodes->len);
  g_array_sort (episodes, by_first_day);
  return episodes;
}

static void
add_table (CwReportDocument         *document,
           const CwReportChronology *self)
{
  const char *header[N_COLUMNS] = { _("Date"), _("Agency"), _("Author"), _("Source"),
                                    _("Description"), _("Action"), _("Outcome"),
                                    _("Impact on the child") };
  CwReportTable *table = cw_report_document_add_table (document, N_COLUMNS, widths);
  g_autoptr (GArray) episodes = sorted_episodes (self);
  guint next = 0;

  cw_report_table_set_header (table, header);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const CwReportChronologyRow *row = &g_array_index (self->rows, CwReportChronologyRow, i);

      /* An episode opens before the first row that may fall in it. */
      while (next < episodes->len && row->range_first != NULL
             && strcmp (row->range_first, g_array_index (episodes, CwReportEpisode, next).first)
                  >= 0)
        add_episode (table, &g_array_index (episodes, CwReportEpisode, next++));
      if (row->kind == CW_CHRONOLOGY_ITEM_GAP)
        add_gap (table, row);
      else
        add_entry (table, row);
    }
  while (next < episodes->len)
    add_episode (table, &g_array_index (episodes, CwReportEpisode, next++));
  if (self->rows->len == 0)
    cw_report_table_add_span (table, CW_REPORT_ROW_NORMAL,
                              _("No entries: no agency’s return has been imported yet."));
}

/**
 * cw_report_chronology_build:
 * @status: a draft, or the final version
 *
 * Returns: (transfer full): the chronology as a document, marked
 *   CW_REPORT_MARKING_INTERNAL
 */
CwReportDocument *
cw_report_chronology_build (const CwReportChronology *self,
                            CwReportStatus            status)
{
  CwReportDocument *document;

  g_return_val_if_fail (self != NULL, NULL);

  document = cw_report_document_new (_("Merged multi-agency chronology"));
  cw_report_document_set_orientation (document, CW_REPORT_LANDSCAPE);
  cw_report_document_set_margins (document, 48, 36, 48, 36);
  cw_report_document_set_reference (document, self->reference);
  cw_report_document_set_marking (document, CW_REPORT_MARKING_INTERNAL);
  cw_report_document_set_status (document, status);
  cw_report_document_set_author (document, self->author);
  cw_report_document_set_subject (document, self->title);
  add_title_page (document, self, status);
  if (self->episodes->len > 0)
    cw_report_document_add_contents (document);
  cw_report_document_add_heading (document, 1, _("Chronology"));
  add_key (document, self);
  add_table (document, self);
  return document;
}
