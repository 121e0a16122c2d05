/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis-entities.h"
#include "cw-chronology-view.h"
#include "cw-drop-down.h"
#include "cw-findings-page-private.h"
#include "cw-review-section.h"
#include "cw-review-view.h"
#include "cw-store-watch.h"

/* The review's section "Findings & recommendations": the findings, each
 * with its status, themes and the evidence behind it; the
 * recommendations and the findings they come from; the urgent issues
 * raised on the way (internal); and the traceability between all of them
 * and the chronology. Findings and recommendations are numbered by their
 * order, which dragging a row (or Alt+Up, Alt+Down) changes. A finding
 * without evidence and a recommendation without a finding are flagged in
 * words and with an icon. */

static void cw_findings_page_section_init (CwReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwFindingsPage, cw_findings_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_REVIEW_SECTION,
                                                      cw_findings_page_section_init))

void
cw_findings_page_report_error (CwFindingsPage *self,
                               GError         *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

/* Rows of the lists */

static GtkWidget *
gap_words (const char *words)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (words);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "cw-gap");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static GtkWidget *
list_row (int         number,
          const char *icon,
          const char *icon_tip,
          const char *text,
          const char *details,
          const char *gap)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *numbered = g_strdup_printf ("%d.", number);
  GtkWidget *number_label = gtk_label_new (numbered);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *text_label = gtk_label_new (text);
  GtkWidget *details_label = gtk_label_new (details);

  gtk_widget_add_css_class (number_label, "heading");
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (image, icon_tip);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (text_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (details_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details_label, "caption");
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), text_label);
  gtk_box_append (GTK_BOX (texts), details_label);
  gtk_box_append (GTK_BOX (row), number_label);
  gtk_box_append (GTK_BOX (row), image);
  gtk_box_append (GTK_BOX (row), texts);
  if (gap != NULL)
    gtk_box_append (GTK_BOX (row), gap_words (gap));
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_set_tooltip_text (row, text);
  return row;
}

/* Dragging a row onto another puts it at that row's place. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autofree char *what = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                           (const char *) g_object_get_data (G_OBJECT (row),
                                                                             "cw-table"),
                                           (gint64) GPOINTER_TO_SIZE (
                                             g_object_get_data (G_OBJECT (row), "cw-id")));

  return gdk_content_provider_new_typed (G_TYPE_STRING, what);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (gtk_widget_get_ancestor (row, CW_TYPE_FINDINGS_PAGE));
  const char *table = g_object_get_data (G_OBJECT (row), "cw-table");
  const CwEntity *entity = g_str_equal (table, "finding") ? &cw_entity_finding
                                                          : &cw_entity_recommendation;
  g_autofree char *prefix = g_strconcat (table, ":", NULL);
  const char *what = g_value_get_string (value);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self == NULL || what == NULL || !g_str_has_prefix (what, prefix))
    return FALSE;
  id = g_ascii_strtoll (what + strlen (prefix), NULL, 10);
  if (!cw_analysis_move_to (self->store, entity, id,
                            gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1, &error))
    {
      cw_findings_page_report_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
append_row (GtkListBox *list,
            GtkWidget  *child,
            const char *table,
            gint64      id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  g_object_set_data (G_OBJECT (row), "cw-table", (gpointer) table);
  g_object_set_data (G_OBJECT (row), "cw-id", GSIZE_TO_POINTER ((gsize) id));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  gtk_list_box_append (list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
select_in (GtkListBox *list,
           GArray     *ids,
           gint64      id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
        return;
      }
}

static void
fill_findings (CwFindingsPage *self)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *count = NULL;
  guint gaps = 0;

  clear_list (self->findings_list);
  g_array_set_size (self->finding_ids, 0);
  if (self->store != NULL && self->review_id != 0)
    findings = cw_analysis_list_findings (self->store, self->review_id, NULL);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CwFinding *f = findings->pdata[i];
      gboolean good = g_strcmp0 (f->kind, "good-practice") == 0;
      gboolean gap = f->n_evidence == 0;
      g_autofree char *details = g_strdup_printf (
        "%s · %s%s%s", _(cw_choice_label (cw_finding_kinds, f->kind) ?: ""),
        _(cw_choice_label (cw_finding_statuses, f->status) ?: ""), f->themes ? " · " : "",
        f->themes ? f->themes : "");

      gaps += gap;
      append_row (self->findings_list,
                  list_row (i + 1, good ? "emblem-ok-symbolic" : "system-search-symbolic",
                            good ? _("Good practice") : _("Area for improvement"), f->statement,
                            details, gap ? _("No evidence") : NULL),
                  "finding", f->id);
      g_array_append_val (self->finding_ids, f->id);
    }
  count = gaps ? g_strdup_printf (_("%u findings · %u without evidence"), self->finding_ids->len,
                                  gaps)
               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                               self->finding_ids->len),
                                  self->finding_ids->len);
  gtk_label_set_text (self->findings_count, count);
}

static void
fill_recommendations (CwFindingsPage *self)
{
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autofree char *count = NULL;
  guint gaps = 0;

  clear_list (self->recommendations_list);
  g_array_set_size (self->recommendation_ids, 0);
  if (self->store != NULL && self->review_id != 0)
    recommendations = cw_analysis_list_recommendations (self->store, self->review_id, NULL);
  for (guint i = 0; recommendations != NULL && i < recommendations->len; i++)
    {
      CwRecommendation *r = recommendations->pdata[i];
      gboolean single = g_strcmp0 (r->scope, "single") == 0;
      gboolean gap = r->n_findings == 0;
      g_autofree char *details = g_strdup_printf (
        "%s · %s%s%s", single && r->agency ? r->agency
                                           : _(cw_choice_label (cw_recommendation_scopes,
                                                                r->scope) ?: ""),
        _(cw_choice_label (cw_recommendation_statuses, r->status) ?: ""),
        r->addressed_to ? _(" · to ") : "", r->addressed_to ? r->addressed_to : "");

      gaps += gap;
      append_row (self->recommendations_list,
                  list_row (i + 1, single ? "avatar-default-symbolic" : "system-users-symbolic",
                            single ? _("Single agency") : _("Multi-agency"), r->text, details,
                            gap ? _("No finding") : NULL),
                  "recommendation", r->id);
      g_array_append_val (self->recommendation_ids, r->id);
    }
  count = gaps ? g_strdup_printf (_("%u recommendations · %u without a finding"),
                                  self->recommendation_ids->len, gaps)
               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation",
                                               "%u recommendations",
                                               self->recommendation_ids->len),
                                  self->recommendation_ids->len);
  gtk_label_set_text (self->recommendations_count, count);
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
update_actions (CwFindingsPage *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean open = self->store != NULL && self->review_id != 0;

  gtk_widget_action_set_enabled (w, "findings.add", open);
  gtk_widget_action_set_enabled (w, "recommendations.add", open);
  gtk_widget_action_set_enabled (w, "findings.delete", self->finding_id != 0);
  gtk_widget_action_set_enabled (w, "recommendations.delete", self->recommendation_id != 0);
  gtk_widget_action_set_enabled (w, "findings.move-up", self->finding_id != 0
                                   && g_array_index (self->finding_ids, gint64, 0)
                                        != self->finding_id);
  gtk_widget_action_set_enabled (w, "findings.move-down", self->finding_id != 0
                                   && g_array_index (self->finding_ids, gint64,
                                                     self->finding_ids->len - 1)
                                        != self->finding_id);
  gtk_widget_action_set_enabled (w, "recommendations.move-up", self->recommendation_id != 0
                                   && g_array_index (self->recommendation_ids, gint64, 0)
                                        != self->recommendation_id);
  gtk_widget_action_set_enabled (w, "recommendations.move-down", self->recommendation_id != 0
                                   && g_array_index (self->recommendation_ids, gint64,
                                                     self->recommendation_ids->len - 1)
                                        != self->recommendation_id);
}

/* Reads the lists again, keeping the selection on the same rows. */
static void
refresh (CwFindingsPage *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->syncing = TRUE;
  fill_findings (self);
  fill_recommendations (self);
  cw_findings_page_fill_targets (self);
  if (!contains (self->finding_ids, self->finding_id))
    self->finding_id = self->finding_ids->len ? g_array_index (self->finding_ids, gint64, 0) : 0;
  if (!contains (self->recommendation_ids, self->recommendation_id))
    self->recommendation_id = self->recommendation_ids->len
                                ? g_array_index (self->recommendation_ids, gint64, 0) : 0;
  select_in (self->findings_list, self->finding_ids, self->finding_id);
  select_in (self->recommendations_list, self->recommendation_ids, self->recommendation_id);
  self->syncing = FALSE;
  cw_findings_page_show_finding_detail (self);
  cw_findings_page_show_recommendation_detail (self);
  update_actions (self);
}

static gboolean
refresh_idle (gpointer data)
{
  refresh (data);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (CwFindingsPage *self,
                  const char     *table,
                  gint64          id)
{
  if (self->review_id != 0 && self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle, self);
}

static void
on_finding_selected (CwFindingsPage *self,
                     GtkListBoxRow  *row)
{
  if (self->syncing || row == NULL)
    return;
  self->finding_id = g_array_index (self->finding_ids, gint64, gtk_list_box_row_get_index (row));
  cw_findings_page_show_finding_detail (self);
  update_actions (self);
}

static void
on_recommendation_selected (CwFindingsPage *self,
                            GtkListBoxRow  *row)
{
  if (self->syncing || row == NULL)
    return;
  self->recommendation_id = g_array_index (self->recommendation_ids, gint64,
                                           gtk_list_box_row_get_index (row));
  cw_findings_page_show_recommendation_detail (self);
  update_actions (self);
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (widget);
  gboolean finding = g_str_has_prefix (action, "findings.");
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->store == NULL || self->review_id == 0)
    return;
  id = finding ? cw_analysis_add_finding (self->store, self->review_id, _("New finding"),
                                          "improvement", &error)
               : cw_analysis_add_recommendation (self->store, self->review_id,
                                                 _("New recommendation"), &error);
  if (id == 0)
    return cw_findings_page_report_error (self, error);
  if (finding)
    self->finding_id = id;
  else
    self->recommendation_id = id;
  refresh (self);
  gtk_widget_child_focus (GTK_WIDGET (finding ? self->finding_form : self->recommendation_form),
                          GTK_DIR_TAB_FORWARD);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (widget);
  gboolean finding = g_str_has_prefix (action, "findings.");
  const CwEntity *entity = finding ? &cw_entity_finding : &cw_entity_recommendation;
  gint64 id = finding ? self->finding_id : self->recommendation_id;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (id == 0)
    return;
  cw_record_form_flush (finding ? self->finding_form : self->recommendation_form);
  if (!cw_store_delete (self->store, entity, id, &error))
    return cw_findings_page_report_error (self, error);
  message = g_strdup (finding ? _("Deleted a finding") : _("Deleted a recommendation"));
  gtk_widget_activate_action (widget, "win.offer-undo", "(sxs)", entity->table, id, message);
}

static void
move_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (widget);
  gboolean finding = g_str_has_prefix (action, "findings.");
  GArray *ids = finding ? self->finding_ids : self->recommendation_ids;
  gint64 id = finding ? self->finding_id : self->recommendation_id;
  int step = g_str_has_suffix (action, "up") ? -1 : 1;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        int to = (int) i + 1 + step;

        if (to < 1 || to > (int) ids->len)
          return;
        if (!cw_analysis_move_to (self->store, finding ? &cw_entity_finding
                                                       : &cw_entity_recommendation,
                                  id, to, &error))
          return cw_findings_page_report_error (self, error);
        refresh (self);
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (
          finding ? self->findings_list : self->recommendations_list)));
        return;
      }
}

/* Click-through */

static CwReviewView *
review_view_of (CwFindingsPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), CW_TYPE_REVIEW_VIEW);

  return view ? CW_REVIEW_VIEW (view) : NULL;
}

/**
 * cw_findings_page_open_target:
 * @kind: 'e' for an episode, 'f' for a factor, 'y' for a chronology entry
 *
 * Shows the episode or factor in the Analysis section, the entry in the
 * chronology. The Analysis section selects the row if it has the action
 * "analysis.select-episode" ("analysis.select-factor"), with the id.
 */
void
cw_findings_page_open_target (CwFindingsPage *self,
                              char            kind,
                              gint64          id)
{
  CwReviewView *view = review_view_of (self);
  GtkWidget *page;

  if (view == NULL)
    return;
  if (kind == 'y')
    {
      cw_review_view_show_section (view, "chronology");
      page = cw_review_view_get_part (view, "chronology");
      if (page != NULL && CW_IS_CHRONOLOGY_VIEW (page))
        cw_chronology_view_select_entry (CW_CHRONOLOGY_VIEW (page), id);
      return;
    }
  cw_review_view_show_section (view, "analysis");
  if ((page = cw_review_view_get_part (view, "analysis")) != NULL)
    gtk_widget_activate_action (page, kind == 'e' ? "analysis.select-episode"
                                                  : "analysis.select-factor", "x", id);
}

static void
on_trace_open (CwFindingsPage *self,
               int             kind,
               gint64          id)
{
  switch ((CwTraceKind) kind)
    {
    case CW_TRACE_RECOMMENDATION:
      cw_findings_page_select_recommendation (self, id);
      break;
    case CW_TRACE_FINDING:
      cw_findings_page_select_finding (self, id);
      break;
    case CW_TRACE_EPISODE:
      cw_findings_page_open_target (self, 'e', id);
      break;
    case CW_TRACE_FACTOR:
      cw_findings_page_open_target (self, 'f', id);
      break;
    case CW_TRACE_ENTRY:
    default:
      cw_findings_page_open_target (self, 'y', id);
    }
}

/* Public */

void
cw_findings_page_select_finding (CwFindingsPage *self,
                                 gint64          id)
{
  g_return_if_fail (CW_IS_FINDINGS_PAGE (self));

  self->finding_id = id;
  refresh (self);
  gtk_stack_set_visible_child_name (self->pages, "findings");
}

void
cw_findings_page_select_recommendation (CwFindingsPage *self,
                                        gint64          id)
{
  g_return_if_fail (CW_IS_FINDINGS_PAGE (self));

  self->recommendation_id = id;
  refresh (self);
  gtk_stack_set_visible_child_name (self->pages, "recommendations");
}

gint64
cw_findings_page_get_finding_id (CwFindingsPage *self)
{
  g_return_val_if_fail (CW_IS_FINDINGS_PAGE (self), 0);
  return self->finding_id;
}

gint64
cw_findings_page_get_recommendation_id (CwFindingsPage *self)
{
  g_return_val_if_fail (CW_IS_FINDINGS_PAGE (self), 0);
  return self->recommendation_id;
}

/**
 * cw_findings_page_new_finding_from_episode:
 *
 * Adds a draft finding with the episode as its case evidence, and shows
 * it, ready for its statement.
 *
 * Returns: the new finding, or 0 (the error shown to the user)
 */
gint64
cw_findings_page_new_finding_from_episode (CwFindingsPage *self,
                                           gint64          episode_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) episode = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *episode_text = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CW_IS_FINDINGS_PAGE (self), 0);

  if (self->store == NULL || (episode = cw_store_get (self->store, &cw_entity_episode, episode_id,
                                                      &error)) == NULL
      || (tx = cw_transaction_begin (self->store, &error)) == NULL)
    goto failed;
  statement = g_strdup_printf (_("Learning from “%s”"), cw_record_get (episode, "title"));
  if ((id = cw_analysis_add_finding (self->store, self->review_id, statement, "improvement",
                                     &error)) == 0)
    goto failed;
  finding = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  episode_text = g_strdup_printf ("%" G_GINT64_FORMAT, episode_id);
  if (cw_store_insert (self->store, &cw_entity_finding_evidence, self->review_id,
                       (const char *[]) { "finding_id", finding, "episode_id", episode_text,
                                          "kind", "case-evidence", NULL }, &error) == 0
      || !cw_transaction_commit (tx, &error))
    goto failed;
  cw_findings_page_select_finding (self, id);
  return id;

failed:
  cw_findings_page_report_error (self, error);
  return 0;
}

/* CwReviewSection */

static void
cw_findings_page_set_review (CwReviewSection *section,
                             CwStore         *store,
                             gint64           id)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (section);

  cw_record_form_flush (self->finding_form);
  cw_record_form_flush (self->recommendation_form);
  cw_store_watch (&self->store, store,
                  (const char *const[]) { "finding", "finding_evidence", "finding_theme", "theme",
                                          "recommendation", "recommendation_finding", "episode",
                                          "factor", "chronology_entry", "agency", "body",
                                          NULL },
                  G_CALLBACK (on_store_changed), self);
  if (id != self->review_id)
    self->finding_id = self->recommendation_id = 0;
  self->review_id = id;
  cw_record_table_set_review (self->urgent_table, store, id);
  cw_trace_view_set_review (self->trace_view, store, id);
  refresh (self);
}

static void
cw_findings_page_flush (CwReviewSection *section)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (section);

  cw_record_form_flush (self->finding_form);
  cw_record_form_flush (self->recommendation_form);
  cw_record_form_flush (CW_RECORD_FORM (cw_record_table_get_form (self->urgent_table)));
}

static GtkWidget *
cw_findings_page_get_part (CwReviewSection *section,
                           const char      *name)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (section);
  const struct { const char *name; gpointer widget; } parts[] = {
    { "findings-pages", self->pages },
    { "findings-list", self->findings_list },
    { "finding-form", self->finding_form },
    { "finding-status", self->finding_status_box },
    { "finding-status-error", self->finding_status_error },
    { "themes", self->themes_box },
    { "evidence-gap", self->evidence_gap },
    { "evidence-list", self->evidence_list },
    { "evidence-target", self->evidence_target },
    { "recommendations-list", self->recommendations_list },
    { "recommendation-form", self->recommendation_form },
    { "recommendation-status", self->recommendation_status_box },
    { "finding-checks", self->finding_checks },
    { "link-gap", self->link_gap },
    { "urgent-issues", self->urgent_table },
    { "trace", self->trace_view },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, name))
      return GTK_WIDGET (parts[i].widget);
  return NULL;
}

static void
cw_findings_page_section_init (CwReviewSectionInterface *iface)
{
  iface->set_review = cw_findings_page_set_review;
  iface->flush = cw_findings_page_flush;
  iface->get_part = cw_findings_page_get_part;
}

/* GObject */

static void
cw_findings_page_dispose (GObject *object)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  cw_store_unwatch (&self->store, G_CALLBACK (on_store_changed), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_FINDINGS_PAGE);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cw_findings_page_parent_class)->dispose (object);
}

static void
cw_findings_page_finalize (GObject *object)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (object);

  g_array_unref (self->finding_ids);
  g_array_unref (self->recommendation_ids);
  g_array_unref (self->targets);
  g_hash_table_unref (self->target_labels);
  G_OBJECT_CLASS (cw_findings_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwFindingsPage, name)

static void
cw_findings_page_class_init (CwFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_findings_page_dispose;
  object_class->finalize = cw_findings_page_finalize;
  g_type_ensure (CW_TYPE_RECORD_FORM);
  g_type_ensure (CW_TYPE_RECORD_TABLE);
  g_type_ensure (CW_TYPE_TRACE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-findings-page.ui");
  BIND (pages);
  BIND (findings_count);
  BIND (recommendations_count);
  BIND (findings_list);
  BIND (recommendations_list);
  BIND (finding_scroller);
  BIND (recommendation_scroller);
  BIND (finding_status_box);
  BIND (recommendation_status_box);
  BIND (finding_status_error);
  BIND (recommendation_status_error);
  BIND (finding_form);
  BIND (recommendation_form);
  BIND (themes_box);
  BIND (evidence_gap);
  BIND (evidence_list);
  BIND (evidence_target);
  BIND (evidence_kind);
  BIND (link_gap);
  BIND (finding_checks);
  BIND (urgent_table);
  BIND (trace_view);
  gtk_widget_class_install_action (widget_class, "findings.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "recommendations.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "findings.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "recommendations.delete", NULL,
                                   delete_activated);
  gtk_widget_class_install_action (widget_class, "findings.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "findings.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "recommendations.move-up", NULL,
                                   move_activated);
  gtk_widget_class_install_action (widget_class, "recommendations.move-down", NULL,
                                   move_activated);
  cw_findings_page_install_detail_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Alt+Up and Alt+Down move the selected row of @list. */
static void
add_move_keys (GtkWidget  *list,
               const char *prefix)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  g_autofree char *up = g_strconcat (prefix, ".move-up", NULL);
  g_autofree char *down = g_strconcat (prefix, ".move-down", NULL);

  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                      gtk_named_action_new (up)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                      gtk_named_action_new (down)));
  gtk_widget_add_controller (list, keys);
}

static void
cw_findings_page_init (CwFindingsPage *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->finding_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recommendation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->targets = g_array_new (FALSE, FALSE, sizeof (CwEvidenceTarget));
  self->target_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cw_record_form_set_part (self->finding_form, &cw_entity_finding, NULL);
  cw_record_form_set_part (self->recommendation_form, &cw_entity_recommendation, NULL);
  cw_record_table_setup (self->urgent_table, &cw_entity_urgent_issue, _("Urgent issues"),
                         _("No urgent issues. Note here any issue of the case that needed "
                           "escalation or immediate action, and confirm the action was taken."),
                         (const char *[]) { "description", _("New urgent issue"),
                                            "action_confirmed", "no", NULL });
  for (guint i = 0; cw_evidence_kinds[i].id != NULL; i++)
    gtk_string_list_append (kinds, _(cw_evidence_kinds[i].label));
  gtk_drop_down_set_model (self->evidence_kind, G_LIST_MODEL (kinds));
  gtk_drop_down_set_expression (self->evidence_target,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_enable_search (self->evidence_target, TRUE);
  cw_drop_down_ellipsize (self->evidence_target);
  g_signal_connect_swapped (self->findings_list, "row-selected",
                            G_CALLBACK (on_finding_selected), self);
  g_signal_connect_swapped (self->recommendations_list, "row-selected",
                            G_CALLBACK (on_recommendation_selected), self);
  g_signal_connect_swapped (self->trace_view, "open", G_CALLBACK (on_trace_open), self);
  add_move_keys (GTK_WIDGET (self->findings_list), "findings");
  add_move_keys (GTK_WIDGET (self->recommendations_list), "recommendations");
  update_actions (self);
}
