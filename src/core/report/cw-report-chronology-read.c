/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-register-entities.h"
#include "cw-report-chronology.h"
#include "cw-redactor.h"
#include "cw-privacy.h"

/* The chronology read once, through the chronology's own list (the order,
 * the gaps and the dates as the app shows them), into plain data that a
 * document can be built from on another thread. Anonymised, the list
 * itself reads every entry through the review's redactor (the privacy
 * module: names, dates of birth, postcodes, ...), before anything here
 * sees it. */

typedef struct
{
  CwReportChronology *self;
  GHashTable         *groups;   /* link group -> GArray of row indices */
  GHashTable         *agencies; /* names seen */
} Reader;

static char *
copy_text (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
row_clear (gpointer data)
{
  CwReportChronologyRow *row = data;

  g_free (row->date);
  g_free (row->range_first);
  g_free (row->agency);
  g_free (row->author);
  g_free (row->source);
  g_free (row->description);
  g_free (row->action);
  g_free (row->outcome);
  g_free (row->impact);
  g_free (row->linked);
}

static void
episode_clear (gpointer data)
{
  CwReportEpisode *episode = data;

  g_free (episode->title);
  g_free (episode->first);
  g_free (episode->last);
}

static void
note_link (Reader           *reader,
           CwChronologyItem *item)
{
  gint64 group = cw_chronology_item_get_link_group (item);
  GArray *members;

  if (!cw_chronology_item_is_linked (item))
    return;
  members = g_hash_table_lookup (reader->groups, &group);
  if (members == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (reader->groups, g_memdup2 (&group, sizeof group), members);
    }
  g_array_append_val (members, reader->self->rows->len);
}

static void
read_entry (Reader                *reader,
            CwChronologyItem      *item,
            CwReportChronologyRow *row)
{
  row->agency = copy_text (cw_chronology_item_get_agency (item));
  row->author = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR));
  row->source = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE));
  row->description = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION));
  row->action = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_ACTION));
  row->outcome = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_OUTCOME));
  row->impact = copy_text (cw_chronology_item_get (item, CW_CHRONO_FIELD_IMPACT));
  row->conflict = cw_chronology_item_has_conflict (item);
  row->significance = cw_chronology_item_get_significance (item);
  if (row->agency != NULL)
    g_hash_table_add (reader->agencies, g_strdup (row->agency));
  note_link (reader, item);
}

static void
read_item (Reader           *reader,
           CwChronologyItem *item)
{
  CwReportChronologyRow row = { cw_chronology_item_get_kind (item) };
  g_autofree char *date = cw_chronology_item_dup_date_text (item);

  row.date = copy_text (date);
  row.range_first = g_strdup (cw_chronology_item_get_range_first (item));
  if (row.kind == CW_CHRONOLOGY_ITEM_GAP)
    row.gap_days = cw_chronology_item_get_gap_days (item);
  else
    read_entry (reader, item, &row);
  g_array_append_val (reader->self->rows, row);
}

/* Each linked report says which others tell of the same happening. */
static void
describe_links (Reader *reader)
{
  GHashTableIter iter;
  GArray *members;

  g_hash_table_iter_init (&iter, reader->groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &members))
    for (guint i = 0; i < members->len; i++)
      {
        CwReportChronologyRow *row = &g_array_index (reader->self->rows, CwReportChronologyRow,
                                                     g_array_index (members, guint, i));
        g_autoptr (GString) others = g_string_new (NULL);

        for (guint j = 0; j < members->len; j++)
          {
            const CwReportChronologyRow *other = &g_array_index (
              reader->self->rows, CwReportChronologyRow, g_array_index (members, guint, j));

            if (j != i)
              g_string_append_printf (others, "%s%s (%s)", others->len ? "; " : "",
                                      other->source ? other->source : "",
                                      other->agency ? other->agency : "");
          }
        /* TRANSLATORS: under a chronology entry's source: the other agencies' records of the
         * same happening; ≠ when their dates differ */
        row->linked = g_strdup_printf (row->conflict ? _("≠ Also %s; the dates differ")
                                                     : _("= Also %s"), others->str);
      }
}

static gboolean
read_review (CwReportChronology *self,
             CwStore            *store,
             gint64              review_id,
             CwRedactor         *redactor,
             GError            **error)
{
  g_autoptr (CwRecord) review = cw_store_get (store, &cw_entity_review, review_id, error);
  const char *subject;

  if (review == NULL)
    return FALSE;
  subject = cw_record_get (review, "subject_pseudonym");
  self->reference = g_strdup (cw_record_get (review, "reference"));
  self->subject = g_strdup (subject);
  /* A title may name the child: an anonymised report goes by the
   * pseudonym alone. */
  self->title = redactor ? g_strdup (subject) : g_strdup (cw_record_get (review, "title"));
  self->author = g_strdup (cw_store_get_actor (store));
  self->gap_days = cw_chronology_get_gap_days (store, review_id);
  return TRUE;
}

static CwReportChronology *
chronology_new (gboolean anonymised)
{
  CwReportChronology *self = g_new0 (CwReportChronology, 1);

  self->anonymised = anonymised;
  self->rows = g_array_new (FALSE, FALSE, sizeof (CwReportChronologyRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->episodes = g_array_new (FALSE, FALSE, sizeof (CwReportEpisode));
  g_array_set_clear_func (self->episodes, episode_clear);
  return self;
}

/**
 * cw_report_chronology_read:
 * @anonymised: every text through the review's redactor: pseudonyms for
 *   real names
 *
 * Reads the review's whole merged chronology, with its gaps in contact.
 *
 * Returns: (transfer full) (nullable): the chronology as plain data
 */
CwReportChronology *
cw_report_chronology_read (CwStore   *store,
                           gint64     review_id,
                           gboolean   anonymised,
                           GError   **error)
{
  g_autoptr (CwReportChronology) self = chronology_new (anonymised);
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  Reader reader = { NULL };
  guint n;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (anonymised && (redactor = cw_redactor_new_for_review (store, review_id, error)) == NULL)
    return NULL;
  if (!read_review (self, store, review_id, redactor, error))
    return NULL;
  model = cw_chronology_model_new (store, review_id);
  cw_chronology_model_set_redactor (model, redactor);
  if (!cw_chronology_model_refresh (model, NULL, error))
    return NULL;
  reader = (Reader) { self, g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_array_unref),
                      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      read_item (&reader, item);
    }
  describe_links (&reader);
  self->redactor = g_steal_pointer (&redactor);
  self->n_entries = cw_chronology_model_get_n_entries (model);
  self->n_gaps = cw_chronology_model_get_n_gaps (model);
  self->n_agencies = g_hash_table_size (reader.agencies);
  g_hash_table_unref (reader.groups);
  g_hash_table_unref (reader.agencies);
  return g_steal_pointer (&self);
}

void
cw_report_chronology_free (CwReportChronology *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_array_unref (self->episodes);
  g_clear_pointer (&self->redactor, cw_redactor_unref);
  g_free (self->reference);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);
  g_free (self);
}

/**
 * cw_report_chronology_add_episode:
 * @first: YYYY-MM-DD, the episode's first day
 * @last: YYYY-MM-DD, its last
 *
 * An episode of the analysis (a key practice episode): the entries from
 * @first on are shown under its title, until the next episode's. Its
 * title is redacted as the entries are, on the thread that read them.
 */
void
cw_report_chronology_add_episode (CwReportChronology *self,
                                  const char         *title,
                                  const char         *first,
                                  const char         *last)
{
  CwReportEpisode episode;

  g_return_if_fail (self != NULL && title != NULL && first != NULL && last != NULL);

  episode = (CwReportEpisode) { self->redactor ? cw_redactor_redact (self->redactor, title)
                                               : g_strdup (title),
                                g_strdup (first), g_strdup (last) };
  g_array_append_val (self->episodes, episode);
}
