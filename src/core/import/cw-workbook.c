/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-workbook-private.h"

/* Reads the Excel (.xlsx) and LibreOffice (.ods) workbooks agencies send
 * back as chronology returns, with nothing but GLib and GIO: the ZIP archive
 * by cw-zip.c, the XML parts by GMarkupParseContext, fed piece by piece as
 * they are unpacked so that no part is ever in memory whole. The format is
 * told by what the archive holds, never by the file's name. Each cell comes
 * out as the text a person reads in it, dates in ISO form for
 * cw_chrono_date_parse(). This file opens the workbook and holds what both
 * formats share; cw-workbook-sheet.c builds the rows. */

#define MAX_MIMETYPE 256 /* bytes of the mimetype entry of an OpenDocument file */

G_DEFINE_QUARK (cw-workbook-error-quark, cw_workbook_error)

/**
 * cw_workbook_fail:
 * @self: the workbook
 * @error: return location for the error
 * @code: the kind of problem
 * @reason: what is wrong, starting in lower case: "it has no “content.xml”"
 *
 * Sets @error to a sentence that names the file and says what to do.
 *
 * Returns: %FALSE
 */
gboolean
cw_workbook_fail (CwWorkbook      *self,
                  GError         **error,
                  CwWorkbookError  code,
                  const char      *reason)
{
  switch (code)
    {
    case CW_WORKBOOK_ERROR_DAMAGED:
      g_set_error (error, CW_WORKBOOK_ERROR, code,
                   _("%s is damaged: %s. Open it in Excel or LibreOffice, save it again and "
                     "import the new file"),
                   self->file_name, reason);
      break;
    case CW_WORKBOOK_ERROR_TOO_LARGE:
      g_set_error (error, CW_WORKBOOK_ERROR, code, _("%s is too large for Casewise to read: %s"),
                   self->file_name, reason);
      break;
    case CW_WORKBOOK_ERROR_NO_SHEET:
      g_set_error (error, CW_WORKBOOK_ERROR, code, _("%s has no sheet to read: %s"),
                   self->file_name, reason);
      break;
    case CW_WORKBOOK_ERROR_NOT_WORKBOOK:
    case CW_WORKBOOK_ERROR_UNSUPPORTED:
    default:
      g_set_error (error, CW_WORKBOOK_ERROR, code, _("%s is not a workbook Casewise can read: %s"),
                   self->file_name, reason);
      break;
    }
  return FALSE;
}

gboolean
cw_workbook_fail_printf (CwWorkbook      *self,
                         GError         **error,
                         CwWorkbookError  code,
                         const char      *format,
                         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  return cw_workbook_fail (self, error, code, reason);
}

static gboolean
fail_zip (CwWorkbook  *self,
          GError      *zip_error,
          GError     **error)
{
  static const CwWorkbookError codes[] = {
    [CW_ZIP_ERROR_NOT_ZIP] = CW_WORKBOOK_ERROR_NOT_WORKBOOK,
    [CW_ZIP_ERROR_DAMAGED] = CW_WORKBOOK_ERROR_DAMAGED,
    [CW_ZIP_ERROR_TOO_LARGE] = CW_WORKBOOK_ERROR_TOO_LARGE,
    [CW_ZIP_ERROR_UNSUPPORTED] = CW_WORKBOOK_ERROR_UNSUPPORTED,
    [CW_ZIP_ERROR_NOT_FOUND] = CW_WORKBOOK_ERROR_DAMAGED, /* a part the workbook names */
  };
  CwWorkbookError code = CW_WORKBOOK_ERROR_DAMAGED;

  if (zip_error->domain == CW_ZIP_ERROR && zip_error->code >= 0
      && (gsize) zip_error->code < G_N_ELEMENTS (codes))
    code = codes[zip_error->code];
  return cw_workbook_fail (self, error, code, zip_error->message);
}

/* ------------------------------------------------------------ XML parts */

typedef struct
{
  const GMarkupParser *parser;
  CwPartState         *state;
} Wrapped;

typedef struct
{
  GMarkupParseContext *context;
  gboolean             started;
} Feed;

static void
wrapped_start (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Wrapped *wrapped = user_data;
  CwPartState *state = wrapped->state;

  /* GMarkup keeps its own stack without limit; this bounds it, and ours */
  if (++state->depth > CW_WORKBOOK_MAX_DEPTH)
    {
      cw_workbook_fail_printf (state->workbook, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("“%s” inside it nests elements more than %d deep"), state->part,
                               CW_WORKBOOK_MAX_DEPTH);
      return;
    }
  if (wrapped->parser->start_element != NULL)
    wrapped->parser->start_element (context, name, names, values, state, error);
}

static void
wrapped_end (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Wrapped *wrapped = user_data;

  if (wrapped->parser->end_element != NULL)
    wrapped->parser->end_element (context, name, wrapped->state, error);
  wrapped->state->depth--;
}

static void
wrapped_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Wrapped *wrapped = user_data;

  if (wrapped->parser->text != NULL)
    wrapped->parser->text (context, text, len, wrapped->state, error);
}

static const GMarkupParser wrapping_parser = {
  .start_element = wrapped_start,
  .end_element = wrapped_end,
  .text = wrapped_text,
};

/* Excel and LibreOffice write no byte-order mark, but other tools do, and
 * GMarkup does not expect one. */
static gboolean
feed_chunk (const guint8  *data,
            gsize          len,
            gpointer       user_data,
            GError       **error)
{
  Feed *feed = user_data;

  if (!feed->started && len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  feed->started = TRUE;
  return g_markup_parse_context_parse (feed->context, (const char *) data, (gssize) len, error);
}

static gboolean
fail_part (CwWorkbook  *self,
           const char  *part,
           GError      *part_error,
           GError     **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;

  if (part_error->domain == CW_WORKBOOK_ERROR)
    {
      g_propagate_error (error, g_error_copy (part_error));
      return FALSE;
    }
  if (part_error->domain == CW_ZIP_ERROR)
    return fail_zip (self, part_error, error);
  /* GMarkup quotes the bytes it could not read, which may not be UTF-8 */
  detail = g_utf8_make_valid (part_error->message, -1);
  reason = g_strdup_printf (_("“%s” inside it is not well-formed XML (%s)"), part, detail);
  return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_DAMAGED, reason);
}

/**
 * cw_workbook_parse_part:
 * @self: the workbook
 * @part: the entry of the archive to read
 * @parser: called with @state as user data
 * @state: (inout): the parser's state, which starts with a #CwPartState
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * Unpacks @part straight into @parser. Errors @parser sets must be in the
 * #CW_WORKBOOK_ERROR domain; any other is taken for bad XML.
 *
 * Returns: whether all of @part was read
 */
gboolean
cw_workbook_parse_part (CwWorkbook           *self,
                        const char           *part,
                        const GMarkupParser  *parser,
                        CwPartState          *state,
                        GError              **error)
{
  Wrapped wrapped = { parser, state };
  Feed feed = { 0 };
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  state->workbook = self;
  state->part = part;
  state->depth = 0;
  feed.context = g_markup_parse_context_new (&wrapping_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                             &wrapped, NULL);
  ok = cw_zip_read_entry_chunks (self->zip, part, feed_chunk, &feed, &local_error)
       && g_markup_parse_context_end_parse (feed.context, &local_error);
  g_markup_parse_context_free (feed.context);
  return ok || fail_part (self, part, local_error, error);
}

/**
 * cw_workbook_append_text:
 * @state: the parser's state, for the message
 * @cell: the text of a cell so far
 * @text: (array length=len): more of it
 * @len: its length in bytes
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * Returns: whether the cell is still within %CW_WORKBOOK_MAX_CELL
 */
gboolean
cw_workbook_append_text (CwPartState  *state,
                         GString      *cell,
                         const char   *text,
                         gsize         len,
                         GError      **error)
{
  if (len > CW_WORKBOOK_MAX_CELL || cell->len > CW_WORKBOOK_MAX_CELL - len)
    return cw_workbook_fail_printf (state->workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                                    _("a cell in “%s” inside it holds more than %d KB of text"),
                                    state->part, CW_WORKBOOK_MAX_CELL / 1024);
  g_string_append_len (cell, text, (gssize) len);
  return TRUE;
}

/* Element and attribute names, with or without a namespace prefix. */
const char *
cw_markup_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

const char *
cw_markup_attribute (const char **names,
                     const char **values,
                     const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

const char *
cw_markup_local_attribute (const char **names,
                           const char **values,
                           const char  *local_name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (cw_markup_local_name (names[i]), local_name) == 0)
      return values[i];
  return NULL;
}

/* A count from an attribute, such as a number of repeats; past 10^15 it
 * stays there, far beyond every limit, so that sums of them cannot wrap. */
gboolean
cw_markup_parse_count (const char *text,
                       guint64    *out)
{
  const guint64 cap = G_GUINT64_CONSTANT (1000000000000000);
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = MIN (value * 10 + (guint64) (*p - '0'), cap);
    }
  *out = value;
  return TRUE;
}

/* ------------------------------------------------------- opening a file */

static gboolean
refuse_not_zip (CwWorkbook   *self,
                const guint8 *data,
                gsize         len,
                GError      **error)
{
  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_UNSUPPORTED,
                             _("it is an Excel 97–2003 workbook (.xls) or one protected by a "
                               "password; open it in Excel and save it as an Excel Workbook "
                               "(.xlsx) without a password"));
  return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
                           _("it is not an Excel (.xlsx) or LibreOffice (.ods) file; choose the "
                             "workbook the agency sent"));
}

static gboolean
is_zip (const guint8 *data,
        gsize         len)
{
  return len >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0);
}

/* OpenDocument files start with an entry "mimetype" naming their kind. */
static gboolean
read_mimetype (CwWorkbook  *self,
               char       **mimetype,
               GError     **error)
{
  g_autoptr (GError) zip_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len = 0;
  const char *data;

  *mimetype = NULL;
  if (cw_zip_get_entry_size (self->zip, "mimetype") > MAX_MIMETYPE)
    return TRUE;
  if ((bytes = cw_zip_read_entry (self->zip, "mimetype", &zip_error)) == NULL)
    return fail_zip (self, zip_error, error);
  data = g_bytes_get_data (bytes, &len);
  *mimetype = g_utf8_make_valid (data != NULL ? data : "", (gssize) len);
  g_strstrip (*mimetype);
  return TRUE;
}

static gboolean
open_by_content (CwWorkbook  *self,
                 GError     **error)
{
  g_autofree char *mimetype = NULL;

  if (cw_zip_has_entry (self->zip, "mimetype") && !read_mimetype (self, &mimetype, error))
    return FALSE;
  if (mimetype != NULL && g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument."))
    {
      if (!g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.spreadsheet"))
        return cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
                                        _("it is an OpenDocument file of another kind (%s), "
                                          "not a spreadsheet"),
                                        mimetype);
      return cw_workbook_ods_open (self, error);
    }
  if (cw_zip_has_entry (self->zip, "_rels/.rels")
      || cw_zip_has_entry (self->zip, "[Content_Types].xml"))
    return cw_workbook_xlsx_open (self, error);
  if (cw_zip_has_entry (self->zip, "content.xml"))
    return cw_workbook_ods_open (self, error);
  return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
                           _("it is a ZIP archive that holds no Excel or LibreOffice spreadsheet"));
}

/**
 * cw_workbook_is_workbook_data:
 * @bytes: a file's contents
 *
 * Whether @bytes start as a ZIP archive does, as every .xlsx and .ods file
 * does: a quick test to choose between this reader and the CSV one.
 *
 * Returns: %TRUE for data starting with `PK\3\4`
 */
gboolean
cw_workbook_is_workbook_data (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  data = g_bytes_get_data (bytes, &len);
  return len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

/**
 * cw_workbook_new_from_bytes:
 * @bytes: the file's contents, as read from disk
 * @file_name: the name to show in messages, such as `Chronology.xlsx`
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * Opens an Excel (.xlsx, .xlsm) or LibreOffice (.ods) workbook, telling
 * which from its contents, and reads the names of its sheets. The cells
 * are read by cw_workbook_read_sheet().
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
CwWorkbook *
cw_workbook_new_from_bytes (GBytes      *bytes,
                            const char  *file_name,
                            GError     **error)
{
  g_autoptr (CwWorkbook) self = NULL;
  g_autoptr (GError) zip_error = NULL;
  const guint8 *data;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CwWorkbook, 1);
  self->file_name = g_strdup (file_name);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || !is_zip (data, len))
    {
      refuse_not_zip (self, data, len, error);
      return NULL;
    }
  if ((self->zip = cw_zip_new_from_bytes (bytes, &zip_error)) == NULL)
    {
      fail_zip (self, zip_error, error);
      return NULL;
    }
  if (!open_by_content (self, error))
    return NULL;
  if (self->sheet_names->len == 0)
    {
      cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_NO_SHEET, _("it has no sheets"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
cw_workbook_free (CwWorkbook *self)
{
  if (self == NULL)
    return;
  if (self->backend_free != NULL)
    self->backend_free (self->backend);
  cw_zip_free (self->zip);
  g_ptr_array_unref (self->sheet_names);
  g_free (self->file_name);
  g_free (self);
}

const char *
cw_workbook_get_file_name (CwWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file_name;
}

/**
 * cw_workbook_get_format:
 * @self: a workbook
 *
 * Returns: `XLSX` or `ODS`, from the contents whatever the file's name
 */
const char *
cw_workbook_get_format (CwWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format == CW_WORKBOOK_ODS ? "ODS" : "XLSX";
}

guint
cw_workbook_get_n_sheets (CwWorkbook *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sheet_names->len;
}

/**
 * cw_workbook_get_sheet_name:
 * @self: a workbook
 * @index: from 0, in the order of the sheets' tabs, hidden sheets included
 *
 * Returns: the name on the sheet's tab
 */
const char *
cw_workbook_get_sheet_name (CwWorkbook *self,
                            guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  return g_ptr_array_index (self->sheet_names, index);
}

/**
 * cw_workbook_read_sheet:
 * @self: a workbook
 * @index: the sheet, from 0
 * @rows: (out) (transfer full): a #GPtrArray of rows, each a #GPtrArray of
 *   the cells' text (`char *`, UTF-8), with the empty cells at its end left
 *   off; rows with no text are left out
 * @row_numbers: (out) (optional) (transfer full): a #GArray of #guint, the
 *   number of each row as the spreadsheet shows it, from 1
 * @error: return location for a #CW_WORKBOOK_ERROR
 *
 * Reads all the cells of one sheet as a person sees them: text as it is,
 * numbers in the shortest form that keeps them exact (`%.15g`, with a full
 * stop), dates as `2021-04-03` or `2021-04-03 14:30` and times of day as
 * `14:30`, booleans as `TRUE` and `FALSE`, and formulas as their last
 * result. Blank rows are left out but keep their number.
 *
 * Returns: whether the sheet was read; on failure @rows and @row_numbers
 *   are set to %NULL
 */
gboolean
cw_workbook_read_sheet (CwWorkbook  *self,
                        guint        index,
                        GPtrArray  **rows,
                        GArray     **row_numbers,
                        GError     **error)
{
  CwSheetBuilder builder;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *rows = NULL;
  if (row_numbers != NULL)
    *row_numbers = NULL;
  if (index >= self->sheet_names->len)
    return cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_NO_SHEET,
                                    _("it has %u sheets, so no sheet %u"), self->sheet_names->len,
                                    index + 1);
  cw_sheet_builder_init (&builder, self, index);
  if (self->format == CW_WORKBOOK_ODS)
    ok = cw_workbook_ods_read_sheet (self, index, &builder, error);
  else
    ok = cw_workbook_xlsx_read_sheet (self, index, &builder, error);
  if (ok)
    {
      *rows = g_steal_pointer (&builder.rows);
      if (row_numbers != NULL)
        *row_numbers = g_steal_pointer (&builder.row_numbers);
    }
  cw_sheet_builder_clear (&builder);
  return ok;
}
