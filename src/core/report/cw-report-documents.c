/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis.h"
#include "cw-report-chronology.h"
#include "cw-report-documents.h"
#include "cw-report-sections.h"
#include "cw-report-template.h"

/* The documents, in the order to offer them. Each has its template in
 * data/reports/ID.report (cw-report-template.c), which a partnership may
 * override; the merged chronology's table is made by its own code
 * (cw-report-chronology.c), every other document by its template's
 * sections (cw-report-sections.c). A new document is one more template
 * and one more name here. */
static const char *const document_ids[] = {
  "chronology", "practice-review", "learning-summary", "referral", "event-pack",
  "accuracy-check", "findings-report", "action-plan", "response", "annual-report",
};

#define CHRONOLOGY "chronology"

struct _CwReportSnapshot
{
  CwReportOptions     options;
  CwReportChronology *chronology; /* the merged chronology, or */
  CwReportSections   *sections;   /* a document of sections */
};

static CwReportKind kinds[G_N_ELEMENTS (document_ids)];

/* The kinds as the built-in templates describe them, read once. */
static gpointer
read_kinds (gpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_ids); i++)
    {
      g_autoptr (GError) error = NULL;
      CwReportTemplate *template;

      kinds[i].id = document_ids[i];
      template = cw_report_template_load_builtin (document_ids[i], &error);
      if (template == NULL)
        g_error ("The built-in template %s is wrong: %s", document_ids[i], error->message);
      /* Kept for the life of the process, as the names of the kinds. */
      kinds[i].title = g_steal_pointer (&template->title);
      kinds[i].summary = g_steal_pointer (&template->summary);
      kinds[i].internal = template->internal;
      cw_report_template_free (template);
    }
  return NULL;
}

/**
 * cw_report_kinds:
 * @n_kinds: (out): how many
 *
 * Returns: (array length=n_kinds): the documents, in the order to offer them
 */
const CwReportKind *
cw_report_kinds (guint *n_kinds)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, read_kinds, NULL);
  *n_kinds = G_N_ELEMENTS (document_ids);
  return kinds;
}

/**
 * cw_report_kind_find:
 *
 * Returns: (nullable): the document called @id, or %NULL with an error
 *   naming those there are
 */
const CwReportKind *
cw_report_kind_find (const char  *id,
                     GError     **error)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint n;
  const CwReportKind *all = cw_report_kinds (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (all[i].id, id) == 0)
        return &all[i];
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", all[i].id);
    }
  g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT,
               _("There is no document “%s”; the documents are: %s"), id ? id : "",
               names->str);
  return NULL;
}

/* The merged chronology, with the analysis's key practice episodes as its
 * sections. */
static CwReportChronology *
read_chronology (CwStore               *store,
                 gint64                 review_id,
                 const CwReportOptions *options,
                 GError               **error)
{
  g_autoptr (CwReportChronology) chronology = NULL;
  g_autoptr (GPtrArray) episodes = NULL;

  if ((chronology = cw_report_chronology_read (store, review_id, options->anonymised,
                                               error)) == NULL
      || (episodes = cw_analysis_list_episodes (store, review_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *episode = episodes->pdata[i];

      if (episode->first_day != NULL && episode->last_day != NULL)
        cw_report_chronology_add_episode (chronology, episode->title, episode->first_day,
                                          episode->last_day);
    }
  return g_steal_pointer (&chronology);
}

/**
 * cw_report_snapshot_read:
 * @id: the document, as cw_report_kinds() names it
 *
 * Reads the document's template (the partnership's own, when it has one)
 * and what the document needs of the review, on the store's thread.
 *
 * Returns: (transfer full) (nullable): the data, for
 *   cw_report_snapshot_build() on any thread
 */
CwReportSnapshot *
cw_report_snapshot_read (CwStore               *store,
                         gint64                 review_id,
                         const char            *id,
                         const CwReportOptions *options,
                         GError               **error)
{
  g_autoptr (CwReportTemplate) template = NULL;
  CwReportSnapshot *self;

  g_return_val_if_fail (CW_IS_STORE (store) && options != NULL, NULL);

  if (cw_report_kind_find (id, error) == NULL
      || (template = cw_report_template_load (id, error)) == NULL
      || (strcmp (id, CHRONOLOGY) != 0 && !cw_report_sections_check (template, error)))
    return NULL;
  self = g_new0 (CwReportSnapshot, 1);
  self->options = *options;
  if (strcmp (id, CHRONOLOGY) == 0)
    self->chronology = read_chronology (store, review_id, options, error);
  else
    self->sections = cw_report_sections_read (store, review_id, g_steal_pointer (&template),
                                              options->anonymised, error);
  if (self->chronology == NULL && self->sections == NULL)
    {
      g_free (self);
      return NULL;
    }
  return self;
}

/* Returns: (transfer full): the document, from the snapshot alone */
CwReportDocument *
cw_report_snapshot_build (CwReportSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->chronology != NULL)
    return cw_report_chronology_build (self->chronology, self->options.status);
  return cw_report_sections_build (self->sections, self->options.status);
}

void
cw_report_snapshot_free (CwReportSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->chronology, cw_report_chronology_free);
  g_clear_pointer (&self->sections, cw_report_sections_free);
  g_free (self);
}

/**
 * cw_report_render_file:
 * @path: the PDF to write (see cw_report_document_write_file())
 * @n_pages: (out) (optional): how many pages it has
 *
 * Reads, builds and writes a document, all on this thread.
 */
gboolean
cw_report_render_file (CwStore               *store,
                       gint64                 review_id,
                       const char            *id,
                       const CwReportOptions *options,
                       const char            *path,
                       guint                 *n_pages,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr (CwReportSnapshot) snapshot = NULL;
  g_autoptr (CwReportDocument) document = NULL;

  if ((snapshot = cw_report_snapshot_read (store, review_id, id, options, error)) == NULL)
    return FALSE;
  document = cw_report_snapshot_build (snapshot);
  return cw_report_document_write_file (document, store, path, n_pages, cancellable, error);
}
