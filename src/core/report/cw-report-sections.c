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

/* The documents made from templates. Reading gives each section of the
 * template its blocks of plain text (every text read through the review's
 * redactor when anonymised); building lays them into a document. */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_LIST,
  BLOCK_NUMBERED,
  BLOCK_PAIRS,
  BLOCK_TABLE,
  BLOCK_HEADING,
  BLOCK_FIGURE,
  BLOCK_NOTES,
} BlockKind;

/* A figure drawn when its page is written, maybe on another thread and
 * after the snapshot is gone: counted references. */
typedef struct
{
  CwTimeline        *timeline;
  CwChronologyModel *model;
  CwRedactor        *redactor;
  CwTimelineFrame    frame;
  cairo_surface_t   *image;
  double             width, height;
} Figure;

typedef struct
{
  BlockKind  kind;
  guint      level;    /* of a heading */
  GPtrArray *strings;  /* text: one; lists: items; pairs: label, value, ...; table: header */
  GPtrArray *rows;     /* of a table: GStrv */
  GArray    *widths;   /* of a table's columns: double */
  Figure    *figure;
  char      *caption;
} Block;

typedef struct
{
  char      *heading;
  guint      level;
  GPtrArray *blocks;
} Section;

struct _CwReportSections
{
  CwReportTemplate *template;
  gboolean          anonymised;
  char             *reference;
  char             *title;
  char             *subject;
  char             *author;
  char             *made;
  GPtrArray        *sections;
  Figure           *logo;
};

typedef struct
{
  CwStore          *store;
  gint64            review_id;
  CwRedactor       *redactor;
  CwRecord         *review;
  CwReportSections *self;
  Section          *section;
  GDate             today;
} Reader;

typedef gboolean (*ReadFunc) (Reader  *r,
                              GError **error);

typedef struct
{
  const char *kind;
  gboolean    internal; /* never in a publishable document */
  ReadFunc    read;
} SectionKind;

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

static Block *
add_block (Reader    *r,
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
    g_ptr_array_add (add_block (r, BLOCK_TEXT)->strings, copy);
}

/* Words of the code, not of the data: never redacted. */
static void
add_plain (Reader     *r,
           const char *text)
{
  g_ptr_array_add (add_block (r, BLOCK_TEXT)->strings, g_strdup (text));
}

static void
add_heading (Reader     *r,
             guint       level,
             const char *text)
{
  Block *block = add_block (r, BLOCK_HEADING);

  block->level = MIN (level, 3);
  g_ptr_array_add (block->strings, shown (r, text));
}

static Block *
add_list (Reader   *r,
          gboolean  numbered)
{
  return add_block (r, numbered ? BLOCK_NUMBERED : BLOCK_LIST);
}

static void
item (Block      *block,
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
static void
pair (Block      *block,
      Reader     *r,
      const char *label,
      const char *value)
{
  char *copy = shown (r, value);

  g_ptr_array_add (block->strings, g_strdup (label));
  g_ptr_array_add (block->strings, copy ? copy : g_strdup ("—"));
}

/* @header: (nullable): its cells; %NULL for a table without one */
static Block *
add_table (Reader             *r,
           guint               n,
           const char * const *header,
           const double       *widths)
{
  Block *block = add_block (r, BLOCK_TABLE);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (block->strings, header ? g_strdup (header[i]) : NULL);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->widths = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (block->widths, widths, n);
  return block;
}

/* A row of texts of the data's, each through the redactor; as many as the
 * header has columns. */
static void
row (Block              *table,
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
static void
add_notes (Reader *r)
{
  add_block (r, BLOCK_NOTES);
}

static void
add_none (Reader     *r,
          const char *what)
{
  add_plain (r, what);
}

/* Data */

static GListModel *
list_of (Reader          *r,
         const CwEntity  *entity,
         GError         **error)
{
  return cw_store_list (r->store, entity, r->review_id, error);
}

static char *
day_text (const char *iso)
{
  return iso != NULL && *iso != '\0' ? cw_date_iso_to_display (iso) : NULL;
}

static char *
span_text (const char *first,
           const char *last)
{
  g_autofree char *a = day_text (first);
  g_autofree char *b = day_text (last);

  if (a == NULL)
    return g_strdup (_("dates not set"));
  if (b == NULL || g_strcmp0 (a, b) == 0)
    return g_steal_pointer (&a);
  return g_strdup_printf ("%s – %s", a, b);
}

static char *
choice (const CwChoice *choices,
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
      item (block, r, g_strstrip (line));
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

      add_plain (r, line);
    }
  meeting = day_text (cw_record_get (r->review, "report_date"));
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, "LSCB Business Group Meeting date:", meeting);
  /* The sender by name in the full version, by role in the other. */
  pair (pairs, r, "From:", r->redactor ? _("The practice review lead")
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
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, _("Kind of review"), kind);
  pair (pairs, r, _("Methodology"), methodology);
  pair (pairs, r, _("Subject"), cw_record_get (r->review, "subject_pseudonym"));
  pair (pairs, r, _("Month and year of the incident"), incident);
  return TRUE;
}

/* The group's members: by name, role and agency; by role and agency alone
 * when anonymised. */
static gboolean
read_review_group (Reader  *r,
                   GError **error)
{
  static const double named[] = { 0.3, 0.4, 0.3 }, unnamed[] = { 0.55, 0.45 };
  g_autoptr (GListModel) members = list_of (r, &cw_entity_member, error);
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
        table = r->redactor ? add_table (r, 2, header + 1, unnamed)
                            : add_table (r, 3, header, named);
      row (table, r, r->redactor ? cells + 1 : cells);
    }
  if (table == NULL)
    add_none (r, _("No members of the review group are recorded yet."));
  return TRUE;
}

static gboolean
episodes_list (Reader   *r,
               gboolean  numbered,
               GError  **error)
{
  g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (r->store, r->review_id, error);
  Block *list;

  if (episodes == NULL)
    return FALSE;
  if (episodes->len == 0)
    {
      add_none (r, _("No key practice episodes are recorded yet."));
      return TRUE;
    }
  list = add_list (r, numbered);
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *episode = episodes->pdata[i];
      g_autofree char *title = shown (r, episode->title);
      g_autofree char *span = span_text (episode->first_day, episode->last_day);

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
      add_none (r, _("The chronology has no entries to draw yet."));
      return episodes_list (r, TRUE, error);
    }
  lanes = MAX (cw_timeline_n_lanes_shown (figure->timeline), 1);
  figure->frame.redactor = figure->redactor;
  figure->frame.width = CW_REPORT_A4_HEIGHT;
  figure->frame.height = CW_TIMELINE_AXIS + 28 + lanes * 48.0 + 16;
  cw_timeline_scale_fit (&figure->frame.scale, first, last,
                         figure->frame.width - CW_TIMELINE_LANE_LABELS);
  block = add_block (r, BLOCK_FIGURE);
  block->figure = figure;
  block->caption = g_strdup (_("The merged chronology of every agency, one lane each"));
  add_heading (r, 3, _("Key practice episodes"));
  return episodes_list (r, TRUE, error);
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
        list = add_list (r, TRUE);
      item (list, r, finding->statement);
    }
  if (list == NULL)
    add_none (r, none);
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
      add_none (r, _("No recommendations are recorded yet."));
      return TRUE;
    }
  list = add_list (r, TRUE);
  for (guint i = 0; i < recommendations->len; i++)
    {
      CwRecommendation *recommendation = recommendations->pdata[i];
      g_autofree char *text = shown (r, recommendation->text);
      g_autofree char *scope = choice (cw_recommendation_scopes, recommendation->scope);
      g_autofree char *status = choice (cw_recommendation_statuses, recommendation->status);

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
static GPtrArray *
actions_of (Reader  *r,
            GError **error)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;

  filter.review_id = r->review_id;
  filter.include_closed = TRUE;
  return cw_actions_list (r->store, &filter, &r->today, error);
}

static gboolean
is_done (const CwAction *action)
{
  return action->closed_on != NULL || g_strcmp0 (action->status, "completed") == 0
         || g_strcmp0 (action->status, "impact-evidenced") == 0
         || g_strcmp0 (action->status, "embedded") == 0;
}

static char *
owner_of (const CwAction *action)
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
      || (actions = actions_of (r, error)) == NULL)
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
      g_autofree char *owner = owner_of (action);

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

    table = add_table (r, 2, NULL, widths);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        const char *cells[] = { rows[i][0], rows[i][1], NULL };

        row (table, r, cells);
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
  pairs = add_block (r, BLOCK_PAIRS);
  for (guint i = 0; fields[i] != NULL; i += 2)
    {
      g_autofree char *value = cw_record_dup_display (referral, fields[i]);

      if (g_str_has_suffix (fields[i], "_signed_on") && value && *value)
        {
          g_autofree char *signed_on = g_strdup_printf (_("Signed on %s"), value);

          pair (pairs, r, fields[i + 1], signed_on);
        }
      else
        pair (pairs, r, fields[i + 1], value);
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
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, "Date discussed:", discussed);
  pair (pairs, r, "Decision: Proceed to Learning Review YES / NO",
        g_strcmp0 (decision, "proceed") == 0 ? "YES"
        : g_strcmp0 (decision, "not-proceed") == 0 ? "NO" : NULL);
  pair (pairs, r, "Rationale:", cw_record_get (referral, "rationale"));
  add_heading (r, 2, "If decision to proceed to a Learning Review:");
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, "Key objectives of the Review", cw_record_get (referral, "key_objectives"));
  pair (pairs, r, "Lead Reviewer", cw_record_get (referral, "lead_reviewer"));
  pair (pairs, r, "Timescale for completion", cw_record_get (referral, "timescale"));
  add_heading (r, 2, "If decision not to proceed to Learning Review:");
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, "Further action required", cw_record_get (referral, "further_actions"));
  return TRUE;
}

static CwRecord *
learning_event (Reader  *r,
                GError **error)
{
  g_autoptr (GListModel) events = list_of (r, &cw_entity_learning_event, error);

  if (events == NULL || g_list_model_get_n_items (events) == 0)
    return NULL;
  return g_list_model_get_item (events, 0);
}

static gboolean
read_event_details (Reader  *r,
                    GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) event = learning_event (r, &local_error);
  const char *fields[] = { "kind", "held_on", "venue", "facilitator", "tool", NULL };
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (event == NULL)
    {
      add_none (r, _("No learning event is planned yet."));
      return TRUE;
    }
  pairs = add_block (r, BLOCK_PAIRS);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const CwField *field = cw_entity_find_field (&cw_entity_learning_event, fields[i]);
      g_autofree char *value = cw_record_dup_display (event, fields[i]);

      pair (pairs, r, _(field->label), value);
    }
  add_plain (r, _("Please read the key practice episodes below before the event, and the "
                  "questions you will be asked. Bring your own notes; nothing you write here "
                  "is collected."));
  return TRUE;
}

/* Falkirk's "Anatomy of a Learning Review Discussion" (F l.162-171). */
static gboolean
read_anatomy (Reader  *r,
              GError **error)
{
  Block *list;

  add_heading (r, 3, "What are we drawing on?");
  list = add_list (r, FALSE);
  g_ptr_array_add (list->strings, g_strdup ("Staff Experience (Review Team and Case Group)"));
  g_ptr_array_add (list->strings, g_strdup ("Local Performance Data (Review Team)"));
  g_ptr_array_add (list->strings, g_strdup ("National Evidence"));
  g_ptr_array_add (list->strings, g_strdup ("Relevant Research"));
  add_plain (r, "‘View in the tunnel’ and analysis of Key Practice Episodes, including "
                "identification of contributory factors");
  return TRUE;
}

/* Each episode in full: when, what, why it mattered. */
static gboolean
read_episodes (Reader  *r,
               GError **error)
{
  g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (r->store, r->review_id, error);
  g_autoptr (GListModel) records = NULL;

  if (episodes == NULL || (records = list_of (r, &cw_entity_episode, error)) == NULL)
    return FALSE;
  if (episodes->len == 0)
    add_none (r, _("No key practice episodes are recorded yet."));
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *episode = episodes->pdata[i];
      g_autoptr (CwRecord) record = NULL;
      g_autofree char *heading = g_strdup_printf ("%d. %s", episode->number, episode->title);
      g_autofree char *span = span_text (episode->first_day, episode->last_day);
      g_autofree char *entries = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u entry, from %s", "%u entries, from %s",
                     episode->n_entries),
        episode->n_entries, episode->agencies ? episode->agencies : _("no agency"));
      Block *pairs;

      for (guint j = 0; j < g_list_model_get_n_items (records) && record == NULL; j++)
        {
          g_autoptr (CwRecord) candidate = g_list_model_get_item (records, j);

          if (cw_record_get_id (candidate) == episode->id)
            record = g_steal_pointer (&candidate);
        }
      add_heading (r, 2, heading);
      pairs = add_block (r, BLOCK_PAIRS);
      pair (pairs, r, _("When"), span);
      pair (pairs, r, _("Chronology"), entries);
      if (record != NULL)
        {
          pair (pairs, r, _("Why it was critical"), cw_record_get (record, "why_critical"));
          pair (pairs, r, _("Key decisions or actions"), cw_record_get (record, "key_decisions"));
          if (episode->missed_opportunity)
            pair (pairs, r, _("Missed opportunity"),
                  cw_record_get (record, "missed_opportunity_text"));
        }
    }
  return TRUE;
}

static gboolean
read_episodes_summary (Reader  *r,
                       GError **error)
{
  return episodes_list (r, TRUE, error);
}

/* Falkirk appendix 4, the prompts the review team asks with, 1 to 8. */
static const struct
{
  const char *heading;
  const char *prompts;
} falkirk_prompts[] = {
  { "1. Introductions", "Can you tell me who you are, your current job, and what your role was "
    "in the period under review?" },
  { "2. Overview", "Can you give a brief description of what happened in this case and the "
    "part you played?" },
  { "3a. Key Practice Episodes", "Which periods were particularly critical in the way the case "
    "developed or was handled: the crucial moments when key decisions or actions were taken "
    "that determined the direction the case took? If we look at it chronologically, it sounds "
    "like X was a critical time?" },
  { "3b. ‘Mindset’ and ‘local rationality’", "What was going on at this time? What was behind "
    "your thinking (reasons but also emotions and actions at this time)? What information was "
    "at the front of your mind? What were your main concerns; did these concerns clash at "
    "all? What were you hoping to achieve? What options did you think you had to influence "
    "the course of events?" },
  { "3c. Contributory factors", "What influenced the sense you made of things and what you "
    "did? If you look at this list of potential factors, were any of them important? When "
    "and why?" },
  { "4. Things that went well", "What things relating to the case went well? What was "
    "helpful/useful? And what factors supported/enabled it?" },
  { "5. Queries/clarifying questions from the overview perspective", "We’ve been told X, Y, "
    "Z, is that something you were aware of?" },
  { "6. Suggested changes", "Are there any small, practical changes which would help in "
    "similar situations/issues in the future?" },
  { "7. Summing up", "Do you feel this accurately captures what you’ve told us? What else "
    "would you like to add?" },
  { "8. Reflections", "Was the meeting what you expected? How have you found this session? "
    "Any comments or questions? How do you feel now, about yourself and your role?" },
};

/* F App4 §3c, exactly and in order: the second person, as practitioners
 * are shown it. */
static const char *const falkirk_factors[] = {
  "Aspects of the family", "Aspects of your role", "Conditions of work/work environment",
  "Personal aspects", "Your own team factors", "Inter-agency/inter-professional team factors",
  "Organisational culture and management", "Wider political context", "Other", NULL,
};

/* Salford's case discussion tool, its five stages (T l.64). */
static const char *const salford_stages[] = {
  "1. Facts", "2. Initial thoughts and feelings", "3. Hypotheses",
  "4. Simple root cause analysis", "5. What needs to happen next", NULL,
};

static gboolean
read_discussion (Reader  *r,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) event = learning_event (r, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (event != NULL && g_strcmp0 (cw_record_get (event, "tool"), "salford") == 0)
    {
      add_plain (r, _("The Salford case discussion tool takes the discussion through five "
                      "stages, from the facts to what needs to happen next."));
      for (guint i = 0; salford_stages[i] != NULL; i++)
        {
          add_heading (r, 2, salford_stages[i]);
          add_notes (r);
        }
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (falkirk_prompts); i++)
    {
      add_heading (r, 2, falkirk_prompts[i].heading);
      add_plain (r, falkirk_prompts[i].prompts);
      if (g_str_has_prefix (falkirk_prompts[i].heading, "3c."))
        {
          Block *list = add_list (r, TRUE);

          for (guint j = 0; falkirk_factors[j] != NULL; j++)
            g_ptr_array_add (list->strings, g_strdup (falkirk_factors[j]));
        }
      add_notes (r);
    }
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

  if (referral == NULL || (terms = list_of (r, &cw_entity_tor_item, error)) == NULL)
    return FALSE;
  list = add_list (r, TRUE);
  items_of_lines (list, r, cw_record_get (referral, "key_objectives"));
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr (CwRecord) term = g_list_model_get_item (terms, i);

      item (list, r, cw_record_get (term, "text"));
    }
  if (list->strings->len == 0)
    {
      g_ptr_array_remove (r->section->blocks, list);
      add_none (r, _("No objectives are recorded yet: the decision on the referral sets "
                     "them."));
    }
  return TRUE;
}

static gboolean
read_findings_by_kind (Reader  *r,
                       GError **error)
{
  add_heading (r, 2, _("Good practice"));
  if (!findings_list (r, "good-practice", NULL, FALSE, _("No good practice is recorded yet."),
                      error))
    return FALSE;
  add_heading (r, 2, _("Areas for improvement"));
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
      add_none (r, _("No contributory factors are recorded yet."));
      return TRUE;
    }
  table = add_table (r, 4, header, widths);
  for (guint i = 0; i < factors->len; i++)
    {
      CwFactor *factor = factors->pdata[i];
      g_autofree char *direction = choice (cw_factor_directions, factor->direction);
      g_autofree char *level = choice (cw_factor_levels, factor->level);
      g_autofree char *name = factor->root_cause
                                ? g_strdup_printf (_("%s (a root cause)"), factor->category)
                                : g_strdup (factor->category);
      const char *cells[] = { name, direction, level, factor->why, NULL };

      row (table, r, cells);
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
  add_plain (r, text);
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
  g_autoptr (CwRecord) event = learning_event (r, &local_error);
  g_autofree char *methodology = cw_record_dup_display (r->review, "methodology");
  g_autoptr (GListModel) participants = NULL;
  const char *header[] = { _("Role at the time"), _("Agency"), NULL };
  Block *pairs, *table = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, _("Methodology"), methodology);
  if (event != NULL)
    {
      g_autofree char *kind = cw_record_dup_display (event, "kind");
      g_autofree char *held = cw_record_dup_display (event, "held_on");
      g_autofree char *tool = cw_record_dup_display (event, "tool");
      g_autofree char *sources = cw_record_dup_display (event, "sources");

      pair (pairs, r, _("Learning event"), kind);
      pair (pairs, r, _("Held on"), held);
      pair (pairs, r, _("Discussion tool"), tool);
      pair (pairs, r, _("Drawing on"), sources);
    }
  if ((participants = list_of (r, &cw_entity_event_participant, error)) == NULL)
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
          add_heading (r, 3, _("Participants"));
          table = add_table (r, 2, header, widths);
        }
      row (table, r, cells);
    }
  return TRUE;
}

static CwRecord *
plan_of (Reader  *r,
         GError **error)
{
  g_autoptr (GListModel) plans = list_of (r, &cw_entity_action_plan, error);

  if (plans == NULL || g_list_model_get_n_items (plans) == 0)
    return NULL;
  return g_list_model_get_item (plans, 0);
}

static gboolean
read_monitoring (Reader  *r,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) plan = plan_of (r, &local_error);
  g_autofree char *body = NULL;
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (plan == NULL)
    {
      add_none (r, _("No action plan is recorded yet, so no monitoring process either."));
      return TRUE;
    }
  body = cw_record_dup_display (plan, "monitoring_body");
  pairs = add_block (r, BLOCK_PAIRS);
  pair (pairs, r, _("Monitored by"), body);
  pair (pairs, r, _("How"), cw_record_get (plan, "monitoring_process"));
  return TRUE;
}

static gboolean
read_dissemination (Reader  *r,
                    GError **error)
{
  add_plain (r, _("Learning marked as transferable, to share with the teams involved, the "
                  "service and the wider workforce:"));
  return findings_list (r, NULL, NULL, TRUE,
                        _("No finding is marked as transferable learning yet."), error);
}

/* What practitioners said at the learning event, by prompt: internal. */
static gboolean
read_participant_accounts (Reader  *r,
                           GError **error)
{
  g_autoptr (GListModel) notes = list_of (r, &cw_entity_event_note, error);

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
              add_heading (r, 2, _(cw_event_prompts[c].label));
              list = add_list (r, FALSE);
            }
          item (list, r, cw_record_get (note, "text"));
        }
    }
  if (r->section->blocks->len == 0)
    add_none (r, _("No notes of the learning event are recorded yet."));
  return TRUE;
}

static gboolean
read_urgent_issues (Reader  *r,
                    GError **error)
{
  static const double widths[] = { 0.5, 0.2, 0.15, 0.15 };
  g_autoptr (GListModel) issues = list_of (r, &cw_entity_urgent_issue, error);
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
        table = add_table (r, 4, header, widths);
      row (table, r, cells);
    }
  if (table == NULL)
    add_none (r, _("No urgent issues were raised."));
  return TRUE;
}

/* The plan: who owns it, who monitors it, and where it stands today. */
static gboolean
read_plan (Reader  *r,
           GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) plan = plan_of (r, &local_error);
  CwPlanProgress progress = { 0 };
  g_autofree char *today = cw_date_format_display (&r->today);
  g_autofree char *counts = NULL;
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (plan == NULL)
    {
      add_none (r, _("No action plan is recorded yet."));
      return TRUE;
    }
  if (!cw_actions_get_progress (r->store, r->review_id, &r->today, &progress, error))
    return FALSE;
  pairs = add_block (r, BLOCK_PAIRS);
  {
    g_autofree char *owner = cw_record_dup_display (plan, "owner_body");
    g_autofree char *via = cw_record_dup_display (plan, "via_body");
    g_autofree char *monitoring = cw_record_dup_display (plan, "monitoring_body");
    g_autofree char *status = cw_record_dup_display (plan, "status");

    pair (pairs, r, _("Owner body"), owner);
    pair (pairs, r, _("Reported through"), via);
    pair (pairs, r, _("Monitoring body"), monitoring);
    pair (pairs, r, _("Reporting date"), today);
    pair (pairs, r, _("Plan status"), status);
  }
  /* TRANSLATORS: an action plan's progress: actions, done, overdue, not started */
  counts = g_strdup_printf (_("%u actions: %u done, %u overdue, %u not started"),
                            progress.total, progress.done, progress.overdue,
                            progress.not_started);
  cw_plan_progress_clear (&progress);
  pair (pairs, r, _("Progress"), counts);
  return TRUE;
}

/* The embedding checks of each action, as "method: result" lines. */
static GHashTable *
embedding_of (Reader  *r,
              GError **error)
{
  g_autoptr (GListModel) checks = list_of (r, &cw_entity_embedding_check, error);
  GHashTable *by_action;

  if (checks == NULL)
    return NULL;
  by_action = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_free);
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr (CwRecord) check = g_list_model_get_item (checks, i);
      gint64 action = cw_record_get_int (check, "action_id");
      g_autofree char *method = cw_record_dup_display (check, "method");
      g_autofree char *result = cw_record_dup_display (check, "result");
      const char *before = g_hash_table_lookup (by_action, &action);
      char *text = g_strdup_printf ("%s%s%s: %s", before ? before : "", before ? "\n" : "",
                                    method, result);

      g_hash_table_insert (by_action, g_memdup2 (&action, sizeof action), text);
    }
  return by_action;
}

/* Every action in the columns' order of ANALYSIS-REPORTS.md B2.11. */
static gboolean
read_actions (Reader  *r,
              GError **error)
{
  static const double widths[] = {
    0.12, 0.07, 0.12, 0.08, 0.09, 0.08, 0.08, 0.08, 0.075, 0.065, 0.06, 0.09,
  };
  const char *header[] = {
    _("Recommendation"), _("Single or multi-agency"), _("How do you intend to make changes?"),
    _("Who’s doing what?"), _("How will you know anything has changed?"),
    _("How the impact will be audited"), _("Evidence of impact"), _("Embedding check"),
    _("Status"), _("Due"), _("RAG"), _("Latest update"), NULL,
  };
  g_autoptr (GPtrArray) actions = actions_of (r, error);
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autoptr (GHashTable) embedding = NULL;
  Block *table;

  if (actions == NULL
      || (recommendations = cw_analysis_list_recommendations (r->store, r->review_id,
                                                              error)) == NULL
      || (embedding = embedding_of (r, error)) == NULL)
    return FALSE;
  if (actions->len == 0)
    {
      add_none (r, _("No actions are recorded yet."));
      return TRUE;
    }
  table = add_table (r, G_N_ELEMENTS (widths), header, widths);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = actions->pdata[i];
      g_autofree char *recommendation = g_strdup_printf ("%d. %s", action->recommendation,
                                                         action->recommendation_text);
      g_autofree char *scope = NULL;
      g_autofree char *who = NULL;
      g_autofree char *status = choice (cw_action_statuses, action->status);
      g_autofree char *due = day_text (action->due_on);
      CwRagRating rating = cw_action_rate (action->status, action->due_on, action->closed_on,
                                           &r->today);

      for (guint j = 0; j < recommendations->len && scope == NULL; j++)
        {
          CwRecommendation *rec = recommendations->pdata[j];

          if (rec->id == action->recommendation_id)
            scope = g_strcmp0 (rec->scope, "single") == 0 && rec->agency
                      ? g_strdup_printf (_("Single agency: %s"), rec->agency)
                      : choice (cw_recommendation_scopes, rec->scope);
        }
      who = owner_of (action);
      /* A practitioner by name only in the full version. */
      if (r->redactor == NULL && action->person != NULL)
        {
          char *both = who ? g_strdup_printf ("%s; %s", who, action->person)
                           : g_strdup (action->person);

          g_free (who);
          who = both;
        }
      {
        const char *cells[] = {
          recommendation, scope, action->description, who, action->impact_measure,
          action->audit_method, action->impact_evidence,
          g_hash_table_lookup (embedding, &action->id), status, due, rating.words,
          action->latest_update, NULL,
        };

        row (table, r, cells);
      }
    }
  return TRUE;
}

static gboolean
actions_where (Reader     *r,
               gboolean    done,
               gboolean    impact,
               const char *none,
               GError    **error)
{
  g_autoptr (GPtrArray) actions = actions_of (r, error);
  g_autoptr (GHashTable) embedding = NULL;
  Block *list = NULL;

  if (actions == NULL || (embedding = embedding_of (r, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = actions->pdata[i];
      g_autofree char *owner = owner_of (action);
      g_autofree char *text = NULL;

      if (impact)
        {
          const char *checks = g_hash_table_lookup (embedding, &action->id);

          if (action->impact_evidence == NULL && checks == NULL)
            continue;
          text = g_strdup_printf ("%s: %s%s%s", action->description,
                                  action->impact_evidence ? action->impact_evidence : "",
                                  action->impact_evidence && checks ? " " : "",
                                  checks ? checks : "");
        }
      else if (done != is_done (action))
        continue;
      else if (done)
        text = g_strdup_printf ("%s (%s)", action->description, owner ? owner : "");
      else
        {
          g_autofree char *due = day_text (action->due_on);

          text = g_strdup_printf (_("%s (%s; due %s)"), action->description, owner ? owner : "",
                                  due ? due : _("no date set"));
        }
      if (list == NULL)
        list = add_list (r, FALSE);
      item (list, r, text);
    }
  if (list == NULL)
    add_none (r, none);
  return TRUE;
}

static gboolean
read_actions_taken (Reader  *r,
                    GError **error)
{
  return actions_where (r, TRUE, FALSE, _("No action has been completed yet."), error);
}

static gboolean
read_impact (Reader  *r,
             GError **error)
{
  return actions_where (r, FALSE, TRUE, _("No evidence of impact is recorded yet."), error);
}

static gboolean
read_more_to_do (Reader  *r,
                 GError **error)
{
  return actions_where (r, FALSE, FALSE, _("Every action is complete."), error);
}

/* The year's reviews, for the annual report */

static GPtrArray *
year_reviews (Reader  *r,
              GError **error)
{
  g_autoptr (GListModel) reviews = cw_store_list (r->store, &cw_entity_review, 0, error);
  g_autofree char *year = g_strdup_printf ("%04d-", g_date_get_year (&r->today));
  GPtrArray *held;

  if (reviews == NULL)
    return NULL;
  held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (reviews, i);
      const char *decided = cw_record_get (review, "decision_date");
      const char *referred = cw_record_get (review, "referral_date");
      const char *when = decided ? decided : referred;

      /* Held this year: decided on this year, or referred when not decided yet. */
      if (when != NULL && g_str_has_prefix (when, year))
        g_ptr_array_add (held, g_steal_pointer (&review));
    }
  return held;
}

static gboolean
read_annual_reviews (Reader  *r,
                     GError **error)
{
  static const double widths[] = { 0.2, 0.3, 0.3, 0.2 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  const char *header[] = { _("Reference"), _("Kind"), _("Methodology"), _("Stage"), NULL };
  g_autofree char *intro = NULL;
  Block *table;

  if (reviews == NULL)
    return FALSE;
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u review was held in %d (decided on that year).",
                                        "%u reviews were held in %d (decided on that year).",
                                        reviews->len),
                           reviews->len, g_date_get_year (&r->today));
  add_plain (r, intro);
  if (reviews->len == 0)
    return TRUE;
  table = add_table (r, 4, header, widths);
  for (guint i = 0; i < reviews->len; i++)
    {
      CwRecord *review = reviews->pdata[i];
      g_autofree char *kind = cw_record_dup_display (review, "kind");
      g_autofree char *methodology = cw_record_dup_display (review, "methodology");
      g_autofree char *phase = cw_record_dup_display (review, "phase");
      const char *cells[] = { cw_record_get (review, "reference"), kind, methodology, phase,
                              NULL };

      row (table, r, cells);
    }
  return TRUE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const CwActionCount *x = *(CwActionCount *const *) a, *y = *(CwActionCount *const *) b;

  return x->n != y->n ? (int) y->n - (int) x->n : g_strcmp0 (x->key, y->key);
}

/* Findings counted by kind and by theme, and recommendations, over the
 * year's reviews. */
static gboolean
read_annual_findings (Reader  *r,
                      GError **error)
{
  static const double widths[] = { 0.75, 0.25 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  g_autoptr (GHashTable) themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) counted = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cw_action_count_free);
  const char *header[] = { _("Theme"), _("Findings"), NULL };
  guint findings = 0, good = 0, transferable = 0, recommendations = 0, single = 0;
  g_autofree char *totals = NULL;
  GHashTableIter iter;
  gpointer key, value;
  Block *table;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      gint64 id = cw_record_get_id (reviews->pdata[i]);
      g_autoptr (GPtrArray) list = cw_analysis_list_findings (r->store, id, error);
      g_autoptr (GPtrArray) recs = NULL;

      if (list == NULL || (recs = cw_analysis_list_recommendations (r->store, id, error)) == NULL)
        return FALSE;
      for (guint j = 0; j < list->len; j++)
        {
          CwFinding *finding = list->pdata[j];
          g_auto (GStrv) names = finding->themes ? g_strsplit (finding->themes, "; ", -1) : NULL;

          findings++;
          good += g_strcmp0 (finding->kind, "good-practice") == 0;
          transferable += finding->transferable;
          for (guint k = 0; names != NULL && names[k] != NULL; k++)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (themes, names[k]));

              g_hash_table_insert (themes, g_strdup (names[k]), GUINT_TO_POINTER (n + 1));
            }
        }
      for (guint j = 0; j < recs->len; j++)
        {
          recommendations++;
          single += g_strcmp0 (((CwRecommendation *) recs->pdata[j])->scope, "single") == 0;
        }
    }
  /* TRANSLATORS: the annual report's counts */
  totals = g_strdup_printf (_("%u findings (%u of good practice, %u areas for improvement; %u "
                              "marked as transferable learning) and %u recommendations (%u "
                              "multi-agency, %u single agency)."),
                            findings, good, findings - good, transferable, recommendations,
                            recommendations - single, single);
  add_plain (r, totals);
  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CwActionCount *count = g_new0 (CwActionCount, 1);

      count->key = g_strdup (key);
      count->n = GPOINTER_TO_UINT (value);
      g_ptr_array_add (counted, count);
    }
  if (counted->len == 0)
    return TRUE;
  g_ptr_array_sort (counted, compare_counts);
  add_heading (r, 3, _("Themes"));
  table = add_table (r, 2, header, widths);
  for (guint i = 0; i < counted->len; i++)
    {
      CwActionCount *count = counted->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", count->n);
      const char *cells[] = { count->key, n, NULL };

      row (table, r, cells);
    }
  return TRUE;
}

static gboolean
read_annual_impact (Reader  *r,
                    GError **error)
{
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  guint evidenced = 0, embedded = 0;
  g_autofree char *text = NULL;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      CwActionFilter filter = CW_ACTION_FILTER_INIT;
      g_autoptr (GPtrArray) actions = NULL;

      filter.review_id = cw_record_get_id (reviews->pdata[i]);
      filter.include_closed = TRUE;
      if ((actions = cw_actions_list (r->store, &filter, &r->today, error)) == NULL)
        return FALSE;
      for (guint j = 0; j < actions->len; j++)
        {
          CwAction *action = actions->pdata[j];

          evidenced += action->impact_evidence != NULL;
          embedded += g_strcmp0 (action->status, "embedded") == 0;
        }
    }
  text = g_strdup_printf (_("Evidence of impact is recorded for %u actions; %u are embedded "
                            "in practice, checked by the monitoring body."), evidenced,
                          embedded);
  add_plain (r, text);
  return TRUE;
}

static gboolean
read_annual_actions (Reader  *r,
                     GError **error)
{
  static const double widths[] = { 0.24, 0.19, 0.19, 0.19, 0.19 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  const char *header[] = { _("Review"), _("Actions"), _("Done"), _("Overdue"),
                           _("Not started"), NULL };
  Block *table = NULL;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      CwPlanProgress progress = { 0 };
      g_autofree char *total = NULL, *done = NULL, *overdue = NULL, *waiting = NULL;

      if (!cw_actions_get_progress (r->store, cw_record_get_id (reviews->pdata[i]), &r->today,
                                    &progress, error))
        return FALSE;
      total = g_strdup_printf ("%u", progress.total);
      done = g_strdup_printf ("%u", progress.done);
      overdue = g_strdup_printf ("%u", progress.overdue);
      waiting = g_strdup_printf ("%u", progress.not_started);
      cw_plan_progress_clear (&progress);
      {
        const char *cells[] = { cw_record_get (reviews->pdata[i], "reference"), total, done,
                                overdue, waiting, NULL };

        if (table == NULL)
          table = add_table (r, 5, header, widths);
        row (table, r, cells);
      }
    }
  if (table == NULL)
    add_none (r, _("No review held this year has an action plan yet."));
  return TRUE;
}

static gboolean
read_annual_wider (Reader  *r,
                   GError **error)
{
  add_plain (r, _("Audits, forums and other learning and improvement work are not recorded in "
                  "Casewise: write them here."));
  add_notes (r);
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
  { "event-details", FALSE, read_event_details },
  { "anatomy", FALSE, read_anatomy },
  { "episodes", FALSE, read_episodes },
  { "episodes-summary", FALSE, read_episodes_summary },
  { "discussion", FALSE, read_discussion },
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
  { "plan", FALSE, read_plan },
  { "actions", FALSE, read_actions },
  { "actions-taken", FALSE, read_actions_taken },
  { "impact", FALSE, read_impact },
  { "more-to-do", FALSE, read_more_to_do },
  { "annual-reviews", FALSE, read_annual_reviews },
  { "annual-findings", FALSE, read_annual_findings },
  { "annual-impact", FALSE, read_annual_impact },
  { "annual-actions", FALSE, read_annual_actions },
  { "annual-wider", FALSE, read_annual_wider },
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
