/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include "cw-report-private.h"

/* A table on as many pages as it takes: its header row repeated at the top
 * of each, rows kept whole when they fit on a page, and a row taller than
 * a page split between lines, its cells going on over the next pages, so
 * that nothing is cut or lost. A divider row opens a section, is
 * bookmarked, and is never left alone at the foot of a page. */

#define PAD_X 3.0
#define PAD_Y 2.0
#define GREY_HEADER  0.82
#define GREY_DIVIDER 0.88
#define GREY_SHADED  0.94
#define GREY_RULE    0.6
#define CHECK_EVERY  256 /* rows between two looks at the cancellable */

typedef struct
{
  CwReportFlow        *flow;
  const CwReportTable *table;
  double              *x;       /* each column's left, then the table's right */
  CwReportText       **header;  /* nullable */
  double               header_height;
  CwReportFont         font, bold;
} Table;

/* Points as given; shares of what they leave. Columns in points wider
 * than the page are taken as shares of it instead. */
static double *
column_lefts (const CwReportTable *table,
              double               left,
              double               width)
{
  double *x = g_new (double, table->n_columns + 1);
  double points = 0, shares = 0, rest;
  gboolean as_shares;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->widths[i] > 1)
        points += table->widths[i];
      else
        shares += table->widths[i];
    }
  as_shares = points > width;
  if (as_shares)
    shares += points, points = 0;
  rest = MAX (width - points, 0);
  x[0] = left;
  for (guint i = 0; i < table->n_columns; i++)
    {
      double w = table->widths[i];

      x[i + 1] = x[i] + (w > 1 && !as_shares ? w : (shares > 0 ? rest * w / shares : 0));
    }
  return x;
}

static double
cell_width (const Table *t,
            guint        first,
            guint        end)
{
  return MAX (t->x[end] - t->x[first] - 2 * PAD_X, 1.0);
}

static void
paint (Table            *t,
       CwReportPaintKind kind,
       double            x,
       double            y,
       double            w,
       double            h,
       double            grey)
{
  CwReportPaint p = { kind, x, y, w, h, NULL, 0, 0, grey };

  cw_report_flow_paint (t->flow, &p);
}

static void
paint_cell (Table        *t,
            CwReportText *text,
            guint         column,
            double        y,
            guint         first,
            guint         end)
{
  CwReportPaint p = { CW_REPORT_PAINT_TEXT, t->x[column] + PAD_X, y + PAD_Y,
                      cw_report_text_get_width (text),
                      cw_report_text_line_top (text, end) - cw_report_text_line_top (text, first),
                      text, first, end };

  cw_report_flow_paint (t->flow, &p);
}

static double
paint_header (Table *t)
{
  double y;

  if (t->header == NULL)
    return 0;
  y = cw_report_flow_take (t->flow, t->header_height);
  paint (t, CW_REPORT_PAINT_FILL, t->x[0], y, t->x[t->table->n_columns] - t->x[0],
         t->header_height, GREY_HEADER);
  for (guint i = 0; i < t->table->n_columns; i++)
    paint_cell (t, t->header[i], i, y, 0, cw_report_text_get_n_lines (t->header[i]));
  return t->header_height;
}

static void
next_page (Table *t)
{
  cw_report_flow_new_page (t->flow);
  paint_header (t);
}

/* Whether nothing but the header is on this page: a row that does not
 * fit here fits nowhere. */
static gboolean
only_header (Table *t)
{
  return cw_report_flow_room (t->flow) >= cw_report_flow_full_room (t->flow) - t->header_height;
}

static void
measure_header (Table *t)
{
  double height = 0;

  if (t->table->header == NULL)
    return;
  t->header = g_new (CwReportText *, t->table->n_columns);
  for (guint i = 0; i < t->table->n_columns; i++)
    {
      t->header[i] = cw_report_flow_text (t->flow, t->bold, t->table->header[i], FALSE,
                                          cell_width (t, i, i + 1), PANGO_ALIGN_LEFT);
      height = MAX (height, cw_report_text_get_height (t->header[i]));
    }
  t->header_height = height + 2 * PAD_Y;
}

/* Rows */

typedef struct
{
  const CwReportRow *row;
  guint              n;         /* cells: the columns, or one across them */
  CwReportText      *cells[CW_REPORT_MAX_COLUMNS];
  guint              first[CW_REPORT_MAX_COLUMNS]; /* the first line not yet placed */
} Row;

static CwReportFont
row_font (const Table       *t,
          const CwReportRow *row,
          guint              column)
{
  if (row->cells == CW_REPORT_CELLS_DIVIDER || (t->table->key_values && column == 0))
    return t->bold;
  return row->cells == CW_REPORT_CELLS_SPAN ? CW_REPORT_FONT_TABLE_ITALIC : t->font;
}

static void
measure_row (Table             *t,
             const CwReportRow *row,
             Row               *out)
{
  gboolean across = row->cells == CW_REPORT_CELLS_SPAN || row->cells == CW_REPORT_CELLS_DIVIDER;

  out->row = row;
  out->n = across ? 1 : t->table->n_columns;
  for (guint i = 0; i < out->n; i++)
    {
      out->cells[i] = cw_report_flow_text (t->flow, row_font (t, row, i), row->text[i],
                                           row->cells == CW_REPORT_CELLS_MARKUP,
                                           cell_width (t, i, across ? t->table->n_columns : i + 1),
                                           PANGO_ALIGN_LEFT);
      out->first[i] = 0;
    }
}

static double
rest_height (const Row *row)
{
  double height = 0;

  for (guint i = 0; i < row->n; i++)
    height = MAX (height, cw_report_text_get_height (row->cells[i])
                            - cw_report_text_line_top (row->cells[i], row->first[i]));
  return height + 2 * PAD_Y;
}

static gboolean
row_done (const Row *row)
{
  for (guint i = 0; i < row->n; i++)
    if (row->first[i] < cw_report_text_get_n_lines (row->cells[i]))
      return FALSE;
  return TRUE;
}

/* The lines of each cell that fit in @room, at least one of one cell when
 * @force; returns the height they take, 0 for none. */
static double
fit_lines (Row     *row,
           double   room,
           gboolean force,
           guint   *end)
{
  double height = 0;

  for (guint i = 0; i < row->n; i++)
    {
      CwReportText *cell = row->cells[i];

      end[i] = cw_report_text_lines_fitting (cell, row->first[i], room - 2 * PAD_Y);
      if (force && end[i] == row->first[i] && end[i] < cw_report_text_get_n_lines (cell))
        end[i]++;
      height = MAX (height, cw_report_text_line_top (cell, end[i])
                              - cw_report_text_line_top (cell, row->first[i]));
    }
  return height > 0 ? height + 2 * PAD_Y : 0;
}

static void
paint_piece (Table      *t,
             Row        *row,
             const guint *end,
             double      height)
{
  double y = cw_report_flow_take (t->flow, height);
  double width = t->x[t->table->n_columns] - t->x[0];
  gboolean divider = row->row->cells == CW_REPORT_CELLS_DIVIDER;

  if (divider)
    cw_report_flow_anchor (t->flow, cw_report_flow_section_level (t->flow), row->row->text[0]);
  if (divider || row->row->style == CW_REPORT_ROW_SHADED)
    paint (t, CW_REPORT_PAINT_FILL, t->x[0], y, width, height,
           divider ? GREY_DIVIDER : GREY_SHADED);
  for (guint i = 0; i < row->n; i++)
    {
      paint_cell (t, row->cells[i], i, y, row->first[i], end[i]);
      row->first[i] = end[i];
    }
  if (!t->table->key_values)
    paint (t, CW_REPORT_PAINT_RULE, t->x[0], y + height, width, 0, 0.4);
}

/* A row on this page and, when it is taller than what is left, the next. */
static void
place_row (Table *t,
           Row   *row)
{
  double height = rest_height (row);
  guint end[G_N_ELEMENTS (row->cells)];

  /* Whole on the next page rather than split, when it fits on one. */
  if (height > cw_report_flow_room (t->flow) && !only_header (t)
      && height <= cw_report_flow_full_room (t->flow) - t->header_height)
    next_page (t);
  while (!row_done (row))
    {
      double piece = fit_lines (row, cw_report_flow_room (t->flow), only_header (t), end);

      if (piece > 0)
        paint_piece (t, row, end, piece);
      if (!row_done (row))
        next_page (t);
    }
}

/* A divider goes with the first line of the row after it. */
static void
keep_divider (Table             *t,
              const Row         *divider,
              const CwReportRow *next)
{
  double need = rest_height (divider) + 2 * PAD_Y
                + cw_report_fonts_line_height (cw_report_flow_get_layout (t->flow)->fonts, t->font);

  if (next != NULL && need > cw_report_flow_room (t->flow) && !only_header (t))
    next_page (t);
}

/**
 * cw_report_layout_table:
 *
 * Places @table from where the flow is, its header first.
 */
void
cw_report_layout_table (CwReportFlow        *flow,
                        const CwReportTable *table)
{
  CwReportLayout *layout = cw_report_flow_get_layout (flow);
  Table t = { flow, table, column_lefts (table, layout->left, layout->right - layout->left) };
  guint n = table->rows->len;

  t.font = table->key_values ? CW_REPORT_FONT_BODY : CW_REPORT_FONT_TABLE;
  t.bold = table->key_values ? CW_REPORT_FONT_BODY_BOLD : CW_REPORT_FONT_TABLE_BOLD;
  measure_header (&t);
  /* The header and the first row together. */
  if (t.header != NULL && cw_report_flow_room (flow) < t.header_height * 3)
    cw_report_flow_new_page (flow);
  paint_header (&t);
  for (guint r = 0; r < n; r++)
    {
      const CwReportRow *row = &g_array_index (table->rows, CwReportRow, r);
      Row measured;

      if (r % CHECK_EVERY == 0 && cw_report_flow_cancelled (flow))
        break;
      measure_row (&t, row, &measured);
      if (row->cells == CW_REPORT_CELLS_DIVIDER)
        keep_divider (&t, &measured, r + 1 < n ? row + 1 : NULL);
      place_row (&t, &measured);
    }
  g_free (t.header);
  g_free (t.x);
}
