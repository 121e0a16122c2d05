/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology.h"
#include "cw-record-table.h"
#include "cw-returns-page.h"
#include "cw-review-section.h"

/* The review's section "Returns & context": the agencies' chronology
 * returns (requested, due, received) and the periods of the child's
 * life that the timeline draws behind the entries. */

struct _CwReturnsPage
{
  GtkWidget      parent_instance;
  CwRecordTable *returns_table;
  CwRecordTable *periods_table;
};

static void cw_returns_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwReturnsPage, cw_returns_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_returns_page_section_init))

static void
cw_returns_page_set_review (CwReviewSection *section,
                            CwStore         *store,
                            gint64           id)
{
  CwReturnsPage *self = CW_RETURNS_PAGE (section);

  cw_record_table_set_review (self->returns_table, store, id);
  cw_record_table_set_review (self->periods_table, store, id);
}

static GtkWidget *
cw_returns_page_get_part (CwReviewSection *section,
                          const char      *name)
{
  CwReturnsPage *self = CW_RETURNS_PAGE (section);

  if (g_str_equal (name, "returns"))
    return GTK_WIDGET (self->returns_table);
  if (g_str_equal (name, "context"))
    return GTK_WIDGET (self->periods_table);
  return NULL;
}

static void
cw_returns_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_returns_page_set_review;
  iface->get_part = cw_returns_page_get_part;
}

static void
setup_tables (CwReturnsPage *self)
{
  cw_record_table_setup (self->returns_table, &cw_entity_agency_return,
                         _("Agency returns: chronologies requested and received"),
                         _("No returns yet. Add one for each agency asked for its chronology, "
                           "with the date it is due; importing a return records it here."),
                         (const char *[]) { "status", "requested", NULL });
  cw_record_table_setup (self->periods_table, &cw_entity_period,
                         _("The child’s context: periods shown on the timeline"),
                         _("No periods yet. Add the child protection or child in need plans, "
                           "stays in hospital or in care, and changes in the household."),
                         (const char *[]) { "kind", "other", NULL });
}

static void
cw_returns_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_RETURNS_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_returns_page_parent_class)->dispose (object);
}

static void
cw_returns_page_class_init (CwReturnsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cw_returns_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-returns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReturnsPage, returns_table);
  gtk_widget_class_bind_template_child (widget_class, CwReturnsPage, periods_table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_returns_page_init (CwReturnsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_tables (self);
}
