/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* CSV as Excel opens it and Casewise reads it back (cw-csv-writer.c). */
typedef struct _CwCsvWriter CwCsvWriter;

CwCsvWriter *cw_csv_writer_new          (GOutputStream  *out);
void         cw_csv_writer_free         (CwCsvWriter    *self);
void         cw_csv_writer_cell         (CwCsvWriter    *self,
                                         const char     *text);
gboolean     cw_csv_writer_end_row      (CwCsvWriter    *self,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean     cw_csv_writer_finish       (CwCsvWriter    *self,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean     cw_csv_cell_is_protected   (const char     *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCsvWriter, cw_csv_writer_free)

G_END_DECLS
