/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-base-enums.h"
#include "cw-chronology-import.h"
#include "cw-chronology.h"
#include "cw-cli.h"
#include "cw-enum.h"
#include "cw-json.h"
#include "cw-workbook.h"
#include "cw-privacy.h"

/* `chronology import|export|list|returns`: agencies' returns in, the
 * merged chronology out. */

static gboolean
parse_date_order (const char  *text,
                  CwDateOrder *order,
                  GError     **error)
{
  g_autofree char *nick = g_ascii_strdown (text, -1);
  int value;

  if (cw_enum_from_nick (CW_TYPE_DATE_ORDER, nick, &value))
    {
      *order = (CwDateOrder) value;
      return TRUE;
    }
  return cw_cli_value_error (error, _("--date-order must be dmy, mdy or ymd, not “%s”"), text);
}

static void
problems_json (CwJson    *json,
               GPtrArray *problems)
{
  cw_json_key (json, "problems");
  cw_json_begin_array (json);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      CwImportProblem *problem = problems->pdata[i];
      g_autofree char *letters = problem->column ? cw_column_letters (problem->column) : NULL;

      cw_json_begin_object (json);
      cw_json_member_int (json, "row", problem->row);
      cw_json_key (json, "column");
      if (letters != NULL)
        cw_json_string (json, letters);
      else
        cw_json_null (json);
      cw_json_key (json, "field");
      if (problem->field_label != NULL)
        cw_json_string (json, problem->field_label);
      else
        cw_json_null (json);
      cw_json_member_string (json, "severity", problem->severity == CW_IMPORT_PROBLEM_ERROR
                                                 ? "error" : "warning");
      cw_json_member_string (json, "message", problem->message);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

/* A combined chronology's returns, one per agency. */
static void
agencies_json (CwJson             *json,
               CwChronologyImport *import)
{
  GPtrArray *agencies = cw_chronology_import_get_agencies (import);

  if (agencies == NULL)
    return;
  cw_json_key (json, "agencies");
  cw_json_begin_array (json);
  for (guint i = 0; i < agencies->len; i++)
    {
      const CwImportAgency *agency = agencies->pdata[i];

      if (agency->name == NULL && agency->n_rows == 0)
        continue;
      cw_json_begin_object (json);
      cw_json_key (json, "name");
      if (agency->name != NULL)
        cw_json_string (json, agency->name);
      else
        cw_json_null (json);
      cw_json_key (json, "added_to_register");
      cw_json_bool (json, agency->added);
      cw_json_member_int (json, "rows", agency->n_rows);
      cw_json_member_int (json, "added", agency->result.added);
      cw_json_member_int (json, "updated", agency->result.updated);
      cw_json_member_int (json, "unchanged", agency->result.unchanged);
      cw_json_member_int (json, "removed", agency->result.removed);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

static void
agencies_text (CwChronologyImport *import,
               CwStore            *store,
               gboolean            dry_run)
{
  GPtrArray *agencies = cw_chronology_import_get_agencies (import);

  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    {
      const CwImportAgency *agency = agencies->pdata[i];
      g_autoptr (CwRecord) record = agency->agency_id != 0
        ? cw_store_get (store, &cw_entity_agency, agency->agency_id, NULL) : NULL;
      const char *registered = record != NULL ? cw_record_get (record, "name") : NULL;
      g_autofree char *name = NULL;

      /* The register's name, and the file's when it names the agency otherwise. */
      if (registered != NULL && agency->name != NULL
          && g_utf8_collate (registered, agency->name) != 0)
        name = g_strdup_printf ("%s (“%s”)", registered, agency->name);
      else
        name = g_strdup (registered ?: agency->name ?: _("(no agency named)"));

      cw_cli_print (_("  %s%s: %u added, %u updated, %u unchanged, %u removed\n"), name,
                    !agency->added ? "" : dry_run ? _(" (would be added to the register)")
                                                  : _(" (added to the register)"),
                    agency->result.added, agency->result.updated, agency->result.unchanged,
                    agency->result.removed);
    }
}

static void
print_import_json (CwChronologyImport   *import,
                   const CwImportResult *result,
                   gboolean              dry_run,
                   gboolean              imported)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_object (json);
  cw_json_member_string (json, "file", cw_chronology_import_get_file_name (import));
  cw_json_member_string (json, "format", cw_chronology_import_get_format (import));
  cw_json_key (json, "encoding");
  if (cw_chronology_import_get_encoding (import) != NULL)
    cw_json_string (json, cw_chronology_import_get_encoding (import));
  else
    cw_json_null (json);
  cw_json_key (json, "dry_run");
  cw_json_bool (json, dry_run);
  cw_json_key (json, "imported");
  cw_json_bool (json, imported);
  cw_json_member_int (json, "rows", cw_chronology_import_get_n_records (import));
  cw_json_member_int (json, "added", result->added);
  cw_json_member_int (json, "updated", result->updated);
  cw_json_member_int (json, "unchanged", result->unchanged);
  cw_json_member_int (json, "removed", result->removed);
  cw_json_member_int (json, "rejected", cw_chronology_import_get_n_rejected (import));
  cw_json_member_int (json, "skipped", cw_chronology_import_get_n_skipped (import));
  problems_json (json, cw_chronology_import_get_problems (import));
  agencies_json (json, import);
  cw_json_end_object (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static void
print_import_text (CwChronologyImport   *import,
                   CwStore              *store,
                   const CwImportResult *result,
                   gboolean              dry_run,
                   gboolean              imported)
{
  GPtrArray *problems = cw_chronology_import_get_problems (import);
  const char *encoding = cw_chronology_import_get_encoding (import);
  g_autofree char *how = encoding != NULL
    ? g_strdup_printf ("%s, %s", cw_chronology_import_get_format (import), encoding)
    : g_strdup (cw_chronology_import_get_format (import));
  g_autofree char *read_as = NULL;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = cw_import_problem_format (
        problems->pdata[i], cw_chronology_import_get_file_name (import));
      cw_cli_print ("%s\n", line);
    }
  if (!imported)
    return;
  /* Translators: a file name, then how it was read: "CSV, UTF-8" or "XLSX" */
  read_as = g_strdup_printf (_("%s (%s)"), cw_chronology_import_get_file_name (import), how);
  cw_cli_print (dry_run ? _("%s (dry run, nothing written): %u entries would be added, %u "
                            "updated, %u unchanged, %u removed; rows rejected: %u\n")
                        : _("%s: %u entries added, %u updated, %u unchanged, %u removed; rows "
                            "rejected: %u\n"),
                read_as, result->added, result->updated,
                result->unchanged, result->removed, cw_chronology_import_get_n_rejected (import));
  agencies_text (import, store, dry_run);
}

typedef struct
{
  char       *agency;
  char       *sheet_text;
  int         sheet; /* from 1; 0 for the first */
  char       *date_order;
  CwDateOrder order;
  gboolean    dry_run;
  gboolean    json;
  gboolean    from_column;
  gboolean    add_agencies;
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_free (options->agency);
  g_free (options->sheet_text);
  g_free (options->date_order);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

static gboolean
prepare_import (CwChronologyImport  *import,
                CwStore             *store,
                gint64               agency_id,
                const ImportOptions *options,
                GError             **error)
{
  g_autofree char *saved = cw_chronology_get_saved_mapping (store, agency_id);

  if (options->sheet > 0 && !cw_chronology_import_set_sheet (import, (guint) options->sheet - 1,
                                                             error))
    return FALSE;
  cw_chronology_import_use_saved_mapping (import, saved);
  if (options->date_order != NULL)
    cw_chronology_import_set_date_order (import, options->order);
  else if (cw_chronology_import_dates_look_month_first (import))
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_DATE_ORDER,
                   _("%s: the dates make sense only month first (as 04/13/2021); run again with "
                     "--date-order mdy to read them so, or --date-order dmy to read them day "
                     "first and reject the rest"),
                   cw_chronology_import_get_file_name (import));
      return FALSE;
    }
  /* The rows are checked as they are written, in a second thread. */
  return TRUE;
}

gboolean
cw_cli_chronology_import (CwCli               *cli,
                          const CwCliCommand  *command,
                          GStrv               *args,
                          GError             **error)
{
  g_auto (ImportOptions) options = { NULL, NULL, 0, NULL, CW_DATE_ORDER_DMY, FALSE, FALSE,
                                     FALSE, FALSE };
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwChronologyImport) import = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) run_error = NULL;
  CwImportResult result = { 0 };
  gint64 agency_id = 0;
  gboolean imported;
  CwImportFlags flags;
  const GOptionEntry entries[] = {
    { "agency", 0, 0, G_OPTION_ARG_STRING, &options.agency,
      N_("The agency that sent it (with --agency-from-column: of rows naming none)"),
      N_("NAME") },
    { "agency-from-column", 0, 0, G_OPTION_ARG_NONE, &options.from_column,
      N_("A combined chronology: each row is the agency’s its Agency column names, one "
         "return per agency"), NULL },
    { "add-agencies", 0, 0, G_OPTION_ARG_NONE, &options.add_agencies,
      N_("With --agency-from-column: add the agencies the register lacks, rather than refuse "
         "them"), NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &options.sheet_text,
      N_("The workbook’s sheet to read, from 1 (default: the first)"), "N" },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &options.date_order,
      N_("How to read numeric dates: dmy (UK, the default), mdy or ymd"), N_("ORDER") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Check and count, but write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (options.agency == NULL && !options.from_column)
    return cw_cli_usage_error (error, _("--agency is missing: say which agency sent the return, "
                                        "or give --agency-from-column for a combined "
                                        "chronology"));
  if (options.add_agencies && !options.from_column)
    return cw_cli_usage_error (error, _("--add-agencies goes with --agency-from-column"));
  /* Values before anything is opened or read. */
  if (!cw_cli_parse_int ("--sheet", options.sheet_text, 1, CW_WORKBOOK_MAX_SHEETS, &options.sheet,
                         error)
      || (options.date_order != NULL
          && !parse_date_order (options.date_order, &options.order, error)))
    return FALSE;
  if ((review = cw_cli_find_review (cli, !options.dry_run, (*args)[1], error)) == NULL
      || (options.agency != NULL
          && (agency_id = cw_chronology_find_agency (cli->store, options.agency, error)) == 0))
    return FALSE;
  file = g_file_new_for_commandline_arg ((*args)[2]);
  if ((import = cw_chronology_import_new_from_file (file, NULL, error)) == NULL
      || !prepare_import (import, cli->store, agency_id, &options, error))
    return FALSE;
  flags = CW_IMPORT_VALID_ROWS | (options.dry_run ? CW_IMPORT_DRY_RUN : 0)
          | (options.from_column ? CW_IMPORT_AGENCY_FROM_COLUMN : 0)
          | (options.add_agencies ? CW_IMPORT_ADD_AGENCIES : 0);
  imported = cw_chronology_import_run (import, cli->store, cw_record_get_id (review), agency_id,
                                       flags, NULL, NULL, NULL, &result, &run_error);
  if (g_error_matches (run_error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_UNKNOWN_AGENCIES))
    {
      g_autofree char *message = g_strdup_printf (
        _("%s. To add them as they are named, run again with --add-agencies; to add one "
          "with a short name: casewise-cli agency add NAME --short-name ABBREVIATION"),
        run_error->message);

      g_free (run_error->message);
      run_error->message = g_steal_pointer (&message);
    }
  else if (g_error_matches (run_error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_AGENCY))
    {
      g_autofree char *message = g_strdup_printf (_("%s (--agency NAME)"), run_error->message);

      g_free (run_error->message);
      run_error->message = g_steal_pointer (&message);
    }
  if (options.json)
    print_import_json (import, &result, options.dry_run, imported);
  else
    print_import_text (import, cli->store, &result, options.dry_run, imported);
  if (!imported)
    g_propagate_error (error, g_steal_pointer (&run_error));
  return imported;
}

/* Reading the merged chronology */

static gboolean
parse_day (const char  *option,
           const char  *text,
           char       **out,
           GError     **error)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  if (!cw_date_parse (text, &date))
    {
      g_autofree char *why = cw_date_explain_invalid (text);
      return cw_cli_value_error (error, "%s: %s", option, why);
    }
  *out = cw_date_format_iso (&date);
  return TRUE;
}

/* @anonymised: every text through the review's redactor */
static CwChronologyModel *
open_chronology (CwCli                    *cli,
                 const char               *reference,
                 const CwChronologyFilter *filter,
                 gboolean                  anonymised,
                 GError                  **error)
{
  g_autoptr (CwRecord) review = cw_cli_find_review (cli, FALSE, reference, error);
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (CwRedactor) redactor = NULL;

  if (review == NULL)
    return NULL;
  model = cw_chronology_model_new (cli->store, cw_record_get_id (review));
  if (anonymised)
    {
      redactor = cw_redactor_new_for_review (cli->store, cw_record_get_id (review), error);
      if (redactor == NULL)
        return NULL;
      cw_chronology_model_set_redactor (model, redactor);
    }
  if (!cw_chronology_model_refresh (model, filter, error))
    return NULL;
  return g_steal_pointer (&model);
}

static gboolean
write_export (CwChronologyModel *model,
              gboolean           json,
              const char        *output,
              GError           **error)
{
  g_autoptr (GOutputStream) out = NULL;
  gboolean ok;

  if (output != NULL && !g_str_equal (output, "-"))
    return cw_chronology_export_to_file (model, output, json, NULL, error);
  out = g_memory_output_stream_new_resizable ();
  ok = json ? cw_chronology_export_json (model, out, NULL, error)
            : cw_chronology_export_csv (model, out, NULL, error);
  if (!ok || !g_output_stream_close (out, NULL, error))
    return FALSE;
  return cw_cli_write_bytes (
    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), error);
}

gboolean
cw_cli_chronology_export (CwCli               *cli,
                          const CwCliCommand  *command,
                          GStrv               *args,
                          GError             **error)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  gboolean anonymised = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (the default) or json"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: standard output)"), N_("FILE") },
    { "anonymised", 0, 0, G_OPTION_ARG_NONE, &anonymised, CW_CLI_ANONYMISED_HELP, NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return cw_cli_value_error (error, _("--format must be csv or json, not “%s”"), format);
  if ((model = open_chronology (cli, (*args)[1], NULL, anonymised, error)) == NULL)
    return FALSE;
  return write_export (model, format != NULL && g_str_equal (format, "json"), output, error);
}

static char *
first_line (const char *text,
            glong       max_chars)
{
  g_autofree char *line = g_strndup (text ? text : "", strcspn (text ? text : "", "\r\n"));

  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);
  return g_strconcat (g_utf8_substring (line, 0, max_chars - 1), "…", NULL);
}

static char **
entry_row (CwChronologyItem *item)
{
  char **row = g_new0 (char *, 6);
  CwChronoSignificance significance = cw_chronology_item_get_significance (item);
  g_autofree char *date = cw_chronology_item_dup_date_text (item);

  row[0] = cw_chronology_item_has_conflict (item)
             ? g_strdup_printf ("%s ≠", date)
             : g_strdup_printf ("%s%s", date, cw_chronology_item_is_linked (item) ? " =" : "");
  row[1] = first_line (cw_chronology_item_get_agency (item), 28);
  row[2] = first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE), 16);
  row[3] = g_strdup (significance == CW_CHRONO_SIGNIFICANCE_ROUTINE ? "" :
                     cw_chrono_significance_id (significance));
  row[4] = first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION), 60);
  return row;
}

static char **
gap_row (CwChronologyItem *item)
{
  char **row = g_new0 (char *, 6);

  row[0] = cw_chronology_item_dup_date_text (item);
  row[1] = g_strdup_printf (_("— no agency contact for %u days —"),
                            cw_chronology_item_get_gap_days (item));
  for (guint i = 2; i < 5; i++)
    row[i] = g_strdup ("");
  return row;
}

static void
print_list (CwChronologyModel        *model,
            const CwChronologyFilter *filter)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  if (cw_chronology_model_get_n_entries (model) == 0)
    {
      cw_cli_print ("%s\n", cw_chronology_filter_is_empty (filter)
                              ? _("No entries; `casewise-cli chronology import` adds an agency’s "
                                  "return.")
                              : _("No entries match."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("DATE|AGENCY|SOURCE|SIGNIFICANCE|DESCRIPTION"), "|", 5));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_ptr_array_add (rows, cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP
                               ? gap_row (item) : entry_row (item));
    }
  cw_cli_print_table (rows, 5);
  cw_cli_print (_("%u entries, %u gaps in contact (= same happening, ≠ dates differ)\n"),
                cw_chronology_model_get_n_entries (model), cw_chronology_model_get_n_gaps (model));
}

gboolean
cw_cli_chronology_list (CwCli               *cli,
                        const CwCliCommand  *command,
                        GStrv               *args,
                        GError             **error)
{
  g_auto (CwChronologyFilter) filter = { 0 };
  g_autofree char *agency = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  gboolean json = FALSE, anonymised = FALSE;
  const GOptionEntry entries[] = {
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Only this agency’s entries"),
      N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only entries from this day on"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only entries up to this day"), N_("DATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &filter.text,
      N_("Only entries with all these words"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "anonymised", 0, 0, G_OPTION_ARG_NONE, &anonymised, CW_CLI_ANONYMISED_HELP, NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || !parse_day ("--from", from, &filter.from, error)
      || !parse_day ("--to", to, &filter.to, error))
    return FALSE;
  if (agency != NULL)
    {
      gint64 id;

      if (cw_cli_open_store (cli, FALSE, error) == NULL
          || (id = cw_chronology_find_agency (cli->store, agency, error)) == 0)
        return FALSE;
      filter.agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (filter.agency_ids, id);
    }
  if ((model = open_chronology (cli, (*args)[1], &filter, anonymised, error)) == NULL)
    return FALSE;
  if (json)
    return write_export (model, TRUE, NULL, error);
  print_list (model, &filter);
  return TRUE;
}

/* The shared register of agencies */

gboolean
cw_cli_agency_add (CwCli               *cli,
                   const CwCliCommand  *command,
                   GStrv               *args,
                   GError             **error)
{
  g_autofree char *sector = NULL;
  g_autofree char *short_name = NULL;
  const GOptionEntry entries[] = {
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name,
      N_("A few letters that tell it from the others where its name does not fit"),
      N_("ABBREVIATION") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector,
      N_("social-care, police, health, education, probation, housing, voluntary or other"),
      N_("SECTOR") },
    { NULL },
  };
  const char *pairs[] = { "name", NULL, "sector", NULL, "short_name", NULL, NULL };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || cw_cli_open_store (cli, TRUE, error) == NULL)
    return FALSE;
  pairs[1] = (*args)[1];
  pairs[3] = sector;
  pairs[5] = short_name;
  if (cw_store_insert (cli->store, &cw_entity_agency, 0, pairs, error) == 0)
    return FALSE;
  cw_cli_print ("%s\n", (*args)[1]);
  return TRUE;
}

gboolean
cw_cli_agency_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (GListModel) agencies = NULL;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || cw_cli_open_store (cli, FALSE, error) == NULL
      || (agencies = cw_store_list (cli->store, &cw_entity_agency, 0, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) agency = g_list_model_get_item (agencies, i);
      const char *short_name = cw_record_get (agency, "short_name");

      if (short_name != NULL)
        cw_cli_print ("%s (%s)\n", cw_record_get (agency, "name"), short_name);
      else
        cw_cli_print ("%s\n", cw_record_get (agency, "name"));
    }
  return TRUE;
}

gboolean
cw_cli_agency_set (CwCli               *cli,
                   const CwCliCommand  *command,
                   GStrv               *args,
                   GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *sector = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Its new name"), N_("NAME") },
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name,
      N_("A few letters that tell it from the others where its name does not fit (\"\" clears "
         "it)"), N_("ABBREVIATION") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector,
      N_("social-care, police, health, education, probation, housing, voluntary or other"),
      N_("SECTOR") },
    { NULL },
  };
  g_autoptr (CwTransaction) tx = NULL;
  gint64 id;

  if (!cw_cli_parse (cli, command, entries, args, error)
      || cw_cli_open_store (cli, TRUE, error) == NULL
      || (id = cw_chronology_find_agency (cli->store, (*args)[1], error)) == 0
      || (tx = cw_transaction_begin (cli->store, error)) == NULL)
    return FALSE;
  if ((name != NULL && !cw_store_update (cli->store, &cw_entity_agency, id, "name", name, error))
      || (short_name != NULL
          && !cw_store_update (cli->store, &cw_entity_agency, id, "short_name",
                               *short_name != '\0' ? short_name : NULL, error))
      || (sector != NULL
          && !cw_store_update (cli->store, &cw_entity_agency, id, "sector", sector, error))
      || !cw_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

/* Returns */

static GPtrArray *
list_returns (CwStore *store,
              gint64   review_id,
              GError **error)
{
  g_autoptr (GListModel) returns = cw_store_list (store, &cw_entity_agency_return, review_id,
                                                  error);
  GPtrArray *out;

  if (returns == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (returns); i++)
    g_ptr_array_add (out, g_list_model_get_item (returns, i));
  return out;
}

static gboolean
is_overdue (CwRecord   *agency_return,
            GPtrArray  *overdue)
{
  for (guint i = 0; i < overdue->len; i++)
    if (cw_record_get_id (overdue->pdata[i]) == cw_record_get_id (agency_return))
      return TRUE;
  return FALSE;
}

static void
returns_json (GPtrArray *returns,
              GPtrArray *overdue)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;
  static const char *const keys[] = { "status", "requested_on", "due_on", "received_on" };

  cw_json_begin_array (json);
  for (guint i = 0; i < returns->len; i++)
    {
      CwRecord *record = returns->pdata[i];
      g_autofree char *agency = cw_record_dup_display (record, "agency_id");

      cw_json_begin_object (json);
      cw_json_member_string (json, "agency", agency);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          cw_json_key (json, keys[k]);
          if (cw_record_get (record, keys[k]) != NULL)
            cw_json_string (json, cw_record_get (record, keys[k]));
          else
            cw_json_null (json);
        }
      cw_json_key (json, "overdue");
      cw_json_bool (json, is_overdue (record, overdue));
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static void
returns_table (GPtrArray *returns,
               GPtrArray *overdue)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (returns->len == 0)
    {
      cw_cli_print ("%s\n", _("No returns requested or imported yet."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("AGENCY|STATUS|REQUESTED|DUE|RECEIVED"), "|", 5));
  for (guint i = 0; i < returns->len; i++)
    {
      CwRecord *record = returns->pdata[i];
      char **row = g_new0 (char *, 6);
      g_autofree char *status = cw_record_dup_display (record, "status");

      row[0] = cw_record_dup_display (record, "agency_id");
      row[1] = is_overdue (record, overdue) ? g_strdup_printf (_("%s, ⚠ overdue"), status)
                                            : g_strdup (status);
      row[2] = cw_record_dup_display (record, "requested_on");
      row[3] = cw_record_dup_display (record, "due_on");
      row[4] = cw_record_dup_display (record, "received_on");
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 5);
}

gboolean
cw_cli_chronology_returns (CwCli               *cli,
                           const CwCliCommand  *command,
                           GStrv               *args,
                           GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) returns = NULL;
  g_autoptr (GPtrArray) overdue = NULL;
  gboolean json = FALSE;
  GDate today;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL)
    return FALSE;
  cw_clock_today (&today);
  if ((returns = list_returns (cli->store, cw_record_get_id (review), error)) == NULL
      || (overdue = cw_chronology_list_overdue_returns (cli->store, cw_record_get_id (review),
                                                        &today, error)) == NULL)
    return FALSE;
  if (json)
    returns_json (returns, overdue);
  else
    returns_table (returns, overdue);
  return TRUE;
}
