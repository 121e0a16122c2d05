/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-workbook-private.h"

/* The cells of Excel sheets. A cell holds a number, a boolean, an error, an
 * index into the shared strings, or text of its own; only its style says
 * that a number is a date, through the number format of the style's entry
 * in cellXfs. The shared strings and the styles are read once, before the
 * first sheet. */

#define MAX_STYLES (1024 * 1024) /* cellXfs entries; Excel allows 64,000 */

/* ------------------------------------------------------ shared strings */

typedef struct
{
  CwPartState  base;
  CwXlsx      *xlsx;
  GString     *text;
  gboolean     in_item;
  gboolean     in_text;
  guint        phonetic_depth; /* of an <rPh>, whose reading aid is not the text */
} StringsState;

/* Office Open XML writes characters XML cannot hold as _xHHHH_, and a
 * literal "_x" as _x005F_x. */
static char *
decode_escapes (const char *text)
{
  GString *out;

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0';)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          p += 7;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
strings_start (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  StringsState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (strcmp (local, "si") == 0)
    {
      state->in_item = TRUE;
      g_string_truncate (state->text, 0);
    }
  else if (strcmp (local, "rPh") == 0 && state->phonetic_depth == 0)
    state->phonetic_depth = state->base.depth;
  else if (strcmp (local, "t") == 0 && state->in_item && state->phonetic_depth == 0)
    state->in_text = TRUE;
}

static void
add_string (StringsState  *state,
            GError       **error)
{
  CwXlsx *xlsx = state->xlsx;
  g_autofree char *decoded = decode_escapes (state->text->str);
  gsize offset = xlsx->strings->len;

  if (xlsx->string_offsets->len >= CW_WORKBOOK_MAX_CELLS)
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                               _("“%s” inside it holds more than %d texts"), state->base.part,
                               CW_WORKBOOK_MAX_CELLS);
      return;
    }
  g_string_append_len (xlsx->strings, decoded, (gssize) strlen (decoded) + 1);
  g_array_append_val (xlsx->string_offsets, offset);
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  StringsState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (strcmp (local, "t") == 0)
    state->in_text = FALSE;
  else if (strcmp (local, "rPh") == 0 && state->phonetic_depth == state->base.depth)
    state->phonetic_depth = 0;
  else if (strcmp (local, "si") == 0 && state->in_item)
    {
      state->in_item = FALSE;
      add_string (state, error);
    }
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  StringsState *state = user_data;

  if (state->in_text)
    cw_workbook_append_text (&state->base, state->text, text, len, error);
}

static const GMarkupParser strings_parser = {
  .start_element = strings_start,
  .end_element = strings_end,
  .text = strings_text,
};

/* --------------------------------------------------------------- styles */

typedef struct
{
  CwPartState  base;
  GHashTable  *custom;     /* numFmtId → CwXlsxNumberKind, of the workbook's own formats */
  GArray      *formats;    /* guint numFmtId, by cellXfs index */
  gboolean     in_formats; /* <numFmts> */
  gboolean     in_styles;  /* <cellXfs> */
} StylesState;

static CwXlsxNumberKind
builtin_kind (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22)
    return CW_XLSX_DATE;
  if ((id >= 18 && id <= 21) || id == 45 || id == 47)
    return CW_XLSX_TIME;
  if (id == 46)
    return CW_XLSX_DURATION;
  return CW_XLSX_NUMBER;
}

/* [h], [mm], [ss]: a duration in hours, minutes or seconds, not a colour,
 * a condition or a locale. */
static gboolean
is_elapsed (const char *open,
            const char *close)
{
  char unit = g_ascii_tolower (open[1]);

  if (close - open < 2 || (unit != 'h' && unit != 'm' && unit != 's'))
    return FALSE;
  for (const char *p = open + 1; p < close; p++)
    if (g_ascii_tolower (*p) != unit)
      return FALSE;
  return TRUE;
}

/* Skips what a format code shows as it is: "text", \c, _c (a space as wide
 * as c), *c (c repeated) and [colours, conditions, locales]. Returns the
 * next place to look at, or NULL when @p is not at one. */
static const char *
skip_literal (const char *p,
              gboolean   *elapsed)
{
  const char *end;

  switch (*p)
    {
    case '"':
      end = strchr (p + 1, '"');
      return end != NULL ? end + 1 : p + strlen (p);
    case '\\':
    case '_':
    case '*':
      return p[1] != '\0' ? p + 2 : p + 1;
    case '[':
      if ((end = strchr (p, ']')) == NULL)
        return p + strlen (p);
      *elapsed |= is_elapsed (p, end);
      return end + 1;
    default:
      return NULL;
    }
}

/* Whether a custom format such as "dd/mm/yyyy hh:mm" or "[h]:mm" shows a
 * date or a time: the letters d, m, y, h and s outside literals. An m with
 * no d or y beside an h or s is minutes. */
static CwXlsxNumberKind
custom_kind (const char *code)
{
  gboolean day = FALSE, time = FALSE, month = FALSE, elapsed = FALSE;
  const char *p = code;

  while (*p != '\0')
    {
      const char *next = skip_literal (p, &elapsed);
      char c = g_ascii_tolower (*p);

      if (next != NULL)
        {
          p = next;
          continue;
        }
      if (g_ascii_strncasecmp (p, "am/pm", 5) == 0 || g_ascii_strncasecmp (p, "a/p", 3) == 0)
        {
          p += p[1] == '/' ? 3 : 5;
          continue;
        }
      day |= c == 'd' || c == 'y';
      time |= c == 'h' || c == 's';
      month |= c == 'm';
      p++;
    }
  if (elapsed)
    return CW_XLSX_DURATION;
  if (day || (month && !time))
    return CW_XLSX_DATE;
  return time ? CW_XLSX_TIME : CW_XLSX_NUMBER;
}

/* A format of the workbook's own, in <numFmts>; past MAX_STYLES of them
 * the rest are numbers. */
static void
add_format (StylesState  *state,
            const char  **names,
            const char  **values)
{
  const char *code = cw_markup_attribute (names, values, "formatCode");
  guint64 id = 0;

  if (g_hash_table_size (state->custom) >= MAX_STYLES)
    return;
  if (cw_markup_parse_count (cw_markup_attribute (names, values, "numFmtId"), &id)
      && code != NULL && id <= G_MAXUINT)
    g_hash_table_insert (state->custom, GUINT_TO_POINTER ((guint) id),
                         GUINT_TO_POINTER (custom_kind (code)));
}

/* A cell style, in <cellXfs>: the s="3" of a cell is its index. */
static void
add_style (StylesState  *state,
           const char  **names,
           const char  **values,
           GError      **error)
{
  guint64 id = 0;
  guint format;

  if (state->formats->len >= MAX_STYLES)
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                               _("“%s” inside it has more than %d cell styles"), state->base.part,
                               MAX_STYLES);
      return;
    }
  cw_markup_parse_count (cw_markup_attribute (names, values, "numFmtId"), &id);
  format = (guint) MIN (id, G_MAXUINT);
  g_array_append_val (state->formats, format);
}

static void
styles_start (GMarkupParseContext  *context,
              const char           *name,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  StylesState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (strcmp (local, "numFmts") == 0)
    state->in_formats = TRUE;
  else if (strcmp (local, "cellXfs") == 0)
    state->in_styles = TRUE;
  else if (state->in_formats && strcmp (local, "numFmt") == 0)
    add_format (state, names, values);
  else if (state->in_styles && strcmp (local, "xf") == 0)
    add_style (state, names, values, error);
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *name,
            gpointer              user_data,
            GError              **error)
{
  StylesState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (strcmp (local, "numFmts") == 0)
    state->in_formats = FALSE;
  else if (strcmp (local, "cellXfs") == 0)
    state->in_styles = FALSE;
}

static const GMarkupParser styles_parser = {
  .start_element = styles_start,
  .end_element = styles_end,
};

static gboolean
read_styles (CwWorkbook  *self,
             CwXlsx      *xlsx,
             GError     **error)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) formats = g_array_new (FALSE, FALSE, sizeof (guint));
  StylesState state = { .custom = custom, .formats = formats };

  if (!cw_workbook_parse_part (self, xlsx->styles_part, &styles_parser, &state.base, error))
    return FALSE;
  for (guint i = 0; i < formats->len; i++)
    {
      guint id = g_array_index (formats, guint, i);
      gpointer kind = NULL;
      guint8 value;

      if (g_hash_table_lookup_extended (custom, GUINT_TO_POINTER (id), NULL, &kind))
        value = (guint8) GPOINTER_TO_UINT (kind);
      else
        value = (guint8) builtin_kind (id);
      g_array_append_val (xlsx->style_kinds, value);
    }
  return TRUE;
}

/* Once per workbook, before its first sheet; parts the workbook names but
 * the archive lacks are read as empty, and cells that need them fail. */
static gboolean
load_shared_parts (CwWorkbook  *self,
                   CwXlsx      *xlsx,
                   GError     **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  StringsState strings = { .xlsx = xlsx, .text = text };

  if (xlsx->loaded)
    return TRUE;
  g_string_truncate (xlsx->strings, 0);
  g_array_set_size (xlsx->string_offsets, 0);
  g_array_set_size (xlsx->style_kinds, 0);
  if (xlsx->strings_part != NULL && cw_zip_has_entry (self->zip, xlsx->strings_part)
      && !cw_workbook_parse_part (self, xlsx->strings_part, &strings_parser, &strings.base, error))
    return FALSE;
  if (xlsx->styles_part != NULL && cw_zip_has_entry (self->zip, xlsx->styles_part)
      && !read_styles (self, xlsx, error))
    return FALSE;
  xlsx->loaded = TRUE;
  return TRUE;
}

/* -------------------------------------------------------------- sheets */

typedef enum
{
  CELL_NUMBER,  /* no t, or t="n" */
  CELL_SHARED,  /* t="s": an index into the shared strings */
  CELL_INLINE,  /* t="inlineStr": <is><t>text</t></is> */
  CELL_STRING,  /* t="str": the text a formula gave */
  CELL_BOOLEAN, /* t="b" */
  CELL_ERROR,   /* t="e": #N/A, #DIV/0! */
  CELL_DATE,    /* t="d": ISO 8601, which few tools write */
} CellType;

typedef struct
{
  CwPartState     base;
  CwXlsx         *xlsx;
  CwSheetBuilder *builder;
  guint64         row;            /* the number of the last row started, 0 before */
  guint64         column;         /* of the cell being read, from 0 */
  guint64         next_column;    /* for a cell without a reference */
  guint           style;
  CellType        type;
  GString        *value;          /* of <v>, or the text of <is> */
  gboolean        in_data;        /* <sheetData> */
  gboolean        in_row;
  gboolean        in_cell;
  gboolean        in_value;       /* <v>, or <t> inside <is> */
  gboolean        in_inline;      /* <is> */
  guint           phonetic_depth; /* of an <rPh> inside <is> */
} SheetState;

static CellType
cell_type (const char *t)
{
  static const struct { const char *name; CellType type; } types[] = {
    { "s", CELL_SHARED }, { "inlineStr", CELL_INLINE }, { "str", CELL_STRING },
    { "b", CELL_BOOLEAN }, { "e", CELL_ERROR }, { "d", CELL_DATE },
  };

  for (gsize i = 0; t != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (t, types[i].name) == 0)
      return types[i].type;
  return CELL_NUMBER;
}

/* The column of a reference such as "C7" or "XFD1048576", from 0. */
static gboolean
parse_column (const char *ref,
              guint64    *column)
{
  guint64 value = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      if (p - ref >= 3)
        return FALSE;
      value = value * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
    }
  if (p == ref || strspn (p, "0123456789") != strlen (p))
    return FALSE;
  *column = value - 1;
  return TRUE;
}

static void
start_row (SheetState  *state,
           const char **names,
           const char **values,
           GError     **error)
{
  const char *r = cw_markup_attribute (names, values, "r");
  guint64 number = state->row + 1;

  if (r != NULL && !cw_markup_parse_count (r, &number))
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("sheet “%s” has a row numbered “%s”"),
                               state->builder->sheet_name, r);
      return;
    }
  if (number <= state->row)
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("the rows of sheet “%s” are out of order"),
                               state->builder->sheet_name);
      return;
    }
  state->row = number;
  state->next_column = 0;
  state->in_row = TRUE;
  cw_sheet_builder_start_row (state->builder, number);
}

static void
start_cell (SheetState  *state,
            const char **names,
            const char **values,
            GError     **error)
{
  const char *r = cw_markup_attribute (names, values, "r");
  guint64 style = 0;

  state->column = state->next_column;
  if (r != NULL && !parse_column (r, &state->column))
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("sheet “%s” has a cell at “%s”, which is no place on a sheet"),
                               state->builder->sheet_name, r);
      return;
    }
  cw_markup_parse_count (cw_markup_attribute (names, values, "s"), &style);
  state->style = (guint) MIN (style, G_MAXUINT);
  state->type = cell_type (cw_markup_attribute (names, values, "t"));
  state->in_cell = TRUE;
  g_string_truncate (state->value, 0);
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
  const char *local = cw_markup_local_name (name);

  if (strcmp (local, "sheetData") == 0)
    state->in_data = TRUE;
  else if (state->in_data && !state->in_row && strcmp (local, "row") == 0)
    start_row (state, names, values, error);
  else if (state->in_row && !state->in_cell && strcmp (local, "c") == 0)
    start_cell (state, names, values, error);
  else if (state->in_cell && strcmp (local, "v") == 0)
    state->in_value = TRUE;
  else if (state->in_cell && strcmp (local, "is") == 0)
    state->in_inline = TRUE;
  else if (state->in_inline && strcmp (local, "rPh") == 0 && state->phonetic_depth == 0)
    state->phonetic_depth = state->base.depth;
  else if (state->in_inline && state->phonetic_depth == 0 && strcmp (local, "t") == 0)
    state->in_value = TRUE;
}

static char *
shared_string (SheetState  *state,
               GError     **error)
{
  CwXlsx *xlsx = state->xlsx;
  guint64 index = 0;

  if (!cw_markup_parse_count (state->value->str, &index) || index >= xlsx->string_offsets->len)
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("the text of a cell in row %u of sheet “%s” is missing"),
                               (guint) MIN (state->row, G_MAXUINT), state->builder->sheet_name);
      return NULL;
    }
  return g_strdup (xlsx->strings->str + g_array_index (xlsx->string_offsets, gsize, index));
}

/* A number cell holds a decimal number; "0x10" or "INF" is no number
 * Excel writes, and read as one it would become a date. */
static char *
number_text (SheetState  *state,
             GError     **error)
{
  CwXlsx *xlsx = state->xlsx;
  CwXlsxNumberKind kind = CW_XLSX_NUMBER;
  char *formatted = NULL;
  double value;

  if (state->value->len == 0)
    return g_strdup ("");
  if (!cw_workbook_parse_decimal (state->value->str, &value))
    {
      g_autofree char *cell = cw_workbook_cell_name (state->column, state->row);

      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("cell %s of sheet “%s” holds “%s” where a number should be"),
                               cell, state->builder->sheet_name, state->value->str);
      return NULL;
    }
  if (state->style < xlsx->style_kinds->len)
    kind = g_array_index (xlsx->style_kinds, guint8, state->style);
  if (kind == CW_XLSX_NUMBER)
    return cw_workbook_format_number (state->value->str);
  if (kind == CW_XLSX_DURATION)
    formatted = cw_workbook_format_duration (value);
  else
    formatted = cw_workbook_format_serial (value, xlsx->date1904, kind == CW_XLSX_TIME);
  return formatted != NULL ? formatted : cw_workbook_format_number (state->value->str);
}

/* The cell's text as Excel shows it, or NULL with @error set. */
static char *
cell_text (SheetState  *state,
           GError     **error)
{
  const char *value = state->value->str;

  switch (state->type)
    {
    case CELL_SHARED:
      return shared_string (state, error);
    case CELL_INLINE:
    case CELL_STRING:
      return decode_escapes (value);
    case CELL_BOOLEAN:
      if (strcmp (value, "1") == 0 || strcmp (value, "true") == 0)
        return g_strdup ("TRUE");
      if (strcmp (value, "0") == 0 || strcmp (value, "false") == 0)
        return g_strdup ("FALSE");
      return g_strdup (value);
    case CELL_ERROR:
      return g_strdup (value);
    case CELL_DATE:
      return cw_workbook_format_iso (value);
    case CELL_NUMBER:
    default:
      return number_text (state, error);
    }
}

static void
end_cell (SheetState  *state,
          GError     **error)
{
  g_autofree char *text = cell_text (state, error);

  state->in_cell = FALSE;
  state->next_column = state->column + 1;
  if (text != NULL && *text != '\0')
    cw_sheet_builder_add_cell (state->builder, state->column, text, 1, error);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  SheetState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (state->in_cell && (strcmp (local, "v") == 0 || strcmp (local, "t") == 0))
    state->in_value = FALSE;
  else if (state->in_inline && strcmp (local, "rPh") == 0
           && state->phonetic_depth == state->base.depth)
    state->phonetic_depth = 0;
  else if (state->in_cell && strcmp (local, "is") == 0)
    state->in_inline = FALSE;
  else if (state->in_cell && strcmp (local, "c") == 0)
    end_cell (state, error);
  else if (state->in_row && !state->in_cell && strcmp (local, "row") == 0)
    {
      state->in_row = FALSE;
      cw_sheet_builder_end_row (state->builder, 1, error);
    }
  else if (strcmp (local, "sheetData") == 0)
    state->in_data = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  SheetState *state = user_data;

  if (state->in_value)
    cw_workbook_append_text (&state->base, state->value, text, len, error);
}

static const GMarkupParser sheet_parser = {
  .start_element = sheet_start,
  .end_element = sheet_end,
  .text = sheet_text,
};

gboolean
cw_workbook_xlsx_read_sheet (CwWorkbook      *self,
                             guint            index,
                             CwSheetBuilder  *builder,
                             GError         **error)
{
  CwXlsx *xlsx = self->backend;
  g_autoptr (GString) value = g_string_new (NULL);
  SheetState state = { .xlsx = xlsx, .builder = builder, .value = value };

  return load_shared_parts (self, xlsx, error)
         && cw_workbook_parse_part (self, g_ptr_array_index (xlsx->sheet_parts, index),
                                    &sheet_parser, &state.base, error);
}
