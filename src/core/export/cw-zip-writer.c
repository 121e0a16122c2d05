/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "cw-clock.h"
#include "cw-zip-writer.h"

/* ZIP archives as APPNOTE.TXT describes them, in their simplest form: each
 * entry's local header already holds its checksum and sizes (it is packed
 * in memory first, so no data descriptor follows it), names in UTF-8, one
 * disk, no ZIP64. An entry is deflated with GIO's GZlibCompressor when
 * that makes it smaller, else stored. Every entry is dated by the
 * project's clock, so the same content under the same clock gives the same
 * bytes. */

#define SIG_LOCAL      0x04034b50
#define SIG_CENTRAL    0x02014b50
#define SIG_END        0x06054b50
#define VERSION        20 /* 2.0: deflate */
#define FLAG_UTF8      0x0800
#define METHOD_STORED  0
#define METHOD_DEFLATE 8

typedef struct
{
  char    *name;
  guint32  crc;
  guint32  compressed_size;
  guint32  size;
  guint32  offset; /* of its local header */
  guint16  method;
} Entry;

struct _CwZipWriter
{
  GOutputStream *out;
  GArray        *entries; /* Entry */
  GHashTable    *names;
  guint64        offset;  /* bytes written so far */
  guint16        time;    /* MS-DOS time and date of every entry */
  guint16        date;
  gboolean       finished;
};

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

/* MS-DOS dates start in 1980 and count seconds in twos. */
static void
dos_time (guint16 *time,
          guint16 *date)
{
  g_autoptr (GDateTime) now = cw_clock_now ();
  int year = CLAMP (g_date_time_get_year (now), 1980, 2107);

  *date = (guint16) (((year - 1980) << 9) | (g_date_time_get_month (now) << 5)
                     | g_date_time_get_day_of_month (now));
  *time = (guint16) ((g_date_time_get_hour (now) << 11) | (g_date_time_get_minute (now) << 5)
                     | (g_date_time_get_second (now) / 2));
}

/**
 * cw_zip_writer_new:
 * @out: where the archive goes, from its start
 *
 * Returns: (transfer full): a writer; add entries with cw_zip_writer_add(),
 *   then end the archive with cw_zip_writer_finish()
 */
CwZipWriter *
cw_zip_writer_new (GOutputStream *out)
{
  CwZipWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (CwZipWriter, 1);
  self->out = g_object_ref (out);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  dos_time (&self->time, &self->date);
  return self;
}

void
cw_zip_writer_free (CwZipWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->out);
  g_hash_table_unref (self->names);
  g_array_unref (self->entries);
  g_free (self);
}

static void
put16 (GByteArray *bytes,
       guint       value)
{
  guint8 b[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (bytes, b, sizeof b);
}

static void
put32 (GByteArray *bytes,
       guint32     value)
{
  guint8 b[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, value >> 24 };

  g_byte_array_append (bytes, b, sizeof b);
}

static gboolean
write_bytes (CwZipWriter   *self,
             const void    *data,
             gsize          len,
             GCancellable  *cancellable,
             GError       **error)
{
  if (!g_output_stream_write_all (self->out, data, len, NULL, cancellable, error))
    return FALSE;
  self->offset += len;
  return TRUE;
}

/* @data deflated as ZIP wants it (raw, no zlib header); %NULL on failure. */
static GBytes *
deflate_bytes (GBytes        *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW,
                                                                  -1);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (memory,
                                                                 G_CONVERTER (compressor));
  gsize len;
  const void *bytes = g_bytes_get_data (data, &len);

  if (!g_output_stream_write_all (out, bytes, len, NULL, cancellable, error)
      || !g_output_stream_close (out, cancellable, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
put_common (GByteArray  *header,
            CwZipWriter *self,
            const Entry *entry)
{
  put16 (header, VERSION);
  put16 (header, FLAG_UTF8);
  put16 (header, entry->method);
  put16 (header, self->time);
  put16 (header, self->date);
  put32 (header, entry->crc);
  put32 (header, entry->compressed_size);
  put32 (header, entry->size);
  put16 (header, (guint) strlen (entry->name));
  put16 (header, 0); /* extra field */
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("the archive would be larger than a ZIP file without ZIP64 can be (4 GB, "
                 "65,535 entries)"));
  return FALSE;
}

/* Whether an entry of @size bytes fits; stored is the most it takes. */
static gboolean
check_room (CwZipWriter  *self,
            const char   *name,
            gsize         size,
            GError      **error)
{
  if (self->entries->len >= CW_ZIP_WRITER_MAX_ENTRIES || size > CW_ZIP_WRITER_MAX_SIZE
      || self->offset + size + strlen (name) + 30 > CW_ZIP_WRITER_MAX_SIZE)
    return too_large (error);
  return TRUE;
}

/**
 * cw_zip_writer_add:
 * @name: the entry's path in the archive, in UTF-8, with forward slashes
 *   ("xl/workbook.xml"); each name once
 * @data: its content
 *
 * Writes the entry, deflated when that makes it smaller.
 *
 * Returns: whether it was written
 */
gboolean
cw_zip_writer_add (CwZipWriter   *self,
                   const char    *name,
                   GBytes        *data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr (GBytes) packed = NULL;
  g_autoptr (GByteArray) header = g_byte_array_new ();
  Entry entry = { 0 };
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0' && name[0] != '/', FALSE);
  g_return_val_if_fail (g_utf8_validate (name, -1, NULL) && strlen (name) < 0xFFFF, FALSE);
  g_return_val_if_fail (!g_hash_table_contains (self->names, name), FALSE);

  if (!check_room (self, name, size, error)
      || (size > 0 && (packed = deflate_bytes (data, cancellable, error)) == NULL))
    return FALSE;
  entry.method = packed != NULL && g_bytes_get_size (packed) < size ? METHOD_DEFLATE
                                                                    : METHOD_STORED;
  if (entry.method == METHOD_STORED)
    g_clear_pointer (&packed, g_bytes_unref);
  entry.name = g_strdup (name);
  entry.crc = (guint32) crc32_z (crc32_z (0, NULL, 0), size > 0 ? bytes : NULL, size);
  entry.size = (guint32) size;
  entry.compressed_size = (guint32) (packed != NULL ? g_bytes_get_size (packed) : size);
  entry.offset = (guint32) self->offset;
  put32 (header, SIG_LOCAL);
  put_common (header, self, &entry);
  g_byte_array_append (header, (const guint8 *) name, (guint) strlen (name));
  g_array_append_val (self->entries, entry);
  g_hash_table_add (self->names, g_array_index (self->entries, Entry, self->entries->len - 1).name);
  return write_bytes (self, header->data, header->len, cancellable, error)
         && write_bytes (self, packed != NULL ? g_bytes_get_data (packed, NULL) : bytes,
                         entry.compressed_size, cancellable, error);
}

/**
 * cw_zip_writer_finish:
 *
 * Writes the central directory that ends the archive; the stream stays
 * open.
 *
 * Returns: whether it was written
 */
gboolean
cw_zip_writer_finish (CwZipWriter   *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (GByteArray) directory = g_byte_array_new ();
  guint64 start = self->offset;
  guint32 size;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  self->finished = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      put32 (directory, SIG_CENTRAL);
      put16 (directory, VERSION); /* made by: MS-DOS attributes, version 2.0 */
      put_common (directory, self, entry);
      put16 (directory, 0); /* comment */
      put16 (directory, 0); /* disk */
      put16 (directory, 0); /* internal attributes */
      put32 (directory, 0); /* external attributes */
      put32 (directory, entry->offset);
      g_byte_array_append (directory, (const guint8 *) entry->name, (guint) strlen (entry->name));
    }
  size = directory->len;
  if (start + size + 22 > CW_ZIP_WRITER_MAX_SIZE)
    return too_large (error);
  put32 (directory, SIG_END);
  put16 (directory, 0); /* this disk */
  put16 (directory, 0); /* the directory's disk */
  put16 (directory, self->entries->len);
  put16 (directory, self->entries->len);
  put32 (directory, size);
  put32 (directory, (guint32) start);
  put16 (directory, 0); /* comment */
  return write_bytes (self, directory->data, directory->len, cancellable, error);
}
