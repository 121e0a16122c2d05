/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cw-clock.h"
#include "cw-report-generated.h"
#include "cw-store-private.h"

/* The register of generated documents. A document's PDF is kept in the
 * database rather than beside it: the database is the one private file
 * (0600) a user chose, backed up and restored whole, so a generated
 * document can neither be lost nor changed behind Casewise's back, and its
 * checksum proves it. The bytes are no field of the entity: written and
 * read here, never copied into the audit trail. */

static void
progress (CwReportProgressFunc  func,
          gpointer              data,
          double                fraction,
          const char           *text)
{
  if (func != NULL)
    func (fraction, text, data);
}

/**
 * cw_report_generate:
 * @id: the document, as cw_report_kinds() names it
 * @progress: (nullable) (scope call): told of each step
 *
 * Reads, builds and writes a document of the review, then keeps it as
 * the next version of that document, generated now (the project's clock)
 * by the store's actor. Works on any thread with a connection of its own.
 *
 * Returns: the generated document's id, or 0 with @error set (cancelled:
 *   %G_IO_ERROR_CANCELLED, and nothing kept)
 */
gint64
cw_report_generate (CwStore               *store,
                    gint64                 review_id,
                    const char            *id,
                    const CwReportOptions *options,
                    CwReportProgressFunc   progress_func,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr (CwReportSnapshot) snapshot = NULL;
  g_autoptr (CwReportDocument) document = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *now = NULL;
  g_autofree char *version = NULL;
  sqlite3_stmt *stmt;
  guint n_pages = 0;
  gint64 row;

  g_return_val_if_fail (CW_IS_STORE (store) && options != NULL, 0);

  progress (progress_func, progress_data, 0.05, _("Reading the review…"));
  if ((snapshot = cw_report_snapshot_read (store, review_id, id, options, error)) == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  progress (progress_func, progress_data, 0.3, _("Laying out the pages…"));
  document = cw_report_snapshot_build (snapshot);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  progress (progress_func, progress_data, 0.5, _("Writing the PDF…"));
  out = g_memory_output_stream_new_resizable ();
  if (!cw_report_document_write (document, out, &n_pages, cancellable, error)
      || !g_output_stream_close (out, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = cw_clock_timestamp ();
  progress (progress_func, progress_data, 0.95, _("Keeping it with the review…"));
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return 0;
  if ((stmt = cw_store_prepare (store, "SELECT ifnull (max (version), 0) + 1"
                                       " FROM generated_document"
                                       " WHERE review_id = ? AND document = ?", error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cw_store_set_error (store, error, _("Could not number the generated document"));
      sqlite3_reset (stmt);
      return 0;
    }
  version = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if ((stmt = cw_store_prepare (store, "INSERT INTO generated_document (review_id, document,"
                                       " version, generated_at, generated_by, anonymised, status,"
                                       " pages, size, checksum, data)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_ascii_strtoll (version, NULL, 10));
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cw_store_get_actor (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, options->anonymised ? "yes" : "no", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, options->status == CW_REPORT_FINAL ? "final" : "draft", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, n_pages);
  sqlite3_bind_int64 (stmt, 9, (sqlite3_int64) g_bytes_get_size (bytes));
  sqlite3_bind_text (stmt, 10, checksum, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 11, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       SQLITE_STATIC);
  if (!cw_store_step_done (store, stmt, error))
    return 0;
  row = sqlite3_last_insert_rowid (store->db);
  cw_store_note_change (store, "generated_document", row);
  if (!cw_transaction_commit (tx, error))
    return 0;
  progress (progress_func, progress_data, 1.0, _("Done"));
  return row;
}

/**
 * cw_report_generated_read:
 *
 * Returns: (transfer full) (nullable): the generated document's PDF,
 *   checked against the checksum it was kept with
 */
GBytes *
cw_report_generated_read (CwStore  *store,
                          gint64    document_id,
                          GError  **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *actual = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if ((stmt = cw_store_prepare (store, "SELECT checksum, data FROM generated_document"
                                       " WHERE id = ? AND deleted = 0", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The generated document was not found; it may have been deleted"));
      return NULL;
    }
  kept = cw_store_column_text (stmt, 0);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  sqlite3_reset (stmt);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (kept, actual) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT,
                   _("The generated document %" G_GINT64_FORMAT " does not match the checksum "
                     "it was kept with: it has been damaged. Generate it again."), document_id);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/**
 * cw_report_generated_describe:
 * @document: a row of cw_entity_generated_document
 *
 * Returns: (transfer full): its title and version, "Merged multi-agency
 *   chronology, version 2"
 */
char *
cw_report_generated_describe (CwRecord *document)
{
  const CwReportKind *kind = cw_report_kind_find (cw_record_get (document, "document"), NULL);

  /* Translators: a document's title, then its version number */
  return g_strdup_printf (_("%s, version %s"),
                          kind ? _(kind->title) : cw_record_get (document, "document"),
                          cw_record_get (document, "version"));
}

/**
 * cw_report_generated_find:
 * @checksum: a SHA-256, as kept
 *
 * Returns: the review's generated document with these bytes, or 0
 */
gint64
cw_report_generated_find (CwStore    *store,
                          gint64      review_id,
                          const char *checksum)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT id FROM generated_document"
                                                " WHERE review_id = ? AND checksum = ?"
                                                " AND deleted = 0 ORDER BY id DESC", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * cw_report_generated_record_check:
 * @hits: (element-type CwReportHit): what the check found
 *
 * Keeps the result of a publication check with the document, and so in
 * the audit trail: when, how many things were found, of which kinds and
 * on which pages, never the text found. A document with hits is no longer
 * publishable.
 */
gboolean
cw_report_generated_record_check (CwStore    *store,
                                  gint64      document_id,
                                  GPtrArray  *hits,
                                  GError    **error)
{
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *now = cw_clock_timestamp ();
  g_autofree char *summary = cw_report_check_summary (hits);
  sqlite3_stmt *stmt;

  if ((tx = cw_transaction_begin (store, error)) == NULL
      || (stmt = cw_store_prepare (store, "UPDATE generated_document SET checked_at = ?,"
                                          " check_hits = ?, check_result = ?,"
                                          " publishable = CASE WHEN ?4 = 0 THEN publishable"
                                          " ELSE 'no' END"
                                          " WHERE id = ? AND deleted = 0", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, hits->len);
  sqlite3_bind_text (stmt, 3, summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, hits->len);
  sqlite3_bind_int64 (stmt, 5, document_id);
  if (!cw_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The generated document was not found; it may have been deleted"));
      return FALSE;
    }
  cw_store_note_change (store, "generated_document", document_id);
  return cw_transaction_commit (tx, error);
}

/**
 * cw_report_generated_check:
 * @hits: (out) (optional) (element-type CwReportHit) (transfer container):
 *   what was found, in page order
 *
 * Reads the document's PDF back, checks it for publication against the
 * review's people register and internal material, and records the result
 * (cw_report_generated_record_check()). Works on any thread with a
 * connection of its own.
 */
gboolean
cw_report_generated_check (CwStore       *store,
                           gint64         document_id,
                           GPtrArray    **hits,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (CwRecord) row = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) found = NULL;

  if ((row = cw_store_get (store, &cw_entity_generated_document, document_id, error)) == NULL
      || (bytes = cw_report_generated_read (store, document_id, error)) == NULL
      || (redactor = cw_report_check_redactor_new (store, cw_record_get_review_id (row),
                                                   error)) == NULL
      || (found = cw_report_check_pdf (redactor, bytes, NULL, cancellable, error)) == NULL
      || !cw_report_generated_record_check (store, document_id, found, error))
    return FALSE;
  if (hits != NULL)
    *hits = g_steal_pointer (&found);
  return TRUE;
}

/**
 * cw_report_generated_mark_publishable:
 *
 * Marks a generated document publishable: refused unless its last
 * publication check found nothing, and for an internal document.
 */
gboolean
cw_report_generated_mark_publishable (CwStore  *store,
                                      gint64    document_id,
                                      GError  **error)
{
  g_autoptr (CwRecord) row = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *name = NULL;
  const CwReportKind *kind;
  const char *hits;
  sqlite3_stmt *stmt;

  if ((row = cw_store_get (store, &cw_entity_generated_document, document_id, error)) == NULL)
    return FALSE;
  name = cw_report_generated_describe (row);
  kind = cw_report_kind_find (cw_record_get (row, "document"), NULL);
  hits = cw_record_get (row, "check_hits");
  if (kind != NULL && kind->internal)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
                   _("%s is for the review group and the agencies only (%s): it is never "
                     "published"), name, CW_REPORT_MARKING_INTERNAL);
      return FALSE;
    }
  if (cw_record_get (row, "checked_at") == NULL || hits == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
                   _("%s has not been checked for publication: check it first"), name);
      return FALSE;
    }
  if (g_ascii_strtoll (hits, NULL, 10) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
                   _("%s cannot be published: the publication check found %s (%s). Correct "
                     "the data, or generate it with pseudonyms only, and check it again."),
                   name, hits, cw_record_get (row, "check_result"));
      return FALSE;
    }
  if ((tx = cw_transaction_begin (store, error)) == NULL
      || (stmt = cw_store_prepare (store, "UPDATE generated_document SET publishable = 'yes'"
                                          " WHERE id = ? AND deleted = 0", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!cw_store_step_done (store, stmt, error))
    return FALSE;
  cw_store_note_change (store, "generated_document", document_id);
  return cw_transaction_commit (tx, error);
}

/* Generating and checking as jobs (cw-job.h), for the app: the work runs in
 * a worker thread with the job's own connection; the app's hears what it
 * wrote when the job is done. */

typedef struct
{
  gint64          review_id;
  char           *id;
  CwReportOptions options;
  gint64          document_id; /* the result */
} Generate;

static void
generate_free (Generate *g)
{
  g_free (g->id);
  g_free (g);
}

static void
report_progress (double      fraction,
                 const char *text,
                 gpointer    data)
{
  cw_job_report (CW_JOB (data), fraction, text);
}

static gboolean
generate_job (CwJob         *job,
              CwStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Generate *g = data;

  g->document_id = cw_report_generate (store, g->review_id, g->id, &g->options, report_progress,
                                       job, cancellable, error);
  return g->document_id > 0;
}

/**
 * cw_report_generate_job_new:
 *
 * Returns: (transfer full): a job generating the document as
 *   cw_report_generate() does, not yet running; once finished,
 *   cw_report_generate_job_get_document() gives what it kept
 */
CwJob *
cw_report_generate_job_new (CwStore               *store,
                            gint64                 review_id,
                            const char            *id,
                            const CwReportOptions *options)
{
  Generate *g = g_new0 (Generate, 1);

  g_return_val_if_fail (CW_IS_STORE (store) && id != NULL && options != NULL, NULL);
  g->review_id = review_id;
  g->id = g_strdup (id);
  g->options = *options;
  return cw_job_new (store, generate_job, g, (GDestroyNotify) generate_free);
}

/* Returns: the generated document's id, once the job has succeeded; else 0 */
gint64
cw_report_generate_job_get_document (CwJob *job)
{
  Generate *g = cw_job_get_data (job);

  return g->document_id;
}

typedef struct
{
  gint64     document_id;
  GPtrArray *hits; /* the result */
} Check;

static void
check_free (Check *c)
{
  g_clear_pointer (&c->hits, g_ptr_array_unref);
  g_free (c);
}

static gboolean
check_job (CwJob         *job,
           CwStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Check *c = data;

  cw_job_report (job, 0.1, _("Reading the document back…"));
  return cw_report_generated_check (store, c->document_id, &c->hits, cancellable, error);
}

/**
 * cw_report_check_job_new:
 *
 * Returns: (transfer full): a job checking a generated document for
 *   publication and recording the result (cw_report_generated_check())
 */
CwJob *
cw_report_check_job_new (CwStore *store,
                         gint64   document_id)
{
  Check *c = g_new0 (Check, 1);

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  c->document_id = document_id;
  return cw_job_new (store, check_job, c, (GDestroyNotify) check_free);
}

/**
 * cw_report_check_job_get_hits:
 *
 * Returns: (transfer none) (nullable) (element-type CwReportHit): what the
 *   check found, once the job has succeeded
 */
GPtrArray *
cw_report_check_job_get_hits (CwJob *job)
{
  Check *c = cw_job_get_data (job);

  return c->hits;
}
