/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-history.h"
#include "test-helpers.h"

/* The history in the words the app, the command line and reports share
 * (cw-history.c): what each line says, from the entity descriptions and
 * their hooks. */

typedef struct
{
  Fixture base;
  gint64  review;
  gint64  police;
  char   *police_id;
} Hist;

static void
hist_set_up (Hist          *h,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;

  g_assert_true (cw_clock_set ("2026-03-02", &error));
  fixture_set_up (&h->base, data);
  reference = cw_store_create_review (h->base.store, "learning", "Before", "Child H", NULL,
                                      &h->review, &error);
  g_assert_no_error (error);
  h->police = cw_store_insert (h->base.store, &cw_entity_agency, 0,
                               (const char *[]) { "name", "Northshire Police", NULL }, &error);
  g_assert_no_error (error);
  h->police_id = g_strdup_printf ("%" G_GINT64_FORMAT, h->police);
}

static void
hist_tear_down (Hist          *h,
                gconstpointer  data)
{
  g_free (h->police_id);
  fixture_tear_down (&h->base, data);
  cw_clock_set (NULL, NULL);
}

/* The newest line. */
static CwHistoryLine *
newest (Hist *h)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) lines = cw_history_list (h->base.store, h->review, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), >, 0);
  return g_list_model_get_item (lines, 0);
}

static gint64
add_entry (Hist       *h,
           const char *source)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_store_insert (h->base.store, &cw_entity_chronology_entry, h->review,
                               (const char *[]) { "agency_id", h->police_id, "start_date",
                                                  "3/4/2025", "source", source, "description",
                                                  "Call-out", "significance", "routine", NULL },
                               &error);

  g_assert_no_error (error);
  return id;
}

static void
test_change_of_a_field (Hist          *h,
                        gconstpointer  data)
{
  g_autoptr (CwHistoryLine) line = NULL;

  g_assert_true (cw_store_update (h->base.store, &cw_entity_review, h->review, "title", "After",
                                  NULL));
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Title · Changed review");
  g_assert_cmpstr (cw_history_line_get_before (line), ==, "Before");
  g_assert_cmpstr (cw_history_line_get_after (line), ==, "After");
  g_assert_cmpstr (cw_history_line_get_actor (line), ==, "Test Reviewer");
  /* Noon of the clock's day, in local time. */
  g_assert_cmpstr (cw_history_line_get_when (line), ==, "2 Mar 2026 12:00");
  g_assert_cmpstr (cw_audit_entry_get_field_name (cw_history_line_get_entry (line)), ==,
                   "title");
  /* A choice by its label. */
  g_assert_true (cw_store_move_phase (h->base.store, h->review, "decision", NULL));
  g_clear_object (&line);
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Phase · Changed review");
  g_assert_cmpstr (cw_history_line_get_before (line), ==, "Referral");
  g_assert_cmpstr (cw_history_line_get_after (line), ==, "Decision");
}

/* An item added or deleted is one line listing its values; a reference
 * is named by the row it names, a private value never shown. */
static void
test_added_and_deleted_items (Hist          *h,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwHistoryLine) line = NULL;
  gint64 person, involved;

  person = cw_store_insert (h->base.store, &cw_entity_person, h->review,
                            (const char *[]) { "pseudonym", "Mother", "real_name", "Jane Example",
                                               "role", "Parent", NULL }, &error);
  g_assert_no_error (error);
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Added person");
  g_assert_cmpstr (cw_history_line_get_before (line), ==, "");
  g_assert_cmpstr (cw_history_line_get_after (line), ==,
                   "Pseudonym: Mother · Real name: (private) · Role or relationship: Parent");
  g_clear_object (&line);

  g_assert_true (cw_store_delete (h->base.store, &cw_entity_person, person, &error));
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Deleted person");
  g_assert_nonnull (strstr (cw_history_line_get_before (line), "Pseudonym: Mother"));
  g_assert_cmpstr (cw_history_line_get_after (line), ==, "");
  g_clear_object (&line);

  g_assert_true (cw_store_undelete (h->base.store, &cw_entity_person, person, &error));
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Restored person");
  g_clear_object (&line);

  involved = cw_store_insert (h->base.store, &cw_entity_review_agency, h->review,
                              (const char *[]) { "agency_id", h->police_id, NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (involved, >, 0);
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Added agency involved");
  g_assert_cmpstr (cw_history_line_get_after (line), ==, "Agency: Northshire Police");
}

/* A chronology entry is named by its record reference, and a link by the
 * reports it joins (the entity's describe_value hook), as they are now. */
static void
test_entry_named_and_links_described (Hist          *h,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwHistoryLine) line = NULL;
  g_autoptr (GArray) pair = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = add_entry (h, "CAD 100"), second = add_entry (h, "CAD 101");

  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Added chronology entry CAD 101");
  g_clear_object (&line);
  g_assert_true (cw_store_update (h->base.store, &cw_entity_chronology_entry, first,
                                  "significance", "key", &error));
  line = newest (h);
  g_assert_cmpstr (cw_history_line_get_what (line), ==, "Significance · CAD 100");
  g_assert_cmpstr (cw_history_line_get_before (line), ==, "Routine");
  g_assert_cmpstr (cw_history_line_get_after (line), ==, "Key");
  g_clear_object (&line);

  g_array_append_val (pair, first);
  g_array_append_val (pair, second);
  g_assert_true (cw_chronology_link (h->base.store, pair, &error));
  g_assert_no_error (error);
  line = newest (h);
  g_assert_true (g_str_has_prefix (cw_history_line_get_what (line), "Linked as one happening · "));
  g_assert_cmpstr (cw_history_line_get_before (line), ==, "Not linked");
  g_assert_true (g_str_has_prefix (cw_history_line_get_after (line), "With CAD 10"));
  g_assert_true (g_str_has_suffix (cw_history_line_get_after (line), " (Northshire Police)"));
  g_clear_object (&line);
  g_assert_true (cw_chronology_unlink (h->base.store, pair, &error));
  g_assert_no_error (error);
  /* The line of the link now says it was undone. */
  {
    g_autoptr (GListModel) lines = cw_history_list (h->base.store, h->review, NULL);
    gboolean undone = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr (CwHistoryLine) any = g_list_model_get_item (lines, i);
        undone |= g_strcmp0 (cw_history_line_get_after (any), "A link since undone") == 0;
      }
    g_assert_true (undone);
  }
}

static void
test_format_when (void)
{
  g_autofree char *not_a_time = cw_history_format_when ("yesterday");
  g_autofree char *none = cw_history_format_when (NULL);

  g_assert_cmpstr (not_a_time, ==, "yesterday");
  g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/history/" path, Hist, NULL, hist_set_up, func, hist_tear_down)
  ADD ("change-of-a-field", test_change_of_a_field);
  ADD ("added-and-deleted-items", test_added_and_deleted_items);
  ADD ("entry-named-and-links-described", test_entry_named_and_links_described);
#undef ADD
  g_test_add_func ("/history/format-when", test_format_when);
  return g_test_run ();
}
