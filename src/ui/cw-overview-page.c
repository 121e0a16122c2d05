/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-store-watch.h"

#include "cw-actions.h"
#include "cw-clock.h"
#include "cw-overview-page.h"
#include "cw-review-section.h"
#include "cw-record-form.h"
#include "cw-review.h"

/* A review at a glance: what it is, its phase and the moves its life
 * allows, its key dates, and the deadlines they imply. The core decides
 * which moves are allowed and why not; this page shows and asks. */

struct _CwOverviewPage
{
  GtkWidget     parent_instance;
  CwRecordForm *review_form;
  CwRecordForm *dates_form;
  GtkLabel     *phase_label;
  GtkBox       *moves_box;
  GtkLabel     *phase_message;
  GtkListBox   *deadlines_list;
  GtkLabel     *deadlines_empty;
  GtkLabel     *profile_label;
  GtkImage     *plan_image;
  GtkLabel     *plan_label;
  GtkLabel     *plan_statuses;
  CwStore      *store;
  gint64        id;
  char         *next_phase;
  char         *previous_phase;
  guint         n_deadlines;
  guint         refresh_id;
};

static void cw_overview_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwOverviewPage, cw_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_overview_page_section_init))

static void
show_phase_message (CwOverviewPage *self,
                    const char     *message)
{
  gtk_label_set_text (self->phase_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->phase_message), message != NULL);
}

/**
 * cw_overview_page_move_phase:
 *
 * Returns: whether the move was made; if not the page shows why
 */
gboolean
cw_overview_page_move_phase (CwOverviewPage *self,
                             const char     *phase)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CW_IS_OVERVIEW_PAGE (self), FALSE);

  if (self->store == NULL || self->id == 0)
    return FALSE;
  cw_overview_page_flush (self);
  if (!cw_store_move_phase (self->store, self->id, phase, &error))
    {
      show_phase_message (self, error->message);
      return FALSE;
    }
  show_phase_message (self, NULL);
  return TRUE;
}

static void
on_move_clicked (GtkButton      *button,
                 CwOverviewPage *self)
{
  cw_overview_page_move_phase (self, g_object_get_data (G_OBJECT (button), "cw-phase"));
}

static GtkWidget *
make_move_button (CwOverviewPage *self,
                  const char     *from,
                  const char     *to)
{
  gboolean forward = cw_phase_is_forward (from, to);
  g_autofree char *label = g_strdup_printf (forward ? _("Move to %s") : _("Back to %s"),
                                            cw_choice_label (cw_phases, to));
  GtkWidget *button = gtk_button_new_with_label (label);

  if (forward && g_strcmp0 (self->next_phase, to) == 0)
    gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "cw-phase", g_strdup (to), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
  return button;
}

static void
update_phase (CwOverviewPage *self,
              CwRecord       *review)
{
  const char *phase = cw_record_get (review, "phase");
  g_autofree char *previous = cw_store_get_previous_phase (self->store, self->id);
  g_auto (GStrv) moves = cw_phase_moves (phase, previous);
  GtkWidget *child;

  gtk_label_set_text (self->phase_label, cw_choice_label (cw_phases, phase));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_box))) != NULL)
    gtk_box_remove (self->moves_box, child);
  g_clear_pointer (&self->next_phase, g_free);
  g_clear_pointer (&self->previous_phase, g_free);
  if (moves[0] != NULL && cw_phase_is_forward (phase, moves[0]))
    self->next_phase = g_strdup (moves[0]);
  for (guint i = 0; moves[i] != NULL; i++)
    if (!cw_phase_is_forward (phase, moves[i]))
      self->previous_phase = g_strdup (moves[i]);
  for (guint i = 0; moves[i] != NULL; i++)
    gtk_box_append (self->moves_box, make_move_button (self, phase, moves[i]));
}

static GtkWidget *
make_deadline_row (const CwDeadlineInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (info->name);
  g_autofree char *due_text = cw_date_iso_to_display (info->due);
  g_autofree char *line = NULL;
  GtkWidget *detail;
  gboolean overdue = info->state == CW_DEADLINE_OVERDUE;

  line = g_strdup_printf (_("Due %s · %s%s"), due_text, overdue ? "⚠ " : "", info->text);
  detail = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  if (overdue)
    gtk_widget_add_css_class (detail, "overdue");
  else if (info->state == CW_DEADLINE_MET || info->state == CW_DEADLINE_MET_LATE)
    gtk_widget_add_css_class (detail, "dim-label");
  else if (info->days_remaining <= 7)
    gtk_widget_add_css_class (detail, "deadline-soon");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  return box;
}

static void
update_deadlines (CwOverviewPage *self,
                  CwRecord       *review)
{
  g_autoptr (GPtrArray) deadlines = cw_store_list_deadlines (self->store, self->id, NULL, NULL);
  g_autofree char *profile = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deadlines_list))) != NULL)
    gtk_list_box_remove (self->deadlines_list, child);
  self->n_deadlines = deadlines ? deadlines->len : 0;
  for (guint i = 0; i < self->n_deadlines; i++)
    gtk_list_box_append (self->deadlines_list, make_deadline_row (deadlines->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->deadlines_list), self->n_deadlines > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->deadlines_empty), self->n_deadlines == 0);
  profile = g_strdup_printf (_("Rules: %s. Edit them in Preferences."),
                             cw_record_get_ref_label (review, "profile"));
  gtk_label_set_text (self->profile_label, profile);
}

/* The action plan's progress, counted by the core; in words, with an
 * icon. */
static void
update_plan (CwOverviewPage *self)
{
  CwPlanProgress progress = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) statuses = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *icon = "view-list-bullet-symbolic";
  GDate today;

  cw_clock_today (&today);
  if (!cw_actions_get_progress (self->store, self->id, &today, &progress, &error))
    {
      gtk_label_set_text (self->plan_label, error->message);
      gtk_label_set_text (self->plan_statuses, "");
      return;
    }
  if (progress.status == NULL || progress.total == 0)
    text = g_strdup (_("No actions yet. Each recommendation gets one or more actions: what will "
                       "change, who does it and by when."));
  else
    {
      g_autofree char *counts = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u action: %u embedded or closed, %u overdue",
                     "%u actions: %u embedded or closed, %u overdue", progress.total),
        progress.total, progress.done, progress.overdue);

      text = g_strdup_printf (_("%s. Plan: %s."), counts,
                              cw_choice_label (cw_plan_statuses, progress.status));
      icon = progress.overdue > 0 ? "dialog-warning-symbolic"
             : progress.done == progress.total ? "object-select-symbolic"
                                               : "view-list-bullet-symbolic";
    }
  for (guint i = 0; progress.by_status != NULL && i < progress.by_status->len; i++)
    {
      CwActionCount *count = progress.by_status->pdata[i];

      g_string_append_printf (statuses, "%s%s %u", i > 0 ? " · " : "",
                              cw_choice_label (cw_action_statuses, count->key), count->n);
    }
  gtk_image_set_from_icon_name (self->plan_image, icon);
  gtk_label_set_text (self->plan_label, text);
  gtk_label_set_text (self->plan_statuses, statuses->str);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_statuses), statuses->len > 0);
  cw_plan_progress_clear (&progress);
}

/**
 * cw_overview_page_get_plan_progress:
 *
 * Returns: (transfer none): what the page says of the action plan's progress
 */
const char *
cw_overview_page_get_plan_progress (CwOverviewPage *self)
{
  g_return_val_if_fail (CW_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_label_get_text (self->plan_statuses);
}

static void
refresh (CwOverviewPage *self)
{
  g_autoptr (CwRecord) review = NULL;

  if (self->store == NULL || self->id == 0
      || (review = cw_store_get (self->store, &cw_entity_review, self->id, NULL)) == NULL)
    return;
  update_phase (self, review);
  update_deadlines (self, review);
  update_plan (self);
}

static gboolean
refresh_idle (gpointer data)
{
  CwOverviewPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (CwOverviewPage *self,
                  const char     *table,
                  gint64          id)
{
  /* Later, not now: the change may come from one of the buttons this
   * rebuilds, still inside its click handler. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

void
cw_overview_page_set_review (CwOverviewPage *self,
                             CwStore        *store,
                             gint64          id)
{
  g_return_if_fail (CW_IS_OVERVIEW_PAGE (self));

  cw_store_watch (&self->store, store,
                  (const char *const[]) { "review", "referral", "deadline_rule", "action",
                                          "action_plan", NULL },
                  G_CALLBACK (on_store_changed), self);
  self->id = id;
  show_phase_message (self, NULL);
  cw_record_form_set_record (self->review_form, store, id);
  cw_record_form_set_record (self->dates_form, store, id);
  refresh (self);
}

void
cw_overview_page_flush (CwOverviewPage *self)
{
  g_return_if_fail (CW_IS_OVERVIEW_PAGE (self));

  cw_record_form_flush (self->review_form);
  cw_record_form_flush (self->dates_form);
}

/* As a section of the review view */

static void
section_set_review (CwReviewSection *section,
                    CwStore         *store,
                    gint64           id)
{
  cw_overview_page_set_review (CW_OVERVIEW_PAGE (section), store, id);
}

static void
section_flush (CwReviewSection *section)
{
  cw_overview_page_flush (CW_OVERVIEW_PAGE (section));
}

static void
cw_overview_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = section_set_review;
  iface->flush = section_flush;
}

/**
 * cw_overview_page_move_phase_step:
 * @forward: to the next phase in the review's life, or back the way it came
 */
void
cw_overview_page_move_phase_step (CwOverviewPage *self,
                                  gboolean        forward)
{
  g_autofree char *target = NULL;

  g_return_if_fail (CW_IS_OVERVIEW_PAGE (self));

  /* The buttons may be stale if a change is still waiting to be shown. */
  refresh (self);
  target = g_strdup (forward ? self->next_phase : self->previous_phase);
  if (target != NULL)
    cw_overview_page_move_phase (self, target);
}

/**
 * cw_overview_page_get_message:
 * Returns: (nullable): why the last phase move was refused
 */
const char *
cw_overview_page_get_message (CwOverviewPage *self)
{
  g_return_val_if_fail (CW_IS_OVERVIEW_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->phase_message)))
    return NULL;
  return gtk_label_get_text (self->phase_message);
}

/**
 * cw_overview_page_get_form:
 * @name: "review" or "dates"
 * Returns: (transfer none): the form
 */
GtkWidget *
cw_overview_page_get_form (CwOverviewPage *self,
                           const char     *name)
{
  g_return_val_if_fail (CW_IS_OVERVIEW_PAGE (self), NULL);
  return GTK_WIDGET (g_str_equal (name, "dates") ? self->dates_form : self->review_form);
}

static void
cw_overview_page_dispose (GObject *object)
{
  CwOverviewPage *self = CW_OVERVIEW_PAGE (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  g_clear_pointer (&self->next_phase, g_free);
  g_clear_pointer (&self->previous_phase, g_free);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_OVERVIEW_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_overview_page_parent_class)->dispose (object);
}

static void
cw_overview_page_class_init (CwOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_overview_page_dispose;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, review_form);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, dates_form);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, moves_box);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, phase_message);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, deadlines_empty);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, plan_image);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, plan_statuses);
  gtk_widget_class_bind_template_child (widget_class, CwOverviewPage, profile_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_overview_page_init (CwOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cw_record_form_set_part (self->review_form, &cw_entity_review, NULL);
  cw_record_form_set_part (self->dates_form, &cw_entity_review, "dates");
}
