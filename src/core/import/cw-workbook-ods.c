/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-workbook-private.h"

/* LibreOffice workbooks (OpenDocument spreadsheets, .ods). All the sheets
 * are in content.xml, one <table:table> each, read once for the names on
 * opening and again for the cells of the sheet asked for.
 *
 * Rows and cells may stand for several: number-rows-repeated and
 * number-columns-repeated. LibreOffice ends every sheet with empty cells
 * repeated to column 16,384 and empty rows to row 1,048,576, so empty
 * repeats only move the count on; repeats of content are made one by one
 * and stop at the limits. A cell's value is in its attributes (numbers,
 * dates, booleans) or in its paragraphs (text). */

#define SPREADSHEET "office:spreadsheet"
#define COUNT_CAP   G_GUINT64_CONSTANT (1000000000000000) /* as cw_markup_parse_count() */

/* ------------------------------------------------------------- opening */

typedef struct
{
  CwPartState base;
  gboolean    encrypted;
} ManifestState;

static void
manifest_start (GMarkupParseContext  *context,
                const char           *name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  ManifestState *state = user_data;

  if (strcmp (cw_markup_local_name (name), "encryption-data") == 0)
    state->encrypted = TRUE;
}

static const GMarkupParser manifest_parser = {
  .start_element = manifest_start,
};

/* A file saved with a password keeps its parts encrypted, which the
 * manifest says; without this they would read as damaged XML. */
static gboolean
check_not_encrypted (CwWorkbook  *self,
                     GError     **error)
{
  ManifestState state = { 0 };
  const char *part = "META-INF/manifest.xml";

  if (!cw_zip_has_entry (self->zip, part))
    return TRUE;
  if (!cw_workbook_parse_part (self, part, &manifest_parser, &state.base, error))
    return FALSE;
  if (state.encrypted)
    return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_UNSUPPORTED,
                             _("it is protected by a password; open it in LibreOffice and save it "
                               "again without one"));
  return TRUE;
}

static gboolean
is_sheet (GMarkupParseContext *context,
          const char          *name)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return strcmp (name, "table:table") == 0 && stack->next != NULL
         && strcmp (stack->next->data, SPREADSHEET) == 0;
}

static void
names_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  CwPartState *state = user_data;
  CwWorkbook *self = state->workbook;
  const char *sheet_name;

  if (!is_sheet (context, name))
    return;
  if (self->sheet_names->len >= CW_WORKBOOK_MAX_SHEETS)
    {
      cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                               _("it has more than %d sheets"), CW_WORKBOOK_MAX_SHEETS);
      return;
    }
  sheet_name = cw_markup_attribute (names, values, "table:name");
  if (sheet_name != NULL)
    g_ptr_array_add (self->sheet_names, g_strdup (sheet_name));
  else
    g_ptr_array_add (self->sheet_names,
                     g_strdup_printf (_("Sheet%u"), self->sheet_names->len + 1));
}

static const GMarkupParser names_parser = {
  .start_element = names_start,
};

gboolean
cw_workbook_ods_open (CwWorkbook  *self,
                      GError     **error)
{
  CwPartState state = { 0 };

  self->format = CW_WORKBOOK_ODS;
  return check_not_encrypted (self, error)
         && cw_workbook_parse_part (self, "content.xml", &names_parser, &state, error);
}

/* --------------------------------------------------------------- values */

/* A number followed by @unit, as in "14H"; moves past both. */
static gboolean
read_unit (const char **p,
           char         unit,
           double      *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (*p, &end);
  if (end == *p || *end != unit)
    return FALSE;
  *p = end + 1;
  return TRUE;
}

/* "PT14H30M00S" as "14:30"; durations past a day as "36:00". */
static char *
format_duration (const char *text)
{
  double hours = 0, minutes = 0, seconds = 0;
  char *formatted = NULL;
  const char *p;

  if (strncmp (text, "PT", 2) != 0)
    return g_strdup (text);
  p = text + 2;
  if (read_unit (&p, 'H', &hours) && read_unit (&p, 'M', &minutes)
      && (*p == '\0' || read_unit (&p, 'S', &seconds)) && *p == '\0')
    formatted = cw_workbook_format_duration ((hours * 3600 + minutes * 60 + seconds) / 86400);
  return formatted != NULL ? formatted : g_strdup (text);
}

/* The value a cell's attributes give, or NULL when its paragraphs hold it. */
static char *
attribute_value (const char **names,
                 const char **values)
{
  const char *type = cw_markup_attribute (names, values, "office:value-type");
  const char *value = NULL;

  /* a formula's error: a float of 0, and "#DIV/0!" in the paragraph */
  if (type == NULL || g_strcmp0 (cw_markup_attribute (names, values, "calcext:value-type"),
                                 "error") == 0)
    return NULL;
  if (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
      || strcmp (type, "currency") == 0)
    value = cw_markup_attribute (names, values, "office:value");
  else if (strcmp (type, "date") == 0)
    value = cw_markup_attribute (names, values, "office:date-value");
  else if (strcmp (type, "time") == 0)
    value = cw_markup_attribute (names, values, "office:time-value");
  else if (strcmp (type, "boolean") == 0)
    value = cw_markup_attribute (names, values, "office:boolean-value");
  else if (strcmp (type, "string") == 0)
    value = cw_markup_attribute (names, values, "office:string-value");
  if (value == NULL)
    return NULL;
  if (strcmp (type, "date") == 0)
    return cw_workbook_format_iso (value);
  if (strcmp (type, "time") == 0)
    return format_duration (value);
  if (strcmp (type, "boolean") == 0)
    return g_strdup (strcmp (value, "true") == 0 ? "TRUE" : "FALSE");
  if (strcmp (type, "string") == 0)
    return g_strdup (value);
  return cw_workbook_format_number (value);
}

/* ---------------------------------------------------------------- sheet */

typedef struct
{
  CwPartState     base;
  CwSheetBuilder *builder;
  guint           wanted;          /* the sheet's index */
  guint           sheets;          /* sheets started so far */
  guint           table_depth;     /* of the wanted sheet's element, 0 outside it */
  guint64         rows;            /* rows so far, blank ones included */
  guint64         row_repeat;
  guint64         columns;         /* columns so far in the row */
  guint64         column_repeat;
  gboolean        in_row;
  gboolean        covered;         /* a cell hidden by a merged one */
  guint           cell_depth;      /* of the cell's element, 0 outside one */
  guint           paragraph_depth; /* of a <text:p> in the cell, 0 outside one */
  guint           skip_depth;      /* of an element whose text is not the cell's */
  guint           paragraphs;
  char           *value;           /* from the cell's attributes, or NULL */
  GString        *text;            /* from the cell's paragraphs */
} SheetState;

/* A count of repeats, 1 when not given. The format allows only a positive
 * whole number: "-5" or "0x10" is not read as anything else. */
static gboolean
repeat_count (SheetState  *state,
              const char **names,
              const char **values,
              const char  *attribute,
              guint64     *count,
              GError     **error)
{
  const char *text = cw_markup_attribute (names, values, attribute);

  *count = 1;
  if (text == NULL || (cw_markup_parse_count (text, count) && *count > 0))
    return TRUE;
  *count = 1;
  return cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                                  _("row %" G_GUINT64_FORMAT " of sheet “%s” gives %s as “%s”, "
                                    "which is not a count"),
                                  MIN (state->rows + 1, COUNT_CAP), state->builder->sheet_name,
                                  attribute, text);
}

static void
start_row (SheetState  *state,
           const char **names,
           const char **values,
           GError     **error)
{
  state->in_row = TRUE;
  state->columns = 0;
  cw_sheet_builder_start_row (state->builder, state->rows + 1);
  repeat_count (state, names, values, "table:number-rows-repeated", &state->row_repeat, error);
}

/* A number in the cell's attributes is a decimal, as in XLSX. */
static gboolean
check_value (SheetState  *state,
             const char **names,
             const char **values,
             GError     **error)
{
  const char *type = cw_markup_attribute (names, values, "office:value-type");
  const char *value = cw_markup_attribute (names, values, "office:value");
  g_autofree char *cell = NULL;

  if (value == NULL
      || (g_strcmp0 (type, "float") != 0 && g_strcmp0 (type, "percentage") != 0
          && g_strcmp0 (type, "currency") != 0)
      || cw_workbook_parse_decimal (value, NULL))
    return TRUE;
  cell = cw_workbook_cell_name (state->columns, state->rows + 1);
  return cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                                  _("cell %s of sheet “%s” holds “%s” where a number should be"),
                                  cell, state->builder->sheet_name, value);
}

static void
start_cell (SheetState  *state,
            const char  *name,
            const char **names,
            const char **values,
            GError     **error)
{
  state->cell_depth = state->base.depth;
  state->covered = strcmp (name, "table:covered-table-cell") == 0;
  state->paragraphs = 0;
  g_string_truncate (state->text, 0);
  if (repeat_count (state, names, values, "table:number-columns-repeated",
                    &state->column_repeat, error)
      && check_value (state, names, values, error))
    state->value = attribute_value (names, values);
}

static gboolean
append_spaces (SheetState  *state,
               guint64      count,
               GError     **error)
{
  gsize n = (gsize) MIN (count, (guint64) CW_WORKBOOK_MAX_CELL + 1); /* past it fails */
  g_autofree char *spaces = g_malloc (n + 1);

  memset (spaces, ' ', n);
  return cw_workbook_append_text (&state->base, state->text, spaces, n, error);
}

/* Inside a paragraph: spans and links hold text; <text:s text:c="3"/>,
 * tabs and line breaks stand for it; notes and drawings are not it. */
static void
start_in_paragraph (SheetState  *state,
                    const char  *name,
                    const char **names,
                    const char **values,
                    GError     **error)
{
  guint64 count = 1;

  if (strcmp (name, "text:s") == 0)
    {
      if (repeat_count (state, names, values, "text:c", &count, error))
        append_spaces (state, count, error);
    }
  else if (strcmp (name, "text:tab") == 0)
    cw_workbook_append_text (&state->base, state->text, "\t", 1, error);
  else if (strcmp (name, "text:line-break") == 0)
    cw_workbook_append_text (&state->base, state->text, "\n", 1, error);
  else if (strcmp (name, "office:annotation") == 0 || strcmp (name, "text:note") == 0
           || g_str_has_prefix (name, "draw:"))
    state->skip_depth = state->base.depth;
}

/* In a cell: its paragraphs, one per line; comments, frames and the rest
 * are not its text. */
static void
start_in_cell (SheetState  *state,
               const char  *name,
               const char **names,
               const char **values,
               GError     **error)
{
  if (state->skip_depth != 0)
    return;
  if (state->paragraph_depth != 0)
    start_in_paragraph (state, name, names, values, error);
  else if (strcmp (name, "text:p") == 0 || strcmp (name, "text:h") == 0)
    {
      if (state->paragraphs++ > 0)
        cw_workbook_append_text (&state->base, state->text, "\n", 1, error);
      state->paragraph_depth = state->base.depth;
    }
  else
    state->skip_depth = state->base.depth;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetState *state = user_data;

  if (state->cell_depth != 0)
    start_in_cell (state, name, names, values, error);
  else if (is_sheet (context, name))
    {
      if (state->sheets++ == state->wanted)
        state->table_depth = state->base.depth;
    }
  else if (state->table_depth == 0)
    return;
  else if (!state->in_row && strcmp (name, "table:table-row") == 0)
    start_row (state, names, values, error);
  else if (state->in_row
           && (strcmp (name, "table:table-cell") == 0
               || strcmp (name, "table:covered-table-cell") == 0))
    start_cell (state, name, names, values, error);
}

static void
end_cell (SheetState  *state,
          GError     **error)
{
  g_autofree char *value = g_steal_pointer (&state->value);
  const char *text = value != NULL ? value : state->text->str;
  guint64 column = state->columns;

  state->cell_depth = 0;
  state->columns = MIN (column + state->column_repeat, COUNT_CAP);
  if (*text != '\0' && !state->covered)
    cw_sheet_builder_add_cell (state->builder, column, text, state->column_repeat, error);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  SheetState *state = user_data;
  guint depth = state->base.depth;

  if (depth == state->skip_depth)
    state->skip_depth = 0;
  else if (depth == state->paragraph_depth)
    state->paragraph_depth = 0;
  else if (depth == state->cell_depth)
    end_cell (state, error);
  else if (state->in_row && strcmp (name, "table:table-row") == 0)
    {
      state->in_row = FALSE;
      state->rows = MIN (state->rows + state->row_repeat, COUNT_CAP);
      cw_sheet_builder_end_row (state->builder, state->row_repeat, error);
    }
  else if (depth == state->table_depth)
    state->table_depth = 0;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  SheetState *state = user_data;

  if (state->paragraph_depth != 0 && state->skip_depth == 0)
    cw_workbook_append_text (&state->base, state->text, text, len, error);
}

static const GMarkupParser sheet_parser = {
  .start_element = sheet_start,
  .end_element = sheet_end,
  .text = sheet_text,
};

gboolean
cw_workbook_ods_read_sheet (CwWorkbook      *self,
                            guint            index,
                            CwSheetBuilder  *builder,
                            GError         **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  SheetState state = { .builder = builder, .wanted = index, .text = text };
  gboolean ok;

  ok = cw_workbook_parse_part (self, "content.xml", &sheet_parser, &state.base, error);
  g_free (state.value);
  return ok;
}
