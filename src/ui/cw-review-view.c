/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-store-watch.h"

#include "cw-chronology.h"
#include "cw-chronology-view.h"
#include "cw-history-view.h"
#include "cw-overview-page.h"
#include "cw-record-form.h"
#include "cw-record-table.h"
#include "cw-review.h"
#include "cw-review-view.h"

/* One review: a header that always shows the reference, kind, pseudonym
 * (never the real name), phase and next deadline, and its sections. Only
 * sections that work are shown. */

struct _CwReviewView
{
  GtkWidget        parent_instance;
  GtkLabel        *title_label;
  GtkLabel        *phase_label;
  GtkLabel        *deadline_label;
  GtkStack        *stack;
  CwOverviewPage  *overview_page;
  CwRecordForm    *referral_form;
  CwRecordForm    *decision_form;
  CwRecordTable   *people_table;
  CwRecordTable   *agencies_table;
  CwRecordTable   *agency_register_table;
  CwRecordTable   *returns_table;
  CwRecordTable   *periods_table;
  CwRecordTable   *review_group_table;
  CwRecordTable   *case_group_table;
  CwRecordTable   *terms_table;
  CwHistoryView   *history_view;
  CwChronologyView *chronology_view;
  GtkScrolledWindow *overview_scroller;
  GtkScrolledWindow *referral_scroller;
  CwStore         *store;
  gint64           id;
  gulong           changed_id;
};

G_DEFINE_FINAL_TYPE (CwReviewView, cw_review_view, GTK_TYPE_WIDGET)

static const char *const referral_fields[] = {
  "referrer_name", "service_team", "submitted_on", "child_name", "swis_number",
  "parents_carers", "household", "agencies_involved", "grounds", "grounds_other",
  "circumstances", "key_facts", "reasons", "worker_signed_on", "manager_signed_on", NULL,
};

static const char *const decision_fields[] = {
  "discussed_on", "decision", "rationale", "key_objectives", "lead_reviewer", "timescale",
  "further_actions", NULL,
};

static void
update_header (CwReviewView *self)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *next = NULL;
  const CwDeadlineInfo *open = NULL;
  const char *subject;

  if (self->store == NULL || self->id == 0
      || (review = cw_store_get (self->store, &cw_entity_review, self->id, NULL)) == NULL)
    return;
  subject = cw_record_get (review, "subject_pseudonym");
  title = g_strdup_printf ("%s · %s%s%s", cw_record_get (review, "reference"),
                           cw_record_get (review, "kind__label"), subject ? " · " : "",
                           subject ? subject : "");
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), cw_record_get (review, "title"));
  gtk_label_set_text (self->phase_label,
                      cw_choice_label (cw_phases, cw_record_get (review, "phase")));
  deadlines = cw_store_list_deadlines (self->store, self->id, NULL, NULL);
  for (guint i = 0; deadlines != NULL && i < deadlines->len && open == NULL; i++)
    {
      const CwDeadlineInfo *info = deadlines->pdata[i];
      if (info->state == CW_DEADLINE_PENDING || info->state == CW_DEADLINE_OVERDUE)
        open = info;
    }
  if (open != NULL)
    next = g_strdup_printf (open->state == CW_DEADLINE_OVERDUE ? _("⚠ Next: %s, %s")
                                                               : _("Next: %s, %s"),
                            open->name, open->text);
  else
    next = g_strdup (_("No open deadlines"));
  gtk_label_set_text (self->deadline_label, next);
  if (open != NULL && open->state == CW_DEADLINE_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "overdue");
}

static void
on_store_changed (CwReviewView *self,
                  const char   *table,
                  gint64        id)
{
  if (g_str_equal (table, "*") || g_str_equal (table, "review")
      || g_str_equal (table, "deadline_rule") || g_str_equal (table, "review_kind"))
    update_header (self);
}

/**
 * cw_review_view_activate_chronology:
 * @action: "import", "add" or "focus-search"
 *
 * Shows the chronology and does what the window's shortcut asks of it.
 */
void
cw_review_view_activate_chronology (CwReviewView *self,
                                    const char   *action)
{
  g_autofree char *name = g_strconcat ("chronology.", action, NULL);

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  cw_review_view_show_section (self, "chronology");
  gtk_widget_activate_action (GTK_WIDGET (self->chronology_view), name, NULL);
}

void
cw_review_view_flush (CwReviewView *self)
{
  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  cw_overview_page_flush (self->overview_page);
  cw_record_form_flush (self->referral_form);
  cw_record_form_flush (self->decision_form);
  cw_chronology_view_flush (self->chronology_view);
}

static void
set_referral (CwReviewView *self)
{
  g_autoptr (CwRecord) referral = NULL;
  gint64 referral_id = 0;

  if (self->store != NULL && self->id != 0
      && (referral = cw_store_get_referral (self->store, self->id, NULL)) != NULL)
    referral_id = cw_record_get_id (referral);
  cw_record_form_set_record (self->referral_form, self->store, referral_id);
  cw_record_form_set_record (self->decision_form, self->store, referral_id);
}

/**
 * cw_review_view_set_review:
 * @id: the review, or 0 for none
 */
void
cw_review_view_set_review (CwReviewView *self,
                           CwStore      *store,
                           gint64        id)
{
  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  if (store == self->store && id == self->id)
    return;
  cw_review_view_flush (self);
  cw_store_watch (&self->store, store, &self->changed_id, G_CALLBACK (on_store_changed), self);
  self->id = id;
  /* Another review starts at the top of each section. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->overview_scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->referral_scroller), 0);
  cw_overview_page_set_review (self->overview_page, store, id);
  set_referral (self);
  cw_record_table_set_review (self->people_table, store, id);
  cw_record_table_set_review (self->agencies_table, store, id);
  cw_record_table_set_review (self->agency_register_table, store, 0);
  cw_record_table_set_review (self->returns_table, store, id);
  cw_record_table_set_review (self->periods_table, store, id);
  cw_record_table_set_review (self->review_group_table, store, id);
  cw_record_table_set_review (self->case_group_table, store, id);
  cw_record_table_set_review (self->terms_table, store, id);
  cw_history_view_set_review (self->history_view, store, id);
  cw_chronology_view_set_review (self->chronology_view, store, id);
  update_header (self);
}

void
cw_review_view_show_section (CwReviewView *self,
                             const char   *name)
{
  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

const char *
cw_review_view_get_section (CwReviewView *self)
{
  g_return_val_if_fail (CW_IS_REVIEW_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * cw_review_view_move_phase_step:
 * @forward: to the next phase, or back to the one before
 */
void
cw_review_view_move_phase_step (CwReviewView *self,
                                gboolean      forward)
{
  g_return_if_fail (CW_IS_REVIEW_VIEW (self));
  cw_review_view_flush (self);
  cw_overview_page_move_phase_step (self->overview_page, forward);
}

/**
 * cw_review_view_get_part:
 * @name: "overview", "referral-form", "decision-form", "people", "agencies",
 *   "review-group", "case-group", "terms", "history" or "chronology"
 *
 * Returns: (transfer none) (nullable): that part, for tests and screenshots
 */
GtkWidget *
cw_review_view_get_part (CwReviewView *self,
                         const char   *name)
{
  const struct { const char *name; gpointer widget; } parts[] = {
    { "overview", self->overview_page }, { "referral-form", self->referral_form },
    { "decision-form", self->decision_form }, { "people", self->people_table },
    { "agencies", self->agencies_table }, { "agency-register", self->agency_register_table },
    { "review-group", self->review_group_table }, { "case-group", self->case_group_table },
    { "terms", self->terms_table }, { "history", self->history_view },
    { "chronology", self->chronology_view }, { "returns", self->returns_table },
    { "context", self->periods_table },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return parts[i].widget;
  return NULL;
}

static void
setup_tables (CwReviewView *self)
{
  cw_record_form_set_fields (self->referral_form, &cw_entity_referral, referral_fields);
  cw_record_form_set_fields (self->decision_form, &cw_entity_referral, decision_fields);
  cw_record_table_setup (self->people_table, &cw_entity_person, _("People register"),
                         _("Everyone the review is about: the child, family and household. "
                           "Each has a pseudonym; real names stay private."),
                         (const char *[]) { "pseudonym", "role", NULL },
                         (const char *[]) { "pseudonym", _("New person"), NULL });
  cw_record_table_setup (self->agencies_table, &cw_entity_review_agency,
                         _("Agencies involved in this review"),
                         _("No agencies yet. Add the agencies that worked with the family; "
                           "new agencies are added to the register below first."),
                         (const char *[]) { "agency_id", "involvement", NULL }, NULL);
  cw_record_table_setup (self->returns_table, &cw_entity_agency_return,
                         _("Agency returns: chronologies requested and received"),
                         _("No returns yet. Add one for each agency asked for its chronology, "
                           "with the date it is due; importing a return records it here."),
                         (const char *[]) { "agency_id", "status", "due_on", NULL },
                         (const char *[]) { "status", "requested", NULL });
  cw_record_table_setup (self->periods_table, &cw_entity_period,
                         _("The child’s context: periods shown on the timeline"),
                         _("No periods yet. Add the child protection or child in need plans, "
                           "stays in hospital or in care, and changes in the household."),
                         (const char *[]) { "label", "start_date", "end_date", NULL },
                         (const char *[]) { "kind", "other", NULL });
  cw_record_table_setup (self->agency_register_table, &cw_entity_agency,
                         _("Agency register (shared by all reviews)"),
                         _("No agencies registered yet."),
                         (const char *[]) { "name", "sector", NULL },
                         (const char *[]) { "name", _("New agency"), NULL });
  cw_record_table_setup (self->review_group_table, &cw_entity_member, _("Review group"),
                         _("The chair, lead reviewer and agency representatives who oversee "
                           "the review."),
                         (const char *[]) { "name", "role", "agency_id", NULL },
                         (const char *[]) { "name", _("New member"), NULL });
  cw_record_table_set_filter (self->review_group_table, "group_kind", "review");
  cw_record_table_setup (self->case_group_table, &cw_entity_member, _("Case group"),
                         _("The practitioners and managers who worked with the family."),
                         (const char *[]) { "name", "role", "agency_id", NULL },
                         (const char *[]) { "name", _("New member"), NULL });
  cw_record_table_set_filter (self->case_group_table, "group_kind", "case");
  cw_record_table_setup (self->terms_table, &cw_entity_tor_item,
                         _("Terms of reference and key lines of enquiry"),
                         _("Set out the scope of the review and the questions it will answer."),
                         (const char *[]) { "kind", "text", NULL },
                         (const char *[]) { "kind", "term", "text",
                                            _("New term of reference"), NULL });
}

static void
cw_review_view_dispose (GObject *object)
{
  CwReviewView *self = CW_REVIEW_VIEW (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, &self->changed_id);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REVIEW_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_review_view_parent_class)->dispose (object);
}

static void
cw_review_view_class_init (CwReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_review_view_dispose;
  g_type_ensure (CW_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  g_type_ensure (CW_TYPE_HISTORY_VIEW);
  g_type_ensure (CW_TYPE_CHRONOLOGY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-review-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwReviewView, name)
  BIND (title_label);
  BIND (phase_label);
  BIND (deadline_label);
  BIND (stack);
  BIND (chronology_view);
  BIND (returns_table);
  BIND (periods_table);
  BIND (overview_page);
  BIND (referral_form);
  BIND (decision_form);
  BIND (people_table);
  BIND (agencies_table);
  BIND (agency_register_table);
  BIND (review_group_table);
  BIND (case_group_table);
  BIND (terms_table);
  BIND (history_view);
  BIND (overview_scroller);
  BIND (referral_scroller);
#undef BIND
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_review_view_init (CwReviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_tables (self);
}
