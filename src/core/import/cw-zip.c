/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "cw-zip.h"

/* Reads the ZIP archives that .xlsx and .ods workbooks are, from memory,
 * trusting nothing in them. The central directory at the end is the index;
 * every offset and size in it is checked against the data before use, the
 * entries may not overlap (the trick of the smallest zip bombs), and an
 * entry is unpacked in pieces straight to its reader, never past the size
 * it declares nor past the limits in cw-zip.h, and checked against its
 * CRC-32. Only what workbooks use is read: stored and deflated entries of
 * an archive on one disk, under 4 GB, without encryption. */

#define LOCAL_SIZE    30 /* fixed part of a local header */
#define CENTRAL_SIZE  46 /* fixed part of a central directory header */
#define END_SIZE      22 /* the end of central directory record, without its comment */
#define MAX_COMMENT   0xFFFF
#define CHUNK         (64 * 1024)
#define METHOD_STORED  0
#define METHOD_DEFLATE 8
#define METHOD_AES    99 /* WinZip's AES encryption */
#define FLAG_ENCRYPTED        0x0001
#define FLAG_STRONG_ENCRYPTED 0x0040
/* Deflate writes at least 2 bits for 258 bytes, so it cannot unpack to more
 * than 1032 times its size; anything more is a lie about the size. */
#define DEFLATE_MAX_RATIO 1032

typedef struct
{
  char    *name;
  guint64  data_offset;     /* past the local header */
  guint32  header_offset;   /* of the local header */
  guint32  compressed_size;
  guint32  size;
  guint32  crc;
  guint16  method;
} Entry;

struct _CwZip
{
  GBytes       *bytes;
  const guint8 *data;
  gsize         len;
  Entry        *entries;
  guint         n_entries;
  GHashTable   *by_name; /* name folded to ASCII lower case → Entry */
};

/* Where an entry's bytes go as they are unpacked. */
typedef struct
{
  const Entry    *entry;
  guint32         crc;
  guint64         written;
  CwZipChunkFunc  func;
  gpointer        user_data;
} Sink;

G_DEFINE_QUARK (cw-zip-error-quark, cw_zip_error)

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static gboolean
fail (GError    **error,
      CwZipError  code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      CwZipError  code,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CW_ZIP_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
fail_cut_short (GError **error)
{
  return fail (error, CW_ZIP_ERROR_DAMAGED, "%s",
               _("the file is cut short, as if it was not copied or downloaded completely"));
}

static gboolean
fail_zip64 (GError **error)
{
  return fail (error, CW_ZIP_ERROR_UNSUPPORTED, "%s",
               _("it is a ZIP64 archive, a kind only files over 4 GB need; save it again "
                 "from Excel or LibreOffice"));
}

/* The end record is the last thing in the file but for a comment of up to
 * 64 KB; the last signature whose comment fits is taken. */
static gboolean
find_end_record (const guint8 *data,
                 gsize         len,
                 gsize        *offset)
{
  gsize lowest;

  if (len < END_SIZE)
    return FALSE;
  lowest = len > END_SIZE + MAX_COMMENT ? len - END_SIZE - MAX_COMMENT : 0;
  for (gsize i = len - END_SIZE + 1; i-- > lowest;)
    if (memcmp (data + i, "PK\x05\x06", 4) == 0 && i + END_SIZE + le16 (data + i + 20) <= len)
      {
        *offset = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_end_record (const guint8 *end,
                  gsize         end_offset,
                  guint        *n_entries,
                  gsize        *dir_offset,
                  gsize        *dir_size,
                  GError      **error)
{
  guint16 disk = le16 (end + 4), dir_disk = le16 (end + 6);
  guint16 on_disk = le16 (end + 8), total = le16 (end + 10);

  *dir_size = le32 (end + 12);
  *dir_offset = le32 (end + 16);
  *n_entries = total;
  if (total == 0xFFFF || *dir_size == 0xFFFFFFFF || *dir_offset == 0xFFFFFFFF)
    return fail_zip64 (error);
  if (disk != 0 || dir_disk != 0 || on_disk != total)
    return fail (error, CW_ZIP_ERROR_UNSUPPORTED, "%s",
                 _("it is one part of an archive split over several files"));
  if (total > CW_ZIP_MAX_ENTRIES)
    return fail (error, CW_ZIP_ERROR_TOO_LARGE, _("it holds %u files, more than the %u expected"),
                 total, (guint) CW_ZIP_MAX_ENTRIES);
  if (*dir_offset > end_offset || *dir_size > end_offset - *dir_offset)
    return fail_cut_short (error);
  if ((gsize) total * CENTRAL_SIZE > *dir_size)
    return fail (error, CW_ZIP_ERROR_DAMAGED, "%s", _("its table of contents is damaged"));
  return TRUE;
}

static gboolean
check_method (const char *name,
              guint16     flags,
              guint16     method,
              GError    **error)
{
  if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTED)) != 0 || method == METHOD_AES)
    return fail (error, CW_ZIP_ERROR_UNSUPPORTED,
                 _("“%s” inside it is encrypted; save the file again without a password"), name);
  if (method != METHOD_STORED && method != METHOD_DEFLATE)
    return fail (error, CW_ZIP_ERROR_UNSUPPORTED,
                 _("“%s” inside it is compressed with method %u, which Casewise does not read; "
                   "save the file again from Excel or LibreOffice"),
                 name, method);
  return TRUE;
}

/* Fills @entry from the central directory header at *pos and moves past it. */
static gboolean
read_central_header (CwZip  *self,
                     gsize  *pos,
                     gsize   dir_end,
                     Entry  *entry,
                     GError **error)
{
  const guint8 *h = self->data + *pos;
  gsize name_len, record_len;

  if (dir_end - *pos < CENTRAL_SIZE || memcmp (h, "PK\x01\x02", 4) != 0)
    return fail (error, CW_ZIP_ERROR_DAMAGED, "%s", _("its table of contents is damaged"));
  name_len = le16 (h + 28);
  record_len = CENTRAL_SIZE + name_len + le16 (h + 30) + le16 (h + 32);
  if (record_len > dir_end - *pos || memchr (h + CENTRAL_SIZE, '\0', name_len) != NULL)
    return fail (error, CW_ZIP_ERROR_DAMAGED, "%s", _("its table of contents is damaged"));
  entry->name = g_utf8_make_valid ((const char *) h + CENTRAL_SIZE, (gssize) name_len);
  entry->method = le16 (h + 10);
  entry->crc = le32 (h + 16);
  entry->compressed_size = le32 (h + 20);
  entry->size = le32 (h + 24);
  entry->header_offset = le32 (h + 42);
  *pos += record_len;
  if (entry->compressed_size == 0xFFFFFFFF || entry->size == 0xFFFFFFFF
      || entry->header_offset == 0xFFFFFFFF)
    return fail_zip64 (error);
  return check_method (entry->name, le16 (h + 8), entry->method, error);
}

/* The local header repeats the name and has its own extra field; the data
 * follows it and must end before the central directory. */
static gboolean
read_local_header (CwZip   *self,
                   Entry   *entry,
                   gsize    dir_offset,
                   GError **error)
{
  const guint8 *h = self->data + entry->header_offset;

  if (entry->header_offset > dir_offset || dir_offset - entry->header_offset < LOCAL_SIZE
      || memcmp (h, "PK\x03\x04", 4) != 0)
    return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” inside it cannot be found where the table "
                                                "of contents says"),
                 entry->name);
  entry->data_offset = (guint64) entry->header_offset + LOCAL_SIZE + le16 (h + 26) + le16 (h + 28);
  if (entry->data_offset + entry->compressed_size > dir_offset)
    return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” inside it runs past the end of the data"),
                 entry->name);
  return TRUE;
}

static int
compare_offsets (const void *a,
                 const void *b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;

  return x->header_offset < y->header_offset ? -1 : x->header_offset > y->header_offset;
}

/* Entries sharing bytes let a few KB unpack many times over. */
static gboolean
check_no_overlap (CwZip   *self,
                  GError **error)
{
  g_autofree Entry **sorted = g_new (Entry *, self->n_entries + 1);

  for (guint i = 0; i < self->n_entries; i++)
    sorted[i] = &self->entries[i];
  qsort (sorted, self->n_entries, sizeof *sorted, compare_offsets);
  for (guint i = 1; i < self->n_entries; i++)
    {
      const Entry *before = sorted[i - 1];

      if (before->data_offset + before->compressed_size > sorted[i]->header_offset)
        return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” and “%s” inside it overlap"),
                     before->name, sorted[i]->name);
    }
  return TRUE;
}

static gboolean
add_entry_name (CwZip   *self,
                Entry   *entry,
                GError **error)
{
  char *folded = g_ascii_strdown (entry->name, -1);

  if (g_hash_table_contains (self->by_name, folded))
    {
      g_free (folded);
      return fail (error, CW_ZIP_ERROR_DAMAGED, _("it holds “%s” twice"), entry->name);
    }
  g_hash_table_insert (self->by_name, folded, entry);
  return TRUE;
}

static gboolean
read_directory (CwZip   *self,
                gsize    dir_offset,
                gsize    dir_size,
                GError **error)
{
  gsize pos = dir_offset;

  for (guint i = 0; i < self->n_entries; i++)
    {
      Entry *entry = &self->entries[i];

      if (!read_central_header (self, &pos, dir_offset + dir_size, entry, error)
          || !read_local_header (self, entry, dir_offset, error)
          || !add_entry_name (self, entry, error))
        return FALSE;
    }
  return check_no_overlap (self, error);
}

static gboolean
open_archive (CwZip   *self,
              GError **error)
{
  gsize end_offset = 0, dir_offset = 0, dir_size = 0;
  guint n_entries = 0;

  if (!find_end_record (self->data, self->len, &end_offset))
    {
      if (self->len >= 4 && memcmp (self->data, "PK\x03\x04", 4) == 0)
        return fail_cut_short (error);
      return fail (error, CW_ZIP_ERROR_NOT_ZIP, "%s", _("it is not a ZIP archive"));
    }
  if (!check_end_record (self->data + end_offset, end_offset, &n_entries, &dir_offset, &dir_size,
                         error))
    return FALSE;
  self->entries = g_new0 (Entry, n_entries);
  self->n_entries = n_entries;
  return read_directory (self, dir_offset, dir_size, error);
}

/**
 * cw_zip_new_from_bytes:
 * @bytes: the whole archive
 * @error: return location for a #CW_ZIP_ERROR
 *
 * Reads and checks the archive's table of contents; entries are unpacked
 * only when read.
 *
 * Returns: (transfer full) (nullable): the archive, or %NULL with @error set
 */
CwZip *
cw_zip_new_from_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr (CwZip) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CwZip, 1);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->len);
  if (self->data == NULL)
    self->data = (const guint8 *) "";
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!open_archive (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
cw_zip_free (CwZip *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_entries; i++)
    g_free (self->entries[i].name);
  g_free (self->entries);
  g_hash_table_unref (self->by_name);
  g_bytes_unref (self->bytes);
  g_free (self);
}

/* Names of parts inside workbooks are compared without regard to ASCII
 * case, as Open Packaging Conventions require. */
static const Entry *
find_entry (CwZip      *self,
            const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return g_hash_table_lookup (self->by_name, folded);
}

gboolean
cw_zip_has_entry (CwZip      *self,
                  const char *name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return find_entry (self, name) != NULL;
}

/**
 * cw_zip_get_entry_size:
 * @self: an archive
 * @name: an entry's name
 *
 * Returns: the size the entry says it unpacks to, or 0 when there is none
 */
guint64
cw_zip_get_entry_size (CwZip      *self,
                       const char *name)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  entry = find_entry (self, name);
  return entry != NULL ? entry->size : 0;
}

static gboolean
check_sizes (CwZip        *self,
             const Entry  *entry,
             GError      **error)
{
  if (entry->size > CW_ZIP_MAX_ENTRY_SIZE)
    {
      g_autofree char *size = g_format_size (entry->size);
      g_autofree char *limit = g_format_size (CW_ZIP_MAX_ENTRY_SIZE);

      return fail (error, CW_ZIP_ERROR_TOO_LARGE,
                   _("“%s” inside it unpacks to %s, more than the %s Casewise reads"),
                   entry->name, size, limit);
    }
  if ((entry->method == METHOD_STORED && entry->size != entry->compressed_size)
      || (guint64) entry->size > (guint64) entry->compressed_size * DEFLATE_MAX_RATIO + 1024)
    return fail (error, CW_ZIP_ERROR_DAMAGED,
                 _("“%s” inside it gives a size that does not match its data"), entry->name);
  return TRUE;
}

/* The size in the table of contents bounds what is unpacked: a zip bomb
 * that claims to be small stops here, one piece past its claim. */
static gboolean
sink_put (Sink          *sink,
          const guint8  *data,
          gsize          len,
          GError       **error)
{
  if (len > sink->entry->size - sink->written)
    return fail (error, CW_ZIP_ERROR_DAMAGED,
                 _("“%s” inside it unpacks to more than the size it gives"), sink->entry->name);
  sink->written += len;
  sink->crc = (guint32) crc32_z (sink->crc, data, len);
  return sink->func (data, len, sink->user_data, error);
}

static gboolean
copy_stored (CwZip   *self,
             Sink    *sink,
             GError **error)
{
  const guint8 *data = self->data + sink->entry->data_offset;
  gsize left = sink->entry->compressed_size;

  while (left > 0)
    {
      gsize n = MIN (left, CHUNK);

      if (!sink_put (sink, data, n, error))
        return FALSE;
      data += n;
      left -= n;
    }
  return TRUE;
}

static gboolean
fail_inflate (const Entry  *entry,
              GError       *inflate_error,
              GError      **error)
{
  if (g_error_matches (inflate_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” inside it is cut short"), entry->name);
  return fail (error, CW_ZIP_ERROR_DAMAGED, _("the compressed data of “%s” inside it is corrupt"),
               entry->name);
}

static gboolean
inflate_entry (CwZip   *self,
               Sink    *sink,
               GError **error)
{
  g_autoptr (GZlibDecompressor) inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  g_autofree guint8 *out = g_malloc (CHUNK);
  const guint8 *in = self->data + sink->entry->data_offset;
  gsize left = sink->entry->compressed_size;

  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      gsize read = 0, written = 0;
      GConverterResult result =
        g_converter_convert (G_CONVERTER (inflater), in, left, out, CHUNK,
                             G_CONVERTER_INPUT_AT_END, &read, &written, &local_error);

      if (result == G_CONVERTER_ERROR)
        return fail_inflate (sink->entry, local_error, error);
      in += read;
      left -= read;
      if (written > 0 && !sink_put (sink, out, written, error))
        return FALSE;
      if (result == G_CONVERTER_FINISHED)
        return TRUE;
      if (read == 0 && written == 0)
        return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” inside it is cut short"),
                     sink->entry->name);
    }
}

static gboolean
check_unpacked (const Sink  *sink,
                GError     **error)
{
  if (sink->written != sink->entry->size)
    return fail (error, CW_ZIP_ERROR_DAMAGED, _("“%s” inside it is shorter than the size it gives"),
                 sink->entry->name);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION /* let the fuzzer past the checksum */
  if (sink->crc != sink->entry->crc)
    return fail (error, CW_ZIP_ERROR_DAMAGED,
                 _("“%s” inside it fails its checksum, so its contents are not what was saved"),
                 sink->entry->name);
#endif
  return TRUE;
}

/**
 * cw_zip_read_entry_chunks:
 * @self: an archive
 * @name: the entry's name, compared without regard to ASCII case
 * @func: (scope call): called with each piece in turn
 * @user_data: for @func
 * @error: return location for a #CW_ZIP_ERROR, or the error @func set
 *
 * Unpacks an entry in pieces of up to 64 KB, so that a large entry never
 * needs to be in memory at once. The checksum is known only at the end:
 * a %FALSE return means that what @func was given is to be thrown away.
 *
 * Returns: whether the whole entry was read, unharmed
 */
gboolean
cw_zip_read_entry_chunks (CwZip           *self,
                          const char      *name,
                          CwZipChunkFunc   func,
                          gpointer         user_data,
                          GError         **error)
{
  const Entry *entry;
  Sink sink = { 0 };
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((entry = find_entry (self, name)) == NULL)
    return fail (error, CW_ZIP_ERROR_NOT_FOUND, _("it has no “%s”"), name);
  if (!check_sizes (self, entry, error))
    return FALSE;
  sink = (Sink) { .entry = entry, .func = func, .user_data = user_data };
  if (entry->method == METHOD_STORED)
    ok = copy_stored (self, &sink, error);
  else
    ok = inflate_entry (self, &sink, error);
  return ok && check_unpacked (&sink, error);
}

static gboolean
append_chunk (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, (guint) len);
  return TRUE;
}

/**
 * cw_zip_read_entry:
 * @self: an archive
 * @name: the entry's name, compared without regard to ASCII case
 * @error: return location for a #CW_ZIP_ERROR
 *
 * Returns: (transfer full) (nullable): the entry's contents, or %NULL with
 *   @error set
 */
GBytes *
cw_zip_read_entry (CwZip       *self,
                   const char  *name,
                   GError     **error)
{
  g_autoptr (GByteArray) contents = g_byte_array_new ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cw_zip_read_entry_chunks (self, name, append_chunk, contents, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}
