/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cw-actions-entities.h"
#include "cw-actions.h"
#include "cw-analysis-entities.h"
#include "cw-analysis.h"
#include "cw-chronology.h"
#include "cw-clock.h"
#include "cw-date.h"
#include "cw-privacy.h"
#include "cw-redactor.h"
#include "cw-register-entities.h"
#include "cw-report-sections.h"
#include "cw-review.h"
#include "cw-timeline.h"

#include "cw-report-sections-private.h"

/* Figures */

static void
figure_clear (gpointer data)
{
  Figure *figure = data;

  g_clear_pointer (&figure->timeline, cw_timeline_free);
  g_clear_object (&figure->model);
  g_clear_pointer (&figure->redactor, cw_redactor_unref);
  g_clear_pointer (&figure->image, cairo_surface_destroy);
  g_free ((char *) figure->frame.title);
}

static Figure *
figure_ref (Figure *figure)
{
  return g_atomic_rc_box_acquire (figure);
}

static void
figure_unref (gpointer figure)
{
  if (figure != NULL)
    g_atomic_rc_box_release_full (figure, figure_clear);
}

static void
figure_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  data)
{
  Figure *figure = data;

  if (figure->image != NULL)
    {
      cairo_scale (cr, width / cairo_image_surface_get_width (figure->image),
                   height / cairo_image_surface_get_height (figure->image));
      cairo_set_source_surface (cr, figure->image, 0, 0);
      cairo_paint (cr);
      return;
    }
  cw_timeline_render (figure->timeline, &figure->frame, cr);
}

/* Blocks */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->strings, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->widths, g_array_unref);
  figure_unref (block->figure);
  g_free (block->caption);
  g_free (block);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->heading);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

Block *
cw_sections_add_block (Reader    *r,
                       BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  /* NULL-terminated, so that the document reads them as they are */
  block->strings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_ptr_array_add (r->section->blocks, block);
  return block;
}

/* Returns: (transfer full) (nullable): @text as it may be shown: through
 * the redactor when anonymised; %NULL when empty */
static char *
shown (Reader     *r,
       const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return r->redactor ? cw_redactor_redact (r->redactor, text) : g_strdup (text);
}

static void
add_text (Reader     *r,
          const char *text)
{
  char *copy = shown (r, text);

  if (copy != NULL)
    g_ptr_array_add (cw_sections_add_block (r, BLOCK_TEXT)->strings, copy);
}

/* Words of the code, not of the data: never redacted. */
void
cw_sections_add_plain (Reader     *r,
                       const char *text)
{
  g_ptr_array_add (cw_sections_add_block (r, BLOCK_TEXT)->strings, g_strdup (text));
}

void
cw_sections_add_heading (Reader     *r,
                         guint       level,
                         const char *text)
{
  Block *block = cw_sections_add_block (r, BLOCK_HEADING);

  block->level = MIN (level, 3);
  g_ptr_array_add (block->strings, shown (r, text));
}

Block *
cw_sections_add_list (Reader   *r,
                      gboolean  numbered)
{
  return cw_sections_add_block (r, numbered ? BLOCK_NUMBERED : BLOCK_LIST);
}

void
cw_sections_item (Block      *block,
                  Reader     *r,
                  const char *text)
{
  char *copy = shown (r, text);

  if (copy != NULL)
    g_ptr_array_add (block->strings, copy);
}

static void
item_take (Block *block,
           char  *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (block->strings, text);
  else
    g_free (text);
}

/* A label of the code's and a value of the data's. */
void
cw_sections_pair (Block      *block,
                  Reader     *r,
                  const char *label,
                  const char *value)
{
  char *copy = shown (r, value);

  g_ptr_array_add (block->strings, g_strdup (label));
  g_ptr_array_add (block->strings, copy ? copy : g_strdup ("—"));
}

/* @header: (nullable): its cells; %NULL for a table without one */
Block *
cw_sections_add_table (Reader             *r,
                       guint               n,
                       const char * const *header,
                       const double       *widths)
{
  Block *block = cw_sections_add_block (r, BLOCK_TABLE);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (block->strings, header ? g_strdup (header[i]) : NULL);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->widths = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (block->widths, widths, n);
  return block;
}

/* A row of texts of the data's, each through the redactor; as many as the
 * header has columns. */
void
cw_sections_row (Block              *table,
                 Reader             *r,
                 const char * const *cells)
{
  guint n = table->widths->len;
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      copy[i] = shown (r, cells[i]);
      if (copy[i] == NULL)
        copy[i] = g_strdup ("");
    }
  g_ptr_array_add (table->rows, copy);
}

/* Where practitioners write: a box of empty lines. */
void
cw_sections_add_notes (Reader *r)
{
  cw_sections_add_block (r, BLOCK_NOTES);
}

void
cw_sections_add_none (Reader     *r,
                      const char *what)
{
  cw_sections_add_plain (r, what);
}

/* Data */

GListModel *
cw_sections_list_of (Reader          *r,
                     const CwEntity  *entity,
                     GError         **error)
{
  return cw_store_list (r->store, entity, r->review_id, error);
}

char *
cw_sections_day_text (const char *iso)
{
  return iso != NULL && *iso != '\0' ? cw_date_iso_to_display (iso) : NULL;
}

char *
cw_sections_span_text (const char *first,
                       const char *last)
{
  g_autofree char *a = cw_sections_day_text (first);
  g_autofree char *b = cw_sections_day_text (last);

  if (a == NULL)
    return g_strdup (_("dates not set"));
  if (b == NULL || g_strcmp0 (a, b) == 0)
    return g_steal_pointer (&a);
  return g_strdup_printf ("%s – %s", a, b);
}

char *
cw_sections_choice (const CwChoice *choices,
                    const char     *value)
{
  const char *label = value ? cw_choice_label (choices, value) : NULL;

  return g_strdup (label ? _(label) : value);
}

/* The lines of a long text field as a list's items. */
static void
items_of_lines (Block      *block,
                Reader     *r,
                const char *text)
{
  g_auto (GStrv) lines = text ? g_strsplit (text, "\n", -1) : NULL;

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      const char *p = line;

      /* "1. x", "2) x" and "- x": the list's own numbering and bullets */
      while (g_ascii_isdigit (*p))
        p++;
      if ((p > line && (*p == '.' || *p == ')') && p[1] == ' ')
          || (p == line && (*p == '-' || *p == '*') && p[1] == ' '))
        line = (char *) p + 2;
      cw_sections_item (block, r, g_strstrip (line));
    }
}

/* The review's own sections */

static gboolean
read_meeting (Reader  *r,
              GError **error)
{
  g_autoptr (CwRecord) referral = cw_store_get_referral (r->store, r->review_id, error);
  g_autofree char *meeting = NULL;
  const char *partnership = r->self->template->partnership;
  Block *pairs;

  if (referral == NULL)
    return FALSE;
  if (partnership != NULL)
    {
      g_autofree char *upper = g_utf8_strup (partnership, -1);
      g_autofree char *line = g_strdup_printf ("%s %s", upper, _("PRACTICE REVIEW"));

      cw_sections_add_plain (r, line);
    }
  meeting = cw_sections_day_text (cw_record_get (r->review, "report_date"));
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, "LSCB Business Group Meeting date:", meeting);
  /* The sender by name in the full version, by role in the other. */
  cw_sections_pair (pairs, r, "From:", r->redactor ? _("The practice review lead")
                                       : cw_record_get (referral, "lead_reviewer"));
  return TRUE;
}

static gboolean
read_heading_only (Reader  *r,
                   GError **error)
{
  return TRUE;
}

static char *
month_year (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3 || month < 1
      || month > 12)
    return NULL;
  return g_strdup_printf ("%s %d", cw_date_month_name (month), year);
}

static gboolean
read_background (Reader  *r,
                 GError **error)
{
  g_autofree char *kind = cw_record_dup_display (r->review, "kind");
  g_autofree char *methodology = cw_record_dup_display (r->review, "methodology");
  g_autofree char *incident = month_year (cw_record_get (r->review, "incident_date"));
  Block *pairs;

  add_text (r, cw_record_get (r->review, "summary"));
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, _("Kind of review"), kind);
  cw_sections_pair (pairs, r, _("Methodology"), methodology);
  cw_sections_pair (pairs, r, _("Subject"), cw_record_get (r->review, "subject_pseudonym"));
  cw_sections_pair (pairs, r, _("Month and year of the incident"), incident);
  return TRUE;
}

/* The group's members: by name, role and agency; by role and agency alone
 * when anonymised. */
static gboolean
read_review_group (Reader  *r,
                   GError **error)
{
  static const double named[] = { 0.3, 0.4, 0.3 }, unnamed[] = { 0.55, 0.45 };
  g_autoptr (GListModel) members = cw_sections_list_of (r, &cw_entity_member, error);
  const char *header[] = { _("Name"), _("Role"), _("Agency"), NULL };
  Block *table = NULL;

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr (CwRecord) member = g_list_model_get_item (members, i);
      g_autofree char *agency = cw_record_dup_display (member, "agency_id");
      const char *cells[] = { cw_record_get (member, "name"), cw_record_get (member, "role"),
                              agency, NULL };

      if (g_strcmp0 (cw_record_get (member, "group_kind"), "review") != 0)
        continue;
      if (table == NULL)
        table = r->redactor ? cw_sections_add_table (r, 2, header + 1, unnamed)
                            : cw_sections_add_table (r, 3, header, named);
      cw_sections_row (table, r, r->redactor ? cells + 1 : cells);
    }
  if (table == NULL)
    cw_sections_add_none (r, _("No members of the review group are recorded yet."));
  return TRUE;
}

gboolean
cw_sections_episodes_list (Reader   *r,
                           gboolean  numbered,
                           GError  **error)
{
  g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (r->store, r->review_id, error);
  Block *list;

  if (episodes == NULL)
    return FALSE;
  if (episodes->len == 0)
    {
      cw_sections_add_none (r, _("No key practice episodes are recorded yet."));
      return TRUE;
    }
  list = cw_sections_add_list (r, numbered);
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *episode = episodes->pdata[i];
      g_autofree char *title = shown (r, episode->title);
      g_autofree char *span = cw_sections_span_text (episode->first_day, episode->last_day);

      item_take (list, g_strdup_printf ("%s (%s)", title, span));
    }
  return TRUE;
}

/* The timeline as the app draws it, as vectors, then the episodes. */
static gboolean
read_shared_timeline (Reader  *r,
                      GError **error)
{
  Figure *figure = g_atomic_rc_box_new0 (Figure);
  double first = 0, last = 0;
  guint lanes;
  Block *block;

  figure->model = cw_chronology_model_new (r->store, r->review_id);
  figure->timeline = cw_timeline_new (r->store, r->review_id);
  if (r->redactor != NULL)
    figure->redactor = cw_redactor_ref (r->redactor);
  cw_chronology_model_set_redactor (figure->model, figure->redactor);
  if (!cw_chronology_model_refresh (figure->model, NULL, error)
      || !cw_timeline_load (figure->timeline, figure->model, error))
    {
      figure_unref (figure);
      return FALSE;
    }
  if (!cw_timeline_get_extent (figure->timeline, &first, &last))
    {
      figure_unref (figure);
      cw_sections_add_none (r, _("The chronology has no entries to draw yet."));
      return cw_sections_episodes_list (r, TRUE, error);
    }
  lanes = MAX (cw_timeline_n_lanes_shown (figure->timeline), 1);
  figure->frame.redactor = figure->redactor;
  figure->frame.width = CW_REPORT_A4_HEIGHT;
  figure->frame.height = CW_TIMELINE_AXIS + 28 + lanes * 48.0 + 16;
  cw_timeline_scale_fit (&figure->frame.scale, first, last,
                         figure->frame.width - CW_TIMELINE_LANE_LABELS);
  block = cw_sections_add_block (r, BLOCK_FIGURE);
  block->figure = figure;
  block->caption = g_strdup (_("The merged chronology of every agency, one lane each"));
  cw_sections_add_heading (r, 3, _("Key practice episodes"));
  return cw_sections_episodes_list (r, TRUE, error);
}

static gboolean
findings_list (Reader     *r,
               const char *kind,
               const char *scope,
               gboolean    transferable_only,
               const char *none,
               GError    **error)
{
  g_autoptr (GPtrArray) findings = cw_analysis_list_findings (r->store, r->review_id, error);
  Block *list = NULL;

  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = findings->pdata[i];

      if ((kind != NULL && g_strcmp0 (finding->kind, kind) != 0)
          || (scope != NULL && g_strcmp0 (finding->scope, scope) != 0)
          || (transferable_only && !finding->transferable))
        continue;
      if (list == NULL)
        list = cw_sections_add_list (r, TRUE);
      cw_sections_item (list, r, finding->statement);
    }
  if (list == NULL)
    cw_sections_add_none (r, none);
  return TRUE;
}

static gboolean
read_key_learning (Reader  *r,
                   GError **error)
{
  return findings_list (r, NULL, NULL, FALSE, _("No findings are recorded yet."), error);
}

static gboolean
read_recommendations (Reader  *r,
                      GError **error)
{
  g_autoptr (GPtrArray) recommendations = cw_analysis_list_recommendations (r->store,
                                                                            r->review_id, error);
  Block *list;

  if (recommendations == NULL)
    return FALSE;
  if (recommendations->len == 0)
    {
      cw_sections_add_none (r, _("No recommendations are recorded yet."));
      return TRUE;
    }
  list = cw_sections_add_list (r, TRUE);
  for (guint i = 0; i < recommendations->len; i++)
    {
      CwRecommendation *recommendation = recommendations->pdata[i];
      g_autofree char *text = shown (r, recommendation->text);
      g_autofree char *scope = cw_sections_choice (cw_recommendation_scopes, recommendation->scope);
      g_autofree char *status = cw_sections_choice (cw_recommendation_statuses, recommendation->status);

      item_take (list, g_strdup_printf ("%s (%s%s%s; %s%s%s)", text, scope,
                                        recommendation->agency ? ": " : "",
                                        recommendation->agency ? recommendation->agency : "",
                                        status, recommendation->addressed_to ? _("; to ") : "",
                                        recommendation->addressed_to
                                          ? recommendation->addressed_to : ""));
    }
  return TRUE;
}

/* Actions of the review, with their plan's recommendations. */
GPtrArray *
cw_sections_actions_of (Reader  *r,
                        GError **error)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;

  filter.review_id = r->review_id;
  filter.include_closed = TRUE;
  return cw_actions_list (r->store, &filter, &r->today, error);
}

gboolean
cw_sections_is_done (const CwAction *action)
{
  return action->closed_on != NULL || g_strcmp0 (action->status, "completed") == 0
         || g_strcmp0 (action->status, "impact-evidenced") == 0
         || g_strcmp0 (action->status, "embedded") == 0;
}

char *
cw_sections_owner_of (const CwAction *action)
{
  return g_strdup (action->agency ? action->agency : action->body);
}

/* Slough appendix 1: its eleven rows exactly, the guidance shown where
 * there is nothing to say yet. */
static gboolean
read_learning_summary (Reader  *r,
                       GError **error)
{
  static const double widths[] = { 0.36, 0.64 };
  g_autoptr (GPtrArray) findings = cw_analysis_list_findings (r->store, r->review_id, error);
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GString) learnt = g_string_new (NULL);
  g_autoptr (GString) single = g_string_new (NULL);
  g_autoptr (GString) multi = g_string_new (NULL);
  g_autoptr (GString) changes = g_string_new (NULL);
  g_autoptr (GString) audit = g_string_new (NULL);
  g_autofree char *completed = cw_date_format_display (&r->today);
  g_autofree char *kind = cw_record_dup_display (r->review, "kind");
  g_autofree char *methodology = cw_record_dup_display (r->review, "methodology");
  g_autofree char *type = NULL;
  g_autofree char *incident = month_year (cw_record_get (r->review, "incident_date"));
  Block *table;

  if (findings == NULL
      || (recommendations = cw_analysis_list_recommendations (r->store, r->review_id,
                                                              error)) == NULL
      || (actions = cw_sections_actions_of (r, error)) == NULL)
    return FALSE;
  type = methodology && *methodology ? g_strdup_printf ("%s: %s", kind, methodology)
                                     : g_strdup (kind);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = findings->pdata[i];

      g_string_append_printf (learnt, "%s• %s%s%s%s", learnt->len ? "\n" : "",
                              finding->statement, finding->themes ? " (" : "",
                              finding->themes ? finding->themes : "",
                              finding->themes ? ")" : "");
    }
  for (guint i = 0; i < recommendations->len; i++)
    {
      CwRecommendation *recommendation = recommendations->pdata[i];
      GString *to = g_strcmp0 (recommendation->scope, "single") == 0 ? single : multi;

      g_string_append_printf (to, "%s%d. %s%s%s%s", to->len ? "\n" : "",
                              recommendation->position, recommendation->text,
                              recommendation->agency ? " (" : "",
                              recommendation->agency ? recommendation->agency : "",
                              recommendation->agency ? ")" : "");
    }
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = actions->pdata[i];
      g_autofree char *owner = cw_sections_owner_of (action);

      g_string_append_printf (changes, "%s• %s%s%s%s", changes->len ? "\n" : "",
                              action->description, owner ? " (" : "", owner ? owner : "",
                              owner ? ")" : "");
      if (action->impact_measure != NULL || action->audit_method != NULL)
        g_string_append_printf (audit, "%s• %s%s%s", audit->len ? "\n" : "",
                                action->impact_measure ? action->impact_measure : "",
                                action->impact_measure && action->audit_method ? "; " : "",
                                action->audit_method ? action->audit_method : "");
    }
  {
    const char *rows[][2] = {
      { "Date Form Completed", completed },
      { "Type of Review conducted", type ? type : "(Please include details of methodology, "
        "chairing/authoring, how case was selected)" },
      { "Month/year of incident", incident },
      { "Review reference code", cw_record_get (r->review, "reference") },
      { "What you learnt about the case: Key themes/ early learning.",
        learnt->len ? learnt->str : "(Specific issues or general areas of concern or good "
        "practice)" },
      { "What you learnt about the review/ methodology:",
        "(What worked / didn't?; Who was involved, how long did it take, chairs, authors "
        "etc)" },
      { "Key recommendations - single agency",
        single->len ? single->str : "(Indicate transferrable learning, not necessarily all "
        "recommendations)" },
      { "Key recommendations - Multi-agency",
        multi->len ? multi->str : "(As above, focus on transferrable learning)" },
      { "How do you intend to make changes? Who's doing what?", changes->str },
      { "How will you audit the impact? I.e. how will you know anything has changed?",
        audit->str },
      { "Any other comments, advice, suggestions - about the case, the method, embedding "
        "change or evidencing impact/change", NULL },
    };

    table = cw_sections_add_table (r, 2, NULL, widths);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        const char *cells[] = { rows[i][0], rows[i][1], NULL };

        cw_sections_row (table, r, cells);
      }
  }
  return TRUE;
}

/* Falkirk appendix 3: the referrer's part, fields 1 to 14 as the form
 * words them. */
static gboolean
read_referral (Reader  *r,
               GError **error)
{
  g_autoptr (CwRecord) referral = cw_store_get_referral (r->store, r->review_id, error);
  static const char *const fields[] = {
    "referrer_name", "Name of person completing this Report:",
    "service_team", "Service/Team:",
    "submitted_on", "Date form submitted to Service Manager",
    "child_name", "Name of Child or Young Person",
    "swis_number", "SWIS No.",
    "parents_carers", "Name of Parents/Carers",
    "household", "Others In Household (name & relationship)",
    "agencies_involved", "Other agencies known to be involved",
    "grounds", "Ground(s) on which the criteria for a Learning Review may have met",
    "circumstances", "Brief description of the circumstances of the Case",
    "key_facts", "Key Facts/Background to the Case (include chronology)",
    "reasons", "Please give details of the reasons why a Learning Review has been requested",
    "worker_signed_on", "Signature of Worker",
    "manager_signed_on", "Signature of Line Manager",
    NULL,
  };
  Block *pairs;

  if (referral == NULL)
    return FALSE;
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      g_autofree char *value = cw_record_dup_display (referral, fields[i]);

      if (g_str_has_suffix (fields[i], "_signed_on") && value && *value)
        {
          g_autofree char *signed_on = g_strdup_printf (_("Signed on %s"), value);

          cw_sections_pair (pairs, r, fields[i + 1], signed_on);
        }
      else
        cw_sections_pair (pairs, r, fields[i + 1], value);
    }
  return TRUE;
}

/* Falkirk appendix 3, "To be completed by CFCIG": fields 15 to 19. */
static gboolean
read_decision (Reader  *r,
               GError **error)
{
  g_autoptr (CwRecord) referral = cw_store_get_referral (r->store, r->review_id, error);
  g_autofree char *discussed = NULL;
  const char *decision;
  Block *pairs;

  if (referral == NULL)
    return FALSE;
  discussed = cw_record_dup_display (referral, "discussed_on");
  decision = cw_record_get (referral, "decision");
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, "Date discussed:", discussed);
  cw_sections_pair (pairs, r, "Decision: Proceed to Learning Review YES / NO",
        g_strcmp0 (decision, "proceed") == 0 ? "YES"
        : g_strcmp0 (decision, "not-proceed") == 0 ? "NO" : NULL);
  cw_sections_pair (pairs, r, "Rationale:", cw_record_get (referral, "rationale"));
  cw_sections_add_heading (r, 2, "If decision to proceed to a Learning Review:");
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, "Key objectives of the Review", cw_record_get (referral, "key_objectives"));
  cw_sections_pair (pairs, r, "Lead Reviewer", cw_record_get (referral, "lead_reviewer"));
  cw_sections_pair (pairs, r, "Timescale for completion", cw_record_get (referral, "timescale"));
  cw_sections_add_heading (r, 2, "If decision not to proceed to Learning Review:");
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, "Further action required", cw_record_get (referral, "further_actions"));
  return TRUE;
}

/* The referral's key objectives, then the terms of reference. */
static gboolean
read_objectives (Reader  *r,
                 GError **error)
{
  g_autoptr (CwRecord) referral = cw_store_get_referral (r->store, r->review_id, error);
  g_autoptr (GListModel) terms = NULL;
  Block *list;

  if (referral == NULL || (terms = cw_sections_list_of (r, &cw_entity_tor_item, error)) == NULL)
    return FALSE;
  list = cw_sections_add_list (r, TRUE);
  items_of_lines (list, r, cw_record_get (referral, "key_objectives"));
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr (CwRecord) term = g_list_model_get_item (terms, i);

      cw_sections_item (list, r, cw_record_get (term, "text"));
    }
  if (list->strings->len == 0)
    {
      g_ptr_array_remove (r->section->blocks, list);
      cw_sections_add_none (r, _("No objectives are recorded yet: the decision on the referral sets "
                     "them."));
    }
  return TRUE;
}

static gboolean
read_findings_by_kind (Reader  *r,
                       GError **error)
{
  cw_sections_add_heading (r, 2, _("Good practice"));
  if (!findings_list (r, "good-practice", NULL, FALSE, _("No good practice is recorded yet."),
                      error))
    return FALSE;
  cw_sections_add_heading (r, 2, _("Areas for improvement"));
  return findings_list (r, "improvement", NULL, FALSE,
                        _("No areas for improvement are recorded yet."), error);
}

static gboolean
read_good_practice (Reader  *r,
                    GError **error)
{
  return findings_list (r, "good-practice", NULL, FALSE, _("No good practice is recorded yet."),
                        error);
}

static gboolean
read_findings_case (Reader  *r,
                    GError **error)
{
  return findings_list (r, "improvement", "case", FALSE,
                        _("No findings about this case are recorded yet."), error);
}

static gboolean
read_findings_wider (Reader  *r,
                     GError **error)
{
  return findings_list (r, "improvement", "wider", FALSE,
                        _("No findings with wider implications are recorded yet."), error);
}

static gboolean
read_factors (Reader  *r,
              GError **error)
{
  static const double widths[] = { 0.22, 0.14, 0.14, 0.5 };
  g_autoptr (GPtrArray) factors = cw_analysis_list_factors (r->store, r->review_id, error);
  const char *header[] = { _("Factor"), _("Effect"), _("Level"), _("Why it mattered"), NULL };
  Block *table;

  if (factors == NULL)
    return FALSE;
  if (factors->len == 0)
    {
      cw_sections_add_none (r, _("No contributory factors are recorded yet."));
      return TRUE;
    }
  table = cw_sections_add_table (r, 4, header, widths);
  for (guint i = 0; i < factors->len; i++)
    {
      CwFactor *factor = factors->pdata[i];
      g_autofree char *direction = cw_sections_choice (cw_factor_directions, factor->direction);
      g_autofree char *level = cw_sections_choice (cw_factor_levels, factor->level);
      g_autofree char *name = factor->root_cause
                                ? g_strdup_printf (_("%s (a root cause)"), factor->category)
                                : g_strdup (factor->category);
      const char *cells[] = { name, direction, level, factor->why, NULL };

      cw_sections_row (table, r, cells);
    }
  return TRUE;
}

static gboolean
read_corrections (Reader  *r,
                  GError **error)
{
  GDate by = r->today;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  g_date_add_days (&by, 14);
  date = cw_date_format_display (&by);
  text = g_strdup_printf (_("This outline is shared with the group for an accuracy check. "
                            "Please send any corrections, and anything missing, to the lead "
                            "reviewer by %s. The findings are not final until the group has "
                            "agreed them."), date);
  cw_sections_add_plain (r, text);
  return TRUE;
}

/* How the review was done, and who took part: by role and agency, never
 * by name. */
static gboolean
read_method (Reader  *r,
             GError **error)
{
  static const double widths[] = { 0.6, 0.4 };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) event = cw_sections_learning_event (r, &local_error);
  g_autofree char *methodology = cw_record_dup_display (r->review, "methodology");
  g_autoptr (GListModel) participants = NULL;
  const char *header[] = { _("Role at the time"), _("Agency"), NULL };
  Block *pairs, *table = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, _("Methodology"), methodology);
  if (event != NULL)
    {
      g_autofree char *kind = cw_record_dup_display (event, "kind");
      g_autofree char *held = cw_record_dup_display (event, "held_on");
      g_autofree char *tool = cw_record_dup_display (event, "tool");
      g_autofree char *sources = cw_record_dup_display (event, "sources");

      cw_sections_pair (pairs, r, _("Learning event"), kind);
      cw_sections_pair (pairs, r, _("Held on"), held);
      cw_sections_pair (pairs, r, _("Discussion tool"), tool);
      cw_sections_pair (pairs, r, _("Drawing on"), sources);
    }
  if ((participants = cw_sections_list_of (r, &cw_entity_event_participant, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr (CwRecord) participant = g_list_model_get_item (participants, i);
      g_autoptr (CwRecord) member = cw_store_get (r->store, &cw_entity_member,
                                                  cw_record_get_int (participant, "member_id"),
                                                  NULL);
      g_autofree char *agency = member ? cw_record_dup_display (member, "agency_id") : NULL;
      const char *role = cw_record_get (participant, "role_at_time");
      const char *cells[] = { role ? role : member ? cw_record_get (member, "role") : NULL,
                              agency, NULL };

      if (table == NULL)
        {
          cw_sections_add_heading (r, 3, _("Participants"));
          table = cw_sections_add_table (r, 2, header, widths);
        }
      cw_sections_row (table, r, cells);
    }
  return TRUE;
}

CwRecord *
cw_sections_plan_of (Reader  *r,
                     GError **error)
{
  g_autoptr (GListModel) plans = cw_sections_list_of (r, &cw_entity_action_plan, error);

  if (plans == NULL || g_list_model_get_n_items (plans) == 0)
    return NULL;
  return g_list_model_get_item (plans, 0);
}

static gboolean
read_monitoring (Reader  *r,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) plan = cw_sections_plan_of (r, &local_error);
  g_autofree char *body = NULL;
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (plan == NULL)
    {
      cw_sections_add_none (r, _("No action plan is recorded yet, so no monitoring process either."));
      return TRUE;
    }
  body = cw_record_dup_display (plan, "monitoring_body");
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  cw_sections_pair (pairs, r, _("Monitored by"), body);
  cw_sections_pair (pairs, r, _("How"), cw_record_get (plan, "monitoring_process"));
  return TRUE;
}

static gboolean
read_dissemination (Reader  *r,
                    GError **error)
{
  cw_sections_add_plain (r, _("Learning marked as transferable, to share with the teams involved, the "
                  "service and the wider workforce:"));
  return findings_list (r, NULL, NULL, TRUE,
                        _("No finding is marked as transferable learning yet."), error);
}

/* What practitioners said at the learning event, by prompt: internal. */
static gboolean
read_participant_accounts (Reader  *r,
                           GError **error)
{
  g_autoptr (GListModel) notes = cw_sections_list_of (r, &cw_entity_event_note, error);

  if (notes == NULL)
    return FALSE;
  for (guint c = 0; cw_event_prompts[c].id != NULL; c++)
    {
      Block *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr (CwRecord) note = g_list_model_get_item (notes, i);

          if (g_strcmp0 (cw_record_get (note, "prompt"), cw_event_prompts[c].id) != 0)
            continue;
          if (list == NULL)
            {
              cw_sections_add_heading (r, 2, _(cw_event_prompts[c].label));
              list = cw_sections_add_list (r, FALSE);
            }
          cw_sections_item (list, r, cw_record_get (note, "text"));
        }
    }
  if (r->section->blocks->len == 0)
    cw_sections_add_none (r, _("No notes of the learning event are recorded yet."));
  return TRUE;
}

static gboolean
read_urgent_issues (Reader  *r,
                    GError **error)
{
  static const double widths[] = { 0.5, 0.2, 0.15, 0.15 };
  g_autoptr (GListModel) issues = cw_sections_list_of (r, &cw_entity_urgent_issue, error);
  const char *header[] = { _("Issue"), _("Agency"), _("Raised"), _("Action confirmed"), NULL };
  Block *table = NULL;

  if (issues == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr (CwRecord) issue = g_list_model_get_item (issues, i);
      g_autofree char *agency = cw_record_dup_display (issue, "agency_id");
      g_autofree char *raised = cw_record_dup_display (issue, "raised_on");
      g_autofree char *confirmed = cw_record_dup_display (issue, "confirmed_on");
      const char *cells[] = { cw_record_get (issue, "description"), agency, raised, confirmed,
                              NULL };

      if (table == NULL)
        table = cw_sections_add_table (r, 4, header, widths);
      cw_sections_row (table, r, cells);
    }
  if (table == NULL)
    cw_sections_add_none (r, _("No urgent issues were raised."));
  return TRUE;
}

/* The kinds of section a template may name */

static const SectionKind kinds[] = {
  { "heading", FALSE, read_heading_only },
  { "meeting", FALSE, read_meeting },
  { "background", FALSE, read_background },
  { "review-group", FALSE, read_review_group },
  { "shared-timeline", FALSE, read_shared_timeline },
  { "key-learning", FALSE, read_key_learning },
  { "recommendations", FALSE, read_recommendations },
  { "learning-summary", FALSE, read_learning_summary },
  { "referral", TRUE, read_referral },
  { "decision", TRUE, read_decision },
  { "event-details", FALSE, cw_sections_read_event_details },
  { "anatomy", FALSE, cw_sections_read_anatomy },
  { "episodes", FALSE, cw_sections_read_episodes },
  { "episodes-summary", FALSE, cw_sections_read_episodes_summary },
  { "discussion", FALSE, cw_sections_read_discussion },
  { "objectives", TRUE, read_objectives },
  { "findings-by-kind", FALSE, read_findings_by_kind },
  { "good-practice", FALSE, read_good_practice },
  { "findings-case", FALSE, read_findings_case },
  { "findings-wider", FALSE, read_findings_wider },
  { "factors", FALSE, read_factors },
  { "corrections", FALSE, read_corrections },
  { "method", FALSE, read_method },
  { "monitoring", FALSE, read_monitoring },
  { "dissemination", FALSE, read_dissemination },
  { "participant-accounts", TRUE, read_participant_accounts },
  { "urgent-issues", TRUE, read_urgent_issues },
  { "plan", FALSE, cw_sections_read_plan },
  { "actions", FALSE, cw_sections_read_actions },
  { "actions-taken", FALSE, cw_sections_read_actions_taken },
  { "impact", FALSE, cw_sections_read_impact },
  { "more-to-do", FALSE, cw_sections_read_more_to_do },
  { "annual-reviews", FALSE, cw_sections_read_annual_reviews },
  { "annual-findings", FALSE, cw_sections_read_annual_findings },
  { "annual-impact", FALSE, cw_sections_read_annual_impact },
  { "annual-actions", FALSE, cw_sections_read_annual_actions },
  { "annual-wider", FALSE, cw_sections_read_annual_wider },
};

static const SectionKind *
kind_find (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].kind, kind) == 0)
      return &kinds[i];
  return NULL;
}

/**
 * cw_report_sections_check:
 *
 * Every section of @template is of a kind the code provides, and a
 * publishable template has no internal one.
 *
 * Returns: whether it can be used, or %FALSE with an error naming the file
 *   and line
 */
gboolean
cw_report_sections_check (const CwReportTemplate  *template,
                          GError                 **error)
{
  for (guint i = 0; i < template->sections->len; i++)
    {
      const CwReportTemplateSection *section = template->sections->pdata[i];
      const SectionKind *kind = kind_find (section->kind);

      if (kind == NULL)
        {
          g_autoptr (GString) names = g_string_new (NULL);

          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            g_string_append_printf (names, "%s%s", k ? ", " : "", kinds[k].kind);
          g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE,
                       _("%s, line %u: there is no section kind “%s”; the kinds are: %s"),
                       section->file, section->line, section->kind, names->str);
          return FALSE;
        }
      if (kind->internal && !template->internal)
        {
          g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE,
                       _("%s, line %u: the section “%s” holds internal material and this "
                         "document is publishable: leave it out, or make the document "
                         "audience = internal"),
                       section->file, section->line, section->kind);
          return FALSE;
        }
      if (section->heading == NULL && strcmp (section->kind, "heading") == 0)
        {
          g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE,
                       _("%s, line %u: a section of kind “heading” needs its heading"),
                       section->file, section->line);
          return FALSE;
        }
    }
  return TRUE;
}

static Figure *
read_logo (const CwReportTemplate  *template,
           GError                 **error)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (template->logo);
  Figure *figure;

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_TEMPLATE,
                   _("%s, line %u: the logo %s could not be read (%s): give the path of a "
                     "PNG image"), template->file, template->logo_line, template->logo,
                   cairo_status_to_string (cairo_surface_status (image)));
      cairo_surface_destroy (image);
      return NULL;
    }
  figure = g_atomic_rc_box_new0 (Figure);
  figure->image = image;
  /* At most 72 points tall on the page: three times that in pixels. */
  figure->width = cairo_image_surface_get_width (image);
  figure->height = cairo_image_surface_get_height (image);
  return figure;
}

void
cw_report_sections_free (CwReportSections *self)
{
  if (self == NULL)
    return;
  cw_report_template_free (self->template);
  g_free (self->reference);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);
  g_free (self->made);
  g_ptr_array_unref (self->sections);
  figure_unref (self->logo);
  g_free (self);
}

/**
 * cw_report_sections_read:
 * @template: (transfer full): the document's, checked by
 *   cw_report_sections_check()
 * @anonymised: every text of the data through the review's redactor
 *
 * Reads every section of the document, on the store's thread.
 *
 * Returns: (transfer full) (nullable): the plain data to build it from
 */
CwReportSections *
cw_report_sections_read (CwStore           *store,
                         gint64             review_id,
                         CwReportTemplate  *template,
                         gboolean           anonymised,
                         GError           **error)
{
  g_autoptr (CwReportSections) self = g_new0 (CwReportSections, 1);
  g_autoptr (CwRedactor) redactor = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GDateTime) now = cw_clock_now ();
  Reader r = { store, review_id };

  /* A document for publication names no one, whatever was asked. */
  anonymised = anonymised || !template->internal;
  self->template = template;
  self->anonymised = anonymised;
  self->sections = g_ptr_array_new_with_free_func (section_free);
  if ((review = cw_store_get (store, &cw_entity_review, review_id, error)) == NULL
      || (anonymised && (redactor = cw_redactor_new_for_review (store, review_id,
                                                                 error)) == NULL))
    return NULL;
  if (template->logo != NULL && (self->logo = read_logo (template, error)) == NULL)
    return NULL;
  r.redactor = redactor;
  r.review = review;
  r.self = self;
  cw_clock_today (&r.today);
  self->reference = g_strdup (cw_record_get (review, "reference"));
  self->subject = g_strdup (cw_record_get (review, "subject_pseudonym"));
  /* A title may name the child: an anonymised document goes by the
   * pseudonym alone. */
  self->title = g_strdup (anonymised ? self->subject : cw_record_get (review, "title"));
  self->author = g_strdup (cw_store_get_actor (store));
  self->made = g_date_time_format (now, "%d/%m/%Y");
  for (guint i = 0; i < template->sections->len; i++)
    {
      const CwReportTemplateSection *entry = template->sections->pdata[i];
      Section *section = g_new0 (Section, 1);

      section->heading = g_strdup (entry->heading);
      section->level = entry->level;
      section->blocks = g_ptr_array_new_with_free_func (block_free);
      g_ptr_array_add (self->sections, section);
      r.section = section;
      if (!kind_find (entry->kind)->read (&r, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

static void
build_block (CwReportDocument *document,
             const Block      *block)
{
  const char *const *strings = (const char *const *) block->strings->pdata;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      cw_report_document_add_text (document, strings[0]);
      break;
    case BLOCK_HEADING:
      cw_report_document_add_heading (document, block->level, strings[0]);
      break;
    case BLOCK_LIST:
    case BLOCK_NUMBERED:
      cw_report_document_add_list (document, block->kind == BLOCK_NUMBERED, strings);
      break;
    case BLOCK_PAIRS:
      cw_report_document_add_key_values (document, strings);
      break;
    case BLOCK_TABLE:
      {
        CwReportTable *table = cw_report_document_add_table (document, block->widths->len,
                                                             (const double *) block->widths->data);

        if (strings[0] != NULL)
          cw_report_table_set_header (table, strings);
        for (guint i = 0; i < block->rows->len; i++)
          cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, block->rows->pdata[i]);
      }
      break;
    case BLOCK_FIGURE:
      cw_report_document_add_figure (document, block->figure->frame.width,
                                     block->figure->frame.height, figure_draw,
                                     figure_ref (block->figure), figure_unref, block->caption);
      break;
    case BLOCK_NOTES:
      {
        static const double widths[] = { 1.0 };
        const char *header[] = { _("Notes"), NULL };
        const char *lines[] = { "\n\n\n\n\n\n", NULL };
        CwReportTable *table = cw_report_document_add_table (document, 1, widths);

        cw_report_table_set_header (table, header);
        cw_report_table_add_row (table, CW_REPORT_ROW_NORMAL, lines);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * cw_report_sections_build:
 *
 * Returns: (transfer full): the document, from the snapshot alone, on any
 *   thread
 */
CwReportDocument *
cw_report_sections_build (const CwReportSections *self,
                          CwReportStatus          status)
{
  const CwReportTemplate *template = self->template;
  CwReportDocument *document = cw_report_document_new (template->title);
  g_autofree char *subtitle = NULL;
  g_autofree char *subject = NULL;
  const char *pairs[21] = { NULL };
  guint n = 0;

  cw_report_document_set_orientation (document, template->orientation);
  cw_report_document_set_reference (document, self->reference);
  cw_report_document_set_marking (document, template->internal ? CW_REPORT_MARKING_INTERNAL
                                                               : template->marking);
  cw_report_document_set_status (document, status);
  cw_report_document_set_author (document, self->author);
  subject = g_strdup_printf ("%s · %s", self->reference, self->title ? self->title : "");
  cw_report_document_set_subject (document, subject);
  subtitle = template->subtitle ? g_strdup (template->subtitle) : g_strdup (subject);
  if (template->partnership != NULL)
    {
      pairs[n++] = _("Partnership");
      pairs[n++] = template->partnership;
    }
  pairs[n++] = _("Reference");
  pairs[n++] = self->reference;
  if (self->subject != NULL)
    {
      pairs[n++] = _("Subject");
      pairs[n++] = self->subject;
    }
  pairs[n++] = _("For");
  pairs[n++] = template->internal ? _("The review group and agencies only: not for publication")
                                  : _("Publication");
  pairs[n++] = _("Version");
  pairs[n++] = self->anonymised ? _("Anonymised: names from the people register are replaced "
                                    "by pseudonyms")
                                : _("Full: names included");
  pairs[n++] = _("Status");
  pairs[n++] = status == CW_REPORT_FINAL ? _("Final") : _("Draft");
  pairs[n++] = _("Made");
  pairs[n++] = self->made;
  if (self->author != NULL)
    {
      pairs[n++] = _("Made by");
      pairs[n++] = self->author;
    }
  cw_report_document_add_title_page (document, subtitle, pairs);
  if (self->logo != NULL)
    cw_report_document_set_title_logo (document, self->logo->width, self->logo->height,
                                       figure_draw, figure_ref (self->logo), figure_unref);
  cw_report_document_add_contents (document);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = self->sections->pdata[i];

      if (section->heading != NULL)
        cw_report_document_add_heading (document, section->level, section->heading);
      for (guint j = 0; j < section->blocks->len; j++)
        build_block (document, section->blocks->pdata[j]);
    }
  return document;
}
