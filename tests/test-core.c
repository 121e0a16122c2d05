/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-review.h"
#include "cw-store-private.h"
#include "test-tree.h"

/* The composition of the core: the store knows no domain until
 * cw_core_init() hands them over, and refuses to open before. */

/* How many entities the domains added hold, counted domain by domain: a
 * domain added later (analysis, actions) changes it. */
static guint
n_domain_entities (void)
{
  GPtrArray *domains = cw_store_get_domains ();
  guint n = 0;

  for (guint i = 0; domains != NULL && i < domains->len; i++)
    {
      const CwDomain *domain = g_ptr_array_index (domains, i);

      for (guint j = 0; domain->entities[j] != NULL; j++)
        n++;
    }
  return n;
}

/* Runs first and in a subprocess that never calls cw_core_init(). */
static void
test_store_refuses_without_domains (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwStore) store = NULL;

      g_assert_false (cw_store_has_domains ());
      store = cw_store_open (":memory:", &error);
      g_assert_null (store);
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  /* Loudly: a critical, fatal under the tests' G_DEBUG. */
  g_test_trap_assert_stderr ("*call cw_core_init () before opening a store*");
}

static void
test_domains_registered (void)
{
  const CwEntity *const *all;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  guint n = 0;

  cw_core_init ();
  cw_core_init (); /* twice does nothing */
  all = cw_entities_all ();
  store = cw_store_open (":memory:", &error);
  g_assert_no_error (error);
  for (; all[n] != NULL; n++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", all[n]->table);

      g_assert_true (cw_entity_lookup (all[n]->table) == all[n]);
      g_assert_true (cw_store_exec (store, sql, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n, ==, n_domain_entities ());
  g_assert_true (cw_entity_lookup ("review") == &cw_entity_review);
  g_assert_true (cw_entity_lookup ("episode")->parent == &cw_entity_review);
  g_assert_true (cw_entity_lookup ("chronology_entry") == &cw_entity_chronology_entry);
  g_assert_true (cw_entity_lookup ("period")->parent == &cw_entity_review);
  g_assert_null (cw_entity_lookup ("audit"));
}

/* What forms and tables show comes from the descriptions: every field a
 * description names is one of its entity's. */
static void
test_descriptions_name_their_fields (void)
{
  const CwEntity *const *all;

  cw_core_init ();
  all = cw_entities_all ();
  for (guint i = 0; all[i] != NULL; i++)
    {
      const CwEntity *entity = all[i];

      g_test_message ("%s", entity->table);
      g_assert_nonnull (cw_entity_find_field (entity, entity->label_field));
      for (guint j = 0; entity->list_fields != NULL && entity->list_fields[j] != NULL; j++)
        g_assert_nonnull (cw_entity_find_field (entity, entity->list_fields[j]));
      if (entity->bulk_label != NULL)
        g_assert_nonnull (entity->bulk_table);
    }
}

static char *
part_of (const CwEntity *entity,
         const char     *part)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (entity->fields[i].part, part) == 0
        && !(entity->fields[i].flags & (CW_FIELD_READONLY | CW_FIELD_HIDDEN)))
      g_string_append_printf (names, "%s%s", names->len ? " " : "", entity->fields[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The review's and the referral's forms are parts of one entity each: the
 * same fields, in the same order, as the forms showed when they listed
 * them by hand. */
static void
test_form_parts (void)
{
  g_autofree char *review = part_of (&cw_entity_review, NULL);
  g_autofree char *dates = part_of (&cw_entity_review, "dates");
  g_autofree char *referral = part_of (&cw_entity_referral, "referral");
  g_autofree char *decision = part_of (&cw_entity_referral, "decision");
  g_autofree char *none = part_of (&cw_entity_referral, NULL);

  g_assert_cmpstr (review, ==, "title kind methodology profile subject_pseudonym summary");
  g_assert_cmpstr (dates, ==, "incident_date notification_date referral_date decision_date "
                              "learning_event_date report_date action_plan_date "
                              "publication_date");
  g_assert_cmpstr (referral, ==, "referrer_name service_team submitted_on child_name swis_number "
                                 "parents_carers household agencies_involved grounds "
                                 "grounds_other circumstances key_facts reasons "
                                 "worker_signed_on manager_signed_on");
  g_assert_cmpstr (decision, ==, "discussed_on decision rationale key_objectives lead_reviewer "
                                 "timescale further_actions");
  g_assert_cmpstr (none, ==, "");
}

static guint
position_in (GStrv       order,
             const char *table)
{
  for (guint i = 0; order[i] != NULL; i++)
    if (g_str_equal (order[i], table))
      return i;
  g_assert_not_reached ();
}

/* Worked out from the file's foreign keys: a table's deleted rows go
 * before those of the tables they, or the rows they take with them, name. */
static void
test_purge_order_from_references (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  g_auto (GStrv) order = NULL;

  cw_core_init ();
  store = cw_store_open (":memory:", &error);
  g_assert_no_error (error);
  order = cw_store_purge_order (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (order), ==, n_domain_entities ());
  /* A factor names an agency; a recommendation the body it is addressed to. */
  g_assert_cmpuint (position_in (order, "factor"), <, position_in (order, "agency"));
  g_assert_cmpuint (position_in (order, "recommendation"), <, position_in (order, "body"));
  /* An entry names its agency. */
  g_assert_cmpuint (position_in (order, "chronology_entry"), <, position_in (order, "agency"));
  g_assert_cmpuint (position_in (order, "agency_return"), <, position_in (order, "agency"));
  g_assert_cmpuint (position_in (order, "review_agency"), <, position_in (order, "agency"));
  /* A review takes its entries with it, which name agencies; it names its kind. */
  g_assert_cmpuint (position_in (order, "review"), <, position_in (order, "agency"));
  g_assert_cmpuint (position_in (order, "review"), <, position_in (order, "review_kind"));
}

/* A deleted review whose live entries name a deleted agency: the review
 * and its entries go first, then the agency, in one purge. */
static void
test_purge_follows_the_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  g_autofree char *agency_text = NULL;
  gint64 review_id = 0, agency_id;

  cw_core_init ();
  store = cw_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_free (cw_store_create_review (store, "cspr", "A review", NULL, NULL, &review_id, &error));
  g_assert_no_error (error);
  agency_id = cw_store_insert (store, &cw_entity_agency, 0,
                               (const char *[]) { "name", "Northshire Police", NULL }, &error);
  g_assert_no_error (error);
  agency_text = g_strdup_printf ("%" G_GINT64_FORMAT, agency_id);
  g_assert_cmpint (cw_store_insert (store, &cw_entity_chronology_entry, review_id,
                                    (const char *[]) { "agency_id", agency_text, "start_date",
                                                       "3/4/2021", "source", "CAD 1",
                                                       "description", "Seen", "significance",
                                                       "routine", NULL }, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cw_store_delete (store, &cw_entity_review, review_id, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_delete (store, &cw_entity_agency, agency_id, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_null (cw_store_text_for_id (store, "SELECT name FROM agency WHERE id = ?",
                                       agency_id));
  g_assert_null (cw_store_text_for_id (store, "SELECT source FROM chronology_entry"
                                              " WHERE review_id = ?", review_id));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* No cw_core_init () here: the first test needs a process without it. */
  g_test_add_func ("/core/store-refuses-without-domains", test_store_refuses_without_domains);
  g_test_add_func ("/core/domains-registered", test_domains_registered);
  g_test_add_func ("/core/descriptions-name-their-fields", test_descriptions_name_their_fields);
  g_test_add_func ("/core/form-parts", test_form_parts);
  g_test_add_func ("/core/purge-order-from-references", test_purge_order_from_references);
  g_test_add_func ("/core/purge-follows-the-order", test_purge_follows_the_order);
  return g_test_run ();
}
