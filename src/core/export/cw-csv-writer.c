/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-export"

#include "config.h"

#include <string.h>

#include "cw-csv-writer.h"

/* CSV as Excel opens it: UTF-8 with a byte order mark (without one Excel
 * reads the file in the system's code page), cells quoted only when they
 * must be, rows ending in CRLF. Written in pieces of about 64 KB. */

#define FLUSH_AT (64 * 1024)

/* The characters that make a spreadsheet run a cell as a formula. */
#define FORMULA_STARTS "=+-@"

struct _CwCsvWriter
{
  GOutputStream *out;
  GString       *text;
  gboolean       first; /* no comma before the row's first cell */
};

/**
 * cw_csv_writer_new:
 * @out: where the file goes
 *
 * Returns: (transfer full): a writer, which has put the byte order mark
 *   first
 */
CwCsvWriter *
cw_csv_writer_new (GOutputStream *out)
{
  CwCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (CwCsvWriter, 1);
  self->out = g_object_ref (out);
  self->text = g_string_new ("\xEF\xBB\xBF");
  self->first = TRUE;
  return self;
}

void
cw_csv_writer_free (CwCsvWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->out);
  g_string_free (self->text, TRUE);
  g_free (self);
}

static void
append_quoted (GString    *line,
               const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * cw_csv_writer_cell:
 * @text: (nullable): the cell's text; %NULL for an empty cell (an empty
 *   string is written as `""`)
 *
 * Adds a cell to the row. Data often comes from outside: a cell a
 * spreadsheet would run as a formula ("=HYPERLINK(...)") is kept as text
 * with an apostrophe before it, which Excel hides and Casewise's readers
 * take off again (cw_csv_cell_is_protected()).
 */
void
cw_csv_writer_cell (CwCsvWriter *self,
                    const char  *text)
{
  g_autofree char *protected = NULL;
  gsize len;

  g_return_if_fail (self != NULL);

  if (!self->first)
    g_string_append_c (self->text, ',');
  self->first = FALSE;
  if (text == NULL)
    return;
  if (text[0] != '\0' && strchr (FORMULA_STARTS, text[0]) != NULL)
    text = protected = g_strconcat ("'", text, NULL);
  len = strlen (text);
  if (len > 0 && strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ' && text[len - 1] != ' ')
    g_string_append (self->text, text);
  else
    append_quoted (self->text, text);
}

static gboolean
flush (CwCsvWriter   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  gboolean ok = g_output_stream_write_all (self->out, self->text->str, self->text->len, NULL,
                                           cancellable, error);

  g_string_truncate (self->text, 0);
  return ok;
}

/**
 * cw_csv_writer_end_row:
 *
 * Ends the row; what is written so far goes to the stream once there is
 * enough of it.
 *
 * Returns: whether it could be written
 */
gboolean
cw_csv_writer_end_row (CwCsvWriter   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append (self->text, "\r\n");
  self->first = TRUE;
  return self->text->len < FLUSH_AT || flush (self, cancellable, error);
}

/**
 * cw_csv_writer_finish:
 *
 * Writes what is left; the stream stays open.
 *
 * Returns: whether everything was written
 */
gboolean
cw_csv_writer_finish (CwCsvWriter   *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return flush (self, cancellable, error);
}

/**
 * cw_csv_cell_is_protected:
 * @cell: a cell as read back
 *
 * Returns: whether @cell starts with the apostrophe cw_csv_writer_cell()
 *   puts before a formula's first character, which a reader takes off
 */
gboolean
cw_csv_cell_is_protected (const char *cell)
{
  return cell != NULL && cell[0] == '\'' && cell[1] != '\0'
         && strchr (FORMULA_STARTS, cell[1]) != NULL;
}
