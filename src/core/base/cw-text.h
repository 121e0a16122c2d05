/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What counts as text: names, titles and paragraphs people type, paste or
 * import, checked and cleaned in one place, and escaped for a terminal. */

/* One line (a name, a title, the actor of a change) or paragraphs (notes,
 * descriptions), which may also hold line breaks and tabs. */
typedef enum
{
  CW_TEXT_LINE,
  CW_TEXT_PARAGRAPHS,
} CwTextKind;

#define CW_TEXT_MAX_NAME       100    /* characters: the actor of a change */
#define CW_TEXT_MAX_LINE       500    /* characters: a name, a title, a reference */
#define CW_TEXT_MAX_PARAGRAPHS 100000 /* characters: a description, notes */

gboolean cw_text_is_control       (gunichar     c);
gunichar cw_text_find_control     (const char  *text,
                                   CwTextKind   kind);
gboolean cw_text_needs_cleaning   (const char  *text,
                                   CwTextKind   kind);
char    *cw_text_clean            (const char  *text,
                                   CwTextKind   kind);
char    *cw_text_check            (const char  *text,
                                   CwTextKind   kind,
                                   guint        max_chars);
char    *cw_text_escape           (const char  *text);

G_END_DECLS
