/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-import-private.h"
#include "cw-chronology.h"
#include "cw-store-private.h"

/* A combined chronology: several agencies' entries in one file, told apart
 * by its Agency column. The agencies it names are found here, each matched
 * to the shared register by its name or its short name, without case and
 * with runs of spaces as one. */

/* How many of an agency's rows are kept to name in a message. */
#define ROWS_NAMED 5

/**
 * cw_import_agency_key:
 *
 * Returns: (transfer full): an agency's name as the register and a
 *   combined chronology are compared: trimmed, without case, spaces as one
 */
char *
cw_import_agency_key (const char *name)
{
  g_autofree char *folded = cw_import_source_key (name);
  GString *key = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && key->len > 0)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_c (key, *p);
    }
  return g_string_free (key, FALSE);
}

void
cw_import_agency_free (CwImportAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->name);
  g_free (agency->key);
  g_clear_pointer (&agency->keys, g_ptr_array_unref);
  g_array_unref (agency->rows);
  g_free (agency);
}

/* The register, by key: name and short name -> id. */
static GHashTable *
read_register (CwStore  *store,
               GError  **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT id, name, short_name FROM agency"
                                                " WHERE deleted = 0 ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int column = 2; column >= 1; column--)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, column);

        /* A name wins over another agency's short name. */
        if (name != NULL && *name != '\0')
          g_hash_table_insert (ids, cw_import_agency_key (name),
                               GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (store, error, _("Could not read the register of agencies"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
note_row (CwImportAgency *agency,
          guint           row)
{
  agency->n_rows++;
  if (agency->rows->len < ROWS_NAMED)
    g_array_append_val (agency->rows, row);
}

/**
 * cw_chronology_import_find_agencies:
 * @store: the database whose register the names are matched to
 *
 * Reads the column mapped to the agency: the agencies a combined chronology
 * names, each with its rows, matched to the register (its id, or 0 when
 * the register has no agency of that name or short name). An agency named
 * two ways (its name and its short name) is one item. Rows that name none
 * come last, as one item whose name is %NULL.
 *
 * Returns: (transfer full) (element-type CwImportAgency): in the order the
 *   file first names them, or %NULL with @error set when no column is
 *   mapped to the agency
 */
GPtrArray *
cw_chronology_import_find_agencies (CwChronologyImport *self,
                                    CwStore            *store,
                                    GError            **error)
{
  g_autoptr (GHashTable) known = NULL;
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_id = g_hash_table_new (NULL, NULL);
  /* A cell's text as the file gives it: no key made per row. */
  g_autoptr (GHashTable) by_text = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) found = NULL;
  CwImportAgency *none = NULL;
  guint column, n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (self->mapping == NULL || !cw_chrono_mapping_find (self->mapping, CW_CHRONO_FIELD_AGENCY,
                                                        &column))
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_AGENCY_COLUMN,
                   _("%s: no column is read as the agency; choose the column that names each "
                     "row’s agency (Agency), or import the file as one agency’s return"),
                   self->file_name);
      return NULL;
    }
  if ((known = read_register (store, error)) == NULL)
    return NULL;
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_import_agency_free);
  n = cw_chronology_import_get_n_records (self);
  for (guint i = 0; i < n; i++)
    {
      guint row;
      const GPtrArray *record = cw_chronology_import_get_record (self, i, &row);
      const char *cell = column < record->len ? record->pdata[column] : NULL;
      g_autofree char *key = NULL;
      CwImportAgency *agency;

      if (cell != NULL && (agency = g_hash_table_lookup (by_text, cell)) != NULL)
        {
          note_row (agency, row);
          continue;
        }
      if (cell == NULL || *(key = cw_import_agency_key (cell)) == '\0')
        {
          if (none == NULL)
            {
              none = g_new0 (CwImportAgency, 1);
              none->rows = g_array_new (FALSE, FALSE, sizeof (guint));
            }
          note_row (none, row);
          continue;
        }
      if ((agency = g_hash_table_lookup (by_key, key)) == NULL)
        {
          gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (known, key));

          /* One agency named two ways (its name, its short name) is one item. */
          if (id != 0 && (agency = g_hash_table_lookup (by_id, GSIZE_TO_POINTER (id))) != NULL)
            {
              g_ptr_array_add (agency->keys, g_strdup (key));
              g_hash_table_insert (by_key, agency->keys->pdata[agency->keys->len - 1], agency);
            }
          else
            {
              agency = g_new0 (CwImportAgency, 1);
              agency->name = g_strstrip (g_strdup (cell));
              agency->key = g_steal_pointer (&key);
              agency->keys = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (agency->keys, g_strdup (agency->key));
              agency->rows = g_array_new (FALSE, FALSE, sizeof (guint));
              agency->agency_id = id;
              g_hash_table_insert (by_key, agency->key, agency);
              if (id != 0)
                g_hash_table_insert (by_id, GSIZE_TO_POINTER (id), agency);
              g_ptr_array_add (found, agency);
            }
        }
      g_hash_table_insert (by_text, (gpointer) cell, agency);
      note_row (agency, row);
    }
  if (none != NULL)
    g_ptr_array_add (found, none);
  return g_steal_pointer (&found);
}

/**
 * cw_import_agency_format_rows:
 *
 * Returns: (transfer full): "row 4", "rows 4, 9 and 12", "rows 4, 9, 12,
 *   15, 20 and 31 more"
 */
char *
cw_import_agency_format_rows (const CwImportAgency *agency)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < agency->rows->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == agency->n_rows ? _(" and ") : ", ");
      g_string_append_printf (text, "%u", g_array_index (agency->rows, guint, i));
    }
  if (agency->n_rows > agency->rows->len)
    /* TRANSLATORS: rows named in a message, then how many more there are */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "rows %s and %u more",
                                         "rows %s and %u more",
                                         agency->n_rows - agency->rows->len),
                            text->str, agency->n_rows - agency->rows->len);
  if (agency->n_rows == 1)
    return g_strdup_printf (_("row %s"), text->str);
  return g_strdup_printf (_("rows %s"), text->str);
}

/**
 * cw_import_agencies_check_known:
 * @agencies: (element-type CwImportAgency): as cw_chronology_import_find_agencies()
 *   gives them
 *
 * Sets @error to %CW_IMPORT_ERROR_UNKNOWN_AGENCIES, naming each agency the
 * register lacks and its rows, when there is one.
 *
 * Returns: whether every agency named is in the register
 */
gboolean
cw_import_agencies_check_known (CwChronologyImport *self,
                                GPtrArray          *agencies,
                                GError            **error)
{
  g_autoptr (GString) list = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < agencies->len; i++)
    {
      const CwImportAgency *agency = agencies->pdata[i];
      g_autofree char *rows = NULL;

      if (agency->name == NULL || agency->agency_id != 0)
        continue;
      rows = cw_import_agency_format_rows (agency);
      g_string_append_printf (list, "%s“%s” (%s)", n++ > 0 ? "; " : "", agency->name, rows);
    }
  if (n == 0)
    return TRUE;
  if (n == 1)
    g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_UNKNOWN_AGENCIES,
                 _("%s: the Agency column names an agency the register does not have: %s. "
                   "Add it to the register (or give it to an agency as its short name), or "
                   "correct the column"),
                 self->file_name, list->str);
  else
    g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_UNKNOWN_AGENCIES,
                 _("%s: the Agency column names %u agencies the register does not have: %s. "
                   "Add them to the register (or give them to agencies as their short names), "
                   "or correct the column"),
                 self->file_name, n, list->str);
  return FALSE;
}
