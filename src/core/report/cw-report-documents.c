/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-report-chronology.h"
#include "cw-report-documents.h"

/* Each document: its name, what it is, and how its data is read and its
 * document built. A new document is one more entry. */

typedef gpointer          (*ReadFunc)  (CwStore               *store,
                                        gint64                 review_id,
                                        const CwReportOptions *options,
                                        GError               **error);
typedef CwReportDocument *(*BuildFunc) (gpointer               data,
                                        const CwReportOptions *options);

typedef struct
{
  CwReportKind   kind;
  ReadFunc       read;
  BuildFunc      build;
  GDestroyNotify free;
} Document;

struct _CwReportSnapshot
{
  const Document *document;
  CwReportOptions options;
  gpointer        data;
};

static gpointer
read_chronology (CwStore               *store,
                 gint64                 review_id,
                 const CwReportOptions *options,
                 GError               **error)
{
  return cw_report_chronology_read (store, review_id, options->anonymised, error);
}

static CwReportDocument *
build_chronology (gpointer               data,
                  const CwReportOptions *options)
{
  return cw_report_chronology_build (data, options->status);
}

static const Document documents[] = {
  { { "chronology", N_("Merged multi-agency chronology"),
      N_("Every agency’s entries in date order, with gaps in contact and linked reports; "
         "full or anonymised"), TRUE },
    read_chronology, build_chronology, (GDestroyNotify) cw_report_chronology_free },
};

/**
 * cw_report_kinds:
 * @n_kinds: (out): how many
 *
 * Returns: (array length=n_kinds): the documents, in the order to offer them
 */
const CwReportKind *
cw_report_kinds (guint *n_kinds)
{
  static CwReportKind kinds[G_N_ELEMENTS (documents)];

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    kinds[i] = documents[i].kind;
  *n_kinds = G_N_ELEMENTS (documents);
  return kinds;
}

static const Document *
find (const char  *id,
      GError     **error)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      if (g_strcmp0 (documents[i].kind.id, id) == 0)
        return &documents[i];
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", documents[i].kind.id);
    }
  g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_DOCUMENT,
               _("There is no document “%s”; the documents are: %s"), id ? id : "",
               names->str);
  return NULL;
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
  const Document *document = find (id, error);

  return document ? &document->kind : NULL;
}

/**
 * cw_report_snapshot_read:
 * @id: the document, as cw_report_kinds() names it
 *
 * Reads what the document needs of the review, on the store's thread.
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
  const Document *document;
  CwReportSnapshot *self;
  gpointer data;

  g_return_val_if_fail (CW_IS_STORE (store) && options != NULL, NULL);

  if ((document = find (id, error)) == NULL
      || (data = document->read (store, review_id, options, error)) == NULL)
    return NULL;
  self = g_new0 (CwReportSnapshot, 1);
  self->document = document;
  self->options = *options;
  self->data = data;
  return self;
}

/* Returns: (transfer full): the document, from the snapshot alone */
CwReportDocument *
cw_report_snapshot_build (CwReportSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document->build (self->data, &self->options);
}

void
cw_report_snapshot_free (CwReportSnapshot *self)
{
  if (self == NULL)
    return;
  self->document->free (self->data);
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
