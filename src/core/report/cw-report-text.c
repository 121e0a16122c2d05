/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <string.h>

#include "cw-report-private.h"

/* Text measured at a width and drawn, in one of two ways.
 *
 * Plain text in scripts written left to right with spaces between words
 * (Latin, Greek, Cyrillic: every chronology cell in practice) is cut into
 * words, each shaped by Pango once per document (without ligatures, one
 * glyph for each character, so that a PDF reader copies and finds the
 * words through the font's own map) and kept with its glyphs; lines are
 * filled at spaces and after hyphens and slashes, and drawn from the kept
 * glyphs, a page's glyphs of one font in one call. Pango shapes a
 * paragraph again at each line it breaks, so a table of 5,000 entries
 * would be shaped two or three times over; this shapes each distinct word
 * once.
 *
 * Anything else (markup, right-to-left or complex scripts, format
 * characters, a word wider than its column, a character no font has) is
 * laid out by a PangoLayout, as Pango alone would. */

#define FAMILIES "DejaVu Sans,Noto Sans,Liberation Sans,Arial,Sans"

static const struct
{
  double       size;
  PangoWeight  weight;
  PangoStyle   style;
  PangoStretch stretch;
} specs[CW_REPORT_N_FONTS] = {
  [CW_REPORT_FONT_BODY] = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_BODY_BOLD] = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_TABLE] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_STRETCH_CONDENSED },
  [CW_REPORT_FONT_TABLE_BOLD] = { 8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                  PANGO_STRETCH_CONDENSED },
  [CW_REPORT_FONT_TABLE_ITALIC] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                                    PANGO_STRETCH_CONDENSED },
  [CW_REPORT_FONT_SMALL] = { 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_SMALL_BOLD] = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                  PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_CAPTION] = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_H3] = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_H2] = { 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_H1] = { 16, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
  [CW_REPORT_FONT_TITLE] = { 24, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_STRETCH_NORMAL },
};

/* The glyphs of one font in a word, x from the word's start. */
typedef struct
{
  PangoFont     *font;
  cairo_glyph_t *glyphs;
  int            n_glyphs;
  double         width;
} Run;

typedef struct
{
  const char *text;
  gsize       length;
} Key;

typedef struct
{
  Key      key;      /* owns key.text */
  Run     *runs;
  guint    n_runs;
  double   width;
  gboolean drawable; /* every character has a glyph */
} Word;

typedef struct
{
  PangoFontDescription *description;
  PangoLayout          *shaper;
  GHashTable           *words; /* Key -> Word, both in the Word */
  Word                 *space;
  double                line_height;
  double                ascent;
} Face;

struct _CwReportFonts
{
  PangoContext *context;
  Face          faces[CW_REPORT_N_FONTS];
  GArray       *lines; /* Line: where a text's lines are filled, then copied */
};

typedef struct
{
  guint start, end; /* bytes of the text, without the spaces around */
  float width;
} Line;

struct _CwReportText
{
  Face          *face;
  const char    *text;     /* borrowed */
  PangoLayout   *layout;   /* the other way */
  Line          *lines;    /* the simple way */
  double        *tops;     /* the other way: each line's top, then the bottom */
  guint          n_lines;
  double         width;
  PangoAlignment alignment;
};

/* Words */

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;
  guint hash = 5381;

  for (gsize i = 0; i < key->length; i++)
    hash = hash * 33 + (guchar) key->text[i];
  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->length == y->length && memcmp (x->text, y->text, x->length) == 0;
}

static void
word_free (gpointer data)
{
  Word *word = data;

  for (guint i = 0; i < word->n_runs; i++)
    {
      g_object_unref (word->runs[i].font);
      g_free (word->runs[i].glyphs);
    }
  g_free (word->runs);
  g_free ((char *) word->key.text);
  g_free (word);
}

static gboolean
run_from_item (Run            *run,
               PangoGlyphItem *item,
               const char     *text)
{
  PangoGlyphString *glyphs = item->glyphs;
  PangoGlyphItemIter iter;
  gboolean drawable = TRUE;

  run->font = g_object_ref (item->item->analysis.font);
  run->n_glyphs = glyphs->num_glyphs;
  run->glyphs = g_new (cairo_glyph_t, MAX (glyphs->num_glyphs, 1));
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      drawable &= (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 && info->glyph != PANGO_GLYPH_EMPTY;
      run->glyphs[i] = (cairo_glyph_t) { info->glyph,
                                         run->width + info->geometry.x_offset / (double) PANGO_SCALE,
                                         info->geometry.y_offset / (double) PANGO_SCALE };
      run->width += info->geometry.width / (double) PANGO_SCALE;
    }
  /* One glyph for each character, so that a reader finds the character
   * from the glyph alone (the font's own map, which cairo writes in the
   * PDF): a word that needs more goes to Pango. */
  for (gboolean more = pango_glyph_item_iter_init_start (&iter, item, text); more && drawable;
       more = pango_glyph_item_iter_next_cluster (&iter))
    drawable = iter.end_glyph - iter.start_glyph == 1
               && g_utf8_next_char (text + iter.start_index) == text + iter.end_index;
  return drawable;
}

/* A word shaped once: its runs of glyphs, font by font. */
static Word *
shape_word (Face       *face,
            const char *text,
            gsize       length)
{
  Word *word = g_new0 (Word, 1);
  PangoLayoutLine *line;
  guint n = 0;

  word->key = (Key) { g_strndup (text, length), length };
  pango_layout_set_text (face->shaper, word->key.text, (int) length);
  line = pango_layout_get_line_readonly (face->shaper, 0);
  word->drawable = pango_layout_get_line_count (face->shaper) == 1;
  word->runs = g_new0 (Run, MAX (g_slist_length (line->runs), 1));
  for (GSList *l = line->runs; l != NULL; l = l->next, n++)
    {
      word->drawable &= run_from_item (&word->runs[n], l->data, word->key.text);
      word->width += word->runs[n].width;
    }
  word->n_runs = n;
  g_hash_table_insert (face->words, &word->key, word);
  return word;
}

static Word *
face_word (Face       *face,
           const char *text,
           gsize       length)
{
  Key key = { text, length };
  Word *word = g_hash_table_lookup (face->words, &key);

  return word != NULL ? word : shape_word (face, text, length);
}

/* Fonts */

static void
face_init (Face         *face,
           PangoContext *context,
           CwReportFont  font)
{
  PangoAttrList *attributes;
  PangoRectangle logical;

  face->description = pango_font_description_new ();
  pango_font_description_set_family_static (face->description, FAMILIES);
  pango_font_description_set_size (face->description, (int) (specs[font].size * PANGO_SCALE));
  pango_font_description_set_weight (face->description, specs[font].weight);
  pango_font_description_set_style (face->description, specs[font].style);
  pango_font_description_set_stretch (face->description, specs[font].stretch);
  face->shaper = pango_layout_new (context);
  pango_layout_set_font_description (face->shaper, face->description);
  /* No ligatures: "ffi" stays three glyphs, which readers copy and find as
   * the letters they are. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("liga 0, clig 0, dlig 0"));
  pango_layout_set_attributes (face->shaper, attributes);
  pango_attr_list_unref (attributes);
  face->words = g_hash_table_new_full (key_hash, key_equal, NULL, word_free);
  pango_layout_set_text (face->shaper, "Xg", -1);
  pango_layout_get_extents (face->shaper, NULL, &logical);
  face->line_height = logical.height / (double) PANGO_SCALE;
  face->ascent = pango_layout_get_baseline (face->shaper) / (double) PANGO_SCALE;
  face->space = face_word (face, " ", 1);
}

/**
 * cw_report_fonts_new:
 *
 * Fonts for one document, on the calling thread's font map, in points,
 * without hinting: what is measured is what is drawn, on any surface.
 */
CwReportFonts *
cw_report_fonts_new (void)
{
  CwReportFonts *self = g_new0 (CwReportFonts, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* The fonts chosen for a character must not follow the user's locale. */
  pango_context_set_language (self->context, pango_language_from_string ("en-gb"));
  for (guint i = 0; i < CW_REPORT_N_FONTS; i++)
    face_init (&self->faces[i], self->context, i);
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  return self;
}

void
cw_report_fonts_free (CwReportFonts *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < CW_REPORT_N_FONTS; i++)
    {
      g_hash_table_unref (self->faces[i].words);
      g_object_unref (self->faces[i].shaper);
      pango_font_description_free (self->faces[i].description);
    }
  g_object_unref (self->context);
  g_array_unref (self->lines);
  g_free (self);
}

double
cw_report_fonts_line_height (CwReportFonts *self,
                             CwReportFont   font)
{
  return self->faces[font].line_height;
}

/* Measuring */

static gboolean
is_simple (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (c == '\n' || c == '\t')
        continue;
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT
          || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        return FALSE;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_GREEK:
        case G_UNICODE_SCRIPT_CYRILLIC:
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The end of the piece of a word that starts at @p: the word's end, or just
 * after a hyphen or slash with more of the word after it. */
static const char *
segment_end (const char *p,
             const char *end)
{
  for (const char *q = p; q < end; q++)
    {
      if (is_blank (*q) || *q == '\n')
        return q;
      if ((*q == '-' || *q == '/') && q > p && q + 1 < end && !is_blank (q[1]) && q[1] != '\n')
        return q + 1;
    }
  return end;
}

/* Numbers, dates and times ("12/03/2024", "CAD 100231/24") are mostly
 * each different: drawn a character at a time from the cache, rather than
 * each shaped anew. Digits have no kerning or ligatures to lose. */
static gboolean
is_numeric (const char *p,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (p[i]) && strchr ("./:-,()#%+", p[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Returns: the width of a piece of a word, or a negative number when some
 * of it has no glyph */
static double
segment_width (Face       *face,
               const char *p,
               gsize       length)
{
  double width = 0;

  if (!is_numeric (p, length))
    {
      Word *word = face_word (face, p, length);
      return word->drawable ? word->width : -1;
    }
  for (gsize i = 0; i < length; i++)
    {
      Word *word = face_word (face, p + i, 1);

      if (!word->drawable)
        return -1;
      width += word->width;
    }
  return width;
}

static void
end_line (GArray   *lines,
          Line     *line,
          gboolean *open)
{
  g_array_append_val (lines, *line);
  *line = (Line) { 0, 0, 0 };
  *open = FALSE;
}

/* Lines filled greedily; FALSE when a word is wider than the text or has a
 * character no font draws: Pango does those. */
static gboolean
fill_lines (CwReportText *self,
            GArray       *lines)
{
  const char *text = self->text, *end = text + strlen (text), *p = text;
  Line line = { 0, 0, 0 };
  gboolean open = FALSE;
  guint spaces = 0;

  while (p < end)
    {
      const char *q;
      double gap, width;

      if (*p == '\n' || is_blank (*p))
        {
          if (*p == '\n')
            end_line (lines, &line, &open);
          spaces += *p != '\n';
          p++;
          continue;
        }
      q = segment_end (p, end);
      width = segment_width (self->face, p, q - p);
      if (width < 0 || width > self->width)
        return FALSE;
      gap = open ? spaces * self->face->space->width : 0;
      if (open && line.width + gap + width > self->width)
        end_line (lines, &line, &open), gap = 0;
      if (!open)
        line.start = p - text;
      line.width += gap + width;
      line.end = q - text;
      open = TRUE;
      spaces = 0;
      p = q;
    }
  if (open || lines->len == 0 || (end > text && end[-1] == '\n'))
    g_array_append_val (lines, line);
  return TRUE;
}

static void
measure_layout (CwReportText *self,
                PangoContext *context,
                gboolean      markup)
{
  PangoLayoutIter *iter;
  guint i = 0;

  self->layout = pango_layout_new (context);
  pango_layout_set_font_description (self->layout, self->face->description);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (self->layout, (int) (self->width * PANGO_SCALE));
  pango_layout_set_alignment (self->layout, self->alignment);
  if (markup)
    pango_layout_set_markup (self->layout, self->text, -1);
  else
    pango_layout_set_text (self->layout, self->text, -1);
  self->n_lines = pango_layout_get_line_count (self->layout);
  self->tops = g_new (double, self->n_lines + 1);
  iter = pango_layout_get_iter (self->layout);
  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      self->tops[i++] = top / (double) PANGO_SCALE;
      self->tops[i] = bottom / (double) PANGO_SCALE;
    }
  while (i < self->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * cw_report_text_new:
 * @text: plain text, or Pango markup with @markup; it must stay as it is
 *   until the text is freed
 * @width: in points, where lines are broken
 *
 * Returns: (transfer full): @text measured, its lines known
 */
CwReportText *
cw_report_text_new (CwReportFonts  *fonts,
                    CwReportFont    font,
                    const char     *text,
                    gboolean        markup,
                    double          width,
                    PangoAlignment  alignment)
{
  CwReportText *self = g_new0 (CwReportText, 1);

  self->face = &fonts->faces[font];
  self->text = text ? text : "";
  self->width = MAX (width, 1.0);
  self->alignment = alignment;
  if (!markup && is_simple (self->text))
    {
      g_array_set_size (fonts->lines, 0);
      if (fill_lines (self, fonts->lines))
        {
          self->n_lines = fonts->lines->len;
          self->lines = g_memdup2 (fonts->lines->data, self->n_lines * sizeof (Line));
          return self;
        }
    }
  measure_layout (self, fonts->context, markup);
  return self;
}

void
cw_report_text_free (CwReportText *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_free (self->lines);
  g_free (self->tops);
  g_free (self);
}

guint
cw_report_text_get_n_lines (CwReportText *self)
{
  return self->n_lines;
}

/* The width lines are broken at */
double
cw_report_text_get_width (CwReportText *self)
{
  return self->width;
}

/* @line: up to the number of lines, for the bottom of the last */
double
cw_report_text_line_top (CwReportText *self,
                         guint         line)
{
  line = MIN (line, self->n_lines);
  return self->tops != NULL ? self->tops[line] : line * self->face->line_height;
}

double
cw_report_text_get_height (CwReportText *self)
{
  return cw_report_text_line_top (self, self->n_lines);
}

/**
 * cw_report_text_lines_fitting:
 *
 * Returns: the end of the lines from @first that fit in @height, whole
 */
guint
cw_report_text_lines_fitting (CwReportText *self,
                              guint         first,
                              double        height)
{
  double top = cw_report_text_line_top (self, first);
  guint end = first;

  while (end < self->n_lines && cw_report_text_line_top (self, end + 1) - top <= height + 0.001)
    end++;
  return end;
}

/* Drawing */

/* Glyphs gathered across lines and cells, written in one call per run of
 * one font: cairo records, checks and writes each call on its own, so a
 * page of a table is a few calls rather than hundreds. Each glyph is one
 * character (see run_from_item()), so no text needs to go with them. */
struct _CwReportPen
{
  cairo_t   *cr;
  PangoFont *font;
  GArray    *glyphs; /* cairo_glyph_t */
};

CwReportPen *
cw_report_pen_new (cairo_t *cr)
{
  CwReportPen *self = g_new0 (CwReportPen, 1);

  self->cr = cairo_reference (cr);
  self->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 4096);
  return self;
}

/* Draws what was gathered, in the current source. */
void
cw_report_pen_flush (CwReportPen *self)
{
  if (self->glyphs->len > 0)
    {
      cairo_set_scaled_font (self->cr,
                             pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->font)));
      cairo_show_glyphs (self->cr, (cairo_glyph_t *) self->glyphs->data,
                         (int) self->glyphs->len);
    }
  g_array_set_size (self->glyphs, 0);
}

void
cw_report_pen_free (CwReportPen *self)
{
  if (self == NULL)
    return;
  cw_report_pen_flush (self);
  cairo_destroy (self->cr);
  g_array_unref (self->glyphs);
  g_free (self);
}

static void
pen_add (CwReportPen *pen,
         const Run   *run,
         double       x,
         double       y)
{
  guint base = pen->glyphs->len;
  cairo_glyph_t *glyphs;

  if (pen->font != run->font)
    {
      cw_report_pen_flush (pen);
      pen->font = run->font;
      base = 0;
    }
  g_array_set_size (pen->glyphs, base + run->n_glyphs);
  glyphs = &g_array_index (pen->glyphs, cairo_glyph_t, base);
  for (int i = 0; i < run->n_glyphs; i++)
    glyphs[i] = (cairo_glyph_t) { run->glyphs[i].index, run->glyphs[i].x + x,
                                  run->glyphs[i].y + y };
}

static void
add_word (CwReportPen *pen,
          const Word  *word,
          double      *x,
          double       y)
{
  for (guint r = 0; r < word->n_runs; r++)
    {
      pen_add (pen, &word->runs[r], *x, y);
      *x += word->runs[r].width;
    }
}

static void
draw_line (CwReportText *self,
           CwReportPen  *pen,
           const Line   *line,
           double        x,
           double        baseline)
{
  const char *p = self->text + line->start, *end = self->text + line->end;

  if (self->alignment == PANGO_ALIGN_RIGHT)
    x += self->width - line->width;
  else if (self->alignment == PANGO_ALIGN_CENTER)
    x += (self->width - line->width) / 2;
  while (p < end)
    {
      const char *q = is_blank (*p) ? p + 1 : segment_end (p, end);

      if (is_blank (*p))
        add_word (pen, self->face->space, &x, baseline);
      else if (is_numeric (p, q - p))
        for (const char *c = p; c < q; c++)
          add_word (pen, face_word (self->face, c, 1), &x, baseline);
      else
        add_word (pen, face_word (self->face, p, q - p), &x, baseline);
      p = q;
    }
}

static void
draw_simple (CwReportText *self,
             CwReportPen  *pen,
             double        x,
             double        y,
             guint         first,
             guint         end)
{
  for (guint i = first; i < end; i++)
    draw_line (self, pen, &self->lines[i],
               x, y + (i - first) * self->face->line_height + self->face->ascent);
}

static void
draw_layout (CwReportText *self,
             cairo_t      *cr,
             double        x,
             double        y,
             guint         first,
             guint         end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->layout);
  guint i = 0;

  do
    {
      PangoRectangle logical;

      if (i < first)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE,
                     y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE
                       - self->tops[first]);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++i < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * cw_report_text_draw:
 * @pen: gathers the glyphs; flush it before the source changes
 * @y: where the top of line @first goes
 *
 * Draws lines @first to @end (not included) in the current source.
 */
void
cw_report_text_draw (CwReportText *self,
                     CwReportPen  *pen,
                     double        x,
                     double        y,
                     guint         first,
                     guint         end)
{
  end = MIN (end, self->n_lines);
  if (first >= end)
    return;
  if (self->layout == NULL)
    {
      draw_simple (self, pen, x, y, first, end);
      return;
    }
  cw_report_pen_flush (pen);
  draw_layout (self, pen->cr, x, y, first, end);
}
