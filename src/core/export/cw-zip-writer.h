/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ZIP archives written to a stream (cw-zip-writer.c): what an XLSX
 * workbook is. */
typedef struct _CwZipWriter CwZipWriter;

/* The archive stays within the classic format, without ZIP64. */
#define CW_ZIP_WRITER_MAX_ENTRIES 0xFFFF
#define CW_ZIP_WRITER_MAX_SIZE    G_GUINT64_CONSTANT (0xFFFFFFFF) /* bytes: entries and archive */

CwZipWriter *cw_zip_writer_new    (GOutputStream  *out);
void         cw_zip_writer_free   (CwZipWriter    *self);
gboolean     cw_zip_writer_add    (CwZipWriter    *self,
                                   const char     *name,
                                   GBytes         *data,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean     cw_zip_writer_finish (CwZipWriter    *self,
                                   GCancellable   *cancellable,
                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwZipWriter, cw_zip_writer_free)

G_END_DECLS
