/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-workbook-private.h"

/* Excel workbooks (Office Open XML, .xlsx and .xlsm). The package's
 * relationships lead from _rels/.rels to the workbook part, which lists the
 * sheets in tab order, and from its own relationships to each sheet's part,
 * the shared strings and the styles. Names are resolved as Open Packaging
 * Conventions say, so that parts need not be where Excel puts them.
 *
 * This file opens the package and finds the parts; the cells are read by
 * cw-workbook-xlsx-sheet.c. */

#define MAX_RELATIONSHIPS 65536 /* in one .rels part; a workbook's has one per sheet and a few */

typedef struct
{
  char *id;
  char *type;
  char *target; /* resolved to a part name */
} Relationship;

typedef struct
{
  GPtrArray  *all;   /* Relationship, in the order of the part */
  GHashTable *by_id; /* Id → Relationship, the first of each Id */
} Relationships;

static void
xlsx_free (gpointer data)
{
  CwXlsx *xlsx = data;

  g_ptr_array_unref (xlsx->sheet_parts);
  g_ptr_array_unref (xlsx->sheet_ids);
  g_free (xlsx->strings_part);
  g_free (xlsx->styles_part);
  g_string_free (xlsx->strings, TRUE);
  g_array_unref (xlsx->string_offsets);
  g_array_unref (xlsx->style_kinds);
  g_free (xlsx);
}

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
relationships_free (Relationships *relationships)
{
  g_ptr_array_unref (relationships->all);
  g_hash_table_unref (relationships->by_id);
  g_free (relationships);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Relationships, relationships_free)

/* --------------------------------------------------------- part names */

/* The folder of a part: "xl" for "xl/workbook.xml", "" for the package. */
static char *
part_folder (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, (gsize) (slash - part)) : g_strdup ("");
}

/* A relationship's target against the folder of the part it is from:
 * "worksheets/sheet1.xml", "../xl/styles.xml" and "/xl/styles.xml" all work. */
static char *
resolve_target (const char *source_part,
                const char *target)
{
  g_autofree char *folder = target[0] == '/' ? g_strdup ("") : part_folder (source_part);
  g_autofree char *joined = g_strconcat (folder, "/", target, NULL);
  g_auto (GStrv) segments = g_strsplit (joined, "/", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* "xl/_rels/workbook.xml.rels" for "xl/workbook.xml"; "_rels/.rels" for "". */
static char *
relationships_part (const char *source_part)
{
  g_autofree char *folder = part_folder (source_part);
  const char *slash = strrchr (source_part, '/');
  const char *base = slash != NULL ? slash + 1 : source_part;

  return g_strconcat (folder, folder[0] != '\0' ? "/" : "", "_rels/", base, ".rels", NULL);
}

/* -------------------------------------------------------- relationships */

typedef struct
{
  CwPartState    base;
  const char    *source_part;
  Relationships *relationships;
} RelationshipsState;

static void
add_relationship (RelationshipsState  *state,
                  const char          *id,
                  const char          *type,
                  const char          *target,
                  GError             **error)
{
  Relationships *relationships = state->relationships;
  Relationship *rel;

  if (relationships->all->len >= MAX_RELATIONSHIPS)
    {
      cw_workbook_fail_printf (state->base.workbook, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                               _("“%s” inside it has more than %d relationships"),
                               state->base.part, MAX_RELATIONSHIPS);
      return;
    }
  rel = g_new0 (Relationship, 1);
  rel->id = g_strdup (id);
  rel->type = g_strdup (type);
  rel->target = resolve_target (state->source_part, target);
  g_ptr_array_add (relationships->all, rel);
  if (!g_hash_table_contains (relationships->by_id, rel->id))
    g_hash_table_insert (relationships->by_id, rel->id, rel);
}

static void
relationships_start (GMarkupParseContext  *context,
                     const char           *name,
                     const char          **names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  const char *id, *type, *target, *mode;

  if (strcmp (cw_markup_local_name (name), "Relationship") != 0)
    return;
  id = cw_markup_attribute (names, values, "Id");
  type = cw_markup_attribute (names, values, "Type");
  target = cw_markup_attribute (names, values, "Target");
  mode = cw_markup_attribute (names, values, "TargetMode");
  if (id != NULL && type != NULL && target != NULL && g_strcmp0 (mode, "External") != 0)
    add_relationship (user_data, id, type, target, error);
}

static const GMarkupParser relationships_parser = {
  .start_element = relationships_start,
};

/* The relationships from @source_part; none when it has no .rels part. */
static Relationships *
read_relationships (CwWorkbook  *self,
                    const char  *source_part,
                    GError     **error)
{
  g_autofree char *part = relationships_part (source_part);
  g_autoptr (Relationships) relationships = g_new0 (Relationships, 1);
  RelationshipsState state = { .source_part = source_part, .relationships = relationships };

  relationships->all = g_ptr_array_new_with_free_func (relationship_free);
  relationships->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  if (cw_zip_has_entry (self->zip, part)
      && !cw_workbook_parse_part (self, part, &relationships_parser, &state.base, error))
    return NULL;
  return g_steal_pointer (&relationships);
}

/* Types end the same in transitional and strict OOXML. */
static const Relationship *
find_relationship_of_type (Relationships *relationships,
                           const char    *type_suffix)
{
  for (guint i = 0; i < relationships->all->len; i++)
    {
      const Relationship *rel = g_ptr_array_index (relationships->all, i);

      if (g_str_has_suffix (rel->type, type_suffix))
        return rel;
    }
  return NULL;
}

/* ------------------------------------------------------------ workbook */

typedef struct
{
  CwPartState  base;
  CwXlsx      *xlsx;
  gboolean     in_sheets;
} WorkbookState;

/* The package's main part is a workbook, or the file is something else. */
static void
refuse_other_document (CwPartState  *state,
                       const char   *root,
                       GError      **error)
{
  const char *reason;

  if (strcmp (root, "document") == 0)
    reason = _("it is a Word document, not a workbook");
  else if (strcmp (root, "presentation") == 0)
    reason = _("it is a PowerPoint presentation, not a workbook");
  else
    reason = _("it is a ZIP archive that holds no Excel or LibreOffice spreadsheet");
  cw_workbook_fail (state->workbook, error, CW_WORKBOOK_ERROR_NOT_WORKBOOK, reason);
}

static void
add_sheet (WorkbookState  *state,
           const char    **names,
           const char    **values,
           GError        **error)
{
  CwWorkbook *self = state->base.workbook;
  const char *name = cw_markup_attribute (names, values, "name");
  const char *id = cw_markup_local_attribute (names, values, "id");

  if (name == NULL || id == NULL)
    {
      cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_DAMAGED,
                               _("a sheet in “%s” inside it has no name or no contents"),
                               state->base.part);
      return;
    }
  if (self->sheet_names->len >= CW_WORKBOOK_MAX_SHEETS)
    {
      cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_TOO_LARGE,
                               _("it has more than %d sheets"), CW_WORKBOOK_MAX_SHEETS);
      return;
    }
  g_ptr_array_add (self->sheet_names, g_strdup (name));
  g_ptr_array_add (state->xlsx->sheet_ids, g_strdup (id));
}

static void
workbook_start (GMarkupParseContext  *context,
                const char           *name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  WorkbookState *state = user_data;
  const char *local = cw_markup_local_name (name);

  if (state->base.depth == 1 && strcmp (local, "workbook") != 0)
    refuse_other_document (&state->base, local, error);
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *date1904 = cw_markup_attribute (names, values, "date1904");

      state->xlsx->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
  else if (strcmp (local, "sheets") == 0)
    state->in_sheets = TRUE;
  else if (state->in_sheets && strcmp (local, "sheet") == 0)
    add_sheet (state, names, values, error);
}

static void
workbook_end (GMarkupParseContext  *context,
              const char           *name,
              gpointer              user_data,
              GError              **error)
{
  WorkbookState *state = user_data;

  if (strcmp (cw_markup_local_name (name), "sheets") == 0)
    state->in_sheets = FALSE;
}

static const GMarkupParser workbook_parser = {
  .start_element = workbook_start,
  .end_element = workbook_end,
};

static gboolean
find_workbook_part (CwWorkbook  *self,
                    char       **part,
                    GError     **error)
{
  g_autoptr (Relationships) relationships = read_relationships (self, "", error);
  const Relationship *rel;

  if (relationships == NULL)
    return FALSE;
  rel = find_relationship_of_type (relationships, "/officeDocument");
  if (rel != NULL)
    *part = g_strdup (rel->target);
  else if (cw_zip_has_entry (self->zip, "xl/workbook.xml"))
    *part = g_strdup ("xl/workbook.xml");
  else
    return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_NOT_WORKBOOK,
                             _("it is a ZIP archive that holds no Excel or LibreOffice "
                               "spreadsheet"));
  if (g_str_has_suffix (*part, ".bin"))
    return cw_workbook_fail (self, error, CW_WORKBOOK_ERROR_UNSUPPORTED,
                             _("it is an Excel Binary Workbook (.xlsb); open it in Excel and save "
                               "it as an Excel Workbook (.xlsx)"));
  return TRUE;
}

/* The shared strings and styles are optional; a workbook without its
 * relationships part still names them where Excel puts them. */
static char *
find_optional_part (CwWorkbook     *self,
                    Relationships  *relationships,
                    const char     *type_suffix,
                    const char     *usual_part)
{
  const Relationship *rel = find_relationship_of_type (relationships, type_suffix);

  if (rel != NULL)
    return g_strdup (rel->target);
  return cw_zip_has_entry (self->zip, usual_part) ? g_strdup (usual_part) : NULL;
}

static gboolean
find_sheet_parts (CwWorkbook  *self,
                  CwXlsx      *xlsx,
                  const char  *workbook_part,
                  GError     **error)
{
  g_autoptr (Relationships) relationships = read_relationships (self, workbook_part, error);

  if (relationships == NULL)
    return FALSE;
  for (guint i = 0; i < xlsx->sheet_ids->len; i++)
    {
      const Relationship *rel =
        g_hash_table_lookup (relationships->by_id, g_ptr_array_index (xlsx->sheet_ids, i));

      if (rel == NULL)
        return cw_workbook_fail_printf (self, error, CW_WORKBOOK_ERROR_DAMAGED,
                                        _("the contents of sheet “%s” are missing"),
                                        (const char *) g_ptr_array_index (self->sheet_names, i));
      g_ptr_array_add (xlsx->sheet_parts, g_strdup (rel->target));
    }
  xlsx->strings_part =
    find_optional_part (self, relationships, "/sharedStrings", "xl/sharedStrings.xml");
  xlsx->styles_part = find_optional_part (self, relationships, "/styles", "xl/styles.xml");
  return TRUE;
}

gboolean
cw_workbook_xlsx_open (CwWorkbook  *self,
                       GError     **error)
{
  CwXlsx *xlsx = g_new0 (CwXlsx, 1);
  g_autofree char *workbook_part = NULL;
  WorkbookState state = { .xlsx = xlsx };

  xlsx->sheet_parts = g_ptr_array_new_with_free_func (g_free);
  xlsx->sheet_ids = g_ptr_array_new_with_free_func (g_free);
  xlsx->strings = g_string_new (NULL);
  xlsx->string_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  xlsx->style_kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->format = CW_WORKBOOK_XLSX;
  self->backend = xlsx;
  self->backend_free = xlsx_free;
  return find_workbook_part (self, &workbook_part, error)
         && cw_workbook_parse_part (self, workbook_part, &workbook_parser, &state.base, error)
         && find_sheet_parts (self, xlsx, workbook_part, error);
}
