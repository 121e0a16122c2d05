/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-focus.h"
#include "cw-store-watch.h"

#include "cw-overview-page.h"
#include "cw-review-section.h"
#include "cw-review.h"
#include "cw-review-view.h"

/* One review: a header that always shows the reference, kind, pseudonym
 * (never the real name), phase and next deadline, and its sections, one
 * page each, made from the list of sections (cw-review-section.c). */

struct _CwReviewView
{
  GtkWidget                  parent_instance;
  GtkLabel                  *title_label;
  GtkLabel                  *phase_label;
  GtkLabel                  *deadline_label;
  GtkListView               *sidebar;
  GtkStack                  *stack;
  GtkCustomFilter           *shown_filter; /* the sections the review's phase shows */
  GPtrArray                 *rows;         /* GtkListItem, the sidebar's bound rows */
  const CwReviewSectionInfo *sections;
  GPtrArray                 *pages; /* CwReviewSection, one per section */
  CwStore                   *store;
  gint64                     id;
};

G_DEFINE_FINAL_TYPE (CwReviewView, cw_review_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SECTIONS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static CwReviewSection *
page_of (CwReviewView *self,
         const char   *name)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_str_equal (self->sections[i].name, name))
      return self->pages->pdata[i];
  return NULL;
}

/* The sections that show in the review's phase. */
static void
show_sections_for (CwReviewView *self,
                   const char   *phase)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (self->stack, self->sections[i].name);

      gtk_stack_page_set_visible (gtk_stack_get_page (self->stack, child),
                                  cw_review_section_info_shows_in (&self->sections[i], phase));
    }
  gtk_filter_changed (GTK_FILTER (self->shown_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_deadline (CwReviewView *self)
{
  g_autoptr (GPtrArray) deadlines = cw_store_list_deadlines (self->store, self->id, NULL, NULL);
  g_autofree char *next = NULL;
  const CwDeadlineInfo *open = NULL;

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
update_header (CwReviewView *self)
{
  g_autoptr (CwRecord) review = NULL;
  g_autofree char *title = NULL;
  const char *subject;

  if (self->store == NULL || self->id == 0
      || (review = cw_store_get (self->store, &cw_entity_review, self->id, NULL)) == NULL)
    return;
  subject = cw_record_get (review, "subject_pseudonym");
  title = g_strdup_printf ("%s · %s%s%s", cw_record_get (review, "reference"),
                           cw_record_get_ref_label (review, "kind"), subject ? " · " : "",
                           subject ? subject : "");
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), cw_record_get (review, "title"));
  gtk_label_set_text (self->phase_label,
                      cw_choice_label (cw_phases, cw_record_get (review, "phase")));
  show_deadline (self);
  show_sections_for (self, cw_record_get (review, "phase"));
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
  CwReviewSection *chronology;

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  cw_review_view_show_section (self, "chronology");
  if ((chronology = page_of (self, "chronology")) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (chronology), name, NULL);
}

void
cw_review_view_flush (CwReviewView *self)
{
  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  for (guint i = 0; i < self->pages->len; i++)
    cw_review_section_flush (self->pages->pdata[i]);
}

/* Another review starts at the top of each section. */
static void
scroll_to_top (CwReviewView *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (self->sections[i].scrolled)
      {
        GtkWidget *scroller = gtk_stack_get_child_by_name (self->stack, self->sections[i].name);

        gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
      }
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
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "review", "deadline_rule", "review_kind", NULL },
                  G_CALLBACK (update_header), self);
  self->id = id;
  scroll_to_top (self);
  for (guint i = 0; i < self->pages->len; i++)
    cw_review_section_set_review (self->pages->pdata[i], store, id);
  update_header (self);
}

/* Shows the section called @name, if the review's phase shows it. */
void
cw_review_view_show_section (CwReviewView *self,
                             const char   *name)
{
  GtkWidget *child;

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  child = gtk_stack_get_child_by_name (self->stack, name);
  if (child != NULL && gtk_stack_page_get_visible (gtk_stack_get_page (self->stack, child)))
    gtk_stack_set_visible_child (self->stack, child);
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
  CwReviewSection *overview;

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));
  cw_review_view_flush (self);
  if ((overview = page_of (self, "overview")) != NULL)
    cw_overview_page_move_phase_step (CW_OVERVIEW_PAGE (overview), forward);
}

/**
 * cw_review_view_get_part:
 * @name: a part of a section ("referral-form", "people", "terms"...), or
 *   a section's name for its page ("overview", "chronology", "history")
 *
 * Returns: (transfer none) (nullable): that part, for tests and screenshots
 */
GtkWidget *
cw_review_view_get_part (CwReviewView *self,
                         const char   *name)
{
  CwReviewSection *page;

  g_return_val_if_fail (CW_IS_REVIEW_VIEW (self), NULL);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *part = cw_review_section_get_part (self->pages->pdata[i], name);
      if (part != NULL)
        return part;
    }
  page = page_of (self, name);
  return page != NULL ? GTK_WIDGET (page) : NULL;
}

/* Between sections: the episode chosen in Analysis is shown in the
 * chronology; an episode made from the chronology's selection is opened in
 * Analysis. Said by the sections' actions, so neither knows the other. */

static void
episode_selected_activated (GtkWidget  *widget,
                            const char *action,
                            GVariant   *parameter)
{
  CwReviewSection *chronology = page_of (CW_REVIEW_VIEW (widget), "chronology");

  if (chronology != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (chronology), "chronology.show-episode",
                                        parameter);
}

static void
open_episode_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CwReviewView *self = CW_REVIEW_VIEW (widget);
  CwReviewSection *analysis = page_of (self, "analysis");

  if (analysis == NULL)
    return;
  cw_review_view_show_section (self, "analysis");
  gtk_widget_activate_action_variant (GTK_WIDGET (analysis), "analysis.open-episode", parameter);
}

/* The sidebar: one row per section shown. Moving through it with the
 * keyboard (arrows; Tab leaves it) only moves the focus; Return or a
 * click shows the section. The section shown is marked, and said to be
 * the current one to assistive technologies. */

static void
mark_row (GtkListItem *item,
          GtkWidget   *visible)
{
  GtkStackPage *page = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean current = page != NULL && gtk_stack_page_get_child (page) == visible;

  if (current)
    gtk_widget_add_css_class (label, "current");
  else
    gtk_widget_remove_css_class (label, "current");
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_SELECTED, current,
                               -1);
}

static void
mark_current_section (CwReviewView *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    mark_row (self->rows->pdata[i], visible);
  /* Shown by its key (Alt+3) while the keyboard is in the list: the focus
   * follows, rather than staying on a row no longer the one shown. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    cw_review_view_focus_sections (self);
}

static void
setup_section_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   CwReviewView             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "cw-section-row");
  gtk_list_item_set_child (item, label);
}

static void
bind_section_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CwReviewView             *self)
{
  GtkStackPage *page = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_stack_page_get_title (page));
  g_ptr_array_add (self->rows, item);
  mark_row (item, gtk_stack_get_visible_child (self->stack));
}

static void
unbind_section_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    CwReviewView             *self)
{
  g_ptr_array_remove_fast (self->rows, item);
}

static void
on_section_activated (CwReviewView *self,
                      guint         position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->sidebar));
  g_autoptr (GObject) page = g_list_model_get_item (model, position);

  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static gboolean
page_is_shown (gpointer item,
               gpointer data)
{
  return gtk_stack_page_get_visible (item);
}

static void
setup_sidebar (CwReviewView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *shown;

  self->rows = g_ptr_array_new ();
  self->shown_filter = gtk_custom_filter_new (page_is_shown, NULL, NULL);
  shown = gtk_filter_list_model_new (G_LIST_MODEL (gtk_stack_get_pages (self->stack)),
                                     g_object_ref (GTK_FILTER (self->shown_filter)));
  gtk_list_view_set_model (self->sidebar,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (shown))));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_section_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_section_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_section_row), self);
  gtk_list_view_set_factory (self->sidebar, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->sidebar, "activate", G_CALLBACK (on_section_activated), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (mark_current_section), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sidebar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sections"), -1);
  cw_widget_set_one_tab_stop (GTK_WIDGET (self->sidebar));
}

/**
 * cw_review_view_focus_sections:
 *
 * Puts the keyboard focus on the section shown, in the list of sections
 * (where a review chosen from the keyboard leaves it).
 */
void
cw_review_view_focus_sections (CwReviewView *self)
{
  GtkWidget *visible;

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  visible = gtk_stack_get_visible_child (self->stack);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkListItem *item = self->rows->pdata[i];
      GtkStackPage *page = gtk_list_item_get_item (item);

      /* The row is the label's parent, the list's own focusable item. */
      if (page != NULL && gtk_stack_page_get_child (page) == visible
          && gtk_widget_grab_focus (gtk_widget_get_parent (gtk_list_item_get_child (item))))
        return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

/**
 * cw_review_view_step_section:
 * @step: 1 for the next section shown, -1 for the one before
 *
 * Shows the section after (or before) the one shown, among those the
 * review's phase shows, going round at the ends.
 */
void
cw_review_view_step_section (CwReviewView *self,
                             int           step)
{
  GListModel *model;
  GtkWidget *visible;
  guint n, current = 0;

  g_return_if_fail (CW_IS_REVIEW_VIEW (self));

  model = G_LIST_MODEL (gtk_list_view_get_model (self->sidebar));
  n = g_list_model_get_n_items (model);
  visible = gtk_stack_get_visible_child (self->stack);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (model, i);
      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == visible)
        current = i;
    }
  on_section_activated (self, (current + (step < 0 ? n - 1 : 1)) % n);
}

/* The pages */

/* Every page in a scroller, so that on a small screen (1024 by 700) it
 * scrolls rather than pushing the window past the screen or being cut:
 * pages that ask for it scroll down as they grow; the others fill the
 * space and scroll only when it is smaller than they can be. */
static GtkWidget *
stack_child (const CwReviewSectionInfo *section,
             GtkWidget                 *page)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  return scroller;
}

static void
add_pages (CwReviewView *self)
{
  for (const CwReviewSectionInfo *section = self->sections; section->name != NULL; section++)
    {
      GtkWidget *page = g_object_new (section->get_type (), NULL);
      GtkStackPage *stack_page;

      g_assert (CW_IS_REVIEW_SECTION (page));
      stack_page = gtk_stack_add_titled (self->stack, stack_child (section, page), section->name,
                                         _(section->title));
      if (section->icon_name != NULL)
        g_object_set (stack_page, "icon-name", section->icon_name, NULL);
      g_ptr_array_add (self->pages, page);
    }
}

/**
 * cw_review_view_new:
 * @sections: (nullable): the sections to show, ended by one whose name is
 *   %NULL; %NULL for the application's, cw_review_sections()
 */
GtkWidget *
cw_review_view_new (const CwReviewSectionInfo *sections)
{
  return g_object_new (CW_TYPE_REVIEW_VIEW, "sections", sections, NULL);
}

/* GObject */

static void
cw_review_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwReviewView *self = CW_REVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTIONS:
      self->sections = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_review_view_constructed (GObject *object)
{
  CwReviewView *self = CW_REVIEW_VIEW (object);

  G_OBJECT_CLASS (cw_review_view_parent_class)->constructed (object);
  if (self->sections == NULL)
    self->sections = cw_review_sections ();
  add_pages (self);
  setup_sidebar (self);
}

static void
cw_review_view_dispose (GObject *object)
{
  CwReviewView *self = CW_REVIEW_VIEW (object);
  GtkWidget *child;

  cw_store_unwatch (&self->store, G_CALLBACK (update_header), self);
  /* The stack owns the pages, and is going. */
  g_ptr_array_set_size (self->pages, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REVIEW_VIEW);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_review_view_parent_class)->dispose (object);
}

static void
cw_review_view_finalize (GObject *object)
{
  g_ptr_array_unref (CW_REVIEW_VIEW (object)->pages);
  g_clear_pointer (&CW_REVIEW_VIEW (object)->rows, g_ptr_array_unref);
  g_clear_object (&CW_REVIEW_VIEW (object)->shown_filter);
  G_OBJECT_CLASS (cw_review_view_parent_class)->finalize (object);
}

static void
cw_review_view_class_init (CwReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cw_review_view_set_property;
  object_class->constructed = cw_review_view_constructed;
  object_class->dispose = cw_review_view_dispose;
  object_class->finalize = cw_review_view_finalize;
  properties[PROP_SECTIONS] = g_param_spec_pointer (
    "sections", NULL, NULL,
    G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReviewView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CwReviewView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, CwReviewView, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, CwReviewView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CwReviewView, stack);
  gtk_widget_class_install_action (widget_class, "review.episode-selected", "x",
                                   episode_selected_activated);
  gtk_widget_class_install_action (widget_class, "review.open-episode", "x",
                                   open_episode_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_review_view_init (CwReviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
}
