/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis-entities.h"
#include "cw-analysis.h"
#include "cw-date.h"
#include "cw-register-entities.h"
#include "cw-report-sections-private.h"

/* The sections of the learning event pack: the event itself, how a
 * discussion runs, the episodes in full, and the prompts or stages
 * practitioners prepare with. */

CwRecord *
cw_sections_learning_event (Reader  *r,
                            GError **error)
{
  g_autoptr (GListModel) events = cw_sections_list_of (r, &cw_entity_learning_event, error);

  if (events == NULL || g_list_model_get_n_items (events) == 0)
    return NULL;
  return g_list_model_get_item (events, 0);
}

gboolean
cw_sections_read_event_details (Reader  *r,
                                GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) event = cw_sections_learning_event (r, &local_error);
  const char *fields[] = { "kind", "held_on", "venue", "facilitator", "tool", NULL };
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (event == NULL)
    {
      cw_sections_add_none (r, _("No learning event is planned yet."));
      return TRUE;
    }
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const CwField *field = cw_entity_find_field (&cw_entity_learning_event, fields[i]);
      g_autofree char *value = cw_record_dup_display (event, fields[i]);

      cw_sections_pair (pairs, r, _(field->label), value);
    }
  cw_sections_add_plain (r, _("Please read the key practice episodes below before the event, and the "
                  "questions you will be asked. Bring your own notes; nothing you write here "
                  "is collected."));
  return TRUE;
}

/* Falkirk's "Anatomy of a Learning Review Discussion" (F l.162-171). */
gboolean
cw_sections_read_anatomy (Reader  *r,
                          GError **error)
{
  Block *list;

  cw_sections_add_heading (r, 3, "What are we drawing on?");
  list = cw_sections_add_list (r, FALSE);
  g_ptr_array_add (list->strings, g_strdup ("Staff Experience (Review Team and Case Group)"));
  g_ptr_array_add (list->strings, g_strdup ("Local Performance Data (Review Team)"));
  g_ptr_array_add (list->strings, g_strdup ("National Evidence"));
  g_ptr_array_add (list->strings, g_strdup ("Relevant Research"));
  cw_sections_add_plain (r, "‘View in the tunnel’ and analysis of Key Practice Episodes, including "
                "identification of contributory factors");
  return TRUE;
}

/* Each episode in full: when, what, why it mattered. */
gboolean
cw_sections_read_episodes (Reader  *r,
                           GError **error)
{
  g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (r->store, r->review_id, error);
  g_autoptr (GListModel) records = NULL;

  if (episodes == NULL || (records = cw_sections_list_of (r, &cw_entity_episode, error)) == NULL)
    return FALSE;
  if (episodes->len == 0)
    cw_sections_add_none (r, _("No key practice episodes are recorded yet."));
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *episode = episodes->pdata[i];
      g_autoptr (CwRecord) record = NULL;
      g_autofree char *heading = g_strdup_printf ("%d. %s", episode->number, episode->title);
      g_autofree char *span = cw_sections_span_text (episode->first_day, episode->last_day);
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
      cw_sections_add_heading (r, 2, heading);
      pairs = cw_sections_add_block (r, BLOCK_PAIRS);
      cw_sections_pair (pairs, r, _("When"), span);
      cw_sections_pair (pairs, r, _("Chronology"), entries);
      if (record != NULL)
        {
          cw_sections_pair (pairs, r, _("Why it was critical"), cw_record_get (record, "why_critical"));
          cw_sections_pair (pairs, r, _("Key decisions or actions"), cw_record_get (record, "key_decisions"));
          if (episode->missed_opportunity)
            cw_sections_pair (pairs, r, _("Missed opportunity"),
                  cw_record_get (record, "missed_opportunity_text"));
        }
    }
  return TRUE;
}

gboolean
cw_sections_read_episodes_summary (Reader  *r,
                                   GError **error)
{
  return cw_sections_episodes_list (r, TRUE, error);
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

gboolean
cw_sections_read_discussion (Reader  *r,
                             GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) event = cw_sections_learning_event (r, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (event != NULL && g_strcmp0 (cw_record_get (event, "tool"), "salford") == 0)
    {
      cw_sections_add_plain (r, _("The Salford case discussion tool takes the discussion through five "
                      "stages, from the facts to what needs to happen next."));
      for (guint i = 0; salford_stages[i] != NULL; i++)
        {
          cw_sections_add_heading (r, 2, salford_stages[i]);
          cw_sections_add_notes (r);
        }
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (falkirk_prompts); i++)
    {
      cw_sections_add_heading (r, 2, falkirk_prompts[i].heading);
      cw_sections_add_plain (r, falkirk_prompts[i].prompts);
      if (g_str_has_prefix (falkirk_prompts[i].heading, "3c."))
        {
          Block *list = cw_sections_add_list (r, TRUE);

          for (guint j = 0; falkirk_factors[j] != NULL; j++)
            g_ptr_array_add (list->strings, g_strdup (falkirk_factors[j]));
        }
      cw_sections_add_notes (r);
    }
  return TRUE;
}
