/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <string.h>

#include "cw-clock.h"
#include "cw-report-private.h"

/* The document model: what a report says, in order, before any of it is
 * placed on a page. Text is copied in, made valid UTF-8; markup is checked
 * when it is added, so that nothing is lost to a stray "<" later. */

G_DEFINE_QUARK (cw-report-error-quark, cw_report_error)

#define DEFAULT_MARGIN 48.0 /* points: 17 mm, room for the header and footer */

static char *
valid (const char *text)
{
  return g_utf8_make_valid (text ? text : "", -1);
}

/**
 * cw_report_markup_checked:
 *
 * Returns: (transfer full): @markup when Pango reads it; else, with a
 *   warning, its text escaped, so that it is printed as it was written
 */
char *
cw_report_markup_checked (const char *markup)
{
  g_autofree char *text = valid (markup);
  g_autoptr (GError) error = NULL;

  if (pango_parse_markup (text, -1, 0, NULL, NULL, NULL, &error))
    return g_steal_pointer (&text);
  g_warning ("Report text is not valid markup, printed as it is: %s", error->message);
  return g_markup_escape_text (text, -1);
}

void
cw_report_table_free (CwReportTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    g_strfreev (g_array_index (table->rows, CwReportRow, i).text);
  g_array_unref (table->rows);
  g_strfreev (table->header);
  g_free (table->widths);
  g_free (table);
}

static void
block_free (gpointer data)
{
  CwReportBlock *block = data;

  if (block->destroy != NULL)
    block->destroy (block->data);
  g_clear_pointer (&block->table, cw_report_table_free);
  g_strfreev (block->items);
  g_free (block->text);
  g_free (block);
}

/**
 * cw_report_document_new:
 * @title: the document's title, in its metadata and on its pages
 *
 * A draft, A4 portrait, marked CW_REPORT_MARKING_INTERNAL, created now by
 * the project's clock.
 */
CwReportDocument *
cw_report_document_new (const char *title)
{
  CwReportDocument *self = g_new0 (CwReportDocument, 1);

  self->title = valid (title);
  self->marking = g_strdup (CW_REPORT_MARKING_INTERNAL);
  self->status = CW_REPORT_DRAFT;
  self->orientation = CW_REPORT_PORTRAIT;
  for (guint i = 0; i < 4; i++)
    self->margin[i] = DEFAULT_MARGIN;
  self->created = cw_clock_now ();
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  return self;
}

void
cw_report_document_free (CwReportDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_date_time_unref (self->created);
  g_free (self->title);
  g_free (self->reference);
  g_free (self->marking);
  g_free (self->author);
  g_free (self->subject);
  g_free (self);
}

const char *
cw_report_document_get_title (CwReportDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

void
cw_report_document_set_orientation (CwReportDocument   *self,
                                    CwReportOrientation orientation)
{
  g_return_if_fail (self != NULL);
  self->orientation = orientation;
}

/* In points; the header and footer sit in the top and bottom margins,
 * which are never less than 36 points. */
void
cw_report_document_set_margins (CwReportDocument *self,
                                double            top,
                                double            right,
                                double            bottom,
                                double            left)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (right >= 0 && left >= 0 && right + left < CW_REPORT_A4_WIDTH / 2);
  self->margin[0] = MAX (top, 36.0);
  self->margin[1] = right;
  self->margin[2] = MAX (bottom, 36.0);
  self->margin[3] = left;
}

/* @reference: (nullable): the review's, on every page */
void
cw_report_document_set_reference (CwReportDocument *self,
                                  const char       *reference)
{
  g_return_if_fail (self != NULL);
  g_free (self->reference);
  self->reference = reference ? valid (reference) : NULL;
}

/* @marking: (nullable): e.g. CW_REPORT_MARKING_INTERNAL; %NULL or "" for
 * none, for a document that may be published */
void
cw_report_document_set_marking (CwReportDocument *self,
                                const char       *marking)
{
  g_return_if_fail (self != NULL);
  g_free (self->marking);
  self->marking = marking && *marking ? valid (marking) : NULL;
}

void
cw_report_document_set_status (CwReportDocument *self,
                               CwReportStatus    status)
{
  g_return_if_fail (self != NULL);
  self->status = status;
}

void
cw_report_document_set_author (CwReportDocument *self,
                               const char       *author)
{
  g_return_if_fail (self != NULL);
  g_free (self->author);
  self->author = author ? valid (author) : NULL;
}

void
cw_report_document_set_subject (CwReportDocument *self,
                                const char       *subject)
{
  g_return_if_fail (self != NULL);
  g_free (self->subject);
  self->subject = subject ? valid (subject) : NULL;
}

/* The date in the PDF's metadata and on its title page. */
void
cw_report_document_set_created (CwReportDocument *self,
                                GDateTime        *created)
{
  g_return_if_fail (self != NULL && created != NULL);
  g_date_time_unref (self->created);
  self->created = g_date_time_ref (created);
}

/* Content */

static CwReportBlock *
add_block (CwReportDocument *self,
           CwReportBlockKind kind,
           char             *text)
{
  CwReportBlock *block = g_new0 (CwReportBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static char **
copy_strv (const char * const *strv,
           gboolean            markup)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *copy = markup ? cw_report_markup_checked (strv[i]) : valid (strv[i]);

      g_strv_builder_add (builder, copy);
    }
  return g_strv_builder_end (builder);
}

/**
 * cw_report_document_add_title_page:
 * @subtitle: (nullable): under the title
 * @pairs: (nullable): labels and values, in turn, then %NULL: "Reference",
 *   "CSPR-2026-001", …
 *
 * A page of its own: the title, the subtitle, the pairs, the marking.
 */
void
cw_report_document_add_title_page (CwReportDocument   *self,
                                   const char         *subtitle,
                                   const char * const *pairs)
{
  g_return_if_fail (self != NULL);
  add_block (self, CW_REPORT_BLOCK_TITLE_PAGE, subtitle ? valid (subtitle) : NULL)->items =
    copy_strv (pairs, FALSE);
}

/**
 * cw_report_document_set_title_logo:
 * @width: the logo's size in points; drawn at most 72 points tall
 * @draw: draws it, when the title page is written
 * @destroy: (nullable): frees @user_data with the document
 *
 * A logo (a partnership's) above the title of the last title page added.
 */
void
cw_report_document_set_title_logo (CwReportDocument *self,
                                   double            width,
                                   double            height,
                                   CwReportDrawFunc  draw,
                                   gpointer          user_data,
                                   GDestroyNotify    destroy)
{
  CwReportBlock *block = NULL;

  g_return_if_fail (self != NULL && draw != NULL && width > 0 && height > 0);
  for (guint i = self->blocks->len; i > 0 && block == NULL; i--)
    if (((CwReportBlock *) self->blocks->pdata[i - 1])->kind == CW_REPORT_BLOCK_TITLE_PAGE)
      block = self->blocks->pdata[i - 1];
  g_return_if_fail (block != NULL && block->draw == NULL);
  block->width = width;
  block->height = height;
  block->draw = draw;
  block->data = user_data;
  block->destroy = destroy;
}

/* A page (or more) listing the headings of levels 1 and 2 with their
 * pages, each a link to its heading. */
void
cw_report_document_add_contents (CwReportDocument *self)
{
  g_return_if_fail (self != NULL);
  add_block (self, CW_REPORT_BLOCK_CONTENTS, NULL);
}

/* @level: 1 to 3; every heading is a bookmark, under the one above it */
void
cw_report_document_add_heading (CwReportDocument *self,
                                guint             level,
                                const char       *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, CW_REPORT_BLOCK_HEADING, valid (text))->level = CLAMP (level, 1, 3);
}

/* @markup: Pango markup (<b>, <i>, …); build it with g_markup_printf_escaped() */
void
cw_report_document_add_paragraph (CwReportDocument *self,
                                  const char       *markup)
{
  g_return_if_fail (self != NULL && markup != NULL);
  add_block (self, CW_REPORT_BLOCK_PARAGRAPH, cw_report_markup_checked (markup));
}

/* A paragraph of plain text: nothing in it is read as markup. */
void
cw_report_document_add_text (CwReportDocument *self,
                             const char       *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, CW_REPORT_BLOCK_PARAGRAPH, g_markup_escape_text (text, -1));
}

/* @items: Pango markup each, then %NULL */
void
cw_report_document_add_list (CwReportDocument   *self,
                             gboolean            numbered,
                             const char * const *items)
{
  CwReportBlock *block;

  g_return_if_fail (self != NULL && items != NULL);
  block = add_block (self, CW_REPORT_BLOCK_LIST, NULL);
  block->level = numbered ? 1 : 0;
  block->items = copy_strv (items, TRUE);
}

static CwReportTable *
table_new (guint         n_columns,
           const double *widths)
{
  CwReportTable *table = g_new0 (CwReportTable, 1);

  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
  table->rows = g_array_new (FALSE, FALSE, sizeof (CwReportRow));
  return table;
}

/* @pairs: labels and values in turn, plain text, then %NULL: a label's
 * column in bold, the values beside, without rules. */
void
cw_report_document_add_key_values (CwReportDocument   *self,
                                   const char * const *pairs)
{
  g_return_if_fail (self != NULL && pairs != NULL);
  add_block (self, CW_REPORT_BLOCK_TABLE, NULL)->table = cw_report_key_values_new (pairs);
}

/* The table of cw_report_document_add_key_values(), also on title pages. */
CwReportTable *
cw_report_key_values_new (const char * const *pairs)
{
  const double widths[] = { 0.3, 0.7 };
  CwReportTable *table = table_new (2, widths);

  table->key_values = TRUE;
  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, pairs + i);
  return table;
}

/**
 * cw_report_document_add_table:
 * @widths: (nullable) (array length=n_columns): each column's width: up to
 *   1, a share of the width the columns in points leave (shares are
 *   scaled to fill it); above 1, in points. %NULL for equal shares
 *
 * Returns: (transfer none): the table, to fill; a row too tall for a page
 *   goes on over the next, and the header is repeated at the top of each
 */
CwReportTable *
cw_report_document_add_table (CwReportDocument *self,
                              guint             n_columns,
                              const double     *widths)
{
  CwReportTable *table;

  g_return_val_if_fail (self != NULL && n_columns > 0 && n_columns <= CW_REPORT_MAX_COLUMNS, NULL);
  table = table_new (n_columns, widths);
  add_block (self, CW_REPORT_BLOCK_TABLE, NULL)->table = table;
  return table;
}

/**
 * cw_report_document_add_figure:
 * @width: the drawing's size in points; a figure wider than the page, or
 *   taller, is scaled down to fit
 * @draw: draws it, when the page it is on is written
 * @destroy: (nullable): frees @user_data with the document
 * @caption: (nullable): under the figure
 */
void
cw_report_document_add_figure (CwReportDocument *self,
                               double            width,
                               double            height,
                               CwReportDrawFunc  draw,
                               gpointer          user_data,
                               GDestroyNotify    destroy,
                               const char       *caption)
{
  CwReportBlock *block;

  g_return_if_fail (self != NULL && draw != NULL && width > 0 && height > 0);
  block = add_block (self, CW_REPORT_BLOCK_FIGURE, caption ? valid (caption) : NULL);
  block->width = width;
  block->height = height;
  block->draw = draw;
  block->data = user_data;
  block->destroy = destroy;
}

void
cw_report_document_add_page_break (CwReportDocument *self)
{
  g_return_if_fail (self != NULL);
  add_block (self, CW_REPORT_BLOCK_PAGE_BREAK, NULL);
}

/* A band across the page opening a section, bookmarked under the heading
 * above it. */
void
cw_report_document_add_divider (CwReportDocument *self,
                                const char       *title)
{
  g_return_if_fail (self != NULL && title != NULL);
  add_block (self, CW_REPORT_BLOCK_DIVIDER, valid (title));
}

/* Tables */

static void
add_row (CwReportTable    *table,
         CwReportRowStyle  style,
         CwReportCells     cells,
         char            **text)
{
  CwReportRow row = { style, cells, text };

  g_array_append_val (table->rows, row);
}

static char **
copy_cells (CwReportTable      *table,
            const char * const *cells,
            gboolean            markup)
{
  char **copy = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = cells[i] ? cells[i] : "";
      copy[i] = markup ? cw_report_markup_checked (cell) : valid (cell);
    }
  return copy;
}

/* @cells: (array length=n_columns): plain text, in bold, repeated on every
 * page the table is on */
void
cw_report_table_set_header (CwReportTable      *table,
                            const char * const *cells)
{
  g_return_if_fail (table != NULL && cells != NULL);
  g_strfreev (table->header);
  table->header = copy_cells (table, cells, FALSE);
}

/* @cells: (array length=n_columns): plain text; %NULL for an empty cell */
void
cw_report_table_add_row (CwReportTable      *table,
                         CwReportRowStyle    style,
                         const char * const *cells)
{
  g_return_if_fail (table != NULL && cells != NULL);
  add_row (table, style, CW_REPORT_CELLS_TEXT, copy_cells (table, cells, FALSE));
}

/* @cells: (array length=n_columns): Pango markup */
void
cw_report_table_add_row_markup (CwReportTable      *table,
                                CwReportRowStyle    style,
                                const char * const *cells)
{
  g_return_if_fail (table != NULL && cells != NULL);
  add_row (table, style, CW_REPORT_CELLS_MARKUP, copy_cells (table, cells, TRUE));
}

/* A row of one cell across every column, in italics: plain @text. */
void
cw_report_table_add_span (CwReportTable    *table,
                          CwReportRowStyle  style,
                          const char       *text)
{
  char **cells;

  g_return_if_fail (table != NULL && text != NULL);
  cells = g_new0 (char *, 2);
  cells[0] = valid (text);
  add_row (table, style, CW_REPORT_CELLS_SPAN, cells);
}

/* A row across every column, in bold on grey, that opens a section of the
 * table: bookmarked, and kept with the row after it. */
void
cw_report_table_add_divider (CwReportTable *table,
                             const char    *title)
{
  char **cells;

  g_return_if_fail (table != NULL && title != NULL);
  cells = g_new0 (char *, 2);
  cells[0] = valid (title);
  add_row (table, CW_REPORT_ROW_SHADED, CW_REPORT_CELLS_DIVIDER, cells);
}

guint
cw_report_table_get_n_rows (CwReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}
