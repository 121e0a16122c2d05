/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-columns-private.h"
#include "cw-chronology-enums.h"
#include "cw-enum.h"

/* Agencies fill in chronology templates of their own, so the columns of a
 * return are found by their headings, as people write them. Headings and
 * the words of a significance column are compared by a key that ignores
 * case, accents, spaces, punctuation and a note in brackets:
 * "Date of event (dd/mm/yyyy)", "DATE OF EVENT" and "date-of-event" are the
 * same heading. Only "#" survives, as a heading of its own.
 *
 * A remembered mapping is text, one "heading<TAB>field id" line per column
 * (the heading escaped as by g_strescape()); lines without a tab are
 * comments. */

#define MAPPING_FORMAT_LINE "casewise-chronology-columns 1"


/* A field's id, for remembering a mapping, is the nick of its value of
 * CW_TYPE_CHRONO_FIELD. */
typedef struct
{
  const char *label;
  gboolean    required;
} FieldInfo;

static const FieldInfo field_info[CW_CHRONO_N_FIELDS] = {
  [CW_CHRONO_FIELD_NONE] = { N_("Not imported"), FALSE },
  [CW_CHRONO_FIELD_DATE] = { N_("Date"), TRUE },
  [CW_CHRONO_FIELD_TIME] = { N_("Time"), FALSE },
  [CW_CHRONO_FIELD_END_DATE] = { N_("End date"), FALSE },
  [CW_CHRONO_FIELD_SEQUENCE] = { N_("Sequence"), FALSE },
  [CW_CHRONO_FIELD_AGENCY] = { N_("Agency"), FALSE },
  [CW_CHRONO_FIELD_AUTHOR] = { N_("Author or role"), FALSE },
  [CW_CHRONO_FIELD_SOURCE] = { N_("Record reference"), TRUE },
  [CW_CHRONO_FIELD_DESCRIPTION] = { N_("Description"), TRUE },
  [CW_CHRONO_FIELD_ACTION] = { N_("Decision or action"), FALSE },
  [CW_CHRONO_FIELD_RATIONALE] = { N_("Rationale"), FALSE },
  [CW_CHRONO_FIELD_OUTCOME] = { N_("Outcome"), FALSE },
  [CW_CHRONO_FIELD_IMPACT] = { N_("Impact on the child"), FALSE },
  [CW_CHRONO_FIELD_SIGNIFICANCE] = { N_("Significance"), FALSE },
  [CW_CHRONO_FIELD_TAGS] = { N_("Tags"), FALSE },
};

/* The headings recognised for each field, between bars, as written in the
 * templates of councils, police forces, health trusts and schools. Anything
 * else is not imported until someone chooses its field in the mapping. */
static const char *const synonyms[CW_CHRONO_N_FIELDS] = {
  [CW_CHRONO_FIELD_DATE] =
    "Date | Date of event | Event date | Date/time | Date and time | Start date | Date from |"
    " From | When | Date of contact | Contact date | Date of incident | Incident date |"
    " Incident date/time | Date/time of incident | Consultation date | Date of consultation |"
    " Date of entry | Entry date | Date seen | Date recorded | Date of attendance |"
    " Appointment date",
  [CW_CHRONO_FIELD_TIME] =
    "Time | Time of event | Event time | Start time | Time of contact | Time of call | Call time |"
    " Time seen | Arrival time",
  [CW_CHRONO_FIELD_END_DATE] =
    "End date | End | To | Date to | Until | Finish date | Date ended",
  [CW_CHRONO_FIELD_SEQUENCE] =
    "Seq | Seq no | Sequence | Sequence number | Sequence no | No. | Number | # | Entry no |"
    " Entry number | Event no | Event number | Order",
  [CW_CHRONO_FIELD_AGENCY] =
    "Agency | Agency name | Organisation | Organization | Organisation name | Organization name |"
    " Service | Agency/service | Provider | Agency/organisation",
  [CW_CHRONO_FIELD_AUTHOR] =
    "Author | Role | Author/role | Author and role | Practitioner | Practitioner role | Worker |"
    " Recorded by | Professional | Job title | Name/role | Name and role | Staff member |"
    " Completed by | Entered by | Who | Author or role | Officer | Officer name | OIC | Clinician |"
    " Seen by | Staff name | Name of worker | Social worker | Health professional",
  [CW_CHRONO_FIELD_SOURCE] =
    "Source | Record ref | Record reference | Reference | Ref | Ref no | Case note ref |"
    " Case note reference | Document | Source document | Source of information |"
    " Source reference | Record | Record source | Record ID | Document reference |"
    " Where recorded | System reference | Log number | Occurrence number | Incident number |"
    " Crime number | URN | Case note | Record number | Case reference | Source of record",
  [CW_CHRONO_FIELD_DESCRIPTION] =
    "Details | Event | Description | Summary | What happened | Event details | Details of event |"
    " Description of event | Event description | Summary of event | Details of contact |"
    " Narrative | Incident details | Details of incident | Description of incident |"
    " Summary of contact | Event summary",
  [CW_CHRONO_FIELD_ACTION] =
    "Action taken | Actions taken | Action | Actions | Decision | Decisions | Decision made |"
    " Action/decision | Decision/action | Action or decision | Decision or action |"
    " Action and decision | Decisions and actions | Response",
  [CW_CHRONO_FIELD_RATIONALE] =
    "Rationale | Reason | Reasons | Reasoning | Rationale for decision | Reason for decision |"
    " Rationale for action | Why",
  [CW_CHRONO_FIELD_OUTCOME] =
    "Outcome | Outcomes | Result | Results | Outcome of action",
  [CW_CHRONO_FIELD_IMPACT] =
    "Impact on child | Impact on the child | Impact | Impact on child/young person |"
    " Impact on young person | Impact on the child or young person | Effect on child |"
    " Effect on the child | Child impact | Impact/analysis",
  [CW_CHRONO_FIELD_SIGNIFICANCE] =
    "Significance | Significant? | Significant event | Key event | Key | Level of significance |"
    " Significance level | Rating | RAG | RAG rating | Level of concern",
  [CW_CHRONO_FIELD_TAGS] =
    "Tags | Tag | Themes | Theme | Category | Categories | Keywords | Type | Event type |"
    " Type of event | Contact type | Type of contact",
};

/* What agencies write in a significance column, between bars. A three-step
 * scale maps onto ours (high is key, as is red of a RAG rating); "yes" and its kin depend on the
 * heading: they mean significant, but key under a heading such as "Key event". */
static const char *const significance_words[] = {
  [CW_CHRONO_SIGNIFICANCE_ROUTINE] =
    "routine | normal | standard | std | low | l | minor | not significant | none | n/a | no | n |"
    " false | green | g",
  [CW_CHRONO_SIGNIFICANCE_SIGNIFICANT] =
    "significant | sig | medium | m | moderate | important | amber | a",
  [CW_CHRONO_SIGNIFICANCE_KEY] =
    "key | key event | high | h | critical | major | very significant | highly significant | red |"
    " r",
};

/* Ticks in a column of check marks, and the words for them. */
static const char *const yes_words[] = { "yes", "y", "true", "x", "✓", "✔", "☑", "✅" };

G_DEFINE_QUARK (cw-chrono-mapping-error-quark, cw_chrono_mapping_error)

/* ------------------------------------------------------------------------ */
/* Keys: text compared regardless of case, accents, spaces and punctuation */

static char *
fold_to_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  GString *key = g_string_new (NULL);

  for (const char *s = folded; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isalnum (c) || c == '#')
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* Leaves out what is in brackets: "Date (dd/mm/yyyy)" is "Date ". */
static char *
drop_brackets (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *s = text; *s != '\0'; s++)
    {
      if (*s == '(' || *s == '[')
        depth++;
      else if ((*s == ')' || *s == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* The key of plain ASCII text, as fold_to_key (drop_brackets ()) would
 * give it (in ASCII, normalising changes nothing and folding is
 * lowering), but in one pass and one allocation: every cell of a return's
 * significance column goes through here. */
static char *
ascii_key (const char *text,
           gboolean    skip_brackets)
{
  char *key = g_malloc (strlen (text) + 1);
  char *k = key;
  int depth = 0;

  for (const char *s = text; *s != '\0'; s++)
    {
      if (skip_brackets && (*s == '(' || *s == '['))
        depth++;
      else if (skip_brackets && (*s == ')' || *s == ']') && depth > 0)
        depth--;
      else if (depth == 0 && (g_ascii_isalnum (*s) || *s == '#'))
        *k++ = g_ascii_tolower (*s);
    }
  *k = '\0';
  return key;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *s = text; *s != '\0'; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

static char *
header_key (const char *header)
{
  g_autofree char *valid = NULL;
  g_autofree char *unbracketed = NULL;
  char *key;

  if (header == NULL)
    header = "";
  if (is_ascii (header))
    {
      key = ascii_key (header, TRUE);
      if (*key != '\0')
        return key;
      g_free (key);
      return ascii_key (header, FALSE);
    }
  valid = g_utf8_make_valid (header, -1);
  unbracketed = drop_brackets (valid);
  key = fold_to_key (unbracketed);

  if (*key != '\0')
    return key;
  g_free (key);
  return fold_to_key (valid); /* the heading was all brackets */
}

/* Adds each word of @list, "a | b | c", to @table by its key. */
static void
add_words (GHashTable *table,
           const char *list,
           int         value)
{
  g_auto (GStrv) words = g_strsplit (list, "|", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *key = header_key (words[i]);
      gpointer old;

      if (g_hash_table_lookup_extended (table, key, NULL, &old) && GPOINTER_TO_INT (old) != value)
        g_critical ("“%s” has two meanings", g_strstrip (words[i]));
      g_hash_table_insert (table, key, GINT_TO_POINTER (value));
    }
}

static gpointer
build_synonym_table (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint f = CW_CHRONO_FIELD_NONE + 1; f < CW_CHRONO_N_FIELDS; f++)
    add_words (table, synonyms[f], (int) f);
  return table;
}

static gpointer
build_significance_table (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (significance_words); i++)
    add_words (table, significance_words[i], (int) i);
  return table;
}

static CwChronoField
field_from_key (const char *key)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *table = g_once (&once, build_synonym_table, NULL);

  return (CwChronoField) GPOINTER_TO_INT (g_hash_table_lookup (table, key));
}

static gboolean
significance_from_key (const char           *key,
                       CwChronoSignificance *out)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *table = g_once (&once, build_significance_table, NULL);
  gpointer value;

  if (!g_hash_table_lookup_extended (table, key, NULL, &value))
    return FALSE;
  *out = (CwChronoSignificance) GPOINTER_TO_INT (value);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Fields */

/**
 * cw_chrono_field_id:
 *
 * Returns: a stable name for remembering a mapping: "date", "end_date", "none"
 */
const char *
cw_chrono_field_id (CwChronoField field)
{
  g_return_val_if_fail (field < CW_CHRONO_N_FIELDS, NULL);
  return cw_enum_get_nick (CW_TYPE_CHRONO_FIELD, field);
}

/**
 * cw_chrono_field_from_id:
 * @out: (out): the field named by @id, set only on success
 *
 * Returns: whether @id is what cw_chrono_field_id() gives for some field
 */
gboolean
cw_chrono_field_from_id (const char    *id,
                         CwChronoField *out)
{
  int value;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!cw_enum_from_nick (CW_TYPE_CHRONO_FIELD, id, &value))
    return FALSE;
  *out = (CwChronoField) value;
  return TRUE;
}

/**
 * cw_chrono_field_label:
 *
 * Returns: the field's name as people see it, translated: "Record reference"
 */
const char *
cw_chrono_field_label (CwChronoField field)
{
  g_return_val_if_fail (field < CW_CHRONO_N_FIELDS, NULL);
  return _(field_info[field].label);
}

/**
 * cw_chrono_field_is_required:
 *
 * Returns: whether every entry needs the field: the date, the record
 *   reference and the description
 */
gboolean
cw_chrono_field_is_required (CwChronoField field)
{
  g_return_val_if_fail (field < CW_CHRONO_N_FIELDS, FALSE);
  return field_info[field].required;
}

/**
 * cw_chrono_field_from_header:
 * @header: (nullable): a column heading as the return writes it
 *
 * Looks @header up among the headings people write for each field, regardless
 * of case, accents, spaces and punctuation, and of a note in brackets:
 * "RECORD REF.", "Record ref" and "Record ref (system)" are all the record
 * reference.
 *
 * Returns: the field, or %CW_CHRONO_FIELD_NONE for a heading not recognised
 */
CwChronoField
cw_chrono_field_from_header (const char *header)
{
  g_autofree char *key = header_key (header);

  return field_from_key (key);
}

/* ------------------------------------------------------------------------ */
/* Significance and tags */

/**
 * cw_chrono_significance_id:
 *
 * Returns: "routine", "significant" or "key", for storing
 */
const char *
cw_chrono_significance_id (CwChronoSignificance significance)
{
  g_return_val_if_fail (significance <= CW_CHRONO_SIGNIFICANCE_KEY, NULL);
  return cw_enum_get_nick (CW_TYPE_CHRONO_SIGNIFICANCE, significance);
}

/* Empty, or "-" for none */
static gboolean
is_dashes (const char *text)
{
  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (c != '-' && c != 0x2013 && c != 0x2014)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_yes_word (const char *text,
             const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (yes_words); i++)
    if (strcmp (key, yes_words[i]) == 0 || strcmp (text, yes_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cw_chrono_significance_from_text:
 * @text: a significance cell, trimmed
 * @yes_means_key: whether the column asks "key event?" rather than "significant?"
 * @out: (out): set only on success
 *
 * Reads "routine", "significant" and "key", and what agencies write instead:
 * low, normal, standard, minor, none, no, N (routine); medium, moderate,
 * important, sig (significant); high, critical, major, very significant
 * (key). Yes, Y, true, X and a tick are significant, or key when
 * @yes_means_key. An empty cell, "-" or "n/a" is routine: the agency did not
 * mark it.
 *
 * Returns: whether @text is one of these
 */
gboolean
cw_chrono_significance_from_text (const char           *text,
                                  gboolean              yes_means_key,
                                  CwChronoSignificance *out)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  key = header_key (text);
  if (is_yes_word (text, key))
    {
      *out = yes_means_key ? CW_CHRONO_SIGNIFICANCE_KEY : CW_CHRONO_SIGNIFICANCE_SIGNIFICANT;
      return TRUE;
    }
  if (is_dashes (text))
    {
      *out = CW_CHRONO_SIGNIFICANCE_ROUTINE;
      return TRUE;
    }
  return significance_from_key (key, out);
}

gboolean
cw_chrono_is_space_at (const char *s)
{
  return g_unichar_isspace (g_utf8_get_char (s));
}

/* Where @text starts and ends without the spaces (of any kind) around it;
 * @text is valid UTF-8. */
void
cw_chrono_trim_bounds (const char  *text,
                       const char **start_out,
                       const char **end_out)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && cw_chrono_is_space_at (start))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !cw_chrono_is_space_at (prev))
        break;
      end = prev;
    }
  *start_out = start;
  *end_out = end;
}

/* A copy without the spaces (of any kind) around it; @text is valid UTF-8. */
char *
cw_chrono_trim (const char *text)
{
  const char *start, *end;

  cw_chrono_trim_bounds (text, &start, &end);
  return g_strndup (start, (gsize) (end - start));
}

static gboolean
contains_tag (GPtrArray  *tags,
              const char *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; i + 1 < tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (tags, i), -1);

      if (strcmp (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_chrono_tags_from_text:
 * @text: a tags cell: "Neglect; DV, school"
 *
 * Splits on semicolons, commas and line breaks, trims each tag, and drops
 * empty ones and repeats (ignoring case; the first spelling is kept).
 *
 * Returns: (transfer full): the tags in the order written, perhaps none
 */
GStrv
cw_chrono_tags_from_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_auto (GStrv) parts = NULL;
  GPtrArray *tags;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0') /* most rows: no tags */
    return g_new0 (char *, 1);
  tags = g_ptr_array_new ();
  valid = g_utf8_make_valid (text, -1);
  g_strdelimit (valid, ",\r\n", ';');
  parts = g_strsplit (valid, ";", -1);
  g_ptr_array_add (tags, NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = cw_chrono_trim (parts[i]);

      if (*tag == '\0' || contains_tag (tags, tag))
        {
          g_free (tag);
          continue;
        }
      g_ptr_array_insert (tags, (int) tags->len - 1, tag);
    }
  return (GStrv) g_ptr_array_free (tags, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Problems */

/**
 * cw_import_problems_new:
 *
 * Returns: (transfer full): an empty array that frees the #CwImportProblem
 *   structs put in it, as cw_chrono_row_from_record() wants
 */
GPtrArray *
cw_import_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cw_import_problem_free);
}

void
cw_import_problem_free (CwImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field_label);
  g_free (problem->message);
  g_free (problem);
}

static char *
format_place (const CwImportProblem *problem,
              gboolean               first)
{
  g_autofree char *letters = NULL;

  if (problem->column == 0)
    return first ? g_strdup_printf (_("Row %u"), problem->row)
                 : g_strdup_printf (_("row %u"), problem->row);
  letters = cw_column_letters (problem->column);
  if (problem->field_label == NULL)
    return first ? g_strdup_printf (_("Row %u, column %s"), problem->row, letters)
                 : g_strdup_printf (_("row %u, column %s"), problem->row, letters);
  /* Translators: a place in a spreadsheet and the field there: "row 12, column C (Date)" */
  return first ? g_strdup_printf (_("Row %u, column %s (%s)"), problem->row, letters,
                                  problem->field_label)
               : g_strdup_printf (_("row %u, column %s (%s)"), problem->row, letters,
                                  problem->field_label);
}

/**
 * cw_import_problem_format:
 * @file_name: (nullable): the return the problem is in
 *
 * Returns: (transfer full): the problem with where it is, as one line:
 *   "police.csv, row 12, column C (Date): “31/02/2021” is not a real date…"
 */
char *
cw_import_problem_format (const CwImportProblem *problem,
                          const char            *file_name)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  place = format_place (problem, file_name == NULL);
  if (file_name == NULL)
    /* Translators: a place in a file, then what is wrong there */
    return g_strdup_printf (_("%s: %s"), place, problem->message);
  /* Translators: a file name, a place in it, then what is wrong there */
  return g_strdup_printf (_("%s, %s: %s"), file_name, place, problem->message);
}

/* ------------------------------------------------------------------------ */
/* The mapping */

static CwChronoMapping *
mapping_new (const char *const *headers,
             guint              n_columns)
{
  CwChronoMapping *self = g_new0 (CwChronoMapping, 1);

  self->n_columns = n_columns;
  self->headers = g_new0 (char *, n_columns + 1);
  self->keys = g_new0 (char *, n_columns + 1);
  self->fields = g_new0 (CwChronoField, MAX (n_columns, 1));
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *header = headers[i] != NULL ? headers[i] : "";
      g_autofree char *valid = g_utf8_make_valid (header, -1);

      self->headers[i] = cw_chrono_trim (valid);
      self->keys[i] = header_key (self->headers[i]);
    }
  return self;
}

void
cw_chrono_mapping_free (CwChronoMapping *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->headers);
  g_strfreev (self->keys);
  g_free (self->fields);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

static void
add_note (CwChronoMapping *self,
          char            *note)
{
  g_ptr_array_insert (self->notes, (int) self->notes->len - 1, note);
}

static void
note_second_claim (CwChronoMapping *self,
                   guint            column,
                   guint            owner,
                   CwChronoField    field)
{
  g_autofree char *letters = cw_column_letters (column + 1);
  g_autofree char *owner_letters = cw_column_letters (owner + 1);

  add_note (self, g_strdup_printf (_("Column %s (“%s”) also looks like %s, but column %s "
                                     "(“%s”) is used for it; change this in the mapping if "
                                     "that is wrong"),
                                   letters, self->headers[column], cw_chrono_field_label (field),
                                   owner_letters, self->headers[owner]));
}

/* Guesses the field of each column not @decided from its heading. A field
 * already taken stays with the column that has it. */
static void
guess_fields (CwChronoMapping *self,
              const gboolean  *decided)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      CwChronoField field;
      guint owner;

      if (decided != NULL && decided[i])
        continue;
      field = field_from_key (self->keys[i]);
      if (field != CW_CHRONO_FIELD_NONE && cw_chrono_mapping_find (self, field, &owner))
        {
          note_second_claim (self, i, owner, field);
          field = CW_CHRONO_FIELD_NONE;
        }
      self->fields[i] = field;
    }
}

/**
 * cw_chrono_mapping_new_from_headers:
 * @headers: (array length=n_columns): the first row of a return; %NULL
 *   entries are empty headings
 * @n_columns: how many
 *
 * Guesses each column's field from its heading. When two columns look like
 * the same field the first has it and the second is not imported; a note
 * (cw_chrono_mapping_get_notes()) says so. Check the result with
 * cw_chrono_mapping_check() before reading rows.
 *
 * Returns: (transfer full): the mapping
 */
CwChronoMapping *
cw_chrono_mapping_new_from_headers (const char *const *headers,
                                    guint              n_columns)
{
  CwChronoMapping *self;

  g_return_val_if_fail (headers != NULL || n_columns == 0, NULL);

  self = mapping_new (headers, n_columns);
  guess_fields (self, NULL);
  return self;
}

typedef struct
{
  char         *key;
  CwChronoField field;
  gboolean      used;
} SavedColumn;

static void
saved_column_clear (gpointer data)
{
  g_free (((SavedColumn *) data)->key);
}

/* The lines of @saved that name a field this version knows; others are
 * ignored, so a damaged or newer mapping falls back to guessing. */
static GArray *
parse_saved (const char *saved)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (SavedColumn));
  g_auto (GStrv) lines = g_strsplit (saved != NULL ? saved : "", "\n", -1);

  g_array_set_clear_func (columns, saved_column_clear);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      g_autofree char *header = NULL;
      SavedColumn column = { 0 };

      if (tab == NULL)
        continue;
      *tab = '\0';
      g_strchomp (tab + 1);
      if (!cw_chrono_field_from_id (tab + 1, &column.field))
        continue;
      header = g_strcompress (lines[i]);
      column.key = header_key (header);
      g_array_append_val (columns, column);
    }
  return columns;
}

static SavedColumn *
take_saved (GArray     *saved,
            const char *key)
{
  for (guint i = 0; i < saved->len; i++)
    {
      SavedColumn *column = &g_array_index (saved, SavedColumn, i);

      if (!column->used && strcmp (column->key, key) == 0)
        {
          column->used = TRUE;
          return column;
        }
    }
  return NULL;
}

/**
 * cw_chrono_mapping_new_from_string:
 * @saved: (nullable): what cw_chrono_mapping_to_string() gave for an
 *   earlier return from the same agency
 * @headers: (array length=n_columns): the first row of the new return
 * @n_columns: how many
 *
 * Gives each column the field remembered for its heading (compared as
 * cw_chrono_field_from_header() does, in whatever order the columns now
 * come; repeated headings are matched in turn), including "not imported".
 * Columns with a heading not remembered are guessed as by
 * cw_chrono_mapping_new_from_headers(), among the fields still free.
 *
 * Returns: (transfer full): the mapping
 */
CwChronoMapping *
cw_chrono_mapping_new_from_string (const char        *saved,
                                   const char *const *headers,
                                   guint              n_columns)
{
  CwChronoMapping *self;
  g_autoptr (GArray) remembered = NULL;
  g_autofree gboolean *decided = NULL;

  g_return_val_if_fail (headers != NULL || n_columns == 0, NULL);

  self = mapping_new (headers, n_columns);
  remembered = parse_saved (saved);
  decided = g_new0 (gboolean, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      SavedColumn *column = take_saved (remembered, self->keys[i]);

      if (column == NULL)
        continue;
      decided[i] = TRUE;
      if (column->field == CW_CHRONO_FIELD_NONE
          || !cw_chrono_mapping_find (self, column->field, NULL))
        self->fields[i] = column->field;
    }
  guess_fields (self, decided);
  return self;
}

guint
cw_chrono_mapping_get_n_columns (CwChronoMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * cw_chrono_mapping_get_header:
 * @column: from 0
 *
 * Returns: the column's heading, trimmed
 */
const char *
cw_chrono_mapping_get_header (CwChronoMapping *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->headers[column];
}

/**
 * cw_chrono_mapping_get:
 * @column: from 0, as an index into a record's fields
 *
 * Returns: the field the column holds; %CW_CHRONO_FIELD_NONE past the last
 *   heading
 */
CwChronoField
cw_chrono_mapping_get (CwChronoMapping *self,
                       guint            column)
{
  g_return_val_if_fail (self != NULL, CW_CHRONO_FIELD_NONE);
  return column < self->n_columns ? self->fields[column] : CW_CHRONO_FIELD_NONE;
}

/**
 * cw_chrono_mapping_set:
 * @column: from 0
 * @field: what the column holds, or %CW_CHRONO_FIELD_NONE not to import it
 *
 * A person's correction. A field belongs to one column: the column that had
 * @field before is no longer imported.
 */
void
cw_chrono_mapping_set (CwChronoMapping *self,
                       guint            column,
                       CwChronoField    field)
{
  guint owner;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < CW_CHRONO_N_FIELDS);

  if (field != CW_CHRONO_FIELD_NONE && cw_chrono_mapping_find (self, field, &owner))
    self->fields[owner] = CW_CHRONO_FIELD_NONE;
  self->fields[column] = field;
}

/**
 * cw_chrono_mapping_find:
 * @column: (out) (optional): the column, from 0
 *
 * Returns: whether some column holds @field
 */
gboolean
cw_chrono_mapping_find (CwChronoMapping *self,
                        CwChronoField    field,
                        guint           *column)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field != CW_CHRONO_FIELD_NONE && field < CW_CHRONO_N_FIELDS, FALSE);

  for (guint i = 0; i < self->n_columns; i++)
    if (self->fields[i] == field)
      {
        if (column != NULL)
          *column = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cw_chrono_mapping_get_notes:
 *
 * Returns: (transfer none) (array zero-terminated=1): what guessing left
 *   out, as sentences to show beside the mapping; perhaps none
 */
const char *const *
cw_chrono_mapping_get_notes (CwChronoMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->notes->pdata;
}

/* "Date", "Date and Description", "Date, Record reference and Description" */
static char *
join_labels (GPtrArray *labels)
{
  g_autofree char *head = NULL;

  g_assert (labels->len > 0);

  if (labels->len == 1)
    return g_strdup (g_ptr_array_index (labels, 0));
  head = g_strdup (g_ptr_array_index (labels, 0));
  for (guint i = 1; i + 1 < labels->len; i++)
    {
      char *longer = g_strdup_printf (C_("list of more than two", "%s, %s"), head,
                                      (const char *) g_ptr_array_index (labels, i));

      g_free (head);
      head = longer;
    }
  return g_strdup_printf (C_("last two of a list", "%s and %s"), head,
                          (const char *) g_ptr_array_index (labels, labels->len - 1));
}

static gboolean
maps_anything (CwChronoMapping *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->fields[i] != CW_CHRONO_FIELD_NONE)
      return TRUE;
  return FALSE;
}

/**
 * cw_chrono_mapping_check:
 * @error: a #CW_CHRONO_MAPPING_ERROR naming every required field without a column
 *
 * Returns: whether the date, the record reference and the description each
 *   have a column
 */
gboolean
cw_chrono_mapping_check (CwChronoMapping *self,
                         GError         **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *list = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint f = CW_CHRONO_FIELD_NONE + 1; f < CW_CHRONO_N_FIELDS; f++)
    if (field_info[f].required && !cw_chrono_mapping_find (self, (CwChronoField) f, NULL))
      g_ptr_array_add (missing, (gpointer) cw_chrono_field_label ((CwChronoField) f));
  if (missing->len == 0)
    return TRUE;
  list = join_labels (missing);
  if (!maps_anything (self))
    g_set_error (error, CW_CHRONO_MAPPING_ERROR, CW_CHRONO_MAPPING_ERROR_UNMATCHED,
                 _("No column heading was recognised; check that the first row holds the "
                   "headings, then choose the columns for %s in the mapping"),
                 list);
  else if (missing->len == 1)
    g_set_error (error, CW_CHRONO_MAPPING_ERROR, CW_CHRONO_MAPPING_ERROR_UNMATCHED,
                 _("No column is matched to %s; choose one in the mapping"), list);
  else
    g_set_error (error, CW_CHRONO_MAPPING_ERROR, CW_CHRONO_MAPPING_ERROR_UNMATCHED,
                 _("No columns are matched to %s; choose them in the mapping"), list);
  return FALSE;
}

/* Non-ASCII bytes stay as they are: the text is UTF-8 and meant to be read. */
static void
fill_escape_exceptions (char exceptions[129])
{
  for (guint i = 0; i < 128; i++)
    exceptions[i] = (char) (0x80 + i);
  exceptions[128] = '\0';
}

/**
 * cw_chrono_mapping_to_string:
 *
 * Returns: (transfer full): the mapping by heading, for remembering with
 *   the agency and giving to cw_chrono_mapping_new_from_string() next time
 */
char *
cw_chrono_mapping_to_string (CwChronoMapping *self)
{
  GString *out;
  char exceptions[129];

  g_return_val_if_fail (self != NULL, NULL);

  fill_escape_exceptions (exceptions);
  out = g_string_new (MAPPING_FORMAT_LINE "\n");
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *header = g_strescape (self->headers[i], exceptions);

      g_string_append_printf (out, "%s\t%s\n", header, cw_chrono_field_id (self->fields[i]));
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
