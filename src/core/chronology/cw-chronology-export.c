/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-csv-writer.h"
#include "cw-json.h"

/* The merged chronology written out as the list shows it (its filter
 * applies; gap rows are left out). CSV is written as Excel opens it
 * (cw-csv-writer.c), and Casewise reads it back. */

static const CwChronoField csv_fields[] = {
  CW_CHRONO_FIELD_AGENCY, CW_CHRONO_FIELD_AUTHOR, CW_CHRONO_FIELD_SOURCE,
  CW_CHRONO_FIELD_DESCRIPTION, CW_CHRONO_FIELD_ACTION, CW_CHRONO_FIELD_RATIONALE,
  CW_CHRONO_FIELD_OUTCOME, CW_CHRONO_FIELD_IMPACT,
};

static gboolean
append_header (CwCsvWriter   *csv,
               GCancellable  *cancellable,
               GError       **error)
{
  cw_csv_writer_cell (csv, cw_chrono_field_label (CW_CHRONO_FIELD_DATE));
  cw_csv_writer_cell (csv, cw_chrono_field_label (CW_CHRONO_FIELD_END_DATE));
  cw_csv_writer_cell (csv, cw_chrono_field_label (CW_CHRONO_FIELD_SEQUENCE));
  for (guint i = 0; i < G_N_ELEMENTS (csv_fields); i++)
    cw_csv_writer_cell (csv, cw_chrono_field_label (csv_fields[i]));
  cw_csv_writer_cell (csv, cw_chrono_field_label (CW_CHRONO_FIELD_SIGNIFICANCE));
  cw_csv_writer_cell (csv, cw_chrono_field_label (CW_CHRONO_FIELD_TAGS));
  cw_csv_writer_cell (csv, _("Same happening as"));
  cw_csv_writer_cell (csv, _("Came from"));
  return cw_csv_writer_end_row (csv, cancellable, error);
}

static gboolean
append_entry (CwCsvWriter       *csv,
              CwChronologyItem  *item,
              GCancellable      *cancellable,
              GError           **error)
{
  const CwChronoDate *end = cw_chronology_item_get_end (item);
  g_autofree char *start = cw_chrono_date_format (cw_chronology_item_get_start (item));
  g_autofree char *end_text = end ? cw_chrono_date_format (end) : NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *group = NULL;

  if (cw_chronology_item_get_sequence (item) >= 0)
    sequence = g_strdup_printf ("%d", cw_chronology_item_get_sequence (item));
  if (cw_chronology_item_is_linked (item))
    /* TRANSLATORS: a group of entries about one happening, by number */
    group = g_strdup_printf (_("Group %" G_GINT64_FORMAT "%s"),
                             cw_chronology_item_get_link_group (item),
                             cw_chronology_item_has_conflict (item) ? _(" (dates differ)") : "");
  cw_csv_writer_cell (csv, start);
  cw_csv_writer_cell (csv, end_text);
  cw_csv_writer_cell (csv, sequence);
  for (guint i = 0; i < G_N_ELEMENTS (csv_fields); i++)
    cw_csv_writer_cell (csv, cw_chronology_item_get (item, csv_fields[i]));
  cw_csv_writer_cell (csv, cw_chrono_significance_id (cw_chronology_item_get_significance (item)));
  cw_csv_writer_cell (csv, cw_chronology_item_get (item, CW_CHRONO_FIELD_TAGS));
  cw_csv_writer_cell (csv, group);
  cw_csv_writer_cell (csv, cw_chronology_item_get_provenance (item));
  return cw_csv_writer_end_row (csv, cancellable, error);
}

/**
 * cw_chronology_export_csv:
 * @model: the list as shown
 * @out: where to write
 *
 * Returns: whether everything was written
 */
gboolean
cw_chronology_export_csv (CwChronologyModel *model,
                          GOutputStream     *out,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr (CwCsvWriter) csv = NULL;
  guint n;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (model), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  csv = cw_csv_writer_new (out);
  if (!append_header (csv, cancellable, error))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_ENTRY
          && !append_entry (csv, item, cancellable, error))
        return FALSE;
    }
  return cw_csv_writer_finish (csv, cancellable, error);
}

static void
json_entry (CwJson           *json,
            CwChronologyItem *item)
{
  static const char *const keys[] = { "agency", "author", "source", "description", "action",
                                      "rationale", "outcome", "impact" };
  const CwChronoDate *end = cw_chronology_item_get_end (item);
  g_autofree char *start = cw_chrono_date_to_iso (cw_chronology_item_get_start (item));
  g_autofree char *start_text = cw_chrono_date_format (cw_chronology_item_get_start (item));
  g_autofree char *end_iso = end ? cw_chrono_date_to_iso (end) : NULL;
  g_auto (GStrv) tags = cw_chrono_tags_from_text (
    cw_chronology_item_get (item, CW_CHRONO_FIELD_TAGS) ?: "");

  cw_json_begin_object (json);
  cw_json_member_int (json, "id", cw_chronology_item_get_id (item));
  cw_json_member_string (json, "date", start);
  cw_json_member_string (json, "date_text", start_text);
  cw_json_member_string_or_null (json, "end_date", end_iso);
  cw_json_key (json, "sequence");
  if (cw_chronology_item_get_sequence (item) >= 0)
    cw_json_int (json, cw_chronology_item_get_sequence (item));
  else
    cw_json_null (json);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    cw_json_member_string_or_null (json, keys[i], cw_chronology_item_get (item, csv_fields[i]));
  cw_json_member_string (json, "significance",
                         cw_chrono_significance_id (cw_chronology_item_get_significance (item)));
  cw_json_key (json, "tags");
  cw_json_begin_array (json);
  for (guint i = 0; tags[i] != NULL; i++)
    cw_json_string (json, tags[i]);
  cw_json_end_array (json);
  cw_json_key (json, "link_group");
  if (cw_chronology_item_is_linked (item))
    cw_json_int (json, cw_chronology_item_get_link_group (item));
  else
    cw_json_null (json);
  cw_json_key (json, "date_conflict");
  cw_json_bool (json, cw_chronology_item_has_conflict (item));
  cw_json_member_string_or_null (json, "provenance", cw_chronology_item_get_provenance (item));
  cw_json_end_object (json);
}

/**
 * cw_chronology_export_json:
 * @model: the list as shown
 * @out: where to write
 *
 * An array of entries; dates in the stored form ("~2016-05", "2021-04-03T14:30").
 *
 * Returns: whether everything was written
 */
gboolean
cw_chronology_export_json (CwChronologyModel *model,
                           GOutputStream     *out,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (model), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  cw_json_begin_array (json);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_ENTRY)
        json_entry (json, item);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}

/**
 * cw_chronology_export_to_file:
 * @path: the file to write, as the user gave it
 * @json: JSON rather than CSV
 *
 * Writes the list to @path through cw_store_output_new(): readable by its
 * owner alone (mode 0600 where the platform has modes), never over the
 * database or a backup, and the file that was there stays as it was
 * until the new one is complete.
 *
 * Returns: whether the file was written
 */
gboolean
cw_chronology_export_to_file (CwChronologyModel *model,
                              const char        *path,
                              gboolean           json,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr (CwStoreOutput) output = NULL;
  GOutputStream *out;

  g_return_val_if_fail (CW_IS_CHRONOLOGY_MODEL (model), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = cw_store_output_new (cw_chronology_model_get_store (model), path, error);
  if (output == NULL)
    return FALSE;
  out = cw_store_output_get_stream (output);
  if (!(json ? cw_chronology_export_json (model, out, cancellable, error)
             : cw_chronology_export_csv (model, out, cancellable, error)))
    {
      g_prefix_error (error, _("Could not write “%s”: "), path);
      return FALSE;
    }
  return cw_store_output_commit (output, cancellable, error);
}
