/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-chronology.h"
#include "cw-cli.h"
#include "cw-page-size.h"
#include "cw-privacy.h"
#include "cw-timeline.h"

/* `timeline render`: the review's timeline as a picture, drawn by the same
 * code as the app's. */

static gboolean
parse_day (const char  *option,
           const char  *text,
           double      *out,
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
  *out = cw_timeline_day_of_date (&date);
  return TRUE;
}


static void
size_view (CwTimelineFrame *view,
           CwTimeline     *timeline,
           const char     *output,
           int             width)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);
  guint lanes = 0;
  GPtrArray *all = cw_timeline_get_lanes (timeline);

  for (guint i = 0; i < all->len; i++)
    lanes += ((CwTimelineLane *) all->pdata[i])->visible;
  if (g_str_has_suffix (lower, ".pdf"))
    {
      const CwPageSize *page = cw_page_size_lookup (CW_PAGE_SIZE_PDF);

      /* A wider page keeps the proportions of A4 landscape. */
      view->width = width > 0 ? width : page->width;
      view->height = view->width * page->height / page->width;
      return;
    }
  /* A picture is as tall as its lanes need. */
  view->width = width > 0 ? width : cw_page_size_lookup (CW_PAGE_SIZE_PICTURE)->width;
  view->height = CW_TIMELINE_AXIS + 28 + MAX (lanes, 1) * 60.0 + 16;
}

gboolean
cw_cli_timeline_render (CwCli               *cli,
                        const CwCliCommand  *command,
                        GStrv               *args,
                        GError             **error)
{
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autofree char *width_text = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  CwTimeline *timeline = NULL;
  CwTimelineFrame view = { { 0, 1 }, 0, 0, 0, 0, 0, FALSE, NULL, NULL };
  double first = 0, last = 0;
  int width = 0;
  gboolean anonymised = FALSE, ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day shown"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day shown"), N_("DATE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text,
      N_("Width in pixels (in points for PDF: A4 landscape, 842, by default)"), N_("PX") },
    { "anonymised", 0, 0, G_OPTION_ARG_NONE, &anonymised, CW_CLI_ANONYMISED_HELP, NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (output == NULL)
    return cw_cli_usage_error (error, _("-o FILE is missing: say where to write the timeline"));
  if (!cw_cli_parse_int ("--width", width_text, 400, 20000, &width, error))
    return FALSE;
  if (!parse_day ("--from", from, &first, error) || !parse_day ("--to", to, &last, error))
    return FALSE;
  if (from != NULL && to != NULL && last < first)
    return cw_cli_value_error (error, _("--to (%s) is before --from (%s)"), to, from);
  if ((review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL
      || (anonymised && (redactor = cw_redactor_new_for_review (
                           cli->store, cw_record_get_id (review), error)) == NULL))
    return FALSE;
  view.redactor = redactor;
  model = cw_chronology_model_new (cli->store, cw_record_get_id (review));
  timeline = cw_timeline_new (cli->store, cw_record_get_id (review));
  ok = cw_chronology_model_refresh (model, NULL, error) && cw_timeline_load (timeline, model, error);
  if (ok)
    {
      double extent_first = first, extent_last = last;

      if (!cw_timeline_get_extent (timeline, &extent_first, &extent_last) && (!from || !to))
        {
          g_set_error (error, CW_TIMELINE_ERROR, CW_TIMELINE_ERROR_EMPTY,
                       _("%s has no chronology entries or periods to draw; give --from and "
                         "--to to draw an empty timeline"), cw_record_get (review, "reference"));
          cw_timeline_free (timeline);
          return FALSE;
        }
      title = cw_timeline_title (review, anonymised);
      view.title = title;
      size_view (&view, timeline, output, width);
      /* A legend at the foot: a picture grows to hold it, a page makes room */
      view.legend = cw_timeline_legend_height (timeline, &view);
      if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
        view.height += view.legend;
      cw_timeline_scale_fit (&view.scale, from ? first : extent_first, to ? last + 1 : extent_last,
                             view.width - CW_TIMELINE_LANE_LABELS);
      ok = cw_timeline_export (timeline, &view, output, error);
    }
  cw_timeline_free (timeline);
  if (ok)
    cw_cli_print ("%s\n", output);
  return ok;
}
