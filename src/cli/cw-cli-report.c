/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-report-documents.h"

/* `report list` and `report render`: the review's documents as PDF, made
 * by the same code as the app's. */

gboolean
cw_cli_report_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (CwRecord) review = NULL;
  const CwReportKind *kinds;
  guint n;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || (review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL)
    return FALSE;
  kinds = cw_report_kinds (&n);
  g_ptr_array_add (rows, g_strsplit (_("DOCUMENT|FOR|WHAT IT IS"), "|", 3));
  for (guint i = 0; i < n; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (kinds[i].id);
      row[1] = g_strdup (kinds[i].internal ? _("internal") : _("publication"));
      row[2] = g_strdup_printf ("%s: %s", _(kinds[i].title), _(kinds[i].summary));
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 3);
  return TRUE;
}

gboolean
cw_cli_report_render (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GError) local_error = NULL;
  CwReportOptions options = { FALSE, CW_REPORT_DRAFT };
  gboolean final = FALSE;
  guint n_pages = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE.pdf") },
    { "anonymised", 0, 0, G_OPTION_ARG_NONE, &options.anonymised,
      N_("Pseudonyms from the people register wherever a real name would appear"), NULL },
    { "final", 0, 0, G_OPTION_ARG_NONE, &final, N_("Mark it FINAL rather than DRAFT"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (output == NULL)
    return cw_cli_usage_error (error, _("-o FILE.pdf is missing: say where to write the report"));
  if (cw_report_kind_find ((*args)[2], &local_error) == NULL)
    return cw_cli_usage_error (error, "%s", local_error->message);
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    return cw_cli_value_error (error, _("“%s”: a report is written as a PDF; name it .pdf"),
                               output);
  if ((review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL)
    return FALSE;
  options.status = final ? CW_REPORT_FINAL : CW_REPORT_DRAFT;
  if (!cw_report_render_file (cli->store, cw_record_get_id (review), (*args)[2], &options, output,
                              &n_pages, NULL, error))
    return FALSE;
  cw_cli_print (g_dngettext (NULL, "%s: %u page\n", "%s: %u pages\n", n_pages), output, n_pages);
  return TRUE;
}
