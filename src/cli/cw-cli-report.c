/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-enum.h"
#include "cw-json.h"
#include "cw-privacy-enums.h"
#include "cw-report-documents.h"
#include "cw-report-generated.h"

/* `report list`, `report render` and `report check`: the review's documents as PDF, made
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

static void
print_hits_json (const char *file,
                 guint       n_pages,
                 GPtrArray  *hits,
                 gint64      recorded)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_object (json);
  cw_json_member_string (json, "file", file);
  cw_json_member_int (json, "pages", n_pages);
  cw_json_key (json, "clean");
  cw_json_bool (json, hits->len == 0);
  cw_json_key (json, "recorded_with");
  if (recorded > 0)
    cw_json_int (json, recorded);
  else
    cw_json_null (json);
  cw_json_key (json, "hits");
  cw_json_begin_array (json);
  for (guint i = 0; i < hits->len; i++)
    {
      const CwReportHit *hit = hits->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "page", hit->page);
      cw_json_member_string (json, "kind", cw_enum_get_nick (CW_TYPE_REDACT_KIND, hit->kind));
      cw_json_member_string (json, "what", hit->what);
      cw_json_member_string (json, "match", hit->match);
      cw_json_member_string (json, "context", hit->context);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  cw_json_end_object (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s\n", text);
}

/* `report check FILE.pdf --review REF`: the publication check of any PDF,
 * recorded with the review's generated document when it is one. */
gboolean
cw_cli_report_check (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean json = FALSE;
  const char *file;
  gsize length = 0;
  gint64 recorded;
  guint n_pages;
  const GOptionEntry entries[] = {
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The review whose people register and internal material to look for"), N_("REF") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (reference == NULL)
    return cw_cli_usage_error (error, _("--review REF is missing: say which review’s people "
                                        "register to check the document against"));
  file = (*args)[1];
  if (!g_file_get_contents (file, &contents, &length, &local_error))
    return cw_cli_value_error (error, _("Could not read “%s”: %s"), file, local_error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if ((review = cw_cli_find_review (cli, FALSE, reference, error)) == NULL
      || (redactor = cw_report_check_redactor_new (cli->store, cw_record_get_id (review),
                                                   error)) == NULL)
    return FALSE;
  if ((hits = cw_report_check_pdf (redactor, bytes, &n_pages, NULL, &local_error)) == NULL)
    return cw_cli_value_error (error, "“%s”: %s", file, local_error->message);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  recorded = cw_report_generated_find (cli->store, cw_record_get_id (review), checksum);
  if (recorded > 0
      && !cw_report_generated_record_check (cli->store, recorded, hits, error))
    return FALSE;
  if (json)
    print_hits_json (file, n_pages, hits, recorded);
  else
    {
      for (guint i = 0; i < hits->len; i++)
        {
          const CwReportHit *hit = hits->pdata[i];

          /* Translators: page, what it is, the text found, the words around it */
          cw_cli_print (_("page %u: %s: “%s” in “%s”\n"), hit->page, hit->what, hit->match,
                        hit->context);
        }
      if (recorded > 0)
        cw_cli_print (_("Recorded with the review’s generated document %" G_GINT64_FORMAT "\n"),
                      recorded);
    }
  if (hits->len > 0)
    return cw_cli_value_error (error,
                               g_dngettext (NULL,
                                            "“%s”: %u thing that identifies someone or is "
                                            "internal was found; it must not be published",
                                            "“%s”: %u things that identify someone or are "
                                            "internal were found; it must not be published",
                                            hits->len), file, hits->len);
  if (!json)
    cw_cli_print (g_dngettext (NULL, "%s: %u page, nothing found that identifies anyone\n",
                               "%s: %u pages, nothing found that identifies anyone\n", n_pages),
                  file, n_pages);
  return TRUE;
}
