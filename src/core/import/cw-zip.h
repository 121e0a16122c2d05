/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_ZIP_ERROR (cw_zip_error_quark ())

/* Messages of this domain are reasons without the file's name ("the file is
 * cut short …"): the caller knows the name and what the archive was for. */
typedef enum
{
  CW_ZIP_ERROR_NOT_ZIP,     /* no ZIP directory at the end of the data */
  CW_ZIP_ERROR_DAMAGED,     /* cut short, overlapping, failing its checksum */
  CW_ZIP_ERROR_TOO_LARGE,   /* more entries, or an entry larger, than the limits below */
  CW_ZIP_ERROR_UNSUPPORTED, /* ZIP64, encryption, split archives, methods but store and deflate */
  CW_ZIP_ERROR_NOT_FOUND,   /* no entry of that name */
} CwZipError;

/* Zip bombs and damaged archives stop at these instead of taking all memory
 * or time. Real workbooks have tens of entries, the largest a few MB. An
 * entry is unpacked only when read, and read in pieces, so the limit is on
 * each entry rather than on them all. */
#ifndef CW_ZIP_MAX_ENTRY_SIZE /* smaller only in fuzzing builds */
#define CW_ZIP_MAX_ENTRIES    16384
#define CW_ZIP_MAX_ENTRY_SIZE (G_GUINT64_CONSTANT (250) * 1000 * 1000) /* bytes, unpacked */
#endif

typedef struct _CwZip CwZip;

/* Called with each piece of an entry as it is unpacked; returns FALSE with
 * @error set to stop. */
typedef gboolean (*CwZipChunkFunc) (const guint8  *data,
                                    gsize          len,
                                    gpointer       user_data,
                                    GError       **error);

GQuark      cw_zip_error_quark       (void);
CwZip      *cw_zip_new_from_bytes    (GBytes          *bytes,
                                      GError         **error);
void        cw_zip_free              (CwZip           *self);
gboolean    cw_zip_has_entry         (CwZip           *self,
                                      const char      *name);
guint64     cw_zip_get_entry_size    (CwZip           *self,
                                      const char      *name);
gboolean    cw_zip_read_entry_chunks (CwZip           *self,
                                      const char      *name,
                                      CwZipChunkFunc   func,
                                      gpointer         user_data,
                                      GError         **error);
GBytes     *cw_zip_read_entry        (CwZip           *self,
                                      const char      *name,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwZip, cw_zip_free)

G_END_DECLS
