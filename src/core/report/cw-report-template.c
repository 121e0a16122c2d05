/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report-resources.h"
#include "cw-report-template.h"

/* Templates are small keyed files: "# comments", a [document] group of
 * "key = value" lines, then one [section] group per section, in order.
 * Read line by line, so that every mistake is named by file and line. */

#define RESOURCE_DIR "/org/casewise/Casewise/reports/"
#define SUFFIX ".report"

static const char *const document_keys[] = {
  "id", "title", "summary", "subtitle", "orientation", "audience", "marking", "partnership",
  "logo", NULL,
};
static const char *const section_keys[] = { "kind", "heading", "level", NULL };

typedef enum
{
  GROUP_NONE,
  GROUP_DOCUMENT,
  GROUP_SECTION,
} Group;

static void
section_free (gpointer data)
{
  CwReportTemplateSection *section = data;

  g_free (section->kind);
  g_free (section->heading);
  g_free (section->file);
  g_free (section);
}

void
cw_report_template_free (CwReportTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->file);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->subtitle);
  g_free (self->marking);
  g_free (self->partnership);
  g_free (self->logo);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

static gboolean
fail (GError    **error,
      const char *file,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError    **error,
      const char *file,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a mistake in a report template: file, line, what is wrong */
  g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE, _("%s, line %u: %s"), file,
               line, message);
  return FALSE;
}

static gboolean
set_once (char       **slot,
          const char  *key,
          const char  *value,
          const char  *file,
          guint        line,
          GError     **error)
{
  if (*slot != NULL)
    return fail (error, file, line, _("“%s” is given twice in this group; keep one"), key);
  *slot = g_strdup (value);
  return TRUE;
}

/* Values that must be one of a few words; left NULL when not given. */
static gboolean
document_key (CwReportTemplate *self,
              GHashTable       *seen,
              const char       *key,
              const char       *value,
              const char       *file,
              guint             line,
              GError          **error)
{
  if (g_hash_table_contains (seen, key))
    return fail (error, file, line, _("“%s” is given twice in [document]; keep one"), key);
  g_hash_table_add (seen, g_strdup (key));
  if (strcmp (key, "orientation") == 0)
    {
      if (strcmp (value, "portrait") == 0)
        self->orientation = CW_REPORT_PORTRAIT;
      else if (strcmp (value, "landscape") == 0)
        self->orientation = CW_REPORT_LANDSCAPE;
      else
        return fail (error, file, line,
                     _("orientation is “%s”: write portrait or landscape"), value);
      return TRUE;
    }
  if (strcmp (key, "audience") == 0)
    {
      if (strcmp (value, "internal") == 0)
        self->internal = TRUE;
      else if (strcmp (value, "publishable") == 0)
        self->internal = FALSE;
      else
        return fail (error, file, line,
                     _("audience is “%s”: write internal or publishable"), value);
      return TRUE;
    }
  if (strcmp (key, "logo") == 0)
    self->logo_line = line;
#define KEY(name) if (strcmp (key, #name) == 0) { g_free (self->name); \
    self->name = *value ? g_strdup (value) : NULL; return TRUE; }
  KEY (id) KEY (title) KEY (summary) KEY (subtitle) KEY (marking) KEY (partnership) KEY (logo)
#undef KEY
  g_assert_not_reached ();
}

static gboolean
section_key (CwReportTemplateSection *section,
             const char              *key,
             const char              *value,
             const char              *file,
             guint                    line,
             GError                 **error)
{
  if (strcmp (key, "kind") == 0)
    return set_once (&section->kind, key, value, file, line, error);
  if (strcmp (key, "heading") == 0)
    return set_once (&section->heading, key, value, file, line, error);
  if (strcmp (value, "1") == 0 || strcmp (value, "2") == 0 || strcmp (value, "3") == 0)
    {
      section->level = value[0] - '0';
      return TRUE;
    }
  return fail (error, file, line, _("level is “%s”: write 1, 2 or 3"), value);
}

static gboolean
check_section (CwReportTemplateSection *section,
               GError                 **error)
{
  if (section != NULL && section->kind == NULL)
    return fail (error, section->file, section->line,
                 _("this [section] has no “kind”: say which section it is"));
  return TRUE;
}

/**
 * cw_report_template_parse:
 * @file: its name, for messages
 * @partial: a partnership's file, which says only what it changes
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with an
 *   error naming the file and line
 */
CwReportTemplate *
cw_report_template_parse (const char  *text,
                          gssize       length,
                          const char  *file,
                          gboolean     partial,
                          GError     **error)
{
  g_autoptr (CwReportTemplate) self = g_new0 (CwReportTemplate, 1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *copy = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  g_auto (GStrv) lines = NULL;
  CwReportTemplateSection *section = NULL;
  Group group = GROUP_NONE;
  gboolean had_document = FALSE;

  self->file = g_strdup (file);
  self->internal = TRUE;
  self->sections = g_ptr_array_new_with_free_func (section_free);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      fail (error, file, 1, _("the file is not UTF-8 text"));
      return NULL;
    }
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *const *keys;
      char *equals, *key, *value;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          if (!check_section (section, error))
            return NULL;
          section = NULL;
          if (strcmp (line, "[document]") == 0 && !had_document && self->sections->len == 0)
            {
              group = GROUP_DOCUMENT;
              had_document = TRUE;
            }
          else if (strcmp (line, "[section]") == 0)
            {
              group = GROUP_SECTION;
              section = g_new0 (CwReportTemplateSection, 1);
              section->level = 1;
              section->file = g_strdup (file);
              section->line = i + 1;
              g_ptr_array_add (self->sections, section);
            }
          else
            {
              fail (error, file, i + 1,
                    _("“%s”: a template has one [document] group, then a [section] group for "
                      "each section, in order"), line);
              return NULL;
            }
          continue;
        }
      if ((equals = strchr (line, '=')) == NULL)
        {
          fail (error, file, i + 1, _("“%s” is not “key = value”, a [group] or a # comment"),
                line);
          return NULL;
        }
      *equals = '\0';
      key = g_strstrip (line);
      value = g_strstrip (equals + 1);
      if (group == GROUP_NONE)
        {
          fail (error, file, i + 1, _("“%s” comes before any group: start with [document]"),
                key);
          return NULL;
        }
      keys = group == GROUP_DOCUMENT ? document_keys : section_keys;
      if (!g_strv_contains (keys, key))
        {
          g_autofree char *known = g_strjoinv (", ", (GStrv) keys);

          fail (error, file, i + 1, _("“%s” is not a key of [%s]; the keys are: %s"), key,
                group == GROUP_DOCUMENT ? "document" : "section", known);
          return NULL;
        }
      if (group == GROUP_DOCUMENT
          ? !document_key (self, seen, key, value, file, i + 1, error)
          : !section_key (section, key, value, file, i + 1, error))
        return NULL;
    }
  if (!check_section (section, error))
    return NULL;
  if (!partial)
    {
      if (!had_document || self->id == NULL || self->title == NULL)
        {
          fail (error, file, 1, _("a template needs a [document] group with its id and title"));
          return NULL;
        }
      if (self->sections->len == 0)
        {
          fail (error, file, 1, _("a template needs at least one [section]"));
          return NULL;
        }
    }
  /* What a partnership's file leaves out, it leaves as it was: -1 for not given. */
  if (!g_hash_table_contains (seen, "orientation"))
    self->orientation = partial ? (CwReportOrientation) -1 : CW_REPORT_PORTRAIT;
  if (!g_hash_table_contains (seen, "audience"))
    self->internal = partial ? -1 : TRUE;
  return g_steal_pointer (&self);
}

/* The partnership's file over the built-in one: what it gives replaces;
 * its sections, when it has any, are the document's, each taking the
 * built-in heading of its kind when it gives none. */
static gboolean
merge (CwReportTemplate *self,
       CwReportTemplate *over,
       GError          **error)
{
  if (over->id != NULL && strcmp (over->id, self->id) != 0)
    return fail (error, over->file, 1,
                 _("this file is named for the template “%s” but says id = %s"), self->id,
                 over->id);
#define TAKE(name) if (over->name != NULL) { g_free (self->name);     self->name = g_steal_pointer (&over->name); }
  TAKE (title) TAKE (summary) TAKE (subtitle) TAKE (marking) TAKE (partnership)
#undef TAKE
  if (over->logo != NULL)
    {
      g_free (self->logo);
      self->logo = g_steal_pointer (&over->logo);
      self->logo_line = over->logo_line;
    }
  if ((int) over->orientation != -1)
    self->orientation = over->orientation;
  if (over->internal != -1)
    self->internal = over->internal;
  if (over->sections->len > 0)
    {
      for (guint i = 0; i < over->sections->len; i++)
        {
          CwReportTemplateSection *section = over->sections->pdata[i];

          for (guint j = 0; section->heading == NULL && j < self->sections->len; j++)
            {
              CwReportTemplateSection *builtin = self->sections->pdata[j];

              if (strcmp (builtin->kind, section->kind) == 0)
                section->heading = g_strdup (builtin->heading);
            }
        }
      g_ptr_array_unref (self->sections);
      self->sections = g_ptr_array_ref (over->sections);
    }
  g_free (self->file);
  self->file = g_strdup (over->file);
  return TRUE;
}

/**
 * cw_report_template_user_path:
 *
 * Returns: (transfer full): where a partnership's own template for @id is
 *   read from: casewise/reports/ID.report in the user's configuration folder
 */
char *
cw_report_template_user_path (const char *id)
{
  g_autofree char *name = g_strconcat (id, SUFFIX, NULL);

  return g_build_filename (g_get_user_config_dir (), "casewise", "reports", name, NULL);
}

/**
 * cw_report_template_load_builtin:
 *
 * Returns: (transfer full) (nullable): the template @id as Casewise has it
 */
CwReportTemplate *
cw_report_template_load_builtin (const char  *id,
                                 GError     **error)
{
  g_autofree char *resource = g_strconcat (RESOURCE_DIR, id, SUFFIX, NULL);
  g_autofree char *name = g_strconcat ("data/reports/", id, SUFFIX, NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (cw_report_get_resource (), resource,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT,
                   _("There is no report template “%s”"), id);
      return NULL;
    }
  return cw_report_template_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   name, FALSE, error);
}

/**
 * cw_report_template_load:
 *
 * Reads the built-in template @id, then the partnership's own over it
 * when there is one.
 *
 * Returns: (transfer full) (nullable): the template
 */
CwReportTemplate *
cw_report_template_load (const char  *id,
                         GError     **error)
{
  g_autofree char *user = cw_report_template_user_path (id);
  g_autoptr (CwReportTemplate) self = NULL;
  g_autoptr (CwReportTemplate) over = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  if ((self = cw_report_template_load_builtin (id, error)) == NULL)
    return NULL;
  if (!g_file_get_contents (user, &contents, &length, &local_error))
    {
      /* None, or no configuration folder at all. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
          || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return g_steal_pointer (&self);
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE,
                   _("Could not read the partnership’s template %s: %s"), user,
                   local_error->message);
      return NULL;
    }
  if ((over = cw_report_template_parse (contents, length, user, TRUE, error)) == NULL
      || !merge (self, over, error))
    return NULL;
  return g_steal_pointer (&self);
}
