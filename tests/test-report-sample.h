/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-demo.h"
#include "cw-register-entities.h"
#include "test-helpers.h"

/* The sample review "Child A" under the tests' clock, for the tests of the
 * documents made of it; and what they check of the PDFs read back. */

typedef struct
{
  Fixture base;
  gint64  review;
} Sample;

static inline void
sample_set_up (Sample        *s,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autoptr (CwRecord) review = NULL;
  GDate today = date_of ("2026-11-23");

  cw_clock_set ("2026-11-23", NULL);
  fixture_set_up (&s->base, data);
  reference = cw_store_add_demo (s->base.store, &today, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (s->base.store, reference, &error);
  g_assert_no_error (error);
  s->review = cw_record_get_id (review);
}

/* Every real name of the sample's people register, and each part of one:
 * none is in @text, which is @what. */
static inline void
assert_no_real_names (Sample     *s,
                      const char *what,
                      const char *text)
{
  g_autoptr (GListModel) people = cw_store_list (s->base.store, &cw_entity_person, s->review,
                                                 NULL);
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (CwRecord) person = g_list_model_get_item (people, i);
      g_auto (GStrv) parts = g_strsplit (cw_record_get (person, "real_name"), " ", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          g_autofree char *part = g_utf8_casefold (parts[p], -1);

          if (strstr (folded, part) != NULL)
            g_error ("“%s” is in %s", parts[p], what);
        }
    }
}

/* The outline's titles into @out, depth first: with @nested, a level's
 * titles joined by "|" and a child level opened by ">" ("A>B|C"); without,
 * one string each into the GPtrArray @out. */
static inline void
outline_of (PopplerIndexIter *iter,
            GString          *nested,
            GPtrArray        *flat)
{
  gboolean first = TRUE;

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      if (nested != NULL)
        g_string_append_printf (nested, "%s%s", first ? "" : "|", action->any.title);
      if (flat != NULL)
        g_ptr_array_add (flat, g_strdup (action->any.title));
      first = FALSE;
      if (child != NULL)
        {
          if (nested != NULL)
            g_string_append (nested, ">");
          outline_of (child, nested, flat);
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}
