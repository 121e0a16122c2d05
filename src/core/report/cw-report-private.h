/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cw-report.h"

G_BEGIN_DECLS

/* What the document model, the layout and the PDF writer share. */

/* The model (cw-report-document.c) */

typedef enum
{
  CW_REPORT_BLOCK_TITLE_PAGE,
  CW_REPORT_BLOCK_CONTENTS,
  CW_REPORT_BLOCK_HEADING,
  CW_REPORT_BLOCK_PARAGRAPH,
  CW_REPORT_BLOCK_LIST,
  CW_REPORT_BLOCK_TABLE,
  CW_REPORT_BLOCK_FIGURE,
  CW_REPORT_BLOCK_PAGE_BREAK,
  CW_REPORT_BLOCK_DIVIDER,
} CwReportBlockKind;

typedef enum
{
  CW_REPORT_CELLS_TEXT,    /* plain text */
  CW_REPORT_CELLS_MARKUP,  /* Pango markup, checked when added */
  CW_REPORT_CELLS_SPAN,    /* one plain text across every column */
  CW_REPORT_CELLS_DIVIDER, /* a span in bold that opens a section: bookmarked */
} CwReportCells;

typedef struct
{
  CwReportRowStyle style;
  CwReportCells    cells;
  char           **text;   /* n_columns strings, or one for a span or divider */
} CwReportRow;

struct _CwReportTable
{
  guint    n_columns;
  double  *widths;      /* as given: up to 1, a share of what the points leave; above, points */
  char   **header;      /* nullable: repeated at the top of every page the table is on */
  GArray  *rows;        /* CwReportRow */
  gboolean key_values;  /* no rules or header; the first column in bold */
};

typedef struct
{
  CwReportBlockKind kind;
  guint             level;     /* a heading's; a list's: 1 when numbered */
  char             *text;      /* heading, divider, paragraph (markup), subtitle, caption */
  char            **items;     /* a list's items (markup); the title page's pairs */
  CwReportTable    *table;
  double            width, height; /* a figure's size in points */
  CwReportDrawFunc  draw;
  gpointer          data;
  GDestroyNotify    destroy;
} CwReportBlock;

struct _CwReportDocument
{
  char               *title;
  char               *reference;
  char               *marking;
  char               *author;
  char               *subject;
  CwReportStatus      status;
  CwReportOrientation orientation;
  double              margin[4]; /* top, right, bottom, left */
  GDateTime          *created;
  GPtrArray          *blocks;    /* CwReportBlock */
};

char          *cw_report_markup_checked (const char         *markup);
CwReportTable *cw_report_key_values_new (const char * const *pairs);
void           cw_report_table_free     (CwReportTable      *table);

/* Text (cw-report-text.c): fonts, and text measured at a width */

typedef enum
{
  CW_REPORT_FONT_BODY,
  CW_REPORT_FONT_BODY_BOLD,
  CW_REPORT_FONT_TABLE,
  CW_REPORT_FONT_TABLE_BOLD,
  CW_REPORT_FONT_TABLE_ITALIC,
  CW_REPORT_FONT_SMALL,
  CW_REPORT_FONT_SMALL_BOLD,
  CW_REPORT_FONT_CAPTION,
  CW_REPORT_FONT_H3,
  CW_REPORT_FONT_H2,
  CW_REPORT_FONT_H1,
  CW_REPORT_FONT_TITLE,
  CW_REPORT_N_FONTS
} CwReportFont;

typedef struct _CwReportFonts CwReportFonts;
typedef struct _CwReportText  CwReportText;
typedef struct _CwReportPen   CwReportPen;

CwReportFonts *cw_report_fonts_new             (void);
void           cw_report_fonts_free            (CwReportFonts   *self);
double         cw_report_fonts_line_height     (CwReportFonts   *self,
                                                CwReportFont     font);

CwReportText  *cw_report_text_new              (CwReportFonts   *fonts,
                                                CwReportFont     font,
                                                const char      *text,
                                                gboolean         markup,
                                                double           width,
                                                PangoAlignment   alignment);
void           cw_report_text_free             (CwReportText    *self);
guint          cw_report_text_get_n_lines      (CwReportText    *self);
double         cw_report_text_get_width        (CwReportText    *self);
double         cw_report_text_get_height       (CwReportText    *self);
double         cw_report_text_line_top         (CwReportText    *self,
                                                guint            line);
guint          cw_report_text_lines_fitting    (CwReportText    *self,
                                                guint            first,
                                                double           height);
void           cw_report_text_draw             (CwReportText    *self,
                                                CwReportPen     *pen,
                                                double           x,
                                                double           y,
                                                guint            first,
                                                guint            end);

CwReportPen   *cw_report_pen_new               (cairo_t         *cr);
void           cw_report_pen_flush             (CwReportPen     *self);
void           cw_report_pen_free              (CwReportPen     *self);

/* Layout (cw-report-layout.c, cw-report-layout-table.c): the document
 * placed on pages, as lists of things to paint. */

typedef enum
{
  CW_REPORT_PAINT_TEXT,     /* lines first..end of a text, their top at y */
  CW_REPORT_PAINT_FILL,     /* a rectangle in grey */
  CW_REPORT_PAINT_RULE,     /* a line from (x, y) to (x + w, y + h), `grey` wide */
  CW_REPORT_PAINT_FIGURE,
  CW_REPORT_PAINT_DEST,     /* where an anchor is: a named destination */
  CW_REPORT_PAINT_CONTENTS, /* one line of the contents page: an anchor, linked */
} CwReportPaintKind;

typedef struct
{
  CwReportPaintKind    kind;
  double               x, y, w, h;
  CwReportText        *text;
  guint                first, end; /* TEXT: lines; DEST, CONTENTS: the anchor */
  double               grey;
  const CwReportBlock *figure;
} CwReportPaint;

typedef struct
{
  guint  level;
  char  *title;
  guint  page;  /* from 1 */
  double y;
  int    outline_id;
} CwReportAnchor;

typedef struct
{
  CwReportDocument *document;
  CwReportFonts    *fonts;
  double            width, height; /* of a page */
  double            left, top, right, bottom; /* of what goes on it */
  GPtrArray        *pages;   /* GArray of CwReportPaint */
  GArray           *anchors; /* CwReportAnchor */
  GPtrArray        *texts;   /* CwReportText, owned */
  GStringChunk     *strings; /* what the texts show */
} CwReportLayout;

typedef struct _CwReportFlow CwReportFlow;

CwReportLayout *cw_report_layout_new          (CwReportDocument *document,
                                               GCancellable     *cancellable,
                                               GError          **error);
void            cw_report_layout_free         (CwReportLayout   *self);

/* What laying out a table needs of the flow (cw-report-layout.c) */
CwReportText   *cw_report_flow_text           (CwReportFlow     *flow,
                                               CwReportFont      font,
                                               const char       *text,
                                               gboolean          markup,
                                               double            width,
                                               PangoAlignment    alignment);
double          cw_report_flow_room           (CwReportFlow     *flow);
double          cw_report_flow_full_room      (CwReportFlow     *flow);
gboolean        cw_report_flow_page_is_empty  (CwReportFlow     *flow);
void            cw_report_flow_new_page       (CwReportFlow     *flow);
double          cw_report_flow_take           (CwReportFlow     *flow,
                                               double            height);
void            cw_report_flow_paint          (CwReportFlow     *flow,
                                               const CwReportPaint *paint);
void            cw_report_flow_anchor         (CwReportFlow     *flow,
                                               guint             level,
                                               const char       *title);
guint           cw_report_flow_section_level  (CwReportFlow     *flow);
CwReportLayout *cw_report_flow_get_layout     (CwReportFlow     *flow);
gboolean        cw_report_flow_cancelled      (CwReportFlow     *flow);

void            cw_report_layout_table        (CwReportFlow     *flow,
                                               const CwReportTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportFonts, cw_report_fonts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportTable, cw_report_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportLayout, cw_report_layout_free)

G_END_DECLS
