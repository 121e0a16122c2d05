/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-csv.h"
#include "cw-memory.h"

/* Reads the CSV and TSV files agencies send back (their chronology
 * "returns"), as Excel and other tools write them: RFC 4180 with Excel's
 * leniency. The file is decoded to UTF-8 once, up front, with no copy when
 * it is UTF-8 already; records are then cut one at a time into a buffer
 * reused for every record (cw_csv_reader_next(), memory beyond the text
 * bounded by the largest record), or all into one buffer about the size of
 * the text, with a pointer per cell (cw_csv_reader_read_all(), what an
 * import reads). Reading is linear in the file's size, and every limit is
 * checked before the data behind it is copied. */

#define SNIFF_WINDOW  8192  /* bytes looked at to tell text from binary */
#define DETECT_WINDOW 65536 /* bytes of the first row looked at for the delimiter */
#define NO_OFFSET     G_MAXSIZE

struct _CwCsvReader
{
  GBytes     *bytes;       /* keeps text alive when it points into it */
  char       *decoded;     /* the text, when converted from another encoding */
  const char *text;        /* UTF-8, without the byte-order mark */
  gsize       len;
  gsize       pos;
  gsize       bad_offset;  /* first place the encoding was broken, or NO_OFFSET */
  guint       n_bad;       /* places it was broken, that one included */
  gboolean    declared;    /* the encoding came from a byte-order mark */
  guint       line;        /* physical line at pos, from 1 */
  guint       row;         /* spreadsheet rows so far, blank ones included */
  guint       record_line; /* physical line where the last record started */
  gsize       field_start; /* where the field being read starts in buf */
  gsize       record_start; /* where the record being read starts in buf */
  char       *file_name;
  const char *encoding;
  char        delimiter;
  GString    *buf;         /* the current record's fields, each ending in NUL */
  GPtrArray  *fields;      /* pointers into buf, handed out by next () */
  GError     *failure;     /* once set, every later call reports it again */
};

G_DEFINE_QUARK (cw-csv-error-quark, cw_csv_error)

/* Files that are often renamed, or mistaken for, a CSV file. */
typedef struct
{
  const char *magic;
  gsize       len;
  gboolean    workbook;
  const char *what;
} Signature;

static const Signature signatures[] = {
  { "PK\x03\x04", 4, TRUE, N_("an Excel workbook (.xlsx) or another ZIP archive") },
  { "PK\x05\x06", 4, TRUE, N_("an Excel workbook (.xlsx) or another ZIP archive") },
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, TRUE, N_("an Excel 97–2003 workbook (.xls)") },
  { "%PDF-", 5, FALSE, N_("a PDF document") },
  { "\x89PNG\r\n\x1A\n", 8, FALSE, N_("a PNG image") },
  { "\xFF\xD8\xFF", 3, FALSE, N_("a JPEG image") },
  { "GIF8", 4, FALSE, N_("a GIF image") },
  { "\x1F\x8B", 2, FALSE, N_("a gzip archive") },
};

/* Windows-1252 where it differs from Latin-1; its five unassigned bytes
 * become U+FFFD so that a person sees something is wrong. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

static gboolean
is_delimiter_char (char c)
{
  return c > 0 && (guchar) c < 0x80 && c != '"' && c != '\r' && c != '\n';
}

static gboolean
check_signature (const char   *file_name,
                 const guint8 *data,
                 gsize         len,
                 GError      **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *sig = &signatures[i];

      if (!has_prefix (data, len, sig->magic, sig->len))
        continue;
      if (sig->workbook)
        g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_BINARY,
                     _("%s is %s, not CSV text: open it in Excel, save it as "
                       "“CSV UTF-8 (Comma delimited)” and import that file"),
                     file_name, _(sig->what));
      else
        g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_BINARY,
                     _("%s is %s, not CSV text: choose the CSV or TSV file the agency sent"),
                     file_name, _(sig->what));
      return FALSE;
    }
  return TRUE;
}

/* Text has next to no control characters; binary data has about one byte
 * in nine. */
static gboolean
looks_binary (const guint8 *data,
              gsize         len)
{
  gsize n = MIN (len, SNIFF_WINDOW);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint8 b = data[i];

      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F)
        controls++;
    }
  return controls * 32 > n;
}

/* Like g_utf8_validate_len () but lets NUL bytes through: the parser
 * reports those with their row and column. Returns the offset of the first
 * invalid byte, or NO_OFFSET. A return is nearly all ASCII: that is passed
 * eight bytes at a time, and only the runs of other bytes between are
 * validated (an ASCII byte always begins a character, so a run ends where
 * one does; a character cut short there is invalid, as it is in the whole
 * text). */
static gsize
find_invalid_utf8 (const char *text,
                   gsize       len)
{
  gsize pos = 0;

  while (pos < len)
    {
      const char *end = NULL;
      gsize run;

      for (guint64 word; pos + sizeof word <= len; pos += sizeof word)
        {
          memcpy (&word, text + pos, sizeof word);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
        }
      while (pos < len && (guchar) text[pos] < 0x80)
        pos++;
      for (run = pos; run < len && (guchar) text[run] >= 0x80; run++)
        ;
      if (run > pos && !g_utf8_validate_len (text + pos, run - pos, &end))
        return (gsize) (end - text);
      pos = run;
    }
  return NO_OFFSET;
}

/* How many characters of more than one byte @text has that are valid
 * UTF-8, and how many places are not UTF-8 (each run of bad bytes once). */
static void
count_utf8 (const char *text,
            gsize       len,
            guint      *valid,
            guint      *invalid)
{
  gsize pos = 0;

  *valid = *invalid = 0;
  while (pos < len)
    {
      guchar b = (guchar) text[pos];
      gunichar c;

      if (b < 0x80)
        {
          pos++;
          continue;
        }
      c = g_utf8_get_char_validated (text + pos, len - pos);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          (*invalid)++;
          pos++;
          while (pos < len && (guchar) text[pos] >= 0x80 && (guchar) text[pos] < 0xC0)
            pos++;
          continue;
        }
      (*valid)++;
      pos = (gsize) (g_utf8_next_char (text + pos) - text);
    }
}

static void
use_utf8 (CwCsvReader *self,
          const char  *text,
          gsize        len)
{
  guint valid = 0;

  self->text = text;
  self->len = len;
  self->bad_offset = find_invalid_utf8 (text, len);
  if (self->bad_offset != NO_OFFSET)
    count_utf8 (text, len, &valid, &self->n_bad);
  self->encoding = "UTF-8";
}

static gunichar
mark_bad (CwCsvReader *self,
          gsize        offset)
{
  if (self->bad_offset == NO_OFFSET)
    self->bad_offset = offset;
  return 0xFFFD;
}

static gunichar
utf16_unit (const guint8 *p,
            gboolean      big_endian)
{
  return big_endian ? (gunichar) (p[0] << 8 | p[1]) : (gunichar) (p[1] << 8 | p[0]);
}

/* Reads one character at *i; broken surrogates become U+FFFD and are
 * remembered, so that the parser reports them where they are. */
static gunichar
read_utf16_char (CwCsvReader  *self,
                 const guint8 *data,
                 gsize         len,
                 gsize        *i,
                 gboolean      big_endian,
                 gsize         out_offset)
{
  gunichar c = utf16_unit (data + *i, big_endian);
  gunichar low;

  *i += 2;
  if (c < 0xD800 || c >= 0xE000)
    return c;
  if (c >= 0xDC00 || *i + 1 >= len)
    return mark_bad (self, out_offset);
  low = utf16_unit (data + *i, big_endian);
  if (low < 0xDC00 || low >= 0xE000)
    return mark_bad (self, out_offset);
  *i += 2;
  return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
}

static void
decode_utf16 (CwCsvReader  *self,
              const guint8 *data,
              gsize         len,
              gboolean      big_endian)
{
  /* Each 2-byte unit gives at most 3 bytes, a 4-byte pair 4, an odd last
   * byte U+FFFD (3); then the NUL. */
  char *out = g_malloc (len / 2 * 3 + 4);
  gsize o = 0;
  gsize i = 0;

  self->bad_offset = NO_OFFSET;
  while (i + 1 < len)
    o += g_unichar_to_utf8 (read_utf16_char (self, data, len, &i, big_endian, o), out + o);
  if (i < len)
    o += g_unichar_to_utf8 (mark_bad (self, o), out + o);
  out[o] = '\0';
  self->decoded = out;
  self->text = out;
  self->len = o;
  self->encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
}

static gunichar
cp1252_char (guint8 b)
{
  return b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
}

static void
decode_cp1252 (CwCsvReader  *self,
               const guint8 *data,
               gsize         len)
{
  gsize size = 1;
  gsize o = 0;
  char *out;

  for (gsize i = 0; i < len; i++)
    size += data[i] < 0x80 ? 1 : (gsize) g_unichar_to_utf8 (cp1252_char (data[i]), NULL);
  out = g_malloc (size);
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] < 0x80)
        out[o++] = (char) data[i];
      else
        o += g_unichar_to_utf8 (cp1252_char (data[i]), out + o);
    }
  out[o] = '\0';
  self->decoded = out;
  self->text = out;
  self->len = o;
  self->bad_offset = NO_OFFSET;
  self->encoding = "WINDOWS-1252";
}

/* Whether text that is not all valid UTF-8 reads better as Windows-1252:
 * there, accented letters are single bytes that UTF-8 refuses, and pairs
 * that happen to be valid UTF-8 ("Ã©") are rare. A file with at least as
 * many valid UTF-8 characters as broken places is UTF-8 with stray bytes,
 * text pasted in from another encoding, not a Windows-1252 file: read
 * whole as Windows-1252, every "é" in it would silently become "Ã©". */
static gboolean
reads_as_cp1252 (const guint8 *data,
                 gsize         len)
{
  guint valid, invalid;

  count_utf8 ((const char *) data, len, &valid, &invalid);
  return invalid > 0 && valid < invalid;
}

/* A byte-order mark decides; without one, bytes that are valid UTF-8 are
 * UTF-8, text that reads better as Windows-1252 (what Excel writes for
 * “CSV (Comma delimited)” on a Western European Windows) is that, and
 * UTF-8 with stray bytes stays UTF-8, its bad bytes reported where they are. */
static void
decode_text (CwCsvReader  *self,
             const guint8 *data,
             gsize         len)
{
  self->declared = TRUE;
  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    use_utf8 (self, (const char *) data + 3, len - 3);
  else if (has_prefix (data, len, "\xFF\xFE", 2))
    decode_utf16 (self, data + 2, len - 2, FALSE);
  else if (has_prefix (data, len, "\xFE\xFF", 2))
    decode_utf16 (self, data + 2, len - 2, TRUE);
  else if ((self->declared = FALSE, find_invalid_utf8 ((const char *) data, len) == NO_OFFSET)
           || !reads_as_cp1252 (data, len))
    use_utf8 (self, (const char *) data, len);
  else
    decode_cp1252 (self, data, len);
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
      return FALSE;
  return TRUE;
}

static void
consume_line_end (CwCsvReader *self)
{
  if (self->text[self->pos] == '\r' && self->pos + 1 < self->len
      && self->text[self->pos + 1] == '\n')
    self->pos++;
  self->pos++;
  self->line++;
}

/* Excel reads, and some tools write, a first line “sep=;” naming the
 * delimiter. Excel does not show it as a row, so neither do we. */
static void
read_separator_hint (CwCsvReader *self)
{
  const char *t = self->text;

  if (self->len < 5 || g_ascii_strncasecmp (t, "sep=", 4) != 0 || !is_delimiter_char (t[4]))
    return;
  if (self->len > 5 && t[5] != '\r' && t[5] != '\n')
    return;
  self->delimiter = t[4];
  self->pos = 5;
  if (self->pos < self->len)
    consume_line_end (self);
}

static int
candidate_index (char c)
{
  return c == ',' ? 0 : c == '\t' ? 1 : c == ';' ? 2 : -1;
}

/* The most frequent of comma, tab and semicolon outside quotes in the first
 * row; a tie goes to the comma, then the tab. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  gsize counts[3] = { 0, 0, 0 }; /* comma, tab, semicolon */
  gsize end = MIN (len, DETECT_WINDOW);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < end; i++)
    {
      char c = text[i];
      gboolean field_start = i == 0 || candidate_index (text[i - 1]) >= 0;

      if (quoted && c == '"' && i + 1 < end && text[i + 1] == '"')
        i++;
      else if (c == '"' && (quoted || field_start))
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && candidate_index (c) >= 0)
        counts[candidate_index (c)]++;
    }
  if (counts[1] > counts[0] && counts[1] >= counts[2])
    return '\t';
  if (counts[2] > counts[0] && counts[2] > counts[1])
    return ';';
  return ',';
}

static CwCsvReader *
reader_new (GBytes     *bytes,
            const char *file_name)
{
  CwCsvReader *self = g_new0 (CwCsvReader, 1);

  self->bytes = g_bytes_ref (bytes);
  self->file_name = g_strdup (file_name);
  self->line = 1;
  self->buf = g_string_sized_new (256);
  self->fields = g_ptr_array_new ();
  return self;
}

static CwCsvReader *
refuse_binary (const char *file_name,
               GError    **error)
{
  g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_BINARY,
               _("%s is not a text file: choose the CSV or TSV file the agency sent"), file_name);
  return NULL;
}

/**
 * cw_csv_reader_new_from_bytes:
 * @bytes: the file's contents, as read from disk
 * @file_name: the name to show in messages, such as `police.csv`
 * @error: return location for a #CW_CSV_ERROR
 *
 * Detects the encoding (a UTF-8 or UTF-16 byte-order mark, else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 when that reads better; UTF-8
 * with stray bytes is reported where they are) and the delimiter (an Excel
 * `sep=` first line, else the most frequent of comma, tab and semicolon in
 * the first row). Refuses empty files and files that are not text.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
CwCsvReader *
cw_csv_reader_new_from_bytes (GBytes      *bytes,
                              const char  *file_name,
                              GError     **error)
{
  g_autoptr (CwCsvReader) self = NULL;
  const guint8 *data;
  gsize len = 0;
  gboolean utf16;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = (const guint8 *) "";
  if (!check_signature (file_name, data, len, error))
    return NULL;
  /* UTF-16 is half NUL bytes: look at it once decoded */
  utf16 = has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2);
  if (!utf16 && looks_binary (data, len))
    return refuse_binary (file_name, error);

  self = reader_new (bytes, file_name);
  decode_text (self, data, len);
  if (utf16 && looks_binary ((const guint8 *) self->text, self->len))
    return refuse_binary (file_name, error);
  read_separator_hint (self);
  if (is_blank (self->text + self->pos, self->len - self->pos))
    {
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_EMPTY, _("%s is empty"), file_name);
      return NULL;
    }
  if (self->delimiter == '\0')
    self->delimiter = detect_delimiter (self->text + self->pos, self->len - self->pos);
  return g_steal_pointer (&self);
}

void
cw_csv_reader_free (CwCsvReader *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_free (self->decoded);
  g_free (self->file_name);
  g_string_free (self->buf, TRUE);
  g_ptr_array_unref (self->fields);
  g_clear_error (&self->failure);
  g_free (self);
}

/**
 * cw_csv_reader_get_encoding:
 * @self: a reader
 *
 * Returns: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `WINDOWS-1252`
 */
const char *
cw_csv_reader_get_encoding (CwCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

char
cw_csv_reader_get_delimiter (CwCsvReader *self)
{
  g_return_val_if_fail (self != NULL, '\0');
  return self->delimiter;
}

/**
 * cw_csv_reader_set_delimiter:
 * @self: a reader
 * @delimiter: an ASCII character other than `"`, CR, LF and NUL
 *
 * Overrides the detected delimiter from the next record on.
 */
void
cw_csv_reader_set_delimiter (CwCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (is_delimiter_char (delimiter));
  self->delimiter = delimiter;
}

/**
 * cw_csv_reader_get_line:
 * @self: a reader
 *
 * The physical line, as a text editor counts them, where the record last
 * returned by cw_csv_reader_next() starts. It differs from the row when an
 * earlier field holds a line break.
 *
 * Returns: a line number from 1, or 0 before the first record
 */
guint
cw_csv_reader_get_line (CwCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

/* Rows are what a person sees in Excel; lines what a text editor shows.
 * They differ only after a field that holds a line break. */
static gboolean
fail (CwCsvReader *self,
      GError     **error,
      CwCsvError   code,
      guint        line,
      guint        column,
      const char  *reason)
{
  if (line == self->row)
    g_set_error (&self->failure, CW_CSV_ERROR, code, _("%s, row %u, column %u: %s"),
                 self->file_name, self->row, column, reason);
  else
    g_set_error (&self->failure, CW_CSV_ERROR, code, _("%s, row %u (line %u), column %u: %s"),
                 self->file_name, self->row, line, column, reason);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

static gboolean
fail_too_large (CwCsvReader *self,
                GError     **error,
                guint        line,
                guint        column,
                gboolean     quoted)
{
  g_autofree char *reason = NULL;

  if (quoted)
    reason = g_strdup_printf (_("a quoted value is longer than %d MB; perhaps its closing "
                                "quote is missing"), CW_CSV_MAX_FIELD / (1024 * 1024));
  else
    reason = g_strdup_printf (_("the value is longer than %d MB, the most one cell may hold"),
                              CW_CSV_MAX_FIELD / (1024 * 1024));
  return fail (self, error, CW_CSV_ERROR_TOO_LARGE, line, column, reason);
}

/* The bytes at the first bad place, as "E9" or "E2 80", and what to do. */
static char *
describe_bad_utf8 (CwCsvReader *self)
{
  g_autoptr (GString) bytes = g_string_new (NULL);
  g_autofree char *more = NULL;
  gsize pos = self->bad_offset;

  do
    g_string_append_printf (bytes, "%s%02X", bytes->len ? " " : "", (guchar) self->text[pos++]);
  while (pos < self->len && pos - self->bad_offset < 4 && (guchar) self->text[pos] >= 0x80
         && (guchar) self->text[pos] < 0xC0);
  if (self->n_bad > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more place further on)",
                                         " (and %u more places further on)", self->n_bad - 1),
                            self->n_bad - 1);
  if (self->declared)
    /* Translators: bytes in hexadecimal, e.g. "E9", then perhaps " (and 3 more ...)" */
    return g_strdup_printf (_("the bytes %s are not UTF-8%s, although the file says it is; "
                              "correct the text here, or save the file again from Excel as "
                              "“CSV UTF-8”"), bytes->str, more ? more : "");
  /* Translators: bytes in hexadecimal, e.g. "E9", then perhaps " (and 3 more ...)" */
  return g_strdup_printf (_("the bytes %s are not UTF-8%s, which the rest of the file is: text "
                            "from another encoding was pasted in. Nothing was read as another "
                            "encoding; correct the text here, or save the file again from Excel "
                            "as “CSV UTF-8”"), bytes->str, more ? more : "");
}

/* Adds text[from, to) to the field being read, after checking the limits
 * and the encoding, so that nothing past a limit is ever copied. */
static gboolean
append_span (CwCsvReader *self,
             GError     **error,
             guint        line,
             guint        column,
             gboolean     quoted,
             gsize        from,
             gsize        to)
{
  gsize n = to - from;

  if (self->buf->len - self->field_start + n > CW_CSV_MAX_FIELD)
    return fail_too_large (self, error, line, column, quoted);
  if (self->buf->len - self->record_start + n > CW_CSV_MAX_RECORD)
    {
      g_autofree char *reason =
        g_strdup_printf (_("the row is longer than %d MB"), CW_CSV_MAX_RECORD / (1024 * 1024));
      return fail (self, error, CW_CSV_ERROR_TOO_LARGE, line, column, reason);
    }
  if (self->bad_offset >= from && self->bad_offset < to)
    {
      g_autofree char *reason = g_str_has_prefix (self->encoding, "UTF-16")
        ? g_strdup (_("the text is not valid UTF-16 here; the file may be damaged"))
        : describe_bad_utf8 (self);

      return fail (self, error, CW_CSV_ERROR_ENCODING, line, column, reason);
    }
  g_string_append_len (self->buf, self->text + from, (gssize) n);
  return TRUE;
}

/* Where scanning a field must stop: one byte past what the field may still
 * take, so that a field over the limit is seen without reading all of it. */
static gsize
scan_limit (CwCsvReader *self,
            gsize        from)
{
  gsize taken = self->buf->len - self->field_start;
  gsize room = CW_CSV_MAX_FIELD - MIN (taken, CW_CSV_MAX_FIELD) + 1;

  return from + MIN (self->len - from, room);
}

static gboolean
read_plain_field (CwCsvReader *self,
                  guint        column,
                  GError     **error)
{
  const char *text = self->text;
  char delimiter = self->delimiter;
  gsize from = self->pos;
  gsize stop = scan_limit (self, from);
  gsize i = from;

  while (i < stop && text[i] != delimiter && text[i] != '\n' && text[i] != '\r' && text[i] != '\0')
    i++;
  if (!append_span (self, error, self->line, column, FALSE, from, i))
    return FALSE;
  self->pos = i;
  return TRUE;
}

/* Stops at a quote, a NUL or the limit, counting the line breaks inside. */
static gsize
scan_quoted (CwCsvReader *self,
             gsize        from,
             gsize        stop)
{
  const char *text = self->text;
  gsize i;

  for (i = from; i < stop; i++)
    {
      char c = text[i];

      if (c == '"' || c == '\0')
        break;
      if (c == '\n' || (c == '\r' && (i + 1 >= self->len || text[i + 1] != '\n')))
        self->line++;
    }
  return i;
}

static gboolean
fail_nul (CwCsvReader *self,
          GError     **error,
          guint        column)
{
  return fail (self, error, CW_CSV_ERROR_BINARY, self->line, column,
               _("the file holds a NUL byte, so it is damaged or not a text file"));
}

static gboolean
read_quoted_field (CwCsvReader *self,
                   guint        column,
                   GError     **error)
{
  guint quote_line = self->line;

  self->pos++; /* the opening quote */
  for (;;)
    {
      gsize from = self->pos;
      gsize i = scan_quoted (self, from, scan_limit (self, from));

      if (!append_span (self, error, quote_line, column, TRUE, from, i))
        return FALSE;
      self->pos = i;
      if (i >= self->len)
        return fail (self, error, CW_CSV_ERROR_SYNTAX, quote_line, column,
                     _("a quoted field is not closed; a closing \" is missing here or "
                       "in a later field"));
      if (self->text[i] == '\0')
        return fail_nul (self, error, column);
      if (i + 1 >= self->len || self->text[i + 1] != '"')
        {
          self->pos = i + 1;
          return TRUE;
        }
      /* "" stands for one quote: keep the first, skip the second */
      if (!append_span (self, error, quote_line, column, TRUE, i, i + 1))
        return FALSE;
      self->pos = i + 2;
    }
}

/* After a field: a delimiter, a line end or the end of the file. */
static gboolean
end_field (CwCsvReader *self,
           guint        column,
           gboolean    *more,
           GError     **error)
{
  char c;

  *more = FALSE;
  if (self->pos >= self->len)
    return TRUE;
  c = self->text[self->pos];
  if (c == self->delimiter)
    {
      self->pos++;
      *more = TRUE;
      return TRUE;
    }
  if (c == '\r' || c == '\n')
    {
      consume_line_end (self);
      return TRUE;
    }
  if (c == '\0')
    return fail_nul (self, error, column);
  return fail (self, error, CW_CSV_ERROR_SYNTAX, self->line, column,
               _("text after the closing quote; put the whole value in quotes and "
                 "double any quote inside it (\"\")"));
}

static gboolean
read_field (CwCsvReader *self,
            guint        column,
            gboolean    *more,
            GError     **error)
{
  gboolean ok;

  self->field_start = self->buf->len;
  if (self->pos < self->len && self->text[self->pos] == '"')
    ok = read_quoted_field (self, column, error);
  else
    ok = read_plain_field (self, column, error);
  if (!ok)
    return FALSE;
  g_string_append_c (self->buf, '\0');
  return end_field (self, column, more, error);
}

/* Leaves the record's fields in self->fields as offsets into buf, after
 * what buf already holds. */
static gboolean
read_record_at_end (CwCsvReader *self,
                    GError     **error)
{
  gboolean more = TRUE;

  self->row++;
  self->record_line = self->line;
  self->record_start = self->buf->len;
  g_ptr_array_set_size (self->fields, 0);
  while (more)
    {
      guint column = self->fields->len + 1;

      if (column > CW_CSV_MAX_COLUMNS)
        {
          g_autofree char *reason =
            g_strdup_printf (_("the row has more than %d columns"), CW_CSV_MAX_COLUMNS);
          return fail (self, error, CW_CSV_ERROR_TOO_LARGE, self->line, column, reason);
        }
      /* Offsets while the buffer may still move; pointers once it is done. */
      g_ptr_array_add (self->fields, GSIZE_TO_POINTER (self->buf->len));
      if (!read_field (self, column, &more, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_record (CwCsvReader *self,
             GError     **error)
{
  g_string_truncate (self->buf, 0);
  if (!read_record_at_end (self, error))
    return FALSE;
  for (guint i = 0; i < self->fields->len; i++)
    self->fields->pdata[i] = self->buf->str + GPOINTER_TO_SIZE (self->fields->pdata[i]);
  return TRUE;
}

/* A line with nothing on it holds no data: Excel shows it as an empty row,
 * so it counts as a row but is not returned. */
static void
skip_blank_lines (CwCsvReader *self)
{
  while (self->pos < self->len && (self->text[self->pos] == '\r' || self->text[self->pos] == '\n'))
    {
      consume_line_end (self);
      self->row++;
    }
}

/**
 * cw_csv_reader_next:
 * @self: a reader
 * @fields: (out) (optional) (transfer none): the record's fields, as
 *   `const char *` in UTF-8, valid until the next call; rows may have
 *   different numbers of fields
 * @row: (out) (optional): the record's row as Excel numbers it, from 1
 * @error: return location for a #CW_CSV_ERROR
 *
 * Reads the next record. Values are returned as they are, spaces included.
 * Blank lines are skipped. After an error every call fails with it again.
 *
 * Returns: %TRUE with a record; %FALSE at the end, or with @error set
 */
gboolean
cw_csv_reader_next (CwCsvReader *self,
                    GPtrArray  **fields,
                    guint       *row,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fields != NULL)
    *fields = NULL;
  if (row != NULL)
    *row = 0;
  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }
  skip_blank_lines (self);
  if (self->pos >= self->len || !read_record (self, error))
    return FALSE;
  if (fields != NULL)
    *fields = self->fields;
  if (row != NULL)
    *row = self->row;
  return TRUE;
}

/**
 * cw_csv_reader_read_all:
 * @self: a reader that has not read a record yet
 * @out: (out caller-allocates): every record; clear it with
 *   cw_csv_table_clear()
 * @error: return location for a #CW_CSV_ERROR
 *
 * Reads every record at once, as a table: what an import does with a
 * return. The cells are cut into one buffer the size of the file (a
 * field is never longer than its text in the file, and the delimiter or
 * line end after it leaves room for its NUL), so that 100,000 rows cost a
 * few allocations rather than hundreds of thousands.
 *
 * Returns: %TRUE with @out set; %FALSE with @error set and @out empty
 */
gboolean
cw_csv_reader_read_all (CwCsvReader *self,
                        CwCsvTable  *out,
                        GError     **error)
{
  GPtrArray *cells;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->row == 0 && self->failure == NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  g_string_free (self->buf, TRUE);
  self->buf = g_string_sized_new (self->len - self->pos + 1);
  cw_memory_advise_large (self->buf->str, self->buf->allocated_len);
  /* Offsets while the buffer may still move; pointers at the end. */
  cells = g_ptr_array_sized_new ((guint) MIN (self->len / 16 + 16, G_MAXUINT / 2));
  cw_memory_advise_large (cells->pdata, (self->len / 16 + 16) * sizeof (gpointer));
  out->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  out->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (;;)
    {
      skip_blank_lines (self);
      if (self->pos >= self->len)
        break;
      if (!read_record_at_end (self, error))
        {
          g_ptr_array_unref (cells);
          cw_csv_table_clear (out);
          return FALSE;
        }
      g_array_append_val (out->starts, cells->len);
      g_array_append_val (out->rows, self->row);
      g_ptr_array_extend (cells, self->fields, NULL, NULL);
    }
  g_array_append_val (out->starts, cells->len);
  out->text = g_string_free (g_steal_pointer (&self->buf), FALSE);
  self->buf = g_string_new (NULL);
  for (guint i = 0; i < cells->len; i++)
    cells->pdata[i] = out->text + GPOINTER_TO_SIZE (cells->pdata[i]);
  out->cells = cells;
  return TRUE;
}

/**
 * cw_csv_table_clear:
 *
 * Frees what @table holds and zeroes it; @table itself is the caller's.
 */
void
cw_csv_table_clear (CwCsvTable *table)
{
  g_return_if_fail (table != NULL);

  g_free (table->text);
  g_clear_pointer (&table->cells, g_ptr_array_unref);
  g_clear_pointer (&table->starts, g_array_unref);
  g_clear_pointer (&table->rows, g_array_unref);
  memset (table, 0, sizeof *table);
}
