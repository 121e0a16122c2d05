/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-record-form.h"
#include "cw-referral-page.h"
#include "cw-review-section.h"
#include "cw-review.h"
#include "cw-store-watch.h"

/* The review's section "Referral & decision": the referral form and the
 * review group's decision, two forms over the review's one referral. */

struct _CwReferralPage
{
  GtkWidget     parent_instance;
  CwRecordForm *referral_form;
  CwRecordForm *decision_form;
  CwStore      *store;
  gint64        review_id;
};

static void cw_referral_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwReferralPage, cw_referral_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_referral_page_section_init))

/* The form's Scottish fields (a SWIS number, placement breakdown as a
 * ground) show for a review in Scotland, by its deadline profile. */
static void
show_national_fields (CwReferralPage *self)
{
  g_autofree char *nation = NULL;
  gboolean scotland;

  if (self->store != NULL && self->review_id != 0)
    nation = cw_store_get_review_nation (self->store, self->review_id);
  scotland = g_strcmp0 (nation, "scotland") == 0;
  cw_record_form_set_field_shown (self->referral_form, "swis_number", scotland);
  cw_record_form_set_choice_shown (self->referral_form, "grounds", "placement-breakdown",
                                   scotland);
}

static void
cw_referral_page_set_review (CwReviewSection *section,
                             CwStore         *store,
                             gint64           id)
{
  CwReferralPage *self = CW_REFERRAL_PAGE (section);
  g_autoptr (CwRecord) referral = NULL;
  gint64 referral_id = 0;

  if (store != NULL && id != 0 && (referral = cw_store_get_referral (store, id, NULL)) != NULL)
    referral_id = cw_record_get_id (referral);
  cw_record_form_set_record (self->referral_form, store, referral_id);
  cw_record_form_set_record (self->decision_form, store, referral_id);
  cw_store_watch (&self->store, store, (const char *const[]) { "review", NULL },
                  G_CALLBACK (show_national_fields), self);
  self->review_id = id;
  show_national_fields (self);
}

static void
cw_referral_page_flush (CwReviewSection *section)
{
  CwReferralPage *self = CW_REFERRAL_PAGE (section);

  cw_record_form_flush (self->referral_form);
  cw_record_form_flush (self->decision_form);
}

static GtkWidget *
cw_referral_page_get_part (CwReviewSection *section,
                           const char      *name)
{
  CwReferralPage *self = CW_REFERRAL_PAGE (section);

  if (g_str_equal (name, "referral-form"))
    return GTK_WIDGET (self->referral_form);
  if (g_str_equal (name, "decision-form"))
    return GTK_WIDGET (self->decision_form);
  return NULL;
}

static void
cw_referral_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_referral_page_set_review;
  iface->flush = cw_referral_page_flush;
  iface->get_part = cw_referral_page_get_part;
}

static void
cw_referral_page_dispose (GObject *object)
{
  GtkWidget *child;

  cw_store_unwatch (&CW_REFERRAL_PAGE (object)->store, G_CALLBACK (show_national_fields), object);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_REFERRAL_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_referral_page_parent_class)->dispose (object);
}

static void
cw_referral_page_class_init (CwReferralPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cw_referral_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-referral-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReferralPage, referral_form);
  gtk_widget_class_bind_template_child (widget_class, CwReferralPage, decision_form);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_referral_page_init (CwReferralPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cw_record_form_set_part (self->referral_form, &cw_entity_referral, "referral");
  cw_record_form_set_part (self->decision_form, &cw_entity_referral, "decision");
}
