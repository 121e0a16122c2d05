/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis-entities.h"
#include "cw-chronology-entities.h"
#include "cw-drop-down.h"
#include "cw-findings-page-private.h"

/* The selected finding and recommendation of the Findings & recommendations
 * section: the status as the moves the rules allow (one step forward or
 * back; "agreed" only with evidence, the core says why not), the themes
 * as check chips, the evidence chain with a way to open each link, and
 * the findings a recommendation comes from. */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* Rows of @entity in the review whose @field is @id. */
static GPtrArray *
rows_of (CwFindingsPage *self,
         const CwEntity *entity,
         const char     *field,
         gint64          id)
{
  g_autoptr (GListModel) all = cw_store_list (self->store, entity, self->review_id, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      CwRecord *row = g_list_model_get_item (all, i);

      if (cw_record_get_int (row, field) == id)
        g_ptr_array_add (rows, row);
      else
        g_object_unref (row);
    }
  return rows;
}

/* Status moves */

static void
on_move_clicked (GtkButton      *button,
                 CwFindingsPage *self)
{
  const CwEntity *entity = g_object_get_data (G_OBJECT (button), "cw-entity");
  const char *to = g_object_get_data (G_OBJECT (button), "cw-status");
  gboolean finding = entity == &cw_entity_finding;
  GtkLabel *message = finding ? self->finding_status_error : self->recommendation_status_error;
  g_autoptr (GError) error = NULL;

  cw_record_form_flush (finding ? self->finding_form : self->recommendation_form);
  if (cw_analysis_move_status (self->store, entity,
                               finding ? self->finding_id : self->recommendation_id, to, &error))
    return;
  gtk_label_set_text (message, error->message);
  gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
}

/* The status now, and a button for each move the rules allow from it. */
static void
fill_status (CwFindingsPage *self,
             GtkBox         *box,
             GtkLabel       *message,
             const CwEntity *entity,
             const char     *status)
{
  const CwChoice *statuses = cw_entity_find_field (entity, "status")->choices;
  GtkWidget *now = gtk_label_new (NULL);
  GtkWidget *moves = gtk_flow_box_new ();
  g_autofree char *markup = g_markup_printf_escaped (
    _("Status: <b>%s</b>"), _(cw_choice_label (statuses, status) ?: ""));
  gboolean forward = FALSE;

  clear_box (GTK_WIDGET (box));
  gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
  gtk_label_set_markup (GTK_LABEL (now), markup);
  gtk_label_set_xalign (GTK_LABEL (now), 0.0);
  gtk_box_append (box, now);
  /* The moves wrap in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (moves), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (moves), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (moves), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (moves), 6);
  gtk_box_append (box, moves);
  for (guint i = 0; statuses[i].id != NULL; i++)
    {
      GtkWidget *button;
      g_autofree char *label = NULL;

      if (g_strcmp0 (statuses[i].id, status) == 0)
        {
          forward = TRUE;
          continue;
        }
      if (!cw_analysis_status_move_allowed (statuses, status, statuses[i].id))
        continue;
      label = g_strdup_printf (forward ? _("Move to “%s”") : _("Back to “%s”"),
                               _(statuses[i].label));
      button = gtk_button_new_with_label (label);
      if (forward)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "cw-entity", (gpointer) entity);
      g_object_set_data (G_OBJECT (button), "cw-status", (gpointer) statuses[i].id);
      g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (moves), button);
    }
}

/* Themes */

static void
on_theme_toggled (GtkCheckButton *check,
                  CwFindingsPage *self)
{
  gint64 theme = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cw-theme"));
  gint64 link = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cw-link"));
  g_autoptr (GError) error = NULL;
  g_autofree char *finding = id_text (self->finding_id);
  g_autofree char *theme_text = id_text (theme);

  if (self->syncing)
    return;
  if (gtk_check_button_get_active (check) && link == 0)
    {
      if (cw_store_insert (self->store, &cw_entity_finding_theme, self->review_id,
                           (const char *[]) { "finding_id", finding, "theme_id", theme_text,
                                              NULL }, &error) == 0)
        cw_findings_page_report_error (self, error);
    }
  else if (!gtk_check_button_get_active (check) && link != 0
           && !cw_store_delete (self->store, &cw_entity_finding_theme, link, &error))
    cw_findings_page_report_error (self, error);
}

static void
fill_themes (CwFindingsPage *self)
{
  g_autoptr (GListModel) themes = cw_store_list (self->store, &cw_entity_theme, 0, NULL);
  g_autoptr (GPtrArray) links = rows_of (self, &cw_entity_finding_theme, "finding_id",
                                         self->finding_id);

  clear_box (GTK_WIDGET (self->themes_box));
  for (guint i = 0; themes != NULL && i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr (CwRecord) theme = g_list_model_get_item (themes, i);
      GtkWidget *check = gtk_check_button_new_with_label (cw_record_get (theme, "name"));
      gint64 link = 0;

      for (guint j = 0; j < links->len; j++)
        if (cw_record_get_int (links->pdata[j], "theme_id") == cw_record_get_id (theme))
          link = cw_record_get_id (links->pdata[j]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), link != 0);
      gtk_widget_set_tooltip_text (check, cw_record_get (theme, "description"));
      g_object_set_data (G_OBJECT (check), "cw-theme",
                         GSIZE_TO_POINTER ((gsize) cw_record_get_id (theme)));
      g_object_set_data (G_OBJECT (check), "cw-link", GSIZE_TO_POINTER ((gsize) link));
      g_signal_connect (check, "toggled", G_CALLBACK (on_theme_toggled), self);
      gtk_flow_box_append (self->themes_box, check);
    }
}

/* Evidence */

static char *
target_key (char   kind,
            gint64 id)
{
  return g_strdup_printf ("%c:%" G_GINT64_FORMAT, kind, id);
}

static void
add_target (CwFindingsPage *self,
            GtkStringList  *labels,
            char            kind,
            gint64          id,
            char           *label)
{
  CwEvidenceTarget target = { kind, id };

  gtk_string_list_append (labels, label);
  g_array_append_val (self->targets, target);
  g_hash_table_replace (self->target_labels, target_key (kind, id), label);
}

/**
 * cw_findings_page_fill_targets:
 *
 * What evidence may point at: the review's episodes, contributory factors
 * and chronology entries, for the drop-down and for the evidence list's
 * words.
 */
void
cw_findings_page_fill_targets (CwFindingsPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (GPtrArray) factors = NULL;
  g_autoptr (GListModel) entries = NULL;
  guint selected = gtk_drop_down_get_selected (self->evidence_target);
  CwEvidenceTarget was = { 0, 0 };
  guint keep = 0;

  if (selected < self->targets->len)
    was = g_array_index (self->targets, CwEvidenceTarget, selected);
  g_array_set_size (self->targets, 0);
  g_hash_table_remove_all (self->target_labels);
  if (self->store != NULL && self->review_id != 0)
    {
      episodes = cw_analysis_list_episodes (self->store, self->review_id, NULL);
      factors = cw_analysis_list_factors (self->store, self->review_id, NULL);
      entries = cw_store_list (self->store, &cw_entity_chronology_entry, self->review_id, NULL);
    }
  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      CwEpisode *e = episodes->pdata[i];
      add_target (self, labels, 'e', e->id,
                  g_strdup_printf (_("Episode %d: %s"), e->number, e->title));
    }
  for (guint i = 0; factors != NULL && i < factors->len; i++)
    {
      CwFactor *f = factors->pdata[i];
      add_target (self, labels, 'f', f->id,
                  g_strdup_printf (_("Factor: %s, %s"), f->category, f->why ? f->why : ""));
    }
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (CwRecord) entry = g_list_model_get_item (entries, i);
      g_autofree char *label = cw_drop_down_entry_label (entry);

      add_target (self, labels, 'y', cw_record_get_id (entry),
                  g_strdup_printf (_("Entry of %s"), label));
    }
  for (guint i = 0; i < self->targets->len; i++)
    {
      CwEvidenceTarget *t = &g_array_index (self->targets, CwEvidenceTarget, i);
      if (t->kind == was.kind && t->id == was.id)
        keep = i;
    }
  gtk_drop_down_set_model (self->evidence_target, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->evidence_target, keep);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.add-evidence",
                                 self->targets->len > 0 && self->finding_id != 0);
}

static void
on_open_clicked (GtkButton      *button,
                 CwFindingsPage *self)
{
  cw_findings_page_open_target (
    self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cw-kind")),
    GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-id")));
}

static void
on_unlink_clicked (GtkButton      *button,
                   CwFindingsPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!cw_store_delete (self->store, &cw_entity_finding_evidence,
                        GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-id")), &error))
    cw_findings_page_report_error (self, error);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
evidence_row (CwFindingsPage *self,
              CwRecord       *evidence)
{
  static const struct { const char *field; char kind; const char *open; } targets[] = {
    { "episode_id", 'e', N_("Open the episode in Analysis") },
    { "factor_id", 'f', N_("Open the factor in Analysis") },
    { "entry_id", 'y', N_("Show the entry in the chronology") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *kind = cw_record_dup_display (evidence, "kind");
  GtkWidget *kind_label = gtk_label_new (kind);
  GtkWidget *label, *open, *unlink;
  g_autofree char *key = NULL;
  const char *words = NULL;
  guint t = 0;

  while (t < G_N_ELEMENTS (targets) - 1 && cw_record_get_int (evidence, targets[t].field) == 0)
    t++;
  key = target_key (targets[t].kind, cw_record_get_int (evidence, targets[t].field));
  words = g_hash_table_lookup (self->target_labels, key);
  label = gtk_label_new (words ? words : _("(deleted)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, words);
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0.0);
  gtk_widget_add_css_class (kind_label, "caption");
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), kind_label);
  open = icon_button ("go-jump-symbolic", _(targets[t].open));
  g_object_set_data (G_OBJECT (open), "cw-kind", GINT_TO_POINTER (targets[t].kind));
  g_object_set_data (G_OBJECT (open), "cw-id",
                     GSIZE_TO_POINTER ((gsize) cw_record_get_int (evidence, targets[t].field)));
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
  unlink = icon_button ("list-remove-symbolic", _("Unlink this evidence"));
  g_object_set_data (G_OBJECT (unlink), "cw-id",
                     GSIZE_TO_POINTER ((gsize) cw_record_get_id (evidence)));
  g_signal_connect (unlink, "clicked", G_CALLBACK (on_unlink_clicked), self);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), unlink);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  return box;
}

static void
fill_evidence (CwFindingsPage *self)
{
  g_autoptr (GPtrArray) evidence = rows_of (self, &cw_entity_finding_evidence, "finding_id",
                                            self->finding_id);

  clear_box (GTK_WIDGET (self->evidence_list));
  for (guint i = 0; i < evidence->len; i++)
    gtk_list_box_append (self->evidence_list, evidence_row (self, evidence->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), evidence->len > 0);
  gtk_widget_set_visible (self->evidence_gap,
                          cw_analysis_count_evidence (self->store, self->finding_id) == 0);
}

static void
add_evidence_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (widget);
  static const char *const fields[] = { ['e'] = "episode_id", ['f'] = "factor_id",
                                        ['y'] = "entry_id" };
  guint selected = gtk_drop_down_get_selected (self->evidence_target);
  guint kind = gtk_drop_down_get_selected (self->evidence_kind);
  g_autoptr (GError) error = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *target_id = NULL;
  CwEvidenceTarget *target;

  if (self->finding_id == 0 || selected >= self->targets->len)
    return;
  target = &g_array_index (self->targets, CwEvidenceTarget, selected);
  finding = id_text (self->finding_id);
  target_id = id_text (target->id);
  if (cw_store_insert (self->store, &cw_entity_finding_evidence, self->review_id,
                       (const char *[]) { "finding_id", finding, fields[(int) target->kind],
                                          target_id, "kind",
                                          cw_evidence_kinds[kind < 5 ? kind : 0].id, NULL },
                       &error) == 0)
    cw_findings_page_report_error (self, error);
}

/**
 * cw_findings_page_show_finding_detail:
 *
 * Shows the selected finding: its fields, status moves, themes, evidence.
 */
void
cw_findings_page_show_finding_detail (CwFindingsPage *self)
{
  g_autoptr (CwRecord) finding = NULL;

  if (cw_record_form_get_id (self->finding_form) != self->finding_id)
    cw_record_form_set_record (self->finding_form, self->store, self->finding_id);
  if (self->store != NULL && self->finding_id != 0)
    finding = cw_store_get (self->store, &cw_entity_finding, self->finding_id, NULL);
  gtk_widget_set_visible (self->finding_scroller, finding != NULL);
  if (finding == NULL)
    return;
  self->syncing = TRUE;
  fill_status (self, self->finding_status_box, self->finding_status_error, &cw_entity_finding,
               cw_record_get (finding, "status"));
  fill_themes (self);
  fill_evidence (self);
  self->syncing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.add-evidence",
                                 self->targets->len > 0);
}

/* The findings a recommendation comes from */

static void
on_link_toggled (GtkCheckButton *check,
                 CwFindingsPage *self)
{
  gint64 finding = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cw-finding"));
  gint64 link = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "cw-link"));
  g_autoptr (GError) error = NULL;
  g_autofree char *recommendation = id_text (self->recommendation_id);
  g_autofree char *finding_text = id_text (finding);

  if (self->syncing)
    return;
  if (gtk_check_button_get_active (check) && link == 0)
    {
      if (cw_store_insert (self->store, &cw_entity_recommendation_finding, self->review_id,
                           (const char *[]) { "recommendation_id", recommendation,
                                              "finding_id", finding_text, NULL }, &error) == 0)
        cw_findings_page_report_error (self, error);
    }
  else if (!gtk_check_button_get_active (check) && link != 0
           && !cw_store_delete (self->store, &cw_entity_recommendation_finding, link, &error))
    cw_findings_page_report_error (self, error);
}

static void
fill_finding_checks (CwFindingsPage *self)
{
  g_autoptr (GPtrArray) findings = cw_analysis_list_findings (self->store, self->review_id, NULL);
  g_autoptr (GPtrArray) links = rows_of (self, &cw_entity_recommendation_finding,
                                         "recommendation_id", self->recommendation_id);
  guint linked = 0;

  clear_box (GTK_WIDGET (self->finding_checks));
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CwFinding *f = findings->pdata[i];
      g_autofree char *label = g_strdup_printf (_("Finding %d: %s"), (int) i + 1, f->statement);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      GtkWidget *text = gtk_widget_get_last_child (check);
      gint64 link = 0;

      for (guint j = 0; j < links->len; j++)
        if (cw_record_get_int (links->pdata[j], "finding_id") == f->id)
          link = cw_record_get_id (links->pdata[j]);
      linked += link != 0;
      if (GTK_IS_LABEL (text))
        {
          gtk_label_set_wrap (GTK_LABEL (text), TRUE);
          gtk_label_set_xalign (GTK_LABEL (text), 0.0);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), link != 0);
      g_object_set_data (G_OBJECT (check), "cw-finding", GSIZE_TO_POINTER ((gsize) f->id));
      g_object_set_data (G_OBJECT (check), "cw-link", GSIZE_TO_POINTER ((gsize) link));
      g_signal_connect (check, "toggled", G_CALLBACK (on_link_toggled), self);
      gtk_box_append (self->finding_checks, check);
    }
  if (findings == NULL || findings->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No findings yet: write them under Findings first."));
      gtk_label_set_xalign (GTK_LABEL (none), 0.0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->finding_checks, none);
    }
  gtk_widget_set_visible (self->link_gap, linked == 0);
}

/**
 * cw_findings_page_show_recommendation_detail:
 *
 * Shows the selected recommendation: its fields, status moves and the
 * findings it comes from.
 */
void
cw_findings_page_show_recommendation_detail (CwFindingsPage *self)
{
  g_autoptr (CwRecord) recommendation = NULL;

  if (cw_record_form_get_id (self->recommendation_form) != self->recommendation_id)
    cw_record_form_set_record (self->recommendation_form, self->store, self->recommendation_id);
  if (self->store != NULL && self->recommendation_id != 0)
    recommendation = cw_store_get (self->store, &cw_entity_recommendation,
                                   self->recommendation_id, NULL);
  gtk_widget_set_visible (self->recommendation_scroller, recommendation != NULL);
  if (recommendation == NULL)
    return;
  self->syncing = TRUE;
  fill_status (self, self->recommendation_status_box, self->recommendation_status_error,
               &cw_entity_recommendation, cw_record_get (recommendation, "status"));
  fill_finding_checks (self);
  self->syncing = FALSE;
}

void
cw_findings_page_install_detail_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "findings.add-evidence", NULL,
                                   add_evidence_activated);
}
