/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-chronology-columns.h"
#include "cw-csv.h"

/* ---------------------------------------------------------------- helpers */

/* The columns of most rows below: A to N. */
static const char *const all_headers[] = {
  "Date", "Time", "End date", "Seq", "Agency", "Author", "Source", "Details",
  "Action taken", "Rationale", "Outcome", "Impact on child", "Significance", "Tags",
};

static CwChronoMapping *
all_mapping (void)
{
  return cw_chrono_mapping_new_from_headers (all_headers, G_N_ELEMENTS (all_headers));
}

/* A record from "a|b|c", as the CSV reader would give it. */
static GPtrArray *
record_of (const char *line)
{
  g_auto (GStrv) cells = g_strsplit (line, "|", -1);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; cells[i] != NULL; i++)
    g_ptr_array_add (record, g_strdup (cells[i]));
  return record;
}

static gboolean
convert (CwChronoMapping *mapping,
         const char      *line,
         CwChronoRow     *out,
         GPtrArray       *problems)
{
  g_autoptr (GPtrArray) record = record_of (line);
  gboolean skipped = TRUE;
  gboolean ok;

  ok = cw_chrono_row_from_record (mapping, record, 7, CW_DATE_ORDER_DMY, out, problems, &skipped);
  g_assert_false (skipped);
  return ok;
}

static const CwImportProblem *
problem_at (GPtrArray *problems,
            guint      i)
{
  g_assert_cmpuint (i, <, problems->len);
  return g_ptr_array_index (problems, i);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static char *
iso_of (const CwChronoDate *date)
{
  return cw_chrono_date_to_iso (date);
}

/* ----------------------------------------------------------------- fields */

static void
test_field_ids (void)
{
  for (guint f = 0; f < CW_CHRONO_N_FIELDS; f++)
    {
      CwChronoField back = CW_CHRONO_N_FIELDS;

      g_assert_true (cw_chrono_field_from_id (cw_chrono_field_id (f), &back));
      g_assert_cmpint (back, ==, f);
      g_assert_cmpstr (cw_chrono_field_label (f), !=, "");
    }
  g_assert_cmpstr (cw_chrono_field_id (CW_CHRONO_FIELD_END_DATE), ==, "end_date");
  g_assert_cmpstr (cw_chrono_field_id (CW_CHRONO_FIELD_NONE), ==, "none");
  g_assert_cmpstr (cw_chrono_field_label (CW_CHRONO_FIELD_SOURCE), ==, "Record reference");

  {
    CwChronoField out = CW_CHRONO_FIELD_DATE;

    g_assert_false (cw_chrono_field_from_id ("colour", &out));
    g_assert_cmpint (out, ==, CW_CHRONO_FIELD_DATE);
  }

  for (guint f = 0; f < CW_CHRONO_N_FIELDS; f++)
    g_assert_cmpint (cw_chrono_field_is_required (f), ==,
                     f == CW_CHRONO_FIELD_DATE || f == CW_CHRONO_FIELD_SOURCE
                       || f == CW_CHRONO_FIELD_DESCRIPTION);
}

typedef struct
{
  const char   *header;
  CwChronoField field;
} HeaderCase;

static const HeaderCase header_cases[] = {
  /* The synonyms of the issue and the brief */
  { "Date", CW_CHRONO_FIELD_DATE },
  { "Date of event", CW_CHRONO_FIELD_DATE },
  { "Event date", CW_CHRONO_FIELD_DATE },
  { "Date/time", CW_CHRONO_FIELD_DATE },
  { "Time", CW_CHRONO_FIELD_TIME },
  { "End date", CW_CHRONO_FIELD_END_DATE },
  { "To", CW_CHRONO_FIELD_END_DATE },
  { "Seq", CW_CHRONO_FIELD_SEQUENCE },
  { "Sequence", CW_CHRONO_FIELD_SEQUENCE },
  { "No.", CW_CHRONO_FIELD_SEQUENCE },
  { "Agency", CW_CHRONO_FIELD_AGENCY },
  { "Organisation", CW_CHRONO_FIELD_AGENCY },
  { "Organization", CW_CHRONO_FIELD_AGENCY },
  { "Author", CW_CHRONO_FIELD_AUTHOR },
  { "Role", CW_CHRONO_FIELD_AUTHOR },
  { "Practitioner", CW_CHRONO_FIELD_AUTHOR },
  { "Worker", CW_CHRONO_FIELD_AUTHOR },
  { "Recorded by", CW_CHRONO_FIELD_AUTHOR },
  { "Source", CW_CHRONO_FIELD_SOURCE },
  { "Record ref", CW_CHRONO_FIELD_SOURCE },
  { "Record reference", CW_CHRONO_FIELD_SOURCE },
  { "Reference", CW_CHRONO_FIELD_SOURCE },
  { "Case note ref", CW_CHRONO_FIELD_SOURCE },
  { "Document", CW_CHRONO_FIELD_SOURCE },
  { "Details", CW_CHRONO_FIELD_DESCRIPTION },
  { "Event", CW_CHRONO_FIELD_DESCRIPTION },
  { "Description", CW_CHRONO_FIELD_DESCRIPTION },
  { "Summary", CW_CHRONO_FIELD_DESCRIPTION },
  { "What happened", CW_CHRONO_FIELD_DESCRIPTION },
  { "Action taken", CW_CHRONO_FIELD_ACTION },
  { "Decision", CW_CHRONO_FIELD_ACTION },
  { "Action/decision", CW_CHRONO_FIELD_ACTION },
  { "Rationale", CW_CHRONO_FIELD_RATIONALE },
  { "Reason", CW_CHRONO_FIELD_RATIONALE },
  { "Outcome", CW_CHRONO_FIELD_OUTCOME },
  { "Result", CW_CHRONO_FIELD_OUTCOME },
  { "Impact on child", CW_CHRONO_FIELD_IMPACT },
  { "Impact on the child", CW_CHRONO_FIELD_IMPACT },
  { "Impact", CW_CHRONO_FIELD_IMPACT },
  { "Significance", CW_CHRONO_FIELD_SIGNIFICANCE },
  { "Significant?", CW_CHRONO_FIELD_SIGNIFICANCE },
  { "Key event", CW_CHRONO_FIELD_SIGNIFICANCE },
  { "Tags", CW_CHRONO_FIELD_TAGS },
  { "Themes", CW_CHRONO_FIELD_TAGS },
  { "Category", CW_CHRONO_FIELD_TAGS },
  /* Others people write */
  { "Date and time", CW_CHRONO_FIELD_DATE },
  { "Date & time", CW_CHRONO_FIELD_DATE },
  { "From", CW_CHRONO_FIELD_DATE },
  { "Date to", CW_CHRONO_FIELD_END_DATE },
  { "#", CW_CHRONO_FIELD_SEQUENCE },
  { "Sequence number", CW_CHRONO_FIELD_SEQUENCE },
  { "Agency/service", CW_CHRONO_FIELD_AGENCY },
  { "Author/role", CW_CHRONO_FIELD_AUTHOR },
  { "Decision/action", CW_CHRONO_FIELD_ACTION },
  { "Impact on child/young person", CW_CHRONO_FIELD_IMPACT },
  { "Contact type", CW_CHRONO_FIELD_TAGS },
  /* Case, punctuation, spaces, accents and notes in brackets */
  { "DATE OF EVENT", CW_CHRONO_FIELD_DATE },
  { "date-of-event", CW_CHRONO_FIELD_DATE },
  { "Date_of_event", CW_CHRONO_FIELD_DATE },
  { "  Date   of\tevent  ", CW_CHRONO_FIELD_DATE },
  { "Date (dd/mm/yyyy)", CW_CHRONO_FIELD_DATE },
  { "Date [DD/MM/YY]", CW_CHRONO_FIELD_DATE },
  { "Date*", CW_CHRONO_FIELD_DATE },
  { "Datetime", CW_CHRONO_FIELD_DATE },
  { "Time (24hr)", CW_CHRONO_FIELD_TIME },
  { "RECORD REF.", CW_CHRONO_FIELD_SOURCE },
  { "Record-Ref", CW_CHRONO_FIELD_SOURCE },
  { "Case note ref:", CW_CHRONO_FIELD_SOURCE },
  { "No", CW_CHRONO_FIELD_SEQUENCE },
  { "seq.", CW_CHRONO_FIELD_SEQUENCE },
  { "Significant ?", CW_CHRONO_FIELD_SIGNIFICANCE },
  { "KEY EVENT?", CW_CHRONO_FIELD_SIGNIFICANCE },
  { "Impact on the child:", CW_CHRONO_FIELD_IMPACT },
  { "ORGANIZATION", CW_CHRONO_FIELD_AGENCY },
  { "Organisatión", CW_CHRONO_FIELD_AGENCY },
  { "Action / Decision", CW_CHRONO_FIELD_ACTION },
  { "\xc2\xa0" "Details" "\xc2\xa0", CW_CHRONO_FIELD_DESCRIPTION }, /* no-break spaces */
  /* Not recognised */
  { "", CW_CHRONO_FIELD_NONE },
  { "   ", CW_CHRONO_FIELD_NONE },
  { "(dd/mm/yyyy)", CW_CHRONO_FIELD_NONE },
  { "Notes", CW_CHRONO_FIELD_NONE },
  { "Reviewer comments", CW_CHRONO_FIELD_NONE },
  { "Date of birth", CW_CHRONO_FIELD_NONE },
  { "Child’s name", CW_CHRONO_FIELD_NONE },
  { "Dates", CW_CHRONO_FIELD_NONE },
  { "Column1", CW_CHRONO_FIELD_NONE },
  { "\xff\xfe", CW_CHRONO_FIELD_NONE },
};

static void
test_header_synonyms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      CwChronoField field = cw_chrono_field_from_header (header_cases[i].header);

      if (field != header_cases[i].field)
        g_error ("“%s” is %s, not %s", header_cases[i].header, cw_chrono_field_id (field),
                 cw_chrono_field_id (header_cases[i].field));
    }
  g_assert_cmpint (cw_chrono_field_from_header (NULL), ==, CW_CHRONO_FIELD_NONE);
  /* Plain ASCII takes a shorter way (header_key()): with a no-break space
   * added, the same heading takes the long way, to the same field. */
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *unicode = g_strconcat (header_cases[i].header, "\u00a0", NULL);

      g_assert_cmpint (cw_chrono_field_from_header (unicode), ==, header_cases[i].field);
    }
  g_assert_cmpint (cw_chrono_field_from_header ("(Date)"), ==, CW_CHRONO_FIELD_DATE);
  g_assert_cmpint (cw_chrono_field_from_header ("(Date)\u00a0"), ==, CW_CHRONO_FIELD_DATE);
  g_assert_cmpint (cw_chrono_field_from_header ("[Record ref]"), ==, CW_CHRONO_FIELD_SOURCE);
  g_assert_cmpint (cw_chrono_field_from_header ("Record-ref (CAD) [sys]"), ==,
                   CW_CHRONO_FIELD_SOURCE);
}

/* ---------------------------------------------------------------- mapping */

static void
test_mapping_guess (void)
{
  g_autoptr (CwChronoMapping) mapping = all_mapping ();
  static const CwChronoField expected[] = {
    CW_CHRONO_FIELD_DATE, CW_CHRONO_FIELD_TIME, CW_CHRONO_FIELD_END_DATE,
    CW_CHRONO_FIELD_SEQUENCE, CW_CHRONO_FIELD_AGENCY, CW_CHRONO_FIELD_AUTHOR,
    CW_CHRONO_FIELD_SOURCE, CW_CHRONO_FIELD_DESCRIPTION, CW_CHRONO_FIELD_ACTION,
    CW_CHRONO_FIELD_RATIONALE, CW_CHRONO_FIELD_OUTCOME, CW_CHRONO_FIELD_IMPACT,
    CW_CHRONO_FIELD_SIGNIFICANCE, CW_CHRONO_FIELD_TAGS,
  };
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (cw_chrono_mapping_get_n_columns (mapping), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (cw_chrono_mapping_get (mapping, i), ==, expected[i]);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 14), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpstr (cw_chrono_mapping_get_header (mapping, 11), ==, "Impact on child");
  g_assert_null (cw_chrono_mapping_get_notes (mapping)[0]);
  g_assert_true (cw_chrono_mapping_check (mapping, &error));
  g_assert_no_error (error);
}

static void
test_mapping_duplicates (void)
{
  const char *const headers[] = {
    "Date", "Details", "Event date", "Source", "Description", "Date",
  };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 6);
  const char *const *notes = cw_chrono_mapping_get_notes (mapping);

  g_assert_cmpint (cw_chrono_mapping_get (mapping, 0), ==, CW_CHRONO_FIELD_DATE);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 1), ==, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 2), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 3), ==, CW_CHRONO_FIELD_SOURCE);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 4), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 5), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpuint (g_strv_length ((GStrv) notes), ==, 3);
  g_assert_cmpstr (notes[0], ==,
                   "Column C (“Event date”) also looks like Date, but column A (“Date”) is used "
                   "for it; change this in the mapping if that is wrong");
  assert_contains (notes[1], "Column E (“Description”) also looks like Description, but "
                             "column B (“Details”)");
  assert_contains (notes[2], "Column F (“Date”)");
}

typedef struct
{
  const char *headers; /* separated by | */
  const char *message; /* NULL: the mapping is complete */
} CheckCase;

static const CheckCase check_cases[] = {
  { "Date|Source|Details", NULL },
  { "Date|Details|Agency", "No column is matched to Record reference; choose one in the mapping" },
  { "Record ref|Agency", "No columns are matched to Date and Description; choose them in the "
                         "mapping" },
  { "Agency|Notes", "No columns are matched to Date, Record reference and Description; choose "
                    "them in the mapping" },
  { "Child|Mother|Notes", "No column heading was recognised; check that the first row holds the "
                          "headings, then choose the columns for Date, Record reference and "
                          "Description in the mapping" },
  { "03/04/2021|GP|Saw the child", "No column heading was recognised; check that the first row "
                                   "holds the headings, then choose the columns for Date, Record "
                                   "reference and Description in the mapping" },
};

static void
test_mapping_check (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_auto (GStrv) headers = g_strsplit (check_cases[i].headers, "|", -1);
      g_autoptr (CwChronoMapping) mapping = NULL;
      g_autoptr (GError) error = NULL;
      gboolean ok;

      mapping = cw_chrono_mapping_new_from_headers ((const char *const *) headers,
                                                    g_strv_length (headers));
      ok = cw_chrono_mapping_check (mapping, &error);
      if (check_cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_error (error, CW_CHRONO_MAPPING_ERROR, CW_CHRONO_MAPPING_ERROR_UNMATCHED);
      g_assert_false (ok);
      g_assert_cmpstr (error->message, ==, check_cases[i].message);
    }
}

static void
test_mapping_set (void)
{
  const char *const headers[] = { "When", "Notes", "Ref", "Entry" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 4);
  g_autoptr (GError) error = NULL;
  guint column = 99;

  g_assert_cmpint (cw_chrono_mapping_get (mapping, 0), ==, CW_CHRONO_FIELD_DATE);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 1), ==, CW_CHRONO_FIELD_NONE);
  g_assert_false (cw_chrono_mapping_check (mapping, &error));
  g_clear_error (&error);

  cw_chrono_mapping_set (mapping, 1, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 1), ==, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_true (cw_chrono_mapping_find (mapping, CW_CHRONO_FIELD_DESCRIPTION, &column));
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (cw_chrono_mapping_check (mapping, &error));
  g_assert_no_error (error);

  /* A field belongs to one column: the old one lets it go. */
  cw_chrono_mapping_set (mapping, 3, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 3), ==, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 1), ==, CW_CHRONO_FIELD_NONE);
  g_assert_true (cw_chrono_mapping_find (mapping, CW_CHRONO_FIELD_DESCRIPTION, &column));
  g_assert_cmpuint (column, ==, 3);

  /* Setting a column to its own field changes nothing. */
  cw_chrono_mapping_set (mapping, 3, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 3), ==, CW_CHRONO_FIELD_DESCRIPTION);

  /* A column's old field is free for another. */
  cw_chrono_mapping_set (mapping, 0, CW_CHRONO_FIELD_NONE);
  g_assert_false (cw_chrono_mapping_find (mapping, CW_CHRONO_FIELD_DATE, NULL));
  cw_chrono_mapping_set (mapping, 2, CW_CHRONO_FIELD_DATE);
  g_assert_false (cw_chrono_mapping_find (mapping, CW_CHRONO_FIELD_SOURCE, NULL));
  g_assert_false (cw_chrono_mapping_check (mapping, &error));
  g_assert_cmpstr (error->message, ==,
                   "No column is matched to Record reference; choose one in the mapping");
}

static void
test_mapping_round_trip (void)
{
  const char *const first[] = { "Date", "Event date", "Notes", "Ref", "Entry", "Seq" };
  const char *const second[] = {
    "ENTRY", "Seq.", "Date", "New column", "ref", "Event date", "Notes", "Description",
  };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (first, 6);
  g_autoptr (CwChronoMapping) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  /* The person prefers the event date, imports the notes as the description
   * and drops the sequence. */
  cw_chrono_mapping_set (mapping, 1, CW_CHRONO_FIELD_DATE);
  cw_chrono_mapping_set (mapping, 2, CW_CHRONO_FIELD_DESCRIPTION);
  cw_chrono_mapping_set (mapping, 4, CW_CHRONO_FIELD_TAGS);
  cw_chrono_mapping_set (mapping, 5, CW_CHRONO_FIELD_NONE);
  saved = cw_chrono_mapping_to_string (mapping);
  g_assert_cmpstr (saved, ==,
                   "casewise-chronology-columns 1\n"
                   "Date\tnone\n"
                   "Event date\tdate\n"
                   "Notes\tdescription\n"
                   "Ref\tsource\n"
                   "Entry\ttags\n"
                   "Seq\tnone\n");

  /* The next return has the columns in another order, written differently,
   * and two new ones: "Description" is guessed, but the field is taken. */
  again = cw_chrono_mapping_new_from_string (saved, second, G_N_ELEMENTS (second));
  g_assert_cmpint (cw_chrono_mapping_get (again, 0), ==, CW_CHRONO_FIELD_TAGS);
  g_assert_cmpint (cw_chrono_mapping_get (again, 1), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpint (cw_chrono_mapping_get (again, 2), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpint (cw_chrono_mapping_get (again, 3), ==, CW_CHRONO_FIELD_NONE);
  g_assert_cmpint (cw_chrono_mapping_get (again, 4), ==, CW_CHRONO_FIELD_SOURCE);
  g_assert_cmpint (cw_chrono_mapping_get (again, 5), ==, CW_CHRONO_FIELD_DATE);
  g_assert_cmpint (cw_chrono_mapping_get (again, 6), ==, CW_CHRONO_FIELD_DESCRIPTION);
  g_assert_cmpint (cw_chrono_mapping_get (again, 7), ==, CW_CHRONO_FIELD_NONE);
  assert_contains (cw_chrono_mapping_get_notes (again)[0],
                   "Column H (“Description”) also looks like Description, but column G "
                   "(“Notes”) is used for it");

  /* The same headings give the same mapping back. */
  g_clear_pointer (&again, cw_chrono_mapping_free);
  again = cw_chrono_mapping_new_from_string (saved, first, 6);
  saved_again = cw_chrono_mapping_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);
}

static void
test_mapping_string_awkward (void)
{
  /* Line breaks, tabs, quotes and backslashes in headings; repeated headings;
   * non-ASCII kept readable. */
  const char *const headers[] = {
    "Date\nof event", "Note\t1", "Quoted \"ref\" \\ here", "Détails", "Notes", "Notes",
  };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 6);
  g_autoptr (CwChronoMapping) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  cw_chrono_mapping_set (mapping, 1, CW_CHRONO_FIELD_AUTHOR);
  cw_chrono_mapping_set (mapping, 2, CW_CHRONO_FIELD_SOURCE);
  cw_chrono_mapping_set (mapping, 3, CW_CHRONO_FIELD_DESCRIPTION);
  cw_chrono_mapping_set (mapping, 5, CW_CHRONO_FIELD_OUTCOME);
  saved = cw_chrono_mapping_to_string (mapping);
  assert_contains (saved, "Date\\nof event\tdate\n");
  assert_contains (saved, "Note\\t1\tauthor\n");
  assert_contains (saved, "Quoted \\\"ref\\\" \\\\ here\tsource\n");
  assert_contains (saved, "Détails\tdescription\n");
  assert_contains (saved, "Notes\tnone\nNotes\toutcome\n");

  again = cw_chrono_mapping_new_from_string (saved, headers, 6);
  saved_again = cw_chrono_mapping_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);
}

typedef struct
{
  const char   *saved;
  CwChronoField fields[4];
} DamagedCase;

static const DamagedCase damaged_cases[] = {
#define GUESSED { CW_CHRONO_FIELD_DATE, CW_CHRONO_FIELD_SOURCE, CW_CHRONO_FIELD_DESCRIPTION, \
                  CW_CHRONO_FIELD_NONE }
  { NULL, GUESSED },
  { "", GUESSED },
  { "rubbish", GUESSED },
  /* unknown field ids, no heading, no tab: each line ignored */
  { "Date\tcolour\nSource\t\n\tdate\nWhatever", GUESSED },
  /* two columns for one field: the first of the new file's columns has it */
  { "casewise-chronology-columns 99\nDate\tdate\nWhatever\tsource\nDetails\tsource\n",
    { CW_CHRONO_FIELD_DATE, CW_CHRONO_FIELD_NONE, CW_CHRONO_FIELD_SOURCE,
      CW_CHRONO_FIELD_NONE } },
#undef GUESSED
};

static void
test_mapping_string_damaged (void)
{
  const char *const headers[] = { "Date", "Source", "Details", "Whatever" };

  for (guint i = 0; i < G_N_ELEMENTS (damaged_cases); i++)
    {
      g_autoptr (CwChronoMapping) mapping = NULL;

      mapping = cw_chrono_mapping_new_from_string (damaged_cases[i].saved, headers, 4);
      for (guint column = 0; column < 4; column++)
        g_assert_cmpint (cw_chrono_mapping_get (mapping, column), ==,
                         damaged_cases[i].fields[column]);
    }
}

/* ------------------------------------------------------------------- rows */

static void
test_row_good (void)
{
  g_autoptr (CwChronoMapping) mapping = all_mapping ();
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_true (convert (mapping,
                          " 03/04/2021 |14:30|05/04/2021| 2 |Police| PC 1234, response officer |"
                          "CRIS 4711/21|Officers attended a report of shouting.\nChild seen.|"
                          "Referral to children's social care|Child at risk|Strategy meeting held|"
                          "Child frightened|Key|DV; Police ,neglect;;dv",
                          &row, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  start = iso_of (&row.start);
  end = iso_of (&row.end);
  g_assert_cmpstr (start, ==, "2021-04-03T14:30");
  g_assert_true (row.has_end);
  g_assert_cmpstr (end, ==, "2021-04-05");
  g_assert_true (row.has_sequence);
  g_assert_cmpuint (row.sequence, ==, 2);
  g_assert_cmpstr (row.agency, ==, "Police");
  g_assert_cmpstr (row.author, ==, "PC 1234, response officer");
  g_assert_cmpstr (row.source, ==, "CRIS 4711/21");
  g_assert_cmpstr (row.description, ==, "Officers attended a report of shouting.\nChild seen.");
  g_assert_cmpstr (row.action, ==, "Referral to children's social care");
  g_assert_cmpstr (row.rationale, ==, "Child at risk");
  g_assert_cmpstr (row.outcome, ==, "Strategy meeting held");
  g_assert_cmpstr (row.impact, ==, "Child frightened");
  g_assert_cmpint (row.significance, ==, CW_CHRONO_SIGNIFICANCE_KEY);
  g_assert_cmpuint (g_strv_length (row.tags), ==, 3);
  g_assert_cmpstr (row.tags[0], ==, "DV");
  g_assert_cmpstr (row.tags[1], ==, "Police");
  g_assert_cmpstr (row.tags[2], ==, "neglect");
  g_assert_cmpuint (row.row, ==, 7);
}

static void
test_row_minimal (void)
{
  const char *const headers[] = { "Date", "Record ref", "Details", "Outcome" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 4);
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };
  g_autofree char *start = NULL;

  g_assert_true (convert (mapping, "May 2016|GP-1|Registered with GP|   ", &row, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  start = iso_of (&row.start);
  g_assert_cmpstr (start, ==, "2016-05");
  g_assert_false (row.has_end);
  g_assert_false (row.has_sequence);
  g_assert_null (row.agency);
  g_assert_null (row.author);
  g_assert_null (row.outcome);
  g_assert_cmpint (row.significance, ==, CW_CHRONO_SIGNIFICANCE_ROUTINE);
  g_assert_nonnull (row.tags);
  g_assert_null (row.tags[0]);
}

typedef struct
{
  const char *date;
  const char *time;
  const char *iso; /* of the start */
} DateCase;

static const DateCase date_cases[] = {
  { "03/04/2021", "", "2021-04-03" },
  { "03/04/2021", "14:30", "2021-04-03T14:30" },
  { "03/04/2021", "2.30pm", "2021-04-03T14:30" },
  { "3 April 2021 14:30", "", "2021-04-03T14:30" },
  { "3 April 2021 14:30", "14:30", "2021-04-03T14:30" }, /* the same time twice */
  { "?22/05/2016", "", "~2016-05-22" },
  { "?22/05/2016", "09:15", "~2016-05-22T09:15" },
  { "c. May 2016", "", "~2016-05" },
  { "~2016", "", "~2016" },
  { "2016", "", "2016" },
  { "Apr-21", "", "2021-04" },
  { "44289", "", "2021-04-03" },
};

static void
test_row_dates (void)
{
  const char *const headers[] = { "Date", "Time", "Source", "Details" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 4);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr (GPtrArray) problems = cw_import_problems_new ();
      g_autofree char *line = g_strdup_printf ("%s|%s|R1|Seen", date_cases[i].date,
                                               date_cases[i].time);
      g_auto (CwChronoRow) row = { 0 };
      g_autofree char *iso = NULL;

      if (!convert (mapping, line, &row, problems))
        g_error ("%s: %s", line, problem_at (problems, 0)->message);
      iso = iso_of (&row.start);
      g_assert_cmpstr (iso, ==, date_cases[i].iso);
    }
}

static void
test_row_month_first (void)
{
  const char *const headers[] = { "Date", "To", "Source", "Details" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 4);
  g_autoptr (GPtrArray) record = record_of ("04/13/2021|04/14/2021|R1|Seen");
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_true (cw_chrono_row_from_record (mapping, record, 2, CW_DATE_ORDER_MDY, &row,
                                            problems, NULL));
  start = iso_of (&row.start);
  end = iso_of (&row.end);
  g_assert_cmpstr (start, ==, "2021-04-13");
  g_assert_cmpstr (end, ==, "2021-04-14");
}

typedef struct
{
  const char *line;   /* in the columns of all_headers */
  guint       column; /* from 1 */
  const char *label;
  const char *message;
} ProblemCase;

#define GOOD_TAIL "|||||||"

static const ProblemCase problem_cases[] = {
  { "|||||GP|R1|Seen" GOOD_TAIL, 1, "Date",
    "The date is missing; every entry needs at least the year" },
  { "  |||||GP|R1|Seen" GOOD_TAIL, 1, "Date",
    "The date is missing; every entry needs at least the year" },
  { "31/02/2021|||||GP|R1|Seen" GOOD_TAIL, 1, "Date",
    "“31/02/2021” is not a real date: February 2021 has 28 days" },
  { "04/13/2021|||||GP|R1|Seen" GOOD_TAIL, 1, "Date",
    "“04/13/2021” is not a real date day first (there is no month 13)" },
  { "soon|||||GP|R1|Seen" GOOD_TAIL, 1, "Date", "“soon” is not a date; write it day first" },
  { "03/04/2021|25:00||||GP|R1|Seen" GOOD_TAIL, 2, "Time", "“25:00”" },
  { "03/04/2021|later||||GP|R1|Seen" GOOD_TAIL, 2, "Time", "“later” is not a time of day" },
  { "April 2021|14:30||||GP|R1|Seen" GOOD_TAIL, 2, "Time",
    "“14:30” gives a time but Apr 2021 has no day" },
  { "3/4/2021 10:00|14:30||||GP|R1|Seen" GOOD_TAIL, 2, "Time",
    "The date “3/4/2021 10:00” gives one time and this column another, “14:30”; remove one "
    "of them" },
  { "03/04/2021||30/02/2021|||GP|R1|Seen" GOOD_TAIL, 3, "End date", "“30/02/2021” is not a real" },
  { "03/04/2021||02/04/2021|||GP|R1|Seen" GOOD_TAIL, 3, "End date",
    "The end date, 2 Apr 2021, is before the start date, 3 Apr 2021; check both dates in the "
    "source" },
  { "03/04/2021 14:00||03/04/2021 10:00|||GP|R1|Seen" GOOD_TAIL, 3, "End date",
    "The end date, 3 Apr 2021 10:00, is before the start date, 3 Apr 2021 14:00" },
  { "2021||2020|||GP|R1|Seen" GOOD_TAIL, 3, "End date",
    "The end date, 2020, is before the start date, 2021" },
  { "03/04/2021|||2a||GP|R1|Seen" GOOD_TAIL, 4, "Sequence",
    "“2a” is not a sequence number; write a whole number, such as 1, 2 or 3, to order the "
    "events of one day" },
  { "03/04/2021|||-1||GP|R1|Seen" GOOD_TAIL, 4, "Sequence", "“-1” is not a sequence number" },
  { "03/04/2021|||1.5||GP|R1|Seen" GOOD_TAIL, 4, "Sequence", "“1.5” is not a sequence number" },
  { "03/04/2021|||12345678901||GP|R1|Seen" GOOD_TAIL, 4, "Sequence",
    "“12345678901” is not a sequence number" },
  { "03/04/2021|||||GP| |Seen" GOOD_TAIL, 7, "Record reference",
    "The record reference is missing; every entry needs one, so that it can be traced to the "
    "agency’s records" },
  { "03/04/2021|||||GP|R1|" GOOD_TAIL, 8, "Description",
    "The description is missing; say briefly what happened" },
  { "03/04/2021|||||GP|R1|Seen|||||maybe|", 13, "Significance",
    "“maybe” is not a significance; write routine, significant or key" },
};

static void
test_row_problems (void)
{
  g_autoptr (CwChronoMapping) mapping = all_mapping ();

  for (guint i = 0; i < G_N_ELEMENTS (problem_cases); i++)
    {
      const ProblemCase *c = &problem_cases[i];
      g_autoptr (GPtrArray) problems = cw_import_problems_new ();
      CwChronoRow row;
      const CwImportProblem *problem;

      memset (&row, 0xAA, sizeof row); /* overwritten, never freed */
      g_assert_false (convert (mapping, c->line, &row, problems));
      g_assert_null (row.source);
      g_assert_null (row.tags);
      if (problems->len != 1)
        g_error ("%s: %u problems", c->line, problems->len);
      problem = problem_at (problems, 0);
      g_assert_cmpuint (problem->row, ==, 7);
      g_assert_cmpuint (problem->column, ==, c->column);
      g_assert_cmpint (problem->severity, ==, CW_IMPORT_PROBLEM_ERROR);
      g_assert_cmpstr (problem->field_label, ==, c->label);
      assert_contains (problem->message, c->message);
    }
}

static void
test_row_several_problems (void)
{
  g_autoptr (CwChronoMapping) mapping = all_mapping ();
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };
  static const guint columns[] = { 1, 2, 4, 7, 8, 13, 15 };

  g_assert_false (convert (mapping, "31/02/2021|25:00||x||GP|||||||maybe|tag|stray", &row,
                           problems));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_assert_cmpuint (problem_at (problems, i)->column, ==, columns[i]);
      g_assert_cmpuint (problem_at (problems, i)->row, ==, 7);
    }
  g_assert_cmpint (problem_at (problems, 6)->severity, ==, CW_IMPORT_PROBLEM_WARNING);
  g_assert_null (problem_at (problems, 6)->field_label);
  /* A row's problems are added after those already there. */
  g_assert_false (convert (mapping, "|||||GP|R1|Seen" GOOD_TAIL, &row, problems));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (columns) + 1);
  g_assert_cmpuint (problem_at (problems, G_N_ELEMENTS (columns))->column, ==, 1);
}

static void
test_row_unmapped_required (void)
{
  const char *const headers[] = { "Date", "Details" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 2);
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };

  /* Checking the mapping first prevents this, but the row is not taken on trust. */
  g_assert_false (convert (mapping, "03/04/2021|Seen", &row, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (problem_at (problems, 0)->column, ==, 0);
  g_assert_cmpstr (problem_at (problems, 0)->field_label, ==, "Record reference");
}

static void
test_row_empty (void)
{
  g_autoptr (CwChronoMapping) mapping = all_mapping ();
  static const char *const lines[] = { "", "|||", "  | \t |\xc2\xa0| ", "|||||||||||||||||||" };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr (GPtrArray) record = record_of (lines[i]);
      g_autoptr (GPtrArray) problems = cw_import_problems_new ();
      g_auto (CwChronoRow) row = { 0 };
      gboolean skipped = FALSE;

      g_assert_false (cw_chrono_row_from_record (mapping, record, 3, CW_DATE_ORDER_DMY, &row,
                                                 problems, &skipped));
      g_assert_true (skipped);
      g_assert_cmpuint (problems->len, ==, 0);
    }

  /* Not skipped when only an unmapped column has text. */
  {
    const char *const headers[] = { "Date", "Source", "Details", "Notes" };
    g_autoptr (CwChronoMapping) notes = cw_chrono_mapping_new_from_headers (headers, 4);
    g_autoptr (GPtrArray) problems = cw_import_problems_new ();
    g_auto (CwChronoRow) row = { 0 };

    g_assert_false (convert (notes, "|||2019", &row, problems));
    g_assert_cmpuint (problems->len, ==, 3);
  }
}

static void
test_row_ragged (void)
{
  const char *const headers[] = { "Date", "Source", "Details", "Outcome", "Tags" };
  g_autoptr (CwChronoMapping) mapping = cw_chrono_mapping_new_from_headers (headers, 5);
  g_autoptr (GPtrArray) problems = cw_import_problems_new ();
  g_auto (CwChronoRow) row = { 0 };
  g_autofree char *text = NULL;

  /* Shorter: the missing cells are empty. */
  g_assert_true (convert (mapping, "03/04/2021|R1|Seen", &row, problems));
  g_assert_null (row.outcome);
  g_assert_cmpuint (problems->len, ==, 0);
  cw_chrono_row_clear (&row);

  g_assert_false (convert (mapping, "03/04/2021|R1", &row, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (problem_at (problems, 0)->column, ==, 3);
  g_ptr_array_set_size (problems, 0);

  /* Longer: empty cells past the headings are nothing, text there a warning. */
  g_assert_true (convert (mapping, "03/04/2021|R1|Seen|||  ||", &row, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  cw_chrono_row_clear (&row);

  g_assert_true (convert (mapping,
                          "03/04/2021|R1|Seen|||| Mother said the child had not eaten since "
                          "Tuesday morning\n(see note) ",
                          &row, problems));
  g_assert_cmpstr (row.description, ==, "Seen");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (problem_at (problems, 0)->severity, ==, CW_IMPORT_PROBLEM_WARNING);
  g_assert_cmpuint (problem_at (problems, 0)->column, ==, 7);
  text = cw_import_problem_format (problem_at (problems, 0), "school.csv");
  g_assert_cmpstr (text, ==,
                   "school.csv, row 7, column G: “Mother said the child had not eaten sinc…” was "
                   "not imported: its column has no heading. Give the column a heading and "
                   "choose its field, or remove the text");
}

/* ---------------------------------------------------- significance, tags */

typedef struct
{
  const char          *text;
  gboolean             yes_means_key;
  gboolean             ok;
  CwChronoSignificance significance;
} SignificanceCase;

static const SignificanceCase significance_cases[] = {
  { "", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "-", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "N/A", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "routine", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "Routine", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "Low", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "normal", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "No", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "N", TRUE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "Not significant", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_ROUTINE },
  { "significant", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "SIGNIFICANT", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "Medium", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "Yes", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "y", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "Y.", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "X", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "✓", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "TRUE", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT },
  { "Yes", TRUE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "✔", TRUE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "key", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "Key event", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "High", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "critical", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "Very significant", FALSE, TRUE, CW_CHRONO_SIGNIFICANCE_KEY },
  { "maybe", FALSE, FALSE, 0 },
  { "3", FALSE, FALSE, 0 },
  { "?", FALSE, FALSE, 0 },
  { "yesterday", FALSE, FALSE, 0 },
};

static void
test_significance (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (significance_cases); i++)
    {
      const SignificanceCase *c = &significance_cases[i];
      CwChronoSignificance out = 42;
      gboolean ok = cw_chrono_significance_from_text (c->text, c->yes_means_key, &out);

      g_autofree char *unicode = g_strconcat (c->text, "\u2009", NULL);

      if (ok != c->ok || (ok && out != c->significance))
        g_error ("“%s”: %d %d", c->text, ok, out);
      if (!ok)
        g_assert_cmpint (out, ==, 42);
      /* Plain ASCII takes a shorter way: the long way, taken by the same text
       * with a thin space, reads the same. */
      out = 42;
      if (*c->text != '\0' && strcmp (c->text, "-") != 0 && g_str_is_ascii (c->text)
          && (cw_chrono_significance_from_text (unicode, c->yes_means_key, &out) != ok
              || (ok && out != c->significance)))
        g_error ("“%s” with a thin space: %d", c->text, out);
    }
  g_assert_cmpstr (cw_chrono_significance_id (CW_CHRONO_SIGNIFICANCE_SIGNIFICANT), ==,
                   "significant");
}

static void
test_significance_column (void)
{
  const char *const headers[] = { "Date", "Source", "Details", "Key event?" };
  const char *const other[] = { "Date", "Source", "Details", "Significant?" };
  g_autoptr (CwChronoMapping) key = cw_chrono_mapping_new_from_headers (headers, 4);
  g_autoptr (CwChronoMapping) significant = cw_chrono_mapping_new_from_headers (other, 4);
  g_auto (CwChronoRow) row = { 0 };

  g_assert_true (convert (key, "2021|R|Seen|Y", &row, NULL));
  g_assert_cmpint (row.significance, ==, CW_CHRONO_SIGNIFICANCE_KEY);
  cw_chrono_row_clear (&row);
  g_assert_true (convert (significant, "2021|R|Seen|Y", &row, NULL));
  g_assert_cmpint (row.significance, ==, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
}

typedef struct
{
  const char *text;
  const char *tags; /* joined by | */
} TagsCase;

static const TagsCase tags_cases[] = {
  { "", "" },
  { " ; , ", "" },
  { "Neglect", "Neglect" },
  { "Neglect; DV", "Neglect|DV" },
  { "Neglect, DV ,school", "Neglect|DV|school" },
  { "Neglect;\nDV\r\nSchool", "Neglect|DV|School" },
  { "DV; dv; Dv; Neglect", "DV|Neglect" },
  { "Émotional; ÉMOTIONAL", "Émotional" },
  { "\xc2\xa0housing\xc2\xa0;", "housing" },
};

static void
test_tags (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tags_cases); i++)
    {
      g_auto (GStrv) tags = cw_chrono_tags_from_text (tags_cases[i].text);
      g_autofree char *joined = g_strjoinv ("|", tags);

      g_assert_cmpstr (joined, ==, tags_cases[i].tags);
    }
}

/* --------------------------------------------------------------- problems */

static void
test_column_letters (void)
{
  static const struct
  {
    guint       column;
    const char *letters;
  } cases[] = {
    { 1, "A" },     { 2, "B" },     { 26, "Z" },   { 27, "AA" },    { 28, "AB" },
    { 52, "AZ" },   { 53, "BA" },   { 702, "ZZ" }, { 703, "AAA" },  { 16384, "XFD" },
    { 18278, "ZZZ" }, { 18279, "AAAA" }, { G_MAXUINT, "MWLQKWU" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *letters = cw_column_letters (cases[i].column);

      g_assert_cmpstr (letters, ==, cases[i].letters);
    }
}

static void
test_problem_format (void)
{
  CwImportProblem problem = {
    .row = 12, .column = 3, .field_label = (char *) "Date",
    .message = (char *) "“31/02/2021” is not a real date: Feb 2021 has 28 days",
  };
  g_autofree char *in_file = cw_import_problem_format (&problem, "police.csv");
  g_autofree char *alone = cw_import_problem_format (&problem, NULL);
  g_autofree char *whole_row = NULL;
  g_autofree char *far = NULL;

  g_assert_cmpstr (in_file, ==,
                   "police.csv, row 12, column C (Date): “31/02/2021” is not a real date: "
                   "Feb 2021 has 28 days");
  g_assert_cmpstr (alone, ==,
                   "Row 12, column C (Date): “31/02/2021” is not a real date: Feb 2021 has 28 "
                   "days");
  problem.column = 0;
  whole_row = cw_import_problem_format (&problem, "police.csv");
  g_assert_cmpstr (whole_row, ==,
                   "police.csv, row 12: “31/02/2021” is not a real date: Feb 2021 has 28 days");
  problem.column = 28;
  problem.field_label = NULL;
  far = cw_import_problem_format (&problem, "police.csv");
  g_assert_cmpstr (far, ==,
                   "police.csv, row 12, column AB: “31/02/2021” is not a real date: Feb 2021 "
                   "has 28 days");
}

/* ------------------------------------------------------------- end to end */

static const char police_csv[] =
  "\xef\xbb\xbf" "Seq,Date of event,Time,Agency,Recorded by,Record Ref.,Details,Action taken,"
  "Significant?,Themes\r\n"
  "1,03/04/2021,22:15,Police,PC 1234,CRIS 4711/21,\"Call from neighbour: shouting, \"\"a child "
  "crying\"\".\",Attended,Yes,DV; noise\r\n"
  ",,,,,,,,,\r\n"
  "2,31/02/2021,,Police,PC 1234,,Follow-up visit,,maybe,\r\n"
  "\r\n"
  "3,c. May 2021,,Police,DS Smith,CRIS 5001/21,\"Referral to MASH\n(second line)\",,,\r\n";

typedef struct
{
  GPtrArray *rows; /* of CwChronoRow */
  GPtrArray *problems;
  guint      skipped;
} Imported;

static void
free_row (gpointer data)
{
  cw_chrono_row_clear (data);
  g_free (data);
}

static CwChronoMapping *
mapping_from_reader (CwCsvReader *reader)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *fields = NULL;
  CwChronoMapping *mapping;

  g_assert_true (cw_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  mapping = cw_chrono_mapping_new_from_headers ((const char *const *) fields->pdata, fields->len);
  g_assert_true (cw_chrono_mapping_check (mapping, &error));
  g_assert_no_error (error);
  return mapping;
}

static void
import_csv (const char *data,
            Imported   *imported)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, "police.csv", &error);
  g_autoptr (CwChronoMapping) mapping = NULL;
  GPtrArray *fields = NULL;
  guint row = 0;

  g_assert_no_error (error);
  mapping = mapping_from_reader (reader);
  imported->rows = g_ptr_array_new_with_free_func (free_row);
  imported->problems = cw_import_problems_new ();
  while (cw_csv_reader_next (reader, &fields, &row, &error))
    {
      CwChronoRow *entry = g_new0 (CwChronoRow, 1);
      gboolean skipped = FALSE;

      if (cw_chrono_row_from_record (mapping, fields, row, CW_DATE_ORDER_DMY, entry,
                                     imported->problems, &skipped))
        g_ptr_array_add (imported->rows, entry);
      else
        free_row (entry);
      imported->skipped += skipped;
    }
  g_assert_no_error (error);
}

static void
test_end_to_end (void)
{
  Imported imported = { 0 };
  const CwChronoRow *first, *second;
  g_autofree char *first_start = NULL;
  g_autofree char *second_start = NULL;
  g_autofree char *text0 = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;

  import_csv (police_csv, &imported);
  g_assert_cmpuint (imported.rows->len, ==, 2);
  g_assert_cmpuint (imported.skipped, ==, 1);

  first = g_ptr_array_index (imported.rows, 0);
  first_start = iso_of (&first->start);
  g_assert_cmpstr (first_start, ==, "2021-04-03T22:15");
  g_assert_cmpuint (first->sequence, ==, 1);
  g_assert_cmpstr (first->agency, ==, "Police");
  g_assert_cmpstr (first->author, ==, "PC 1234");
  g_assert_cmpstr (first->source, ==, "CRIS 4711/21");
  g_assert_cmpstr (first->description, ==, "Call from neighbour: shouting, \"a child crying\".");
  g_assert_cmpstr (first->action, ==, "Attended");
  g_assert_cmpint (first->significance, ==, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
  g_assert_cmpstr (first->tags[1], ==, "noise");
  g_assert_cmpuint (first->row, ==, 2);

  second = g_ptr_array_index (imported.rows, 1);
  second_start = iso_of (&second->start);
  g_assert_cmpstr (second_start, ==, "~2021-05");
  g_assert_cmpstr (second->description, ==, "Referral to MASH\n(second line)");
  g_assert_cmpint (second->significance, ==, CW_CHRONO_SIGNIFICANCE_ROUTINE);
  g_assert_cmpuint (second->row, ==, 6); /* after a blank line, as Excel numbers it */

  g_assert_cmpuint (imported.problems->len, ==, 3);
  text0 = cw_import_problem_format (problem_at (imported.problems, 0), "police.csv");
  text1 = cw_import_problem_format (problem_at (imported.problems, 1), "police.csv");
  text2 = cw_import_problem_format (problem_at (imported.problems, 2), "police.csv");
  g_assert_cmpstr (text0, ==,
                   "police.csv, row 4, column B (Date): “31/02/2021” is not a real date: "
                   "February 2021 has 28 days");
  g_assert_cmpstr (text1, ==,
                   "police.csv, row 4, column F (Record reference): The record reference is "
                   "missing; every entry needs one, so that it can be traced to the agency’s "
                   "records");
  g_assert_cmpstr (text2, ==,
                   "police.csv, row 4, column I (Significance): “maybe” is not a significance; "
                   "write routine, significant or key");

  g_ptr_array_unref (imported.rows);
  g_ptr_array_unref (imported.problems);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chronology-columns/field/ids", test_field_ids);
  g_test_add_func ("/chronology-columns/field/synonyms", test_header_synonyms);
  g_test_add_func ("/chronology-columns/mapping/guess", test_mapping_guess);
  g_test_add_func ("/chronology-columns/mapping/duplicates", test_mapping_duplicates);
  g_test_add_func ("/chronology-columns/mapping/check", test_mapping_check);
  g_test_add_func ("/chronology-columns/mapping/set", test_mapping_set);
  g_test_add_func ("/chronology-columns/mapping/round-trip", test_mapping_round_trip);
  g_test_add_func ("/chronology-columns/mapping/awkward-headings", test_mapping_string_awkward);
  g_test_add_func ("/chronology-columns/mapping/damaged", test_mapping_string_damaged);
  g_test_add_func ("/chronology-columns/row/good", test_row_good);
  g_test_add_func ("/chronology-columns/row/minimal", test_row_minimal);
  g_test_add_func ("/chronology-columns/row/dates", test_row_dates);
  g_test_add_func ("/chronology-columns/row/month-first", test_row_month_first);
  g_test_add_func ("/chronology-columns/row/problems", test_row_problems);
  g_test_add_func ("/chronology-columns/row/several-problems", test_row_several_problems);
  g_test_add_func ("/chronology-columns/row/unmapped-required", test_row_unmapped_required);
  g_test_add_func ("/chronology-columns/row/empty", test_row_empty);
  g_test_add_func ("/chronology-columns/row/ragged", test_row_ragged);
  g_test_add_func ("/chronology-columns/significance/words", test_significance);
  g_test_add_func ("/chronology-columns/significance/column", test_significance_column);
  g_test_add_func ("/chronology-columns/tags", test_tags);
  g_test_add_func ("/chronology-columns/problem/column-letters", test_column_letters);
  g_test_add_func ("/chronology-columns/problem/format", test_problem_format);
  g_test_add_func ("/chronology-columns/end-to-end", test_end_to_end);

  return g_test_run ();
}
