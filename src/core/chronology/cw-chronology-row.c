/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-columns-private.h"
#include "cw-csv-writer.h"
#include "cw-text.h"

#define QUOTE_MAX_CHARS 40 /* of a cell quoted in a message */

/* One record of a return, through the mapping, into a chronology row, or
 * into every problem it has, each with its row, column and reason. */

/* Rows */

typedef struct
{
  CwChronoMapping *mapping;
  guint            row;
  CwDateOrder      order;
  GStringChunk    *text;                        /* nullable: where values are kept */
  char            *values[CW_CHRONO_N_FIELDS];  /* trimmed; %NULL when not mapped */
  guint            columns[CW_CHRONO_N_FIELDS]; /* from 1; 0 when not mapped */
  GPtrArray       *problems;                    /* this row's; %NULL until one */
  guint            n_errors;
} RowReader;

/* The tags of a row that has none, when its strings are borrowed. */
static char *no_tags[] = { NULL };

static void
row_reader_clear (RowReader *r)
{
  if (r->text == NULL)
    for (guint f = 0; f < CW_CHRONO_N_FIELDS; f++)
      g_free (r->values[f]);
  g_clear_pointer (&r->problems, g_ptr_array_unref);
}

/* @text without the spaces (of any kind) around it: a copy of its own; or,
 * when the reader borrows, @text itself past its leading spaces if nothing
 * follows it (@text outlives the row: it is the import's cell), else a copy
 * in the reader's chunk. */
static char *
keep_trimmed (RowReader  *r,
              const char *text,
              gboolean    lasting)
{
  const char *start, *end;

  if (r->text == NULL)
    return cw_chrono_trim (text);
  cw_chrono_trim_bounds (text, &start, &end);
  if (lasting && *end == '\0')
    return (char *) start;
  return g_string_chunk_insert_len (r->text, start, end - start);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowReader, row_reader_clear)

static const char *
cell_at (const GPtrArray *fields,
         guint            column)
{
  const char *text = column < fields->len ? g_ptr_array_index (fields, column) : NULL;

  return text != NULL ? text : "";
}

static gboolean
is_blank (const char *text)
{
  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    if (!cw_chrono_is_space_at (s))
      return FALSE;
  return TRUE;
}

static gboolean
record_is_blank (const GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!is_blank (cell_at (fields, i)))
      return FALSE;
  return TRUE;
}

static const char *
value_of (RowReader    *r,
          CwChronoField field)
{
  return r->values[field] != NULL ? r->values[field] : "";
}

static void
add_problem (RowReader              *r,
             CwChronoField           field,
             guint                   column,
             CwImportProblemSeverity severity,
             char                   *message)
{
  CwImportProblem *problem = g_new0 (CwImportProblem, 1);

  problem->row = r->row;
  problem->column = column;
  problem->severity = severity;
  if (field != CW_CHRONO_FIELD_NONE)
    problem->field_label = g_strdup (cw_chrono_field_label (field));
  problem->message = message;
  if (r->problems == NULL)
    r->problems = cw_import_problems_new ();
  g_ptr_array_add (r->problems, problem);
  if (severity == CW_IMPORT_PROBLEM_ERROR)
    r->n_errors++;
}

static void
add_error (RowReader    *r,
           CwChronoField field,
           char         *message)
{
  add_problem (r, field, r->columns[field], CW_IMPORT_PROBLEM_ERROR, message);
}

/* @text as a message quotes it: short, on one line. */
static char *
quote_cell (const char *text)
{
  char *quoted;

  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    quoted = g_strdup (text);
  else
    {
      g_autofree char *start = g_utf8_substring (text, 0, QUOTE_MAX_CHARS);

      quoted = g_strconcat (start, "…", NULL);
    }
  return g_strdelimit (quoted, "\r\n\t", ' ');
}

/* Paragraphs keep their line breaks and tabs; the other fields are one line. */
static CwTextKind
text_kind (CwChronoField field)
{
  switch (field)
    {
    case CW_CHRONO_FIELD_DESCRIPTION:
    case CW_CHRONO_FIELD_ACTION:
    case CW_CHRONO_FIELD_RATIONALE:
    case CW_CHRONO_FIELD_OUTCOME:
    case CW_CHRONO_FIELD_IMPACT:
      return CW_TEXT_PARAGRAPHS;
    default:
      return CW_TEXT_LINE;
    }
}

/* Text past the last heading has nowhere to go; say so rather than lose it. */
static void
read_cells (RowReader       *r,
            const GPtrArray *fields)
{
  for (guint i = 0; i < MAX (fields->len, r->mapping->n_columns); i++)
    {
      const char *text = cell_at (fields, i);
      CwChronoField field = cw_chrono_mapping_get (r->mapping, i);
      g_autofree char *copy = NULL;
      const char *valid = text;

      /* Cells come valid from the readers; a copy only when one is not,
       * or holds a control character, which is not text (cw-text.h). */
      if (!g_utf8_validate (text, -1, NULL))
        valid = copy = g_utf8_make_valid (text, -1);
      if (field != CW_CHRONO_FIELD_NONE && cw_text_needs_cleaning (valid, text_kind (field)))
        {
          char *cleaned = cw_text_clean (valid, text_kind (field));

          g_free (copy);
          valid = copy = cleaned;
        }
      if (field != CW_CHRONO_FIELD_NONE)
        {
          r->values[field] = keep_trimmed (r, valid, copy == NULL);
          r->columns[field] = i + 1;
        }
      else if (i >= r->mapping->n_columns && !is_blank (valid))
        {
          g_autofree char *trimmed = cw_chrono_trim (valid);
          g_autofree char *quoted = quote_cell (trimmed);

          add_problem (r, CW_CHRONO_FIELD_NONE, i + 1, CW_IMPORT_PROBLEM_WARNING,
                       g_strdup_printf (_("“%s” was not imported: its column has no heading. "
                                          "Give the column a heading and choose its field, or "
                                          "remove the text"),
                                        quoted));
        }
    }
}

static void
add_error_from (RowReader    *r,
                CwChronoField field,
                GError       *error)
{
  add_error (r, field, g_strdup (error->message));
}

/* Reports a bad time even when the date is bad too, by trying it on a day. */
static void
check_time_alone (RowReader  *r,
                  const char *text)
{
  g_autoptr (GError) error = NULL;
  CwChronoDate day = { 0 };

  g_date_clear (&day.date, 1);
  g_date_set_dmy (&day.date, 1, G_DATE_JANUARY, 2000);
  day.precision = CW_DATE_PRECISION_DAY;
  if (!cw_chrono_date_parse_time (text, &day, &error))
    add_error_from (r, CW_CHRONO_FIELD_TIME, error);
}

static void
read_time (RowReader    *r,
           CwChronoDate *start)
{
  g_autoptr (GError) error = NULL;
  const char *text = value_of (r, CW_CHRONO_FIELD_TIME);
  CwChronoDate timed;

  if (*text == '\0')
    return;
  if (start == NULL)
    {
      check_time_alone (r, text);
      return;
    }
  timed = *start;
  if (!cw_chrono_date_parse_time (text, &timed, &error))
    add_error_from (r, CW_CHRONO_FIELD_TIME, error);
  else if (start->has_time && (start->hour != timed.hour || start->minute != timed.minute))
    add_error (r, CW_CHRONO_FIELD_TIME,
               g_strdup_printf (_("The date “%s” gives one time and this column another, “%s”; "
                                  "remove one of them"),
                                value_of (r, CW_CHRONO_FIELD_DATE), text));
  else
    *start = timed;
}

static gboolean
read_start (RowReader   *r,
            CwChronoRow *out)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = cw_chrono_date_parse (value_of (r, CW_CHRONO_FIELD_DATE), r->order, &out->start, &error);
  if (!ok)
    add_error_from (r, CW_CHRONO_FIELD_DATE, error);
  read_time (r, ok ? &out->start : NULL);
  return ok;
}

/* Whether @end must be before @start, even as widely as approximate dates
 * may be read. */
static gboolean
ends_before_start (const CwChronoDate *start,
                   const CwChronoDate *end)
{
  GDate start_first, start_last, end_first, end_last;

  cw_chrono_date_range (start, &start_first, &start_last);
  cw_chrono_date_range (end, &end_first, &end_last);
  if (g_date_compare (&end_last, &start_first) < 0)
    return TRUE;
  if (start->approximate || end->approximate || !start->has_time || !end->has_time
      || g_date_compare (&start->date, &end->date) != 0)
    return FALSE;
  return end->hour * 60 + end->minute < start->hour * 60 + start->minute;
}

static void
read_end (RowReader   *r,
          gboolean     has_start,
          CwChronoRow *out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  const char *text = value_of (r, CW_CHRONO_FIELD_END_DATE);

  if (*text == '\0')
    return;
  if (!cw_chrono_date_parse (text, r->order, &out->end, &error))
    {
      add_error_from (r, CW_CHRONO_FIELD_END_DATE, error);
      return;
    }
  out->has_end = TRUE;
  if (!has_start || !ends_before_start (&out->start, &out->end))
    return;
  start_text = cw_chrono_date_format (&out->start);
  end_text = cw_chrono_date_format (&out->end);
  add_error (r, CW_CHRONO_FIELD_END_DATE,
             g_strdup_printf (_("The end date, %s, is before the start date, %s; check both "
                                "dates in the source"),
                              end_text, start_text));
}

static void
read_sequence (RowReader   *r,
               CwChronoRow *out)
{
  const char *text = value_of (r, CW_CHRONO_FIELD_SEQUENCE);
  gsize digits = strspn (text, "0123456789");

  if (*text == '\0')
    return;
  if (digits == 0 || digits > 9 || text[digits] != '\0')
    {
      add_error (r, CW_CHRONO_FIELD_SEQUENCE,
                 g_strdup_printf (_("“%s” is not a sequence number; write a whole number, such "
                                    "as 1, 2 or 3, to order the events of one day"),
                                  text));
      return;
    }
  out->has_sequence = TRUE;
  out->sequence = (guint) g_ascii_strtoull (text, NULL, 10);
}

static char *
missing_message (CwChronoField field)
{
  switch (field)
    {
    case CW_CHRONO_FIELD_SOURCE:
      return g_strdup (_("The record reference is missing; every entry needs one, so that it "
                         "can be traced to the agency’s records"));
    case CW_CHRONO_FIELD_DESCRIPTION:
      return g_strdup (_("The description is missing; say briefly what happened"));
    default:
      return g_strdup_printf (_("%s is missing; every entry needs it"),
                              cw_chrono_field_label (field));
    }
}

/* The cell's text, taken from @r; %NULL when empty. */
static char *
take_text (RowReader    *r,
           CwChronoField field)
{
  char *text = g_steal_pointer (&r->values[field]);

  /* The apostrophe Casewise's export puts before a cell that a spreadsheet
   * would run as a formula (cw_csv_writer_cell()). A borrowed cell is
   * left as it is: it may be read again. */
  if (cw_csv_cell_is_protected (text))
    {
      if (r->text != NULL)
        text++;
      else
        memmove (text, text + 1, strlen (text));
    }
  if (text != NULL && *text != '\0')
    return text;
  if (r->text == NULL)
    g_free (text);
  if (cw_chrono_field_is_required (field))
    add_error (r, field, missing_message (field));
  return NULL;
}

static void
read_texts (RowReader   *r,
            CwChronoRow *out)
{
  out->agency = take_text (r, CW_CHRONO_FIELD_AGENCY);
  out->author = take_text (r, CW_CHRONO_FIELD_AUTHOR);
  out->source = take_text (r, CW_CHRONO_FIELD_SOURCE);
  out->description = take_text (r, CW_CHRONO_FIELD_DESCRIPTION);
  out->action = take_text (r, CW_CHRONO_FIELD_ACTION);
  out->rationale = take_text (r, CW_CHRONO_FIELD_RATIONALE);
  out->outcome = take_text (r, CW_CHRONO_FIELD_OUTCOME);
  out->impact = take_text (r, CW_CHRONO_FIELD_IMPACT);
}

/* Under a heading such as "Key event", "yes" means key. */
static gboolean
column_asks_key (RowReader *r)
{
  guint column = r->columns[CW_CHRONO_FIELD_SIGNIFICANCE];

  return column > 0 && g_str_has_prefix (r->mapping->keys[column - 1], "key");
}

static void
read_significance (RowReader   *r,
                   CwChronoRow *out)
{
  const char *text = value_of (r, CW_CHRONO_FIELD_SIGNIFICANCE);

  if (cw_chrono_significance_from_text (text, column_asks_key (r), &out->significance))
    return;
  add_error (r, CW_CHRONO_FIELD_SIGNIFICANCE,
             g_strdup_printf (_("“%s” is not a significance; write routine, significant or key"),
                              text));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CwImportProblem *pa = *(const CwImportProblem *const *) a;
  const CwImportProblem *pb = *(const CwImportProblem *const *) b;

  return (pa->column > pb->column) - (pa->column < pb->column);
}

/* Hands this row's problems over in column order (the sort is stable). */
static void
move_problems (RowReader *r,
               GPtrArray *problems)
{
  if (r->problems == NULL || problems == NULL)
    return;
  g_ptr_array_sort (r->problems, compare_problems);
  for (guint i = 0; i < r->problems->len; i++)
    g_ptr_array_add (problems, g_ptr_array_index (r->problems, i));
  g_ptr_array_set_free_func (r->problems, NULL);
}

static void
read_row (RowReader   *r,
          CwChronoRow *out)
{
  gboolean has_start;

  has_start = read_start (r, out);
  read_end (r, has_start, out);
  read_sequence (r, out);
  read_texts (r, out);
  read_significance (r, out);
  if (r->text != NULL && *value_of (r, CW_CHRONO_FIELD_TAGS) == '\0')
    out->tags = no_tags;
  else
    out->tags = cw_chrono_tags_from_text (value_of (r, CW_CHRONO_FIELD_TAGS));
  out->row = r->row;
  out->borrowed = r->text != NULL;
}

/**
 * cw_chrono_row_from_record:
 * @mapping: which column holds which field
 * @fields: (element-type utf8): one record of the return, as
 *   cw_csv_reader_next() gives it; it may be shorter or longer than the
 *   headings, and cells past its end are empty
 * @row: the record's row in the return, for provenance and problems
 * @order: how to read numeric dates (see cw_chrono_date_detect_order())
 * @out: (out caller-allocates): the entry, set on success; clear it with
 *   cw_chrono_row_clear()
 * @problems: (nullable) (element-type CwImportProblem): where to add the
 *   row's problems, in column order, as from cw_import_problems_new()
 * @skipped: (out) (optional): set when every cell of the record is empty
 *
 * Trims each value and reads it: the date (a time in the time column joins
 * it), the end date, the sequence number, the significance and the tags.
 * Every problem in the row is reported, not only the first: a missing
 * date, record reference or description; a date that is not a date, not a
 * real one, or real only in the other order; an end before the start; a
 * sequence that is not a whole number; a significance not understood.
 * Text in cells past the last heading is a warning, which does not stop the
 * row. A row of empty cells is skipped without a problem.
 *
 * Returns: whether @out holds an entry; %FALSE with problems added, or with
 *   @skipped set
 */
gboolean
cw_chrono_row_from_record (CwChronoMapping *mapping,
                           const GPtrArray *fields,
                           guint            row,
                           CwDateOrder      order,
                           CwChronoRow     *out,
                           GPtrArray       *problems,
                           gboolean        *skipped)
{
  return cw_chrono_row_read (mapping, fields, row, order, NULL, out, problems, skipped);
}

/**
 * cw_chrono_row_read:
 * @text: (nullable): where to keep the row's strings; %NULL for each its
 *   own allocation
 *
 * As cw_chrono_row_from_record(), with the row's strings borrowed: each
 * is the cell of @fields itself when the cell needs no trimming (past its
 * leading spaces), else a copy in @text. @fields' cells and @text must
 * outlive the row, which never changes them: an import of 100,000 rows
 * would otherwise make a million small allocations. The tags are still the
 * row's own when it has any; cw_chrono_row_clear() frees what is the
 * row's.
 */
gboolean
cw_chrono_row_read (CwChronoMapping *mapping,
                    const GPtrArray *fields,
                    guint            row,
                    CwDateOrder      order,
                    GStringChunk    *text,
                    CwChronoRow     *out,
                    GPtrArray       *problems,
                    gboolean        *skipped)
{
  g_auto (RowReader) r = { .mapping = mapping, .row = row, .order = order, .text = text };
  gboolean blank;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  blank = record_is_blank (fields);
  if (skipped != NULL)
    *skipped = blank;
  if (blank)
    return FALSE;
  read_cells (&r, fields);
  read_row (&r, out);
  move_problems (&r, problems);
  if (r.n_errors == 0)
    return TRUE;
  cw_chrono_row_clear (out);
  return FALSE;
}

/**
 * cw_chrono_row_clear:
 *
 * Frees what @row holds and zeroes it; @row itself is the caller's.
 */
void
cw_chrono_row_clear (CwChronoRow *row)
{
  g_return_if_fail (row != NULL);

  if (!row->borrowed)
    {
      g_free (row->agency);
      g_free (row->author);
      g_free (row->source);
      g_free (row->description);
      g_free (row->action);
      g_free (row->rationale);
      g_free (row->outcome);
      g_free (row->impact);
    }
  if (row->tags != no_tags)
    g_strfreev (row->tags);
  memset (row, 0, sizeof *row);
}
