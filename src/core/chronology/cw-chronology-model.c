/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-chronology"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-clock.h"
#include "cw-redactor.h"
#include "cw-store-private.h"

/* The merged chronology as a GListModel. A refresh reads only what orders
 * and groups the entries (ids and day ranges), so a review of 100,000
 * entries opens at once; an entry's text is read when a row shows it
 * (with the rest of its block of rows, read_block ()). */

struct _CwChronologyItem
{
  GObject              parent_instance;
  CwChronologyItemKind kind;
  gint64               id;
  gint64               link_group;
  CwChronoDate         start;
  CwChronoDate         end;
  gboolean             has_end;
  int                  sequence; /* -1 when not given */
  CwChronoSignificance significance;
  gboolean             conflict;
  guint                gap_days;
  char                *texts[CW_CHRONO_N_FIELDS];
  char                *provenance;
  char                 range_first[11];
  char                 range_last[11];
};

G_DEFINE_FINAL_TYPE (CwChronologyItem, cw_chronology_item, G_TYPE_OBJECT)

typedef struct
{
  gint64  id;        /* 0 for a gap */
  guint32 first;     /* Julian days of the range the entry may cover */
  guint32 last;
  gint64  link_group;
  gint64  agency_id;
  guint16 minute;    /* of the day, for a timed entry */
  guint   conflict : 1;
  guint   pulled : 1;   /* shown with the first report of its happening, ahead of its date */
  guint   timed : 1;
  guint   uncertain : 1; /* approximate, or only a month or a year */
  guint   significance : 2;
} Row;

struct _CwChronologyModel
{
  GObject    parent_instance;
  CwStore   *store;
  gint64     review_id;
  GArray    *rows;  /* Row */
  GPtrArray *items; /* CwChronologyItem or NULL until asked for */
  guint      n_entries;
  guint      n_gaps;
  guint      gap_days;  /* the review's threshold for gaps at the last refresh */
  GArray    *all;       /* Row: every entry in order, kept to filter in memory */
  gboolean   all_valid; /* until the store changes */
  CwRedactor *redactor; /* nullable: what items' texts go through */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwChronologyModel, cw_chronology_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Items */

static void
cw_chronology_item_finalize (GObject *object)
{
  CwChronologyItem *self = CW_CHRONOLOGY_ITEM (object);

  for (guint i = 0; i < CW_CHRONO_N_FIELDS; i++)
    g_free (self->texts[i]);
  g_free (self->provenance);
  G_OBJECT_CLASS (cw_chronology_item_parent_class)->finalize (object);
}

static void
cw_chronology_item_class_init (CwChronologyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_chronology_item_finalize;
}

static void
cw_chronology_item_init (CwChronologyItem *self)
{
  self->sequence = -1;
}

CwChronologyItemKind
cw_chronology_item_get_kind (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), CW_CHRONOLOGY_ITEM_ENTRY);
  return self->kind;
}

/**
 * cw_chronology_item_get_id:
 *
 * Returns: the entry's id, 0 for a gap
 */
gint64
cw_chronology_item_get_id (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), 0);
  return self->id;
}

const CwChronoDate *
cw_chronology_item_get_start (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  return &self->start;
}

/**
 * cw_chronology_item_get_end:
 *
 * Returns: (nullable): the end date, if the entry lasted
 */
const CwChronoDate *
cw_chronology_item_get_end (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  return self->has_end ? &self->end : NULL;
}

/**
 * cw_chronology_item_dup_date_text:
 *
 * Returns: (transfer full): the date as written with its precision, "c. May
 *   2016", with the end date after a dash; for a gap, the days it spans
 */
char *
cw_chronology_item_dup_date_text (CwChronologyItem *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);

  start = cw_chrono_date_format (&self->start);
  if (!self->has_end)
    return g_steal_pointer (&start);
  end = cw_chrono_date_format (&self->end);
  return g_strdup_printf ("%s – %s", start, end);
}

const char *
cw_chronology_item_get_agency (CwChronologyItem *self)
{
  return cw_chronology_item_get (self, CW_CHRONO_FIELD_AGENCY);
}

/**
 * cw_chronology_item_get:
 * @field: a text field: agency, author, source, description, action,
 *   rationale, outcome, impact or tags
 *
 * Returns: (nullable): the text, %NULL when empty
 */
const char *
cw_chronology_item_get (CwChronologyItem *self,
                        CwChronoField     field)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  g_return_val_if_fail (field < CW_CHRONO_N_FIELDS, NULL);
  return self->texts[field];
}

/**
 * cw_chronology_item_get_sequence:
 *
 * Returns: the sequence number, or -1 when the entry has none
 */
int
cw_chronology_item_get_sequence (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), -1);
  return self->sequence;
}

CwChronoSignificance
cw_chronology_item_get_significance (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), CW_CHRONO_SIGNIFICANCE_ROUTINE);
  return self->significance;
}

/**
 * cw_chronology_item_get_link_group:
 *
 * Returns: what the entries reporting one happening share, 0 when unlinked
 */
gint64
cw_chronology_item_get_link_group (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), 0);
  return self->link_group;
}

gboolean
cw_chronology_item_is_linked (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), FALSE);
  return self->link_group != 0;
}

/**
 * cw_chronology_item_has_conflict:
 *
 * Returns: whether the entry is linked to another report of the same
 *   happening whose date cannot be the same day
 */
gboolean
cw_chronology_item_has_conflict (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), FALSE);
  return self->conflict;
}

/**
 * cw_chronology_item_get_provenance:
 *
 * Returns: (nullable): where the entry came from, "police.csv, row 12,
 *   imported 2026-11-23"; %NULL for entries typed in
 */
const char *
cw_chronology_item_get_provenance (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  return self->provenance;
}

/**
 * cw_chronology_item_get_range_first:
 *
 * Returns: the first day (YYYY-MM-DD) the entry may be about, widened for
 *   an approximate date; for a gap, the first day without contact
 */
const char *
cw_chronology_item_get_range_first (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  return self->range_first;
}

const char *
cw_chronology_item_get_range_last (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), NULL);
  return self->range_last;
}

/**
 * cw_chronology_item_get_gap_days:
 *
 * Returns: for a gap, the days without any agency contact
 */
guint
cw_chronology_item_get_gap_days (CwChronologyItem *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_ITEM (self), 0);
  return self->gap_days;
}

/* Reading an entry */

/* Entries are read a block of positions at a time, in one statement: when
 * the table jumps it binds a screen of new rows at once, and a statement
 * per entry cost more in SQLite's locking of the file (a read transaction
 * begun and ended for each) than in reading the entry. */
#define READ_BLOCK 32
#define PARAMS_4 "?,?,?,?"
#define PARAMS_32 PARAMS_4 "," PARAMS_4 "," PARAMS_4 "," PARAMS_4 "," \
                  PARAMS_4 "," PARAMS_4 "," PARAMS_4 "," PARAMS_4
#define ENTRIES_SQL \
  "SELECT e.id, e.agency_id, a.name, e.start_date, e.end_date, e.sequence, e.author, e.source," \
  " e.description, e.action, e.rationale, e.outcome, e.impact, e.significance, e.tags," \
  " e.link_group, e.range_first, e.range_last, i.file_name, i.sheet, e.import_row," \
  " i.imported_at" \
  " FROM chronology_entry e JOIN agency a ON a.id = e.agency_id" \
  " LEFT JOIN chronology_import i ON i.id = e.import_id WHERE e.id IN (" PARAMS_32 ")"

static const CwChronoField text_columns[] = {
  CW_CHRONO_FIELD_AGENCY, CW_CHRONO_FIELD_NONE, CW_CHRONO_FIELD_NONE, CW_CHRONO_FIELD_NONE,
  CW_CHRONO_FIELD_AUTHOR, CW_CHRONO_FIELD_SOURCE, CW_CHRONO_FIELD_DESCRIPTION,
  CW_CHRONO_FIELD_ACTION, CW_CHRONO_FIELD_RATIONALE, CW_CHRONO_FIELD_OUTCOME,
  CW_CHRONO_FIELD_IMPACT, CW_CHRONO_FIELD_NONE, CW_CHRONO_FIELD_TAGS,
};

/* The day of the last import read, worked out once for a block of
 * entries: a return's entries share it. */
typedef struct
{
  char *imported_at;
  char  day[11];
} Provenance;

static char *
provenance_text (sqlite3_stmt *stmt,
                 Provenance   *p)
{
  static const char *with_sheet, *without_sheet;
  const char *file = (const char *) sqlite3_column_text (stmt, 18);
  const char *sheet = (const char *) sqlite3_column_text (stmt, 19);
  const char *imported_at = (const char *) sqlite3_column_text (stmt, 21);

  if (file == NULL)
    return NULL;
  /* The day in local time, as the person importing saw it. */
  if (imported_at == NULL || g_strcmp0 (imported_at, p->imported_at) != 0)
    {
      GDate date;
      g_autofree char *day = NULL;

      if (cw_timestamp_local_date (imported_at, &date))
        day = cw_date_format_iso (&date);
      g_strlcpy (p->day, day ? day : "?", sizeof p->day);
      g_free (p->imported_at);
      p->imported_at = g_strdup (imported_at);
    }
  if (sheet != NULL)
    return g_strdup_printf (cw_translate_once (&with_sheet, NULL,
                                               /* TRANSLATORS: where an imported entry came
                                                * from: file, sheet, row, day */
                                               N_("%s, sheet “%s”, row %d, imported %s")),
                            file, sheet, sqlite3_column_int (stmt, 20), p->day);
  return g_strdup_printf (cw_translate_once (&without_sheet, NULL,
                                             N_("%s, row %d, imported %s")),
                          file, sqlite3_column_int (stmt, 20), p->day);
}

static void
read_entry (CwChronologyItem *item,
            sqlite3_stmt     *stmt,
            Provenance       *provenance)
{
  const char *end = (const char *) sqlite3_column_text (stmt, 4);
  const char *significance = (const char *) sqlite3_column_text (stmt, 13);

  item->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    if (text_columns[i] != CW_CHRONO_FIELD_NONE)
      item->texts[text_columns[i]] = cw_store_column_text (stmt, (int) i + 2);
  if (!cw_chrono_date_from_iso ((const char *) sqlite3_column_text (stmt, 3), &item->start))
    g_warning ("Entry %" G_GINT64_FORMAT " has a damaged date", item->id);
  item->has_end = end != NULL && cw_chrono_date_from_iso (end, &item->end);
  item->sequence = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
  cw_chrono_significance_from_text (significance, FALSE, &item->significance);
  item->link_group = sqlite3_column_int64 (stmt, 15);
  g_strlcpy (item->range_first, (const char *) sqlite3_column_text (stmt, 16) ?: "",
             sizeof item->range_first);
  g_strlcpy (item->range_last, (const char *) sqlite3_column_text (stmt, 17) ?: "",
             sizeof item->range_last);
  item->provenance = provenance_text (stmt, provenance);
}

static void
day_text (guint32 julian,
          char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static CwChronologyItem *
gap_item (const Row *row)
{
  CwChronologyItem *item = g_object_new (CW_TYPE_CHRONOLOGY_ITEM, NULL);
  GDate first;

  item->kind = CW_CHRONOLOGY_ITEM_GAP;
  item->gap_days = row->last - row->first + 1;
  day_text (row->first, item->range_first);
  day_text (row->last, item->range_last);
  g_date_clear (&first, 1);
  g_date_set_julian (&first, row->first);
  item->start.date = first;
  item->start.precision = CW_DATE_PRECISION_DAY;
  g_date_clear (&item->end.date, 1);
  g_date_set_julian (&item->end.date, row->last);
  item->end.precision = CW_DATE_PRECISION_DAY;
  item->has_end = TRUE;
  return item;
}

/* An entry dated on someone's date of birth gives only its month. */
static void
redact_date (CwChronoDate *date,
             CwRedactor   *redactor)
{
  if (date->precision != CW_DATE_PRECISION_DAY
      || !cw_redactor_is_date_of_birth (redactor, &date->date, NULL))
    return;
  date->precision = CW_DATE_PRECISION_MONTH;
  date->has_time = FALSE;
  g_date_set_day (&date->date, 1);
}

static void
redact_entry (CwChronologyItem *item,
              CwRedactor       *redactor)
{
  redact_date (&item->start, redactor);
  if (item->has_end)
    redact_date (&item->end, redactor);
  for (guint i = 0; i < CW_CHRONO_N_FIELDS; i++)
    if (item->texts[i] != NULL)
      {
        char *redacted = cw_redactor_redact (redactor, item->texts[i]);
        g_free (item->texts[i]);
        item->texts[i] = redacted;
      }
  if (item->provenance != NULL)
    {
      char *redacted = cw_redactor_redact (redactor, item->provenance);
      g_free (item->provenance);
      item->provenance = redacted;
    }
}

static CwChronologyItem *
entry_item (CwChronologyModel *self,
            const Row         *row,
            sqlite3_stmt      *stmt,
            Provenance        *provenance)
{
  CwChronologyItem *item = g_object_new (CW_TYPE_CHRONOLOGY_ITEM, NULL);

  item->id = row->id;
  if (stmt != NULL)
    read_entry (item, stmt, provenance);
  if (self->redactor != NULL)
    redact_entry (item, self->redactor);
  /* A report whose partners are all deleted is no longer linked. */
  item->link_group = row->link_group;
  item->conflict = row->conflict;
  return item;
}

/* The entries of the block of READ_BLOCK positions around @position not
 * read yet. */
static void
read_block (CwChronologyModel *self,
            guint              position)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (self->store, ENTRIES_SQL, &error);
  guint first = position - position % READ_BLOCK;
  guint end = MIN (first + READ_BLOCK, self->rows->len);
  Provenance provenance = { NULL };
  int n = 0;

  if (stmt == NULL)
    {
      g_warning ("Could not read chronology entries: %s", error->message);
      return;
    }
  for (guint i = first; i < end; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->id != 0 && self->items->pdata[i] == NULL)
        sqlite3_bind_int64 (stmt, ++n, row->id);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint i = first; i < end; i++)
        {
          const Row *row = &g_array_index (self->rows, Row, i);

          if (row->id == id && self->items->pdata[i] == NULL)
            {
              self->items->pdata[i] = entry_item (self, row, stmt, &provenance);
              break;
            }
        }
    }
  sqlite3_reset (stmt);
  g_free (provenance.imported_at);
}

/* GListModel */

static GType
model_get_item_type (GListModel *model)
{
  return CW_TYPE_CHRONOLOGY_ITEM;
}

static guint
model_get_n_items (GListModel *model)
{
  return CW_CHRONOLOGY_MODEL (model)->rows->len;
}

static gpointer
model_get_item (GListModel *model,
                guint       position)
{
  CwChronologyModel *self = CW_CHRONOLOGY_MODEL (model);
  const Row *row;

  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  if (self->items->pdata[position] == NULL && row->id != 0)
    read_block (self, position);
  /* An entry not found (deleted since the refresh) shows as empty. */
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] = row->id != 0 ? entry_item (self, row, NULL, NULL) : gap_item (row);
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

/* Items not yet asked for are NULL. */
static void
item_unref (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* A change to an entry or an agency (the order's third key) may move, add
 * or remove entries: read them all again next. */
static void
invalidate (CwChronologyModel *self)
{
  self->all_valid = FALSE;
}

static void
cw_chronology_model_finalize (GObject *object)
{
  CwChronologyModel *self = CW_CHRONOLOGY_MODEL (object);

  cw_store_disconnect_tables (self->store, G_CALLBACK (invalidate), self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->all, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->redactor, cw_redactor_unref);
  G_OBJECT_CLASS (cw_chronology_model_parent_class)->finalize (object);
}

static void
cw_chronology_model_class_init (CwChronologyModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_chronology_model_finalize;
}

static void
cw_chronology_model_init (CwChronologyModel *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->all = g_array_new (FALSE, FALSE, sizeof (Row));
  self->items = g_ptr_array_new_with_free_func (item_unref);
}


/**
 * cw_chronology_model_new:
 *
 * Returns: (transfer full): an empty list; cw_chronology_model_refresh()
 *   fills it
 */
CwChronologyModel *
cw_chronology_model_new (CwStore *store,
                         gint64   review_id)
{
  CwChronologyModel *self;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_CHRONOLOGY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->review_id = review_id;
  cw_store_connect_tables (store, (const char *const[]) { "chronology_entry", "agency", NULL },
                           G_CALLBACK (invalidate), self);
  return self;
}

/**
 * cw_chronology_model_get_store:
 *
 * Returns: (transfer none): the store the model reads
 */
CwStore *
cw_chronology_model_get_store (CwChronologyModel *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), NULL);
  return self->store;
}

/**
 * cw_chronology_model_set_redactor:
 * @redactor: (nullable): what every text of the entries listed goes
 *   through from now on (the agency, the author, the description, ...,
 *   where the entry came from); %NULL for the texts as written
 *
 * Makes the list anonymised, for what leaves the machine: exports, the
 * command line's list, reports. The app's table shows the texts as
 * written.
 */
void
cw_chronology_model_set_redactor (CwChronologyModel *self,
                                  CwRedactor        *redactor)
{
  g_return_if_fail (CW_IS_CHRONOLOGY_MODEL (self));

  if (redactor == self->redactor)
    return;
  if (redactor != NULL)
    cw_redactor_ref (redactor);
  g_clear_pointer (&self->redactor, cw_redactor_unref);
  self->redactor = redactor;
  /* Items already read were read as written. */
  for (guint i = 0; i < self->items->len; i++)
    g_clear_object (&self->items->pdata[i]);
  if (self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->rows->len, self->rows->len);
}

/* Refreshing */

/* The order is the chronology's (cw_chrono_date_compare() is what sort_key
 * encodes), then the agency's own sequence, then the agency. */
/* What the model keeps of each entry (read_order ()), in order. */
#define ROW_COLUMNS \
  "SELECT e.id, e.range_first, e.range_last," \
  " CASE WHEN e.link_group IS NOT NULL AND (SELECT count (*) FROM chronology_entry l" \
  "   WHERE l.link_group = e.link_group AND l.deleted = 0) > 1 THEN e.link_group END" \
  " , e.agency_id, e.sort_key, e.significance"
#define ROW_ORDER " ORDER BY e.sort_key, e.sequence, a.name COLLATE NOCASE, e.id"

/* Every entry of the review: read from the order index alone, which holds
 * these columns (schema version 5). */
#define ALL_SQL \
  ROW_COLUMNS \
  " FROM chronology_entry e" \
  " JOIN agency a ON a.id = e.agency_id" \
  " WHERE e.review_id = ?1 AND e.deleted = 0" \
  ROW_ORDER

#define ORDER_SQL \
  ROW_COLUMNS \
  " FROM chronology_entry e" \
  " JOIN agency a ON a.id = e.agency_id" \
  " WHERE e.review_id = ?1 AND e.deleted = 0" \
  " AND (?2 IS NULL OR e.agency_id IN (SELECT value FROM json_each (?2)))" \
  " AND (?3 = 0 OR (?3 >> CASE e.significance WHEN 'routine' THEN 0" \
  "   WHEN 'significant' THEN 1 ELSE 2 END) & 1)" \
  " AND (?4 IS NULL OR e.range_last >= ?4) AND (?5 IS NULL OR e.range_first <= ?5)" \
  " AND (?6 IS NULL OR e.id IN (SELECT rowid FROM chronology_search" \
  "   WHERE chronology_search MATCH ?6))" \
  " AND (?7 IS NULL OR cw_chrono_has_tag (e.tags, ?7))" \
  ROW_ORDER

/* "2021-04-03" as GDate's Julian day (1 January of year 1 is day 1),
 * without sscanf or GDate: a refresh reads 100,000 of them. */
static guint32
julian_of (const char *iso)
{
  int year, month, day, era;
  unsigned year_of_era, day_of_year, day_of_era;

  if (iso == NULL || strlen (iso) < 10)
    return 0;
  year = atoi (iso);
  month = (iso[5] - '0') * 10 + iso[6] - '0';
  day = (iso[8] - '0') * 10 + iso[9] - '0';
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  /* Howard Hinnant's days from civil, counted from 1970-01-01. */
  year -= month <= 2;
  era = year / 400;
  year_of_era = (unsigned) (year - era * 400);
  day_of_year = (153 * (unsigned) (month + (month > 2 ? -3 : 9)) + 2) / 5 + (unsigned) day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return (guint32) (era * 146097 + (int) day_of_era - 719468 + 719163);
}

/* What the timeline needs from the key "2021-04-03 2 14:30 0" (see
 * cw_chrono_date_write_sort_key ()): the time, and whether the date is
 * only a month or a year, or approximate. */
static void
read_sort_key (Row        *row,
               const char *key)
{
  if (key == NULL || strlen (key) < 19)
    return;
  row->uncertain = key[11] != '2' || key[19] == '1';
  row->timed = g_ascii_isdigit (key[13]);
  if (row->timed)
    row->minute = (guint16) (((key[13] - '0') * 10 + key[14] - '0') * 60
                             + (key[16] - '0') * 10 + key[17] - '0');
}

/* The stored ids only ('routine', 'significant', 'key': the schema checks
 * them), so the first letter tells. */
static guint
significance_of (const char *text)
{
  if (text == NULL)
    return CW_CHRONO_SIGNIFICANCE_ROUTINE;
  return text[0] == 'k' ? CW_CHRONO_SIGNIFICANCE_KEY
         : text[0] == 's' ? CW_CHRONO_SIGNIFICANCE_SIGNIFICANT
                          : CW_CHRONO_SIGNIFICANCE_ROUTINE;
}

static char *
agency_ids_json (const GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
bind_filter (sqlite3_stmt             *stmt,
             gint64                    review_id,
             const CwChronologyFilter *filter)
{
  g_autofree char *query = filter->text ? cw_chronology_search_query (filter->text) : NULL;

  sqlite3_bind_int64 (stmt, 1, review_id);
  if (filter->agency_ids != NULL)
    sqlite3_bind_text (stmt, 2, agency_ids_json (filter->agency_ids), -1, g_free);
  sqlite3_bind_int (stmt, 3, (int) filter->significances);
  if (filter->from != NULL)
    sqlite3_bind_text (stmt, 4, filter->from, -1, SQLITE_TRANSIENT);
  if (filter->to != NULL)
    sqlite3_bind_text (stmt, 5, filter->to, -1, SQLITE_TRANSIENT);
  if (query != NULL)
    sqlite3_bind_text (stmt, 6, query, -1, SQLITE_TRANSIENT);
  if (filter->tag != NULL && *filter->tag != '\0')
    sqlite3_bind_text (stmt, 7, filter->tag, -1, SQLITE_TRANSIENT);
  return TRUE;
}

/* With words to find, the search index drives: only the entries that have
 * them are read and sorted, not the whole chronology. */
#define SEARCH_SQL \
  ROW_COLUMNS \
  " FROM chronology_search s CROSS JOIN chronology_entry e ON e.id = s.rowid" \
  " JOIN agency a ON a.id = e.agency_id" \
  " WHERE chronology_search MATCH ?6 AND e.review_id = ?1 AND e.deleted = 0" \
  " AND (?2 IS NULL OR e.agency_id IN (SELECT value FROM json_each (?2)))" \
  " AND (?3 = 0 OR (?3 >> CASE e.significance WHEN 'routine' THEN 0" \
  "   WHEN 'significant' THEN 1 ELSE 2 END) & 1)" \
  " AND (?4 IS NULL OR e.range_last >= ?4) AND (?5 IS NULL OR e.range_first <= ?5)" \
  " AND (?7 IS NULL OR cw_chrono_has_tag (e.tags, ?7))" \
  ROW_ORDER

static gboolean
read_order (CwChronologyModel        *self,
            const CwChronologyFilter *filter,
            GArray                   *rows,
            GError                  **error)
{
  g_autofree char *query = filter->text ? cw_chronology_search_query (filter->text) : NULL;
  gboolean everything = cw_chronology_filter_is_empty (filter);
  sqlite3_stmt *stmt = cw_store_prepare (self->store,
                                         everything ? ALL_SQL : query ? SEARCH_SQL : ORDER_SQL,
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (everything)
    sqlite3_bind_int64 (stmt, 1, self->review_id);
  else
    bind_filter (stmt, self->review_id, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.first = julian_of ((const char *) sqlite3_column_text (stmt, 1));
      row.last = MAX (row.first, julian_of ((const char *) sqlite3_column_text (stmt, 2)));
      row.link_group = sqlite3_column_int64 (stmt, 3);
      row.agency_id = sqlite3_column_int64 (stmt, 4);
      read_sort_key (&row, (const char *) sqlite3_column_text (stmt, 5));
      row.significance = significance_of ((const char *) sqlite3_column_text (stmt, 6));
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (self->store, error, _("Could not read the chronology"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Brings the reports of one happening together at the first of them, and
 * marks them when their dates cannot be the same day. */
static GArray *
group_links (GArray *rows)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Row), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      GArray *members;

      if (row->link_group == 0)
        continue;
      members = g_hash_table_lookup (groups, &row->link_group);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, &row->link_group, members);
        }
      g_array_append_val (members, i);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      GArray *members;
      guint32 latest_first = 0, earliest_last = G_MAXUINT32;

      if (row->link_group == 0)
        {
          g_array_append_val (out, *row);
          continue;
        }
      members = g_hash_table_lookup (groups, &row->link_group);
      if (members == NULL || g_array_index (members, guint, 0) != i)
        continue; /* placed with the first report of its happening */
      for (guint m = 0; m < members->len; m++)
        {
          Row *member = &g_array_index (rows, Row, g_array_index (members, guint, m));
          latest_first = MAX (latest_first, member->first);
          earliest_last = MIN (earliest_last, member->last);
        }
      for (guint m = 0; m < members->len; m++)
        {
          Row member = g_array_index (rows, Row, g_array_index (members, guint, m));
          member.conflict = members->len > 1 && latest_first > earliest_last;
          member.pulled = m > 0;
          g_array_append_val (out, member);
        }
    }
  return out;
}

/* The periods no entry covers for more than @threshold days, from the
 * entries in date order (before linked reports are brought together, which
 * would put a later date early). */
static GArray *
find_gaps (GArray *rows,
           guint   threshold)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (Row));
  guint32 reach = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (reach != 0 && row->first > reach + 1 && row->first - reach - 1 > threshold)
        {
          Row gap = { .id = 0, .first = reach + 1, .last = row->first - 1 };
          g_array_append_val (gaps, gap);
        }
      reach = MAX (reach, row->last);
    }
  return gaps;
}

/* Each gap goes before the first row, in date order, that starts after it. */
static GArray *
add_gaps (GArray *rows,
          GArray *gaps)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Row), rows->len + gaps->len);
  guint next = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      while (!row->pulled && next < gaps->len
             && g_array_index (gaps, Row, next).last < row->first)
        g_array_append_val (out, g_array_index (gaps, Row, next++));
      g_array_append_val (out, *row);
    }
  for (; next < gaps->len; next++)
    g_array_append_val (out, g_array_index (gaps, Row, next));
  return out;
}

/* Gaps say that nobody saw the family: only true of the whole list, or of
 * some agencies or dates, never of entries picked by their text or rating. */
static gboolean
shows_gaps (const CwChronologyFilter *filter)
{
  return filter->significances == 0 && (filter->text == NULL || *filter->text == '\0')
         && (filter->tag == NULL || *filter->tag == '\0');
}

/* The ids of the entries with the words, in id order (FTS5 gives them so). */
static GArray *
search_ids (CwChronologyModel *self,
            const char        *query,
            GError           **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self->store, "SELECT rowid FROM chronology_search"
                                                      " WHERE chronology_search MATCH ?", error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      cw_store_set_error (self->store, error, _("Could not search the chronology"));
      return NULL;
    }
  return ids;
}

/* The entries found, as a bitmap of their ids: tested once per entry. */
static guint8 *
bitmap_of (GArray *found,
           gint64 *size)
{
  gint64 max = found->len ? g_array_index (found, gint64, found->len - 1) : 0;
  guint8 *bits = g_malloc0 ((gsize) (max / 8 + 1));

  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = g_array_index (found, gint64, i);
      bits[id / 8] |= (guint8) (1u << (id % 8));
    }
  *size = max;
  return bits;
}

static gboolean
row_passes (const Row                *row,
            const CwChronologyFilter *filter,
            guint32                   from,
            guint32                   to,
            const guint8             *found,
            gint64                    found_max)
{
  if (filter->significances != 0 && !((filter->significances >> row->significance) & 1))
    return FALSE;
  if ((from != 0 && row->last < from) || (to != 0 && row->first > to))
    return FALSE;
  if (filter->agency_ids != NULL)
    {
      gboolean listed = FALSE;
      for (guint i = 0; i < filter->agency_ids->len && !listed; i++)
        listed = g_array_index (filter->agency_ids, gint64, i) == row->agency_id;
      if (!listed)
        return FALSE;
    }
  return found == NULL
         || (row->id <= found_max && (found[row->id / 8] >> (row->id % 8)) & 1);
}

/* The filter applied to the entries in memory, in their order: no query
 * but the search index's, however many the filter keeps. */
static gboolean
filter_in_memory (CwChronologyModel        *self,
                  const CwChronologyFilter *filter,
                  GArray                   *rows,
                  GError                  **error)
{
  static const CwChronologyFilter everything = { 0 };
  g_autofree char *query = filter->text ? cw_chronology_search_query (filter->text) : NULL;
  g_autoptr (GArray) found = NULL;
  g_autofree guint8 *bits = NULL;
  gint64 max = 0;
  guint32 from = julian_of (filter->from), to = julian_of (filter->to);
  guint n;

  if (!self->all_valid)
    {
      g_array_set_size (self->all, 0);
      if (!read_order (self, &everything, self->all, error))
        return FALSE;
      self->all_valid = TRUE;
    }
  if (query != NULL && (found = search_ids (self, query, error)) == NULL)
    return FALSE;
  if (found != NULL)
    bits = bitmap_of (found, &max);
  /* Room for every row at once, rather than grown as they are kept. */
  g_array_set_size (rows, self->all->len);
  n = 0;
  for (guint i = 0; i < self->all->len; i++)
    {
      Row row = g_array_index (self->all, Row, i);
      if (row_passes (&row, filter, from, to, bits, max))
        {
          row.conflict = row.pulled = 0;
          g_array_index (rows, Row, n++) = row;
        }
    }
  g_array_set_size (rows, n);
  return TRUE;
}

/**
 * cw_chronology_model_refresh:
 * @filter: (nullable): which entries to show; %NULL for all
 *
 * Reads the list again, in the chronology's order, with gap rows.
 *
 * Returns: whether it could be read; the list is unchanged when not (a
 *   search with nothing to look for is refused, see
 *   cw_chronology_search_check())
 */
gboolean
cw_chronology_model_refresh (CwChronologyModel        *self,
                             const CwChronologyFilter *filter,
                             GError                  **error)
{
  static const CwChronologyFilter all = { 0 };
  g_autoptr (GArray) ordered = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GArray) grouped = NULL;
  guint old_len, n_gaps = 0;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), FALSE);

  if (filter == NULL)
    filter = &all;
  if (filter->text != NULL && !cw_chronology_search_check (filter->text, error))
    return FALSE;
  /* Tags are matched by SQL; everything else is filtered in memory. */
  if (!(filter->tag != NULL && *filter->tag != '\0'
          ? read_order (self, filter, ordered, error)
          : filter_in_memory (self, filter, ordered, error)))
    return FALSE;
  grouped = group_links (ordered);
  self->n_entries = grouped->len;
  self->gap_days = cw_chronology_get_gap_days (self->store, self->review_id);
  if (shows_gaps (filter))
    {
      g_autoptr (GArray) gaps = find_gaps (ordered, self->gap_days);
      GArray *with_gaps = add_gaps (grouped, gaps);

      n_gaps = gaps->len;
      g_array_unref (grouped);
      grouped = with_gaps;
    }
  self->n_gaps = n_gaps;
  old_len = self->rows->len;
  g_array_unref (self->rows);
  self->rows = g_steal_pointer (&grouped);
  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_new_full (self->rows->len, item_unref);
  g_ptr_array_set_size (self->items, (int) self->rows->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rows->len);
  return TRUE;
}

guint
cw_chronology_model_get_n_entries (CwChronologyModel *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), 0);
  return self->n_entries;
}

guint
cw_chronology_model_get_n_gaps (CwChronologyModel *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), 0);
  return self->n_gaps;
}

/**
 * cw_chronology_model_get_gap_days:
 *
 * Returns: the review's threshold for gaps in contact when the list was
 *   last refreshed: a refresh is due when the review's has changed since
 */
guint
cw_chronology_model_get_gap_days (CwChronologyModel *self)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), 0);
  return self->gap_days;
}

/**
 * cw_chronology_model_find:
 *
 * Returns: the position of the entry, or %G_MAXUINT when it is not shown
 */
guint
cw_chronology_model_find (CwChronologyModel *self,
                          gint64             entry_id)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, Row, i).id == entry_id)
      return i;
  return G_MAXUINT;
}

/**
 * cw_chronology_model_get_span:
 * @info: (out caller-allocates): what the timeline draws of the row
 *
 * Reads a row's place in time without reading the entry itself.
 */
void
cw_chronology_model_get_span (CwChronologyModel *self,
                              guint              position,
                              CwChronologySpan  *info)
{
  const Row *row;

  g_return_if_fail (CW_IS_CHRONOLOGY_MODEL (self));
  g_return_if_fail (position < self->rows->len && info != NULL);

  row = &g_array_index (self->rows, Row, position);
  info->id = row->id;
  info->agency_id = row->agency_id;
  info->link_group = row->link_group;
  info->conflict = row->conflict;
  info->uncertain = row->uncertain;
  info->significance = (CwChronoSignificance) row->significance;
  /* A timed entry is its minute; a day its day; a period all of it. */
  info->first = row->first + (row->timed ? row->minute / 1440.0 : 0.0);
  info->last = row->timed && !row->uncertain ? info->first : row->last + 1.0;
}

/**
 * cw_chronology_model_get_entry_id:
 *
 * Returns: the id of the entry at @position without reading it; 0 for a gap
 */
gint64
cw_chronology_model_get_entry_id (CwChronologyModel *self,
                                  guint              position)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (self), 0);
  g_return_val_if_fail (position < self->rows->len, 0);
  return g_array_index (self->rows, Row, position).id;
}
