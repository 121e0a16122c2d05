/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>
#include <string.h>

#include "cw-report.h"

/* Reports written to memory and read back by Poppler, for the report
 * tests. (poppler-glib 22.12 has no autoptr for its types.) */

static inline GBytes *
render_bytes (CwReportDocument *document,
              guint            *n_pages)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (cw_report_document_write (document, out, n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static inline PopplerDocument *
open_pdf_bytes (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static inline PopplerDocument *
render (CwReportDocument *document,
        guint            *n_pages)
{
  g_autoptr (GBytes) bytes = render_bytes (document, n_pages);

  return open_pdf_bytes (bytes);
}

/* The page's text with its lines joined by spaces, so that a phrase
 * wrapped over two lines is found. */
static inline char *
page_text (PopplerDocument *pdf,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (pdf, index);
  char *text = page ? poppler_page_get_text (page) : g_strdup ("");

  g_clear_object (&page);
  g_strdelimit (text, "\r\n", ' ');
  return text;
}

/* Returns: where @needle is in the text of page @index (from 0), or -1 */
static inline int
text_offset (PopplerDocument *pdf,
             int              index,
             const char      *needle)
{
  g_autofree char *text = page_text (pdf, index);
  const char *at = strstr (text, needle);

  return at ? (int) (at - text) : -1;
}

static inline void
assert_page_has (PopplerDocument *pdf,
                 int              index,
                 const char      *needle)
{
  if (text_offset (pdf, index, needle) < 0)
    {
      g_autofree char *text = page_text (pdf, index);

      g_test_message ("page %d: %s", index + 1, text);
      g_error ("“%s” is not on page %d", needle, index + 1);
    }
}

static inline char *
all_text (PopplerDocument *pdf)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);

      g_string_append (all, text);
      g_string_append_c (all, ' ');
    }
  return g_string_free (all, FALSE);
}

static inline guint
count_of_text (const char *haystack,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Returns: the first page (from 1) with @needle, or 0 */
static inline int
page_of (PopplerDocument *pdf,
         const char      *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    if (text_offset (pdf, i, needle) >= 0)
      return i + 1;
  return 0;
}

static inline void
page_size (PopplerDocument *pdf,
           int              index,
           double          *width,
           double          *height)
{
  PopplerPage *page = poppler_document_get_page (pdf, index);

  poppler_page_get_size (page, width, height);
  g_object_unref (page);
}

static inline int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}
