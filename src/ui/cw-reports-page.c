/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-drop-down.h"
#include "cw-job.h"
#include "cw-pdf-view.h"
#include "cw-register-entities.h"
#include "cw-report-documents.h"
#include "cw-report-entities.h"
#include "cw-report-generated.h"
#include "cw-store-watch.h"

#include "cw-reports-page.h"
#include "cw-review-section.h"

/* The Reports section: a document of the review generated in a job (the
 * window never waits), the documents generated before with their
 * versions and checksums, the one chosen previewed, and the publication
 * check, whose hits lead to their place in the preview. The rules (what
 * may be published, what the check records) are the core's. */

struct _CwReportsPage
{
  GtkWidget       parent_instance;
  GtkDropDown    *kind_dropdown;
  GtkLabel       *kind_summary;
  GtkCheckButton *anonymised_check;
  GtkCheckButton *final_check;
  GtkProgressBar *progress;
  GtkLabel       *status_label;
  GtkListBox     *documents;
  GtkLabel       *check_label;
  GtkWidget      *hits_scroller;
  GtkListBox     *hits;
  CwPdfView      *pdf_view;

  CwStore        *store;
  gint64          review_id;
  gint64          shown;      /* the generated document previewed, or 0 */
  CwJob          *job;        /* generating or checking, or NULL */
  GCancellable   *cancellable;
  GPtrArray      *found;      /* of CwReportHit: the last check of the one shown */
};

static void cw_reports_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwReportsPage, cw_reports_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_reports_page_section_init))

static const CwReportKind *
chosen_kind (CwReportsPage *self)
{
  guint n;
  const CwReportKind *kinds = cw_report_kinds (&n);
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  return i < n ? &kinds[i] : NULL;
}

static CwRecord *
shown_record (CwReportsPage *self)
{
  if (self->store == NULL || self->shown == 0)
    return NULL;
  return cw_store_get (self->store, &cw_entity_generated_document, self->shown, NULL);
}

static void
update_actions (CwReportsPage *self)
{
  g_autoptr (CwRecord) row = shown_record (self);
  const CwReportKind *kind = row ? cw_report_kind_find (cw_record_get (row, "document"), NULL)
                                 : NULL;
  gboolean idle = self->job == NULL;
  gboolean publishable = row != NULL && cw_record_get (row, "checked_at") != NULL
                         && g_strcmp0 (cw_record_get (row, "check_hits"), "0") == 0
                         && g_strcmp0 (cw_record_get (row, "publishable"), "yes") != 0
                         && kind != NULL && !kind->internal;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.generate",
                                 idle && self->review_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", !idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.check", idle && row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.mark-publishable",
                                 idle && publishable);
}

/* What is known of the shown document's publication. */
static void
update_check_label (CwReportsPage *self)
{
  g_autoptr (CwRecord) row = shown_record (self);
  const CwReportKind *kind = row ? cw_report_kind_find (cw_record_get (row, "document"), NULL)
                                 : NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    text = g_strdup (_("Choose a generated document to check it."));
  else if (g_strcmp0 (cw_record_get (row, "publishable"), "yes") == 0)
    text = g_strdup (_("Checked with nothing found, and marked publishable."));
  else if (cw_record_get (row, "checked_at") == NULL)
    text = g_strdup (_("Not checked yet: check it before it is published."));
  else if (g_strcmp0 (cw_record_get (row, "check_hits"), "0") == 0)
    text = g_strdup (_("Checked: nothing identifying or internal found."));
  else
    /* Translators: the check's result: how many found, of which kinds, on which pages */
    text = g_strdup_printf (_("Checked: %s. It cannot be published as it is."),
                            cw_record_get (row, "check_result"));
  if (kind != NULL && kind->internal)
    {
      /* Translators: a check's result follows */
      char *internal = g_strdup_printf (_("Internal: for the review group and the agencies "
                                          "only, never published. %s"), text);
      g_free (text);
      text = internal;
    }
  gtk_label_set_text (self->check_label, text);
}

/* The generated documents */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
document_row_new (CwRecord *row)
{
  g_autofree char *title = cw_report_generated_describe (row);
  g_autofree char *checksum = g_strndup (cw_record_get (row, "checksum"), 16);
  g_autofree char *when = g_strndup (cw_record_get (row, "generated_at"), 16);
  g_autofree char *line = NULL;
  g_autofree char *sum = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *item = gtk_list_box_row_new ();
  const char *by = cw_record_get (row, "generated_by");

  g_strdelimit (when, "T", ' ');
  /* Translators: when, who, full or pseudonyms, draft or final, pages */
  line = g_strdup_printf (_("%s · %s · %s · %s · %s pages"), when, by ? by : _("unknown"),
                          g_strcmp0 (cw_record_get (row, "anonymised"), "yes") == 0
                            ? _("pseudonyms") : _("full"),
                          g_strcmp0 (cw_record_get (row, "status"), "final") == 0
                            ? _("final") : _("draft"),
                          cw_record_get (row, "pages"));
  /* Translators: the start of the document's SHA-256 checksum */
  sum = g_strdup_printf (_("SHA-256 %s…"), checksum);
  gtk_box_append (GTK_BOX (box), label_new (title, "heading"));
  gtk_box_append (GTK_BOX (box), label_new (line, "caption"));
  gtk_box_append (GTK_BOX (box), label_new (sum, "dim-label"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
  gtk_widget_set_tooltip_text (gtk_widget_get_last_child (box), cw_record_get (row, "checksum"));
  if (g_strcmp0 (cw_record_get (row, "publishable"), "yes") == 0)
    gtk_box_append (GTK_BOX (box), label_new (_("Publishable"), "success"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), box);
  g_object_set_data (G_OBJECT (item), "cw-id", GSIZE_TO_POINTER (cw_record_get_id (row)));
  return item;
}

static gint64
row_id (GtkListBoxRow *row)
{
  return row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cw-id")) : 0;
}

static void select_document_row (CwReportsPage *self,
                                 gint64         id);

/* Newest first; the one shown stays chosen. */
static void
refresh_documents (CwReportsPage *self)
{
  g_autoptr (GListModel) rows = NULL;
  GtkWidget *child;
  guint n;

  g_signal_handlers_block_matched (self->documents, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents))) != NULL)
    gtk_list_box_remove (self->documents, child);
  if (self->store != NULL && self->review_id != 0)
    rows = cw_store_list (self->store, &cw_entity_generated_document, self->review_id, NULL);
  n = rows ? g_list_model_get_n_items (rows) : 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i - 1);
      gtk_list_box_append (self->documents, document_row_new (row));
    }
  select_document_row (self, self->shown);
  g_signal_handlers_unblock_matched (self->documents, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  update_check_label (self);
  update_actions (self);
}

static void
select_document_row (CwReportsPage *self,
                     gint64         id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->documents));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_id (GTK_LIST_BOX_ROW (child)) == id)
      {
        gtk_list_box_select_row (self->documents, GTK_LIST_BOX_ROW (child));
        return;
      }
  gtk_list_box_unselect_all (self->documents);
}

static void
clear_hits (CwReportsPage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->found, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hits))) != NULL)
    gtk_list_box_remove (self->hits, child);
  gtk_widget_set_visible (self->hits_scroller, FALSE);
}

static void
show_status (CwReportsPage *self,
             const char    *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* "CR-2026-001 practice-review v2.pdf" */
static char *
file_name_of (CwReportsPage *self,
              CwRecord      *row)
{
  g_autoptr (CwRecord) review = cw_store_get (self->store, &cw_entity_review, self->review_id,
                                              NULL);
  const char *reference = review ? cw_record_get (review, "reference") : NULL;
  char *name = g_strdup_printf ("%s %s v%s.pdf", reference ? reference : "review",
                                cw_record_get (row, "document"), cw_record_get (row, "version"));

  return g_strdelimit (name, "/\\:", '-');
}

/**
 * cw_reports_page_show_document:
 *
 * Previews the review's generated document @document_id (0: none).
 */
void
cw_reports_page_show_document (CwReportsPage *self,
                               gint64         document_id)
{
  g_autoptr (CwRecord) row = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (CW_IS_REPORTS_PAGE (self));
  if (document_id != self->shown)
    clear_hits (self);
  self->shown = document_id;
  if (document_id == 0 || (row = shown_record (self)) == NULL)
    {
      self->shown = 0;
      cw_pdf_view_clear (self->pdf_view);
    }
  else
    {
      name = file_name_of (self, row);
      if ((bytes = cw_report_generated_read (self->store, document_id, &error)) == NULL
          || !cw_pdf_view_load (self->pdf_view, bytes, name, &error))
        {
          cw_pdf_view_clear (self->pdf_view);
          show_status (self, error->message);
        }
    }
  g_signal_handlers_block_matched (self->documents, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  select_document_row (self, self->shown);
  g_signal_handlers_unblock_matched (self->documents, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  update_check_label (self);
  update_actions (self);
}

/* Returns: the generated document previewed, or 0 */
gint64
cw_reports_page_get_shown (CwReportsPage *self)
{
  g_return_val_if_fail (CW_IS_REPORTS_PAGE (self), 0);
  return self->shown;
}

static void
on_document_selected (CwReportsPage *self,
                      GtkListBoxRow *row)
{
  if (row != NULL && row_id (row) != self->shown)
    cw_reports_page_show_document (self, row_id (row));
}

static void
on_store_changed (CwReportsPage *self)
{
  refresh_documents (self);
}

/* Jobs */

static void
on_job_progress (CwReportsPage *self)
{
  gtk_progress_bar_set_fraction (self->progress, cw_job_get_fraction (self->job));
  gtk_progress_bar_set_text (self->progress, cw_job_get_text (self->job));
}

static void
job_start (CwReportsPage *self,
           CwJob         *job,
           const char    *text,
           GAsyncReadyCallback done)
{
  self->job = job;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  show_status (self, NULL);
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (on_job_progress), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  cw_job_run (job, self->cancellable, done, g_object_ref (self));
}

/* Returns: whether the job did its work; says why not otherwise */
static gboolean
job_end (CwReportsPage *self,
         CwJob         *job,
         GAsyncResult  *result)
{
  g_autoptr (GError) error = NULL;
  gboolean done = cw_job_finish (job, result, &error);

  if (self->job == job)
    {
      self->job = NULL;
      g_clear_object (&self->cancellable);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  if (!done)
    show_status (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                         ? _("Cancelled: nothing was kept.") : error->message);
  update_actions (self);
  return done;
}

static void
on_generated (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr (CwReportsPage) self = data;
  g_autoptr (CwJob) job = CW_JOB (source);

  if (job_end (self, job, result) && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    cw_reports_page_show_document (self, cw_report_generate_job_get_document (job));
}

/**
 * cw_reports_page_generate:
 * @document: a document's id from cw_report_kinds()
 *
 * Generates @document of the review in a job, then previews it.
 */
void
cw_reports_page_generate (CwReportsPage *self,
                          const char    *document,
                          gboolean       anonymised,
                          gboolean       final)
{
  CwReportOptions options = { anonymised, final ? CW_REPORT_FINAL : CW_REPORT_DRAFT };

  g_return_if_fail (CW_IS_REPORTS_PAGE (self) && document != NULL);
  if (self->job != NULL || self->store == NULL || self->review_id == 0)
    return;
  job_start (self, cw_report_generate_job_new (self->store, self->review_id, document, &options),
             _("Generating…"), on_generated);
}

/* Whether a job is running. */
gboolean
cw_reports_page_is_busy (CwReportsPage *self)
{
  g_return_val_if_fail (CW_IS_REPORTS_PAGE (self), FALSE);
  return self->job != NULL;
}

static GtkWidget *
hit_row_new (CwReportHit *hit)
{
  g_autofree char *title = NULL;
  g_autofree char *context = g_markup_escape_text (hit->context ? hit->context : "", -1);
  g_autofree char *match = g_markup_escape_text (hit->match ? hit->match : "", -1);
  g_autofree char *bold = g_strdup_printf ("<b>%s</b>", match);
  g_autofree char *marked = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_auto (GStrv) parts = NULL;

  /* Translators: the page of a hit, then what it is ("Postcode") */
  title = g_strdup_printf (_("Page %u · %s"), hit->page, hit->what);
  parts = *match != '\0' ? g_strsplit (context, match, -1) : NULL;
  marked = parts != NULL ? g_strjoinv (bold, parts) : g_strdup (context);
  gtk_box_append (GTK_BOX (box), label_new (title, "heading"));
  label = label_new (NULL, "caption");
  gtk_label_set_markup (GTK_LABEL (label), marked);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  return box;
}

static gboolean
focus_first_hit (gpointer data)
{
  CwReportsPage *self = CW_REPORTS_PAGE (data);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->hits, 0);

  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  return G_SOURCE_REMOVE;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (CwReportsPage) self = data;
  g_autoptr (CwJob) job = CW_JOB (source);
  GPtrArray *hits;

  if (!job_end (self, job, result) || (hits = cw_report_check_job_get_hits (job)) == NULL)
    return;
  clear_hits (self);
  self->found = g_ptr_array_ref (hits);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->hits, hit_row_new (hits->pdata[i]));
  gtk_widget_set_visible (self->hits_scroller, hits->len > 0);
  /* In view once laid out, and ready for the arrow keys. */
  if (hits->len > 0)
    g_idle_add_full (G_PRIORITY_LOW, focus_first_hit, g_object_ref (self), g_object_unref);
  update_check_label (self);
  update_actions (self);
}

static void
on_hit_activated (CwReportsPage *self,
                  GtkListBoxRow *row)
{
  CwReportHit *hit;
  int i = gtk_list_box_row_get_index (row);

  if (self->found == NULL || i < 0 || (guint) i >= self->found->len)
    return;
  hit = self->found->pdata[i];
  cw_pdf_view_highlight (self->pdf_view, hit->page, hit->match);
}

/* Actions */

static void
generate_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  CwReportsPage *self = CW_REPORTS_PAGE (widget);
  const CwReportKind *kind = chosen_kind (self);

  if (kind != NULL)
    cw_reports_page_generate (self, kind->id, gtk_check_button_get_active (self->anonymised_check),
                              gtk_check_button_get_active (self->final_check));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwReportsPage *self = CW_REPORTS_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
check_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  CwReportsPage *self = CW_REPORTS_PAGE (widget);

  if (self->job != NULL || self->shown == 0)
    return;
  job_start (self, cw_report_check_job_new (self->store, self->shown),
             _("Checking…"), on_checked);
}

static void
mark_publishable_activated (GtkWidget  *widget,
                            const char *action,
                            GVariant   *parameter)
{
  CwReportsPage *self = CW_REPORTS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->shown != 0
      && !cw_report_generated_mark_publishable (self->store, self->shown, &error))
    show_status (self, error->message);
  refresh_documents (self);
}

static void
on_kind_changed (CwReportsPage *self)
{
  const CwReportKind *kind = chosen_kind (self);

  gtk_label_set_text (self->kind_summary, kind ? _(kind->summary) : "");
}

/* The review */

void
cw_reports_page_set_review (CwReportsPage *self,
                            CwStore       *store,
                            gint64         id)
{
  g_return_if_fail (CW_IS_REPORTS_PAGE (self));
  cw_store_watch (&self->store, store, (const char *const[]) { "generated_document", NULL },
                  G_CALLBACK (on_store_changed), self);
  if (id != self->review_id)
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      show_status (self, NULL);
      self->review_id = id;
      cw_reports_page_show_document (self, 0);
    }
  refresh_documents (self);
}

static void
section_set_review (CwReviewSection *section,
                    CwStore         *store,
                    gint64           id)
{
  cw_reports_page_set_review (CW_REPORTS_PAGE (section), store, id);
}

static GtkWidget *
section_get_part (CwReviewSection *section,
                  const char      *name)
{
  CwReportsPage *self = CW_REPORTS_PAGE (section);
  const struct { const char *name; gpointer widget; } parts[] = {
    { "reports-pdf", self->pdf_view },
    { "reports-kind", self->kind_dropdown },
    { "reports-documents", self->documents },
    { "reports-hits", self->hits },
    { "reports-check-label", self->check_label },
    { "reports-progress", self->progress },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}

static void
cw_reports_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = section_set_review;
  iface->get_part = section_get_part;
}

static void
cw_reports_page_dispose (GObject *object)
{
  CwReportsPage *self = CW_REPORTS_PAGE (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REPORTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_reports_page_parent_class)->dispose (object);
}

static void
cw_reports_page_class_init (CwReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_reports_page_dispose;
  g_type_ensure (CW_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, kind_summary);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, anonymised_check);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, final_check);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, progress);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, documents);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, check_label);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, hits_scroller);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, hits);
  gtk_widget_class_bind_template_child (widget_class, CwReportsPage, pdf_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "reports.generate", NULL, generate_activated);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "reports.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "reports.mark-publishable", NULL,
                                   mark_publishable_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "reports.generate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reports.cancel", NULL);
}

static void
cw_reports_page_init (CwReportsPage *self)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);
  guint n;
  const CwReportKind *kinds = cw_report_kinds (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (titles, _(kinds[i].title));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (titles));
  cw_drop_down_ellipsize (self->kind_dropdown);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed),
                            self);
  on_kind_changed (self);
  g_signal_connect_swapped (self->documents, "row-selected", G_CALLBACK (on_document_selected),
                            self);
  g_signal_connect_swapped (self->hits, "row-activated", G_CALLBACK (on_hit_activated), self);
  gtk_list_box_set_placeholder (self->documents,
                                label_new (_("Nothing generated yet for this review."),
                                           "dim-label"));
  update_check_label (self);
  update_actions (self);
}
