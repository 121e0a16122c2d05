/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-import-private.h"
#include "cw-workbook.h"

/* Returns sent as Excel or LibreOffice workbooks: one sheet at a time,
 * the first unless the user picks another. */

gboolean
cw_chronology_import_is_workbook (GBytes *bytes)
{
  return cw_workbook_is_workbook_data (bytes);
}

static gboolean
read_sheet (CwChronologyImport *self,
            guint               index,
            GError            **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GArray) rows = NULL;

  if (!cw_workbook_read_sheet (self->workbook, index, &records, &rows, error))
    return FALSE;
  cw_import_table_clear (&self->table);
  self->table.records = g_steal_pointer (&records);
  self->table.rows = g_steal_pointer (&rows);
  self->sheet = index;
  return TRUE;
}

gboolean
cw_chronology_import_open_workbook (CwChronologyImport *self,
                                    GError            **error)
{
  self->workbook = cw_workbook_new_from_bytes (self->bytes, self->file_name, error);
  if (self->workbook == NULL)
    return FALSE;
  self->format = cw_workbook_get_format (self->workbook);
  return read_sheet (self, 0, error);
}

/* A cover sheet often comes first: the first sheet with entries is read,
 * and the user can choose another. */
gboolean
cw_chronology_import_take_workbook (CwChronologyImport *self,
                                    GError            **error)
{
  guint n = cw_workbook_get_n_sheets (self->workbook);

  if (cw_chronology_import_take_table (self, error))
    return TRUE;
  for (guint i = 1; i < n; i++)
    if (read_sheet (self, i, NULL) && cw_chronology_import_take_table (self, NULL))
      {
        g_clear_error (error);
        return TRUE;
      }
  return FALSE;
}

void
cw_chronology_import_close_workbook (CwChronologyImport *self)
{
  g_clear_pointer (&self->workbook, cw_workbook_free);
}

/**
 * cw_chronology_import_get_n_sheets:
 *
 * Returns: the workbook's sheets; 1 for a text file
 */
guint
cw_chronology_import_get_n_sheets (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->workbook ? cw_workbook_get_n_sheets (self->workbook) : 1;
}

/**
 * cw_chronology_import_get_sheet_name:
 *
 * Returns: (nullable): the sheet's name; %NULL for a text file
 */
const char *
cw_chronology_import_get_sheet_name (CwChronologyImport *self,
                                     guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->workbook ? cw_workbook_get_sheet_name (self->workbook, index) : NULL;
}

guint
cw_chronology_import_get_sheet (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sheet;
}

/* The sheet read, or, when it has nothing to import, the one before kept
 * as it was: the caller goes on with a usable import either way. */
static gboolean
switch_sheet (CwChronologyImport *self,
              guint               index,
              GError            **error)
{
  CwImportTable before = self->table;
  CwChronoMapping *mapping = g_steal_pointer (&self->mapping);
  guint header = self->header, sheet = self->sheet;
  gboolean month_first = self->month_first;

  memset (&self->table, 0, sizeof self->table);
  if (read_sheet (self, index, error) && cw_chronology_import_take_table (self, error))
    {
      cw_import_table_clear (&before);
      g_clear_pointer (&mapping, cw_chrono_mapping_free);
      return TRUE;
    }
  cw_import_table_clear (&self->table);
  g_clear_pointer (&self->mapping, cw_chrono_mapping_free);
  self->table = before;
  self->mapping = mapping;
  self->header = header;
  self->sheet = sheet;
  self->month_first = month_first;
  return FALSE;
}

/**
 * cw_chronology_import_set_sheet:
 * @index: from 0
 *
 * Reads another sheet of the workbook, and guesses its columns afresh.
 * A sheet with nothing to import is refused and the import keeps the
 * sheet it had.
 *
 * Returns: whether the sheet has rows to import
 */
gboolean
cw_chronology_import_set_sheet (CwChronologyImport *self,
                                guint               index,
                                GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->workbook == NULL || index >= cw_workbook_get_n_sheets (self->workbook))
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS,
                   _("%s has no sheet %u"), self->file_name, index + 1);
      return FALSE;
    }
  if (index == self->sheet)
    return TRUE;
  return switch_sheet (self, index, error);
}
