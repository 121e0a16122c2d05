/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sizes things are exported at, the same in the app and the command
 * line: paper in points (1/72 inch), pictures in pixels. */

typedef struct
{
  const char *id;    /* stable, for choices and options: "a4", "a3", "hd", "large" */
  const char *label; /* marked for translation: show it through _() */
  double      width;
  double      height;
} CwPageSize;

/* ISO 216 A4 in points, exactly: the reports' page. The export sizes
 * below round it to whole points. */
#define CW_PAGE_A4_SHORT 595.2756
#define CW_PAGE_A4_LONG  841.8898

/* The size of a PDF and of a picture (PNG, SVG) when none is chosen. */
#define CW_PAGE_SIZE_PDF     "a4"
#define CW_PAGE_SIZE_PICTURE "hd"

const CwPageSize *cw_page_sizes       (guint      *n_sizes);
const CwPageSize *cw_page_size_lookup (const char *id);

G_END_DECLS
