/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report.h"

G_BEGIN_DECLS

/* A document's template, as data (data/reports/ID.report, compiled into
 * the core as a GResource): its title, orientation, whether it is internal
 * or publishable, its marking, and its sections in order, each naming a
 * kind of section the code provides and its heading as the sources give
 * it. A partnership's own file of the same name in the user's
 * configuration folder (casewise/reports/ID.report) overrides it: its name
 * and logo, its marking, its sections reordered or left out. */

typedef struct
{
  char  *kind;    /* a section kind of cw-report-documents.c */
  char  *heading; /* nullable: a section without a heading of its own */
  guint  level;   /* 1 to 3 */
  char  *file;    /* where it was read from ... */
  guint  line;    /* ... and on which line: for messages */
} CwReportTemplateSection;

typedef struct
{
  char               *id;
  char               *file;        /* the file read last: for messages */
  char               *title;
  char               *summary;
  char               *subtitle;    /* nullable: under the title on the title page */
  CwReportOrientation orientation;
  gboolean            internal;
  char               *marking;     /* nullable: none on a publishable document */
  char               *partnership; /* nullable: its name, on the title page */
  char               *logo;        /* nullable: a PNG, on the title page */
  guint               logo_line;
  GPtrArray          *sections;    /* CwReportTemplateSection, in order */
} CwReportTemplate;

CwReportTemplate *cw_report_template_parse       (const char        *text,
                                                  gssize             length,
                                                  const char        *file,
                                                  gboolean           partial,
                                                  GError           **error);
CwReportTemplate *cw_report_template_load_builtin (const char       *id,
                                                  GError           **error);
CwReportTemplate *cw_report_template_load        (const char        *id,
                                                  GError           **error);
char             *cw_report_template_user_path   (const char        *id);
void              cw_report_template_free        (CwReportTemplate  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportTemplate, cw_report_template_free)

G_END_DECLS
