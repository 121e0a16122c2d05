/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-people-page.h"
#include "cw-record-table.h"
#include "cw-review-section.h"
#include "cw-review.h"

/* The review's section "People & agencies": the people register, the
 * agencies involved (over the register all reviews share), the review
 * group and the case group, one tab each. */

struct _CwPeoplePage
{
  GtkWidget      parent_instance;
  CwRecordTable *people_table;
  CwRecordTable *agencies_table;
  CwRecordTable *agency_register_table;
  CwRecordTable *review_group_table;
  CwRecordTable *case_group_table;
};

static void cw_people_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwPeoplePage, cw_people_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_people_page_section_init))

static void
cw_people_page_set_review (CwReviewSection *section,
                           CwStore         *store,
                           gint64           id)
{
  CwPeoplePage *self = CW_PEOPLE_PAGE (section);

  cw_record_table_set_review (self->people_table, store, id);
  cw_record_table_set_review (self->agencies_table, store, id);
  cw_record_table_set_review (self->agency_register_table, store, 0);
  cw_record_table_set_review (self->review_group_table, store, id);
  cw_record_table_set_review (self->case_group_table, store, id);
}

static GtkWidget *
cw_people_page_get_part (CwReviewSection *section,
                         const char      *name)
{
  CwPeoplePage *self = CW_PEOPLE_PAGE (section);
  const struct { const char *name; CwRecordTable *table; } parts[] = {
    { "people", self->people_table }, { "agencies", self->agencies_table },
    { "agency-register", self->agency_register_table },
    { "review-group", self->review_group_table }, { "case-group", self->case_group_table },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return GTK_WIDGET (parts[i].table);
  return NULL;
}

static void
cw_people_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_people_page_set_review;
  iface->get_part = cw_people_page_get_part;
}

static void
setup_tables (CwPeoplePage *self)
{
  cw_record_table_setup (self->people_table, &cw_entity_person, _("People register"),
                         _("Everyone the review is about: the child, family and household. "
                           "Each has a pseudonym; real names stay private."),
                         (const char *[]) { "pseudonym", _("New person"), NULL });
  cw_record_table_setup (self->agencies_table, &cw_entity_review_agency,
                         _("Agencies involved in this review"),
                         _("No agencies yet. Add the agencies that worked with the family; "
                           "new agencies are added to the register below first."),
                         NULL);
  cw_record_table_setup (self->agency_register_table, &cw_entity_agency,
                         _("Agency register (shared by all reviews)"),
                         _("No agencies registered yet."),
                         (const char *[]) { "name", _("New agency"), NULL });
  cw_record_table_setup (self->review_group_table, &cw_entity_member, _("Review group"),
                         _("The chair, lead reviewer and agency representatives who oversee "
                           "the review."),
                         (const char *[]) { "name", _("New member"), NULL });
  cw_record_table_set_filter (self->review_group_table, "group_kind", "review");
  cw_record_table_setup (self->case_group_table, &cw_entity_member, _("Case group"),
                         _("The practitioners and managers who worked with the family."),
                         (const char *[]) { "name", _("New member"), NULL });
  cw_record_table_set_filter (self->case_group_table, "group_kind", "case");
}

static void
cw_people_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_PEOPLE_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_people_page_parent_class)->dispose (object);
}

static void
cw_people_page_class_init (CwPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cw_people_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPeoplePage, people_table);
  gtk_widget_class_bind_template_child (widget_class, CwPeoplePage, agencies_table);
  gtk_widget_class_bind_template_child (widget_class, CwPeoplePage, agency_register_table);
  gtk_widget_class_bind_template_child (widget_class, CwPeoplePage, review_group_table);
  gtk_widget_class_bind_template_child (widget_class, CwPeoplePage, case_group_table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_people_page_init (CwPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_tables (self);
}
