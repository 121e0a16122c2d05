/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-report-private.h"

/* The document placed on pages: blocks flow down from the top of the
 * first page and go on to the next when they do not fit, a paragraph or a
 * table row line by line. What comes out is, for each page, a list of
 * things to paint; the pages are all known before the first is written,
 * so that each can say "Page X of Y". */

#define SPACE_AFTER_PARAGRAPH 6.0
#define SPACE_AFTER_BLOCK     10.0
#define LIST_INDENT           18.0
#define CONTENTS_NUMBER       36.0 /* the page numbers' column */
#define CONTENTS_INDENT       14.0 /* a level 2 entry's */
#define DIVIDER_PADDING       5.0

struct _CwReportFlow
{
  CwReportLayout *layout;
  GArray         *page;          /* CwReportPaint of the page being filled */
  double          y;
  guint           section_level; /* the last heading's, 0 before any */
  GCancellable   *cancellable;
  gboolean        cancelled;
};

static const CwReportFont heading_fonts[] = {
  CW_REPORT_FONT_H1, CW_REPORT_FONT_H1, CW_REPORT_FONT_H2, CW_REPORT_FONT_H3,
};

/* What the flow offers the other layout files */

CwReportText *
cw_report_flow_text (CwReportFlow  *flow,
                     CwReportFont   font,
                     const char    *text,
                     gboolean       markup,
                     double         width,
                     PangoAlignment alignment)
{
  const char *kept = g_string_chunk_insert (flow->layout->strings, text ? text : "");
  CwReportText *measured = cw_report_text_new (flow->layout->fonts, font, kept, markup, width,
                                               alignment);

  g_ptr_array_add (flow->layout->texts, measured);
  return measured;
}

double
cw_report_flow_room (CwReportFlow *flow)
{
  return flow->layout->bottom - flow->y;
}

double
cw_report_flow_full_room (CwReportFlow *flow)
{
  return flow->layout->bottom - flow->layout->top;
}

gboolean
cw_report_flow_page_is_empty (CwReportFlow *flow)
{
  return flow->y <= flow->layout->top;
}

void
cw_report_flow_new_page (CwReportFlow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (CwReportPaint));
  g_ptr_array_add (flow->layout->pages, flow->page);
  flow->y = flow->layout->top;
}

/* Returns: where the @height taken starts */
double
cw_report_flow_take (CwReportFlow *flow,
                     double        height)
{
  double y = flow->y;

  flow->y += height;
  return y;
}

void
cw_report_flow_paint (CwReportFlow        *flow,
                      const CwReportPaint *paint)
{
  g_array_append_vals (flow->page, paint, 1);
}

/* A bookmark here, under the last one of a lower level. */
void
cw_report_flow_anchor (CwReportFlow *flow,
                       guint         level,
                       const char   *title)
{
  CwReportAnchor anchor = { level, g_strdup (title), flow->layout->pages->len, flow->y, 0 };
  CwReportPaint paint = { CW_REPORT_PAINT_DEST, flow->layout->left, flow->y };

  paint.first = flow->layout->anchors->len;
  g_array_append_val (flow->layout->anchors, anchor);
  cw_report_flow_paint (flow, &paint);
}

/* The level of a divider's bookmark: under the last heading. */
guint
cw_report_flow_section_level (CwReportFlow *flow)
{
  return MIN (flow->section_level + 1, 4);
}

CwReportLayout *
cw_report_flow_get_layout (CwReportFlow *flow)
{
  return flow->layout;
}

/* Returns: whether to stop: the caller's cancellable was cancelled */
gboolean
cw_report_flow_cancelled (CwReportFlow *flow)
{
  if (!flow->cancelled && g_cancellable_is_cancelled (flow->cancellable))
    flow->cancelled = TRUE;
  return flow->cancelled;
}

static void
paint_text (CwReportFlow *flow,
            CwReportText *text,
            double        x,
            guint         first,
            guint         end)
{
  double height = cw_report_text_line_top (text, end) - cw_report_text_line_top (text, first);
  CwReportPaint paint = { CW_REPORT_PAINT_TEXT, x, flow->y, cw_report_text_get_width (text), height, text, first, end };

  cw_report_flow_paint (flow, &paint);
  flow->y += height;
}

/* @text's lines from the current place on, going on to the next pages. */
static void
flow_lines (CwReportFlow *flow,
            CwReportText *text,
            double        x)
{
  guint first = 0, n = cw_report_text_get_n_lines (text);

  while (first < n)
    {
      guint end = cw_report_text_lines_fitting (text, first, cw_report_flow_room (flow));

      if (end == first && !cw_report_flow_page_is_empty (flow))
        {
          cw_report_flow_new_page (flow);
          continue;
        }
      /* A line taller than a page: placed all the same. */
      end = MAX (end, first + 1);
      paint_text (flow, text, x, first, end);
      first = end;
    }
}

/* Starts a new page unless @height fits on this one. */
static void
keep_together (CwReportFlow *flow,
               double        height)
{
  if (height > cw_report_flow_room (flow) && !cw_report_flow_page_is_empty (flow))
    cw_report_flow_new_page (flow);
}

static double
content_width (CwReportFlow *flow)
{
  return flow->layout->right - flow->layout->left;
}

/* Blocks */

static void
layout_heading (CwReportFlow        *flow,
                const CwReportBlock *block)
{
  CwReportFont font = heading_fonts[block->level];
  CwReportText *text = cw_report_flow_text (flow, font, block->text, FALSE, content_width (flow),
                                            PANGO_ALIGN_LEFT);
  double before = cw_report_flow_page_is_empty (flow) ? 0 : 14.0 - 2 * block->level;
  double next = 3 * cw_report_fonts_line_height (flow->layout->fonts, CW_REPORT_FONT_BODY);

  /* Never alone at the foot of a page. */
  keep_together (flow, before + cw_report_text_get_height (text) + next);
  if (!cw_report_flow_page_is_empty (flow))
    flow->y += before;
  flow->section_level = block->level;
  cw_report_flow_anchor (flow, block->level, block->text);
  flow_lines (flow, text, flow->layout->left);
  flow->y += 4.0;
}

static void
layout_paragraph (CwReportFlow        *flow,
                  const CwReportBlock *block)
{
  CwReportText *text = cw_report_flow_text (flow, CW_REPORT_FONT_BODY, block->text, TRUE,
                                            content_width (flow), PANGO_ALIGN_LEFT);

  flow_lines (flow, text, flow->layout->left);
  flow->y += SPACE_AFTER_PARAGRAPH;
}

static void
layout_list (CwReportFlow        *flow,
             const CwReportBlock *block)
{
  double left = flow->layout->left, width = content_width (flow) - LIST_INDENT;

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_autofree char *mark = block->level ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      CwReportText *marker = cw_report_flow_text (flow, CW_REPORT_FONT_BODY, mark, FALSE,
                                                  LIST_INDENT, PANGO_ALIGN_LEFT);
      CwReportText *text = cw_report_flow_text (flow, CW_REPORT_FONT_BODY, block->items[i], TRUE,
                                                width, PANGO_ALIGN_LEFT);
      CwReportPaint paint = { CW_REPORT_PAINT_TEXT, left, 0, LIST_INDENT, 0, marker, 0, 1 };

      keep_together (flow, cw_report_text_line_top (text, 1));
      paint.y = flow->y;
      cw_report_flow_paint (flow, &paint);
      flow_lines (flow, text, left + LIST_INDENT);
      flow->y += 2.0;
    }
  flow->y += SPACE_AFTER_PARAGRAPH;
}

static void
layout_figure (CwReportFlow        *flow,
               const CwReportBlock *block)
{
  CwReportText *caption = NULL;
  double caption_height = 0, scale;
  CwReportPaint paint = { CW_REPORT_PAINT_FIGURE };

  if (block->text != NULL)
    {
      caption = cw_report_flow_text (flow, CW_REPORT_FONT_CAPTION, block->text, FALSE,
                                     content_width (flow), PANGO_ALIGN_CENTER);
      caption_height = cw_report_text_get_height (caption) + 4.0;
    }
  scale = MIN (1.0, content_width (flow) / block->width);
  scale = MIN (scale, (cw_report_flow_full_room (flow) - caption_height) / block->height);
  keep_together (flow, block->height * scale + caption_height);
  paint.w = block->width * scale;
  paint.h = block->height * scale;
  paint.x = flow->layout->left + (content_width (flow) - paint.w) / 2;
  paint.y = cw_report_flow_take (flow, paint.h + 4.0);
  paint.grey = scale;
  paint.figure = block;
  cw_report_flow_paint (flow, &paint);
  if (caption != NULL)
    flow_lines (flow, caption, flow->layout->left);
  flow->y += SPACE_AFTER_BLOCK;
}

static void
layout_divider (CwReportFlow        *flow,
                const CwReportBlock *block)
{
  CwReportText *text = cw_report_flow_text (flow, CW_REPORT_FONT_H3, block->text, FALSE,
                                            content_width (flow) - 2 * DIVIDER_PADDING,
                                            PANGO_ALIGN_LEFT);
  double height = cw_report_text_get_height (text) + 2 * DIVIDER_PADDING;
  CwReportPaint band = { CW_REPORT_PAINT_FILL, flow->layout->left, 0, content_width (flow),
                         height, NULL, 0, 0, 0.88 };
  CwReportPaint words = { CW_REPORT_PAINT_TEXT, flow->layout->left + DIVIDER_PADDING, 0,
                          cw_report_text_get_width (text), 0, text, 0, cw_report_text_get_n_lines (text) };

  keep_together (flow, height + 3 * cw_report_fonts_line_height (flow->layout->fonts,
                                                                CW_REPORT_FONT_BODY));
  if (!cw_report_flow_page_is_empty (flow))
    flow->y += 6.0;
  cw_report_flow_anchor (flow, cw_report_flow_section_level (flow), block->text);
  band.y = cw_report_flow_take (flow, height);
  words.y = band.y + DIVIDER_PADDING;
  cw_report_flow_paint (flow, &band);
  cw_report_flow_paint (flow, &words);
  flow->y += 6.0;
}

/* The title page and the contents */

static void
layout_title_page (CwReportFlow        *flow,
                   const CwReportBlock *block)
{
  CwReportLayout *layout = flow->layout;
  CwReportText *title = cw_report_flow_text (flow, CW_REPORT_FONT_TITLE, layout->document->title,
                                             FALSE, content_width (flow), PANGO_ALIGN_CENTER);
  g_autoptr (CwReportTable) pairs = cw_report_key_values_new ((const char * const *) block->items);

  if (!cw_report_flow_page_is_empty (flow))
    cw_report_flow_new_page (flow);
  flow->y += cw_report_flow_full_room (flow) * 0.2;
  if (block->draw != NULL)
    {
      /* The partnership's logo above the title. */
      double scale = MIN (MIN (1.0, 72.0 / block->height), content_width (flow) / block->width);
      CwReportPaint logo = { CW_REPORT_PAINT_FIGURE };

      logo.w = block->width * scale;
      logo.h = block->height * scale;
      logo.x = layout->left + (content_width (flow) - logo.w) / 2;
      logo.y = cw_report_flow_take (flow, logo.h + 18.0);
      logo.grey = scale;
      logo.figure = block;
      cw_report_flow_paint (flow, &logo);
    }
  flow_lines (flow, title, layout->left);
  flow->y += 12.0;
  if (block->text != NULL)
    flow_lines (flow, cw_report_flow_text (flow, CW_REPORT_FONT_H2, block->text, FALSE,
                                           content_width (flow), PANGO_ALIGN_CENTER),
                layout->left);
  flow->y += 36.0;
  cw_report_layout_table (flow, pairs);
  cw_report_flow_new_page (flow);
}

typedef struct
{
  guint       level;
  const char *title;
} Entry;

static void
add_entry (GArray     *entries,
           guint       level,
           const char *title)
{
  Entry entry = { level, title };

  if (level <= 2)
    g_array_append_val (entries, entry);
}

/* The anchors of levels 1 and 2, in the order the flow makes them: each
 * heading, and each divider under the heading before it. */
static GArray *
contents_entries (CwReportDocument *document)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint section = 0;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      const CwReportBlock *block = document->blocks->pdata[i];

      if (block->kind == CW_REPORT_BLOCK_HEADING)
        add_entry (entries, section = block->level, block->text);
      else if (block->kind == CW_REPORT_BLOCK_DIVIDER)
        add_entry (entries, MIN (section + 1, 4), block->text);
      else if (block->kind == CW_REPORT_BLOCK_TABLE)
        for (guint r = 0; r < block->table->rows->len; r++)
          {
            const CwReportRow *row = &g_array_index (block->table->rows, CwReportRow, r);

            if (row->cells == CW_REPORT_CELLS_DIVIDER)
              add_entry (entries, MIN (section + 1, 4), row->text[0]);
          }
    }
  return entries;
}

static void
layout_contents (CwReportFlow *flow)
{
  g_autoptr (GArray) entries = contents_entries (flow->layout->document);
  double left = flow->layout->left;

  if (!cw_report_flow_page_is_empty (flow))
    cw_report_flow_new_page (flow);
  flow_lines (flow, cw_report_flow_text (flow, CW_REPORT_FONT_H1, _("Contents"), FALSE,
                                         content_width (flow), PANGO_ALIGN_LEFT), left);
  flow->y += 8.0;
  for (guint k = 0; k < entries->len; k++)
    {
      const Entry *entry = &g_array_index (entries, Entry, k);
      double indent = (entry->level - 1) * CONTENTS_INDENT;
      CwReportText *text = cw_report_flow_text (
        flow, entry->level == 1 ? CW_REPORT_FONT_BODY_BOLD : CW_REPORT_FONT_BODY, entry->title,
        FALSE, content_width (flow) - indent - CONTENTS_NUMBER, PANGO_ALIGN_LEFT);
      double height = cw_report_text_get_height (text);
      CwReportPaint line = { CW_REPORT_PAINT_CONTENTS, left, 0, content_width (flow), height,
                             text, k, k };

      keep_together (flow, height);
      line.y = flow->y;
      cw_report_flow_paint (flow, &line);
      paint_text (flow, text, left + indent, 0, cw_report_text_get_n_lines (text));
      flow->y += 3.0;
    }
  cw_report_flow_new_page (flow);
}

static void
layout_block (CwReportFlow        *flow,
              const CwReportBlock *block)
{
  switch (block->kind)
    {
    case CW_REPORT_BLOCK_TITLE_PAGE:
      layout_title_page (flow, block);
      break;
    case CW_REPORT_BLOCK_CONTENTS:
      layout_contents (flow);
      break;
    case CW_REPORT_BLOCK_HEADING:
      layout_heading (flow, block);
      break;
    case CW_REPORT_BLOCK_PARAGRAPH:
      layout_paragraph (flow, block);
      break;
    case CW_REPORT_BLOCK_LIST:
      layout_list (flow, block);
      break;
    case CW_REPORT_BLOCK_TABLE:
      cw_report_layout_table (flow, block->table);
      flow->y += SPACE_AFTER_BLOCK;
      break;
    case CW_REPORT_BLOCK_FIGURE:
      layout_figure (flow, block);
      break;
    case CW_REPORT_BLOCK_PAGE_BREAK:
      if (!cw_report_flow_page_is_empty (flow))
        cw_report_flow_new_page (flow);
      break;
    case CW_REPORT_BLOCK_DIVIDER:
      layout_divider (flow, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
anchor_clear (gpointer data)
{
  g_free (((CwReportAnchor *) data)->title);
}

static CwReportLayout *
layout_alloc (CwReportDocument *document)
{
  CwReportLayout *self = g_new0 (CwReportLayout, 1);
  gboolean landscape = document->orientation == CW_REPORT_LANDSCAPE;

  self->document = document;
  self->fonts = cw_report_fonts_new ();
  self->width = landscape ? CW_REPORT_A4_HEIGHT : CW_REPORT_A4_WIDTH;
  self->height = landscape ? CW_REPORT_A4_WIDTH : CW_REPORT_A4_HEIGHT;
  self->top = document->margin[0];
  self->right = self->width - document->margin[1];
  self->bottom = self->height - document->margin[2];
  self->left = document->margin[3];
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->anchors = g_array_new (FALSE, FALSE, sizeof (CwReportAnchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_report_text_free);
  self->strings = g_string_chunk_new (64 * 1024);
  return self;
}

/**
 * cw_report_layout_new:
 *
 * Places @document on pages.
 *
 * Returns: (transfer full) (nullable): the pages, or %NULL when
 *   @cancellable was cancelled
 */
CwReportLayout *
cw_report_layout_new (CwReportDocument *document,
                      GCancellable     *cancellable,
                      GError          **error)
{
  CwReportLayout *self = layout_alloc (document);
  CwReportFlow flow = { self, NULL, 0, 0, cancellable, FALSE };

  cw_report_flow_new_page (&flow);
  for (guint i = 0; i < document->blocks->len && !cw_report_flow_cancelled (&flow); i++)
    layout_block (&flow, document->blocks->pdata[i]);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cw_report_layout_free (self);
      return NULL;
    }
  /* A page break or title page at the very end leaves a blank page. */
  if (self->pages->len > 1 && flow.page->len == 0)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);
  return self;
}

void
cw_report_layout_free (CwReportLayout *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_array_unref (self->anchors);
  g_ptr_array_unref (self->texts);
  g_string_chunk_free (self->strings);
  cw_report_fonts_free (self->fonts);
  g_free (self);
}
