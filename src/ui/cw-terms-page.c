/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-record-table.h"
#include "cw-review-section.h"
#include "cw-review.h"
#include "cw-terms-page.h"

/* The review's section "Terms of reference": its terms and key lines of
 * enquiry, the scope it sets itself and the questions it will answer. */

struct _CwTermsPage
{
  GtkWidget      parent_instance;
  CwRecordTable *terms_table;
};

static void cw_terms_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwTermsPage, cw_terms_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_terms_page_section_init))

static void
cw_terms_page_set_review (CwReviewSection *section,
                          CwStore         *store,
                          gint64           id)
{
  cw_record_table_set_review (CW_TERMS_PAGE (section)->terms_table, store, id);
}

static GtkWidget *
cw_terms_page_get_part (CwReviewSection *section,
                        const char      *name)
{
  return g_str_equal (name, "terms") ? GTK_WIDGET (CW_TERMS_PAGE (section)->terms_table) : NULL;
}

static void
cw_terms_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_terms_page_set_review;
  iface->get_part = cw_terms_page_get_part;
}

static void
cw_terms_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_TERMS_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_terms_page_parent_class)->dispose (object);
}

static void
cw_terms_page_class_init (CwTermsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cw_terms_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-terms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwTermsPage, terms_table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_terms_page_init (CwTermsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cw_record_table_setup (self->terms_table, &cw_entity_tor_item,
                         _("Terms of reference and key lines of enquiry"),
                         _("Set out the scope of the review and the questions it will answer."),
                         (const char *[]) { "kind", "term", "text",
                                            _("New term of reference"), NULL });
}
