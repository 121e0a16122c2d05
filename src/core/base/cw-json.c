/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include "cw-json.h"
#include "cw-text.h"

struct _CwJson
{
  GString *out;
  GArray  *counts;    /* per open container: how many members or items so far */
  gboolean after_key; /* the next value completes a "key": pair */
};

CwJson *
cw_json_new (void)
{
  CwJson *self = g_new0 (CwJson, 1);

  self->out = g_string_new (NULL);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
cw_json_free (CwJson *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->counts);
  g_free (self);
}

/**
 * cw_json_free_to_string:
 *
 * Returns: (transfer full): the document, ending with a newline
 */
char *
cw_json_free_to_string (CwJson *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->counts->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  text = g_string_free (g_steal_pointer (&self->out), FALSE);
  g_array_unref (self->counts);
  g_free (self);
  return text;
}

static void
newline_and_indent (CwJson *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->counts->len; i++)
    g_string_append (self->out, "  ");
}

/* Separates a value, or a key, from the one before it. */
static void
begin_value (CwJson *self)
{
  guint *count;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->counts->len == 0)
    return;
  count = &g_array_index (self->counts, guint, self->counts->len - 1);
  if ((*count)++ > 0)
    g_string_append_c (self->out, ',');
  newline_and_indent (self);
}

static void
begin_container (CwJson *self,
                 char    open)
{
  guint zero = 0;

  begin_value (self);
  g_string_append_c (self->out, open);
  g_array_append_val (self->counts, zero);
}

static void
end_container (CwJson *self,
               char    close)
{
  guint count;

  g_return_if_fail (self->counts->len > 0);

  count = g_array_index (self->counts, guint, self->counts->len - 1);
  g_array_set_size (self->counts, self->counts->len - 1);
  if (count > 0)
    newline_and_indent (self);
  g_string_append_c (self->out, close);
}

void
cw_json_begin_object (CwJson *self)
{
  begin_container (self, '{');
}

void
cw_json_end_object (CwJson *self)
{
  end_container (self, '}');
}

void
cw_json_begin_array (CwJson *self)
{
  begin_container (self, '[');
}

void
cw_json_end_array (CwJson *self)
{
  end_container (self, ']');
}

void
cw_json_key (CwJson     *self,
             const char *key)
{
  g_return_if_fail (key != NULL);
  g_return_if_fail (!self->after_key);

  begin_value (self);
  cw_json_escape (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

/**
 * cw_json_string:
 * @value: (nullable): UTF-8 text; %NULL writes null
 */
void
cw_json_string (CwJson     *self,
                const char *value)
{
  if (value == NULL)
    {
      cw_json_null (self);
      return;
    }
  begin_value (self);
  cw_json_escape (self->out, value);
}

void
cw_json_int (CwJson *self,
             gint64  value)
{
  begin_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
cw_json_bool (CwJson   *self,
              gboolean  value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
cw_json_null (CwJson *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
}

void
cw_json_member_string (CwJson     *self,
                       const char *key,
                       const char *value)
{
  cw_json_key (self, key);
  cw_json_string (self, value);
}

/* A member whose value may be missing: null rather than "". */
void
cw_json_member_string_or_null (CwJson     *self,
                               const char *key,
                               const char *value)
{
  cw_json_key (self, key);
  if (value != NULL)
    cw_json_string (self, value);
  else
    cw_json_null (self);
}

void
cw_json_member_int (CwJson     *self,
                    const char *key,
                    gint64      value)
{
  cw_json_key (self, key);
  cw_json_int (self, value);
}

static void
escape_char (GString  *out,
             gunichar  c)
{
  switch (c)
    {
    case '"': g_string_append (out, "\\\""); break;
    case '\\': g_string_append (out, "\\\\"); break;
    case '\b': g_string_append (out, "\\b"); break;
    case '\f': g_string_append (out, "\\f"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      /* Control characters must be escaped; U+2028 and U+2029 are, so the
       * output is also valid JavaScript, and so are C1 controls and
       * bidirectional overrides, so a terminal showing it acts on none. */
      if (cw_text_is_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
}

/**
 * cw_json_escape:
 * @text: UTF-8; invalid sequences become U+FFFD
 *
 * Appends @text to @out as a quoted JSON string.
 */
void
cw_json_escape (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    escape_char (out, g_utf8_get_char (p));
  g_string_append_c (out, '"');
}
