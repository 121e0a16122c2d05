/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#ifdef G_OS_WIN32
#include <fcntl.h> /* portability: ok, Windows-only: _O_BINARY */
#include <io.h>
#include <windows.h>
#endif

#ifdef G_OS_UNIX
#include <unistd.h> /* isatty */
#endif

#include "cw-cli.h"
#include "cw-text.h"

/* Text goes out as UTF-8 bytes: g_print() would turn every non-ASCII
 * character into an escape under the C locale, and JSON must stay UTF-8.
 * What the database holds is never written raw: a control character in a
 * title (ESC, BEL, a carriage return, a bidirectional override) is shown
 * as \uXXXX rather than acted on by the terminal, and JSON stays valid. */

G_GNUC_PRINTF (2, 0) static void
write_to (FILE       *stream,
          const char *format,
          va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *escaped = cw_text_escape (text);

  fputs (escaped, stream);
  fflush (stream);
}

static gboolean
stdout_is_terminal (void)
{
#ifdef G_OS_WIN32
  return _isatty (_fileno (stdout));
#else
  return isatty (fileno (stdout));
#endif
}

void
cw_cli_print (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  write_to (stdout, format, args);
  va_end (args);
}

void
cw_cli_printerr (const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  write_to (stderr, format, args);
  va_end (args);
}

/**
 * cw_cli_write_bytes:
 *
 * Writes a file's content to standard output exactly: CRLF stays CRLF.
 * To a terminal, as text: control characters escaped.
 */
gboolean
cw_cli_write_bytes (const char  *data,
                    gsize        size,
                    GError     **error)
{
  g_autofree char *escaped = NULL;

  if (stdout_is_terminal ())
    {
      g_autofree char *text = g_strndup (data, size);

      escaped = cw_text_escape (text);
      data = escaped;
      size = strlen (escaped);
    }
#ifdef G_OS_WIN32
  _setmode (_fileno (stdout), _O_BINARY);
#endif
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to the output"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_cli_setup_console:
 *
 * Makes a Windows console show the UTF-8 the CLI writes.
 */
void
cw_cli_setup_console (void)
{
#ifdef G_OS_WIN32
  SetConsoleOutputCP (CP_UTF8);
#endif
}

static void
print_padded (const char *text,
              guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  g_autofree char *padding = g_strnfill (width + 2 - (gsize) MIN (len, (glong) width), ' ');

  cw_cli_print ("%s%s", text, padding);
}

/**
 * cw_cli_print_table:
 * @rows: (element-type GStrv): rows of @n_columns cells, the header first
 *
 * Prints the rows in aligned columns; the last column is not padded.
 */
void
cw_cli_print_table (GPtrArray *rows,
                    guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  /* Escaped first, so the columns line up as they are shown. */
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char **cell = &((char **) rows->pdata[r])[c];
        char *escaped = cw_text_escape (*cell);

        g_free (*cell);
        *cell = escaped;
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (*cell, -1));
      }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (guint c = 0; c + 1 < n_columns; c++)
        print_padded (cells[c], widths[c]);
      cw_cli_print ("%s\n", cells[n_columns - 1]);
    }
}

/* "Label: value" @indent spaces in; the lines of a multi-line value
 * continue two spaces further in. Prints nothing for an empty value. */
void
cw_cli_print_field (guint       indent,
                    const char *label,
                    const char *value)
{
  g_autofree char *margin = g_strnfill (indent, ' ');
  g_auto (GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    return;
  lines = g_strsplit (value, "\n", -1);
  cw_cli_print ("%s%s: %s\n", margin, label, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    cw_cli_print ("%s  %s\n", margin, lines[i]);
}

