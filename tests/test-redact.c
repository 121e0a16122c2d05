/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "cw-privacy.h"
#include "test-helpers.h"

/* The redactor: every way a real name, a date of birth, a postcode, an NHS
 * number, a phone number or an email address is written, found and
 * replaced; and near misses that must stay as they are. Then the review's
 * register read from the store, the fields that must hold pseudonyms only,
 * and the chronology listed anonymised. */

typedef struct
{
  gint64      id;
  const char *pseudonym;
  const char *real_name;
  const char *date_of_birth;
} TestPerson;

static const TestPerson register_people[] = {
  { 1, "Child A", "Amelia Hartley", "2024-06-14" },
  { 2, "Sibling B", "Mason Hartley", "2018-09-03" },
  { 3, "Mother", "Leanne Hartley", "21/02/1998" },
  { 4, "Father", "Wei Li", "1990-01-05" },
  { 5, "Uncle", "Jian Wu", NULL },
  { 6, "Neighbour", "Kim Ng", NULL },
  { 7, "Child C", "Zoë Müller", "2019-03-02" },
  { 8, "Child D", "Rene\xcc\x81" "e Dubois", NULL }, /* written decomposed (NFD) */
  { 9, "Lodger", "Sean O’Brien", NULL },
  { 10, "Childminder", "Maria de Souza", NULL },
  { 11, "Maternal grandmother", "Patricia Ann Hartley", "1971-07-08" },
  { 12, "Family friend", "Łukasz Nowak", NULL },
};

static CwRedactor *
test_redactor (void)
{
  CwRedactor *redactor = cw_redactor_new ();

  for (guint i = 0; i < G_N_ELEMENTS (register_people); i++)
    cw_redactor_add_person (redactor, register_people[i].id, register_people[i].pseudonym,
                            register_people[i].real_name, register_people[i].date_of_birth,
                            NULL);
  return redactor;
}

typedef struct
{
  const char *text;
  const char *redacted; /* NULL: unchanged */
} Case;

static const Case cases[] = {
  /* Full names, first names and surnames alone, in any case */
  { "Amelia Hartley was seen.", "Child A was seen." },
  { "Seen: amelia and MASON.", "Seen: Child A and Sibling B." },
  { "Leanne said so", "Mother said so" },
  { "Amelia  Hartley", "Child A" },
  { "Amelia\nHartley", "Child A" },
  { "Amelia\xc2\xa0Hartley", "Child A" },                   /* no-break space */
  { "Amelia\xe2\x80\x8bHartley", "Child A" },               /* zero-width space for the space */
  { "Ms Hartley", "Ms [name]" },                            /* a family name: no one alone */
  { "Patricia Hartley and Patricia Ann Hartley", "Maternal grandmother and Maternal grandmother" },
  { "Ann collected Mason", "Maternal grandmother collected Sibling B" },
  /* Possessives with and without an apostrophe, plural family names */
  { "Amelia's cot", "Child A's cot" },
  { "Amelia’s cot", "Child A’s cot" },
  { "Amelias cot", "Child A's cot" },
  { "Mason’s school", "Sibling B’s school" },
  { "the Hartleys", "the [name]s" },
  { "The Hartleys' landlord", "The [name]s' landlord" },
  { "The Hartleys’ landlord", "The [name]s’ landlord" },
  { "Hartley's address", "[name]'s address" },
  /* Two-letter surnames, as whole words only */
  { "Mr Li attended", "Mr Father attended" },
  { "Mr LI's car", "Mr Father's car" },
  { "Wu and Ng", "Uncle and Neighbour" },
  { "Wei Li", "Father" },
  { "Lincoln Road", NULL },
  { "Flight to Wuhan", NULL },
  { "Wugga Wugga", NULL },
  { "Ngozi", NULL },
  { "Lily and Liam", NULL },
  /* Accents with or without them, NFC or NFD, invisible characters inside */
  { "Zoë Müller", "Child C" },
  { "Zoe Muller", "Child C" },
  { "ZOË", "Child C" },
  { "Zoe\xcc\x88", "Child C" },                             /* NFD */
  { "Zoe\xcc\x88's coat", "Child C's coat" },
  { "Zo\xe2\x80\x8b" "e", "Child C" },                      /* zero-width space */
  { "Ame\xe2\x80\x8dlia", "Child A" },                      /* zero-width joiner */
  { "Ame\xe2\x80\x8clia", "Child A" },                      /* zero-width non-joiner */
  { "Mu\xc2\xad" "ller", "Child C" },                       /* soft hyphen */
  { "Ren\xc3\xa9" "e", "Child D" },                         /* NFC text, NFD register */
  { "RENEE DUBOIS", "Child D" },
  { "Lukasz", "Family friend" },
  { "Łukasz’s", "Family friend’s" },
  { "\xef\xbc\xad\xef\xbd\x81\xef\xbd\x93\xef\xbd\x8f\xef\xbd\x8e", "Sibling B" }, /* fullwidth */
  /* Apostrophes and particles inside names */
  { "Sean O'Brien", "Lodger" },
  { "OBrien", "Lodger" },
  { "Brien", "Lodger" },
  { "Maria de Souza", "Childminder" },
  { "Souza", "Childminder" },
  { "a de facto carer", NULL },
  /* Near misses of names */
  { "Masonry", NULL },
  { "Amelia-Rose", "Child A-Rose" },
  { "Hartleyford", NULL },
  { "Child A", NULL },
  /* Dates of birth in any common written form */
  { "DOB 14/06/2024", "DOB [date of birth]" },
  { "born 14 June 2024", "born [date of birth]" },
  { "14.06.24", "[date of birth]" },
  { "2024-06-14", "[date of birth]" },
  { "14/6/2024", "[date of birth]" },
  { "14-06-2024", "[date of birth]" },
  { "14th June 2024", "[date of birth]" },
  { "14th of June, 2024", "[date of birth]" },
  { "14-Jun-2024", "[date of birth]" },
  { "14 Jun. 24", "[date of birth]" },
  { "June 14, 2024", "[date of birth]" },
  { "06/14/2024", "[date of birth]" },
  { "20240614", "[date of birth]" },
  { "21/02/98", "[date of birth]" },
  { "born on 8 July 1971.", "born on [date of birth]." },
  /* Dates that are nobody's birthday */
  { "15/06/2024", NULL },
  { "14/06/2023", NULL },
  { "14 June 2023", NULL },
  { "2024-06-15", NULL },
  { "06/07/1971", NULL },
  { "02/03/2019", "[date of birth]" },
  { "03/02/2019", NULL }, /* day first: 3 February */
  /* Postcodes */
  { "lives at NE1 4ST.", "lives at [postcode]." },
  { "SW1A 1AA", "[postcode]" },
  { "sw1a 1aa", "[postcode]" },
  { "M1 1AE", "[postcode]" },
  { "B33 8TH", "[postcode]" },
  { "CR2 6XH", "[postcode]" },
  { "EC1A1BB", "[postcode]" },
  { "DN55 1PT", "[postcode]" },
  { "Ward 14", NULL },
  { "Year 3 class 3B", NULL },
  { "Q1 1AA", NULL },
  { "39+4 weeks", NULL },
  /* NHS numbers: ten digits, modulus 11 */
  { "NHS 943 476 5919", "NHS [NHS number]" },
  { "9434765919", "[NHS number]" },
  { "943-476-5919", "[NHS number]" },
  { "NHS 943 476 5918", NULL },
  { "4010232137", "[NHS number]" },
  { "94347659190", NULL },
  /* UK phone numbers */
  { "call 0161 496 0000.", "call [phone number]." },
  { "07700 900123", "[phone number]" },
  { "07700-900-123", "[phone number]" },
  { "+44 7700 900123", "[phone number]" },
  { "+44 (0)20 7946 0958", "[phone number]" },
  { "(01632) 960001", "[phone number]" },
  { "Mosaic case note 7712166", NULL },
  { "Niche occurrence NP-25-041873", NULL },
  { "17/05/2025 23:10", NULL },
  { "01/05/2024", NULL },
  /* Email addresses */
  { "amelia.hartley@example.org", "[email address]" },
  { "write to leanne_h@mail.co.uk today", "write to [email address] today" },
  { "user at example dot org", NULL },
  /* Several in one text */
  { "Amelia (DOB 14/06/2024, NHS 943 476 5919) lives with Leanne at NE1 4ST.",
    "Child A (DOB [date of birth], NHS [NHS number]) lives with Mother at [postcode]." },
  { "", NULL },
};

static void
test_cases (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *redacted = cw_redactor_redact (redactor, cases[i].text);
      const char *expected = cases[i].redacted ? cases[i].redacted : cases[i].text;

      if (g_strcmp0 (redacted, expected) != 0)
        g_error ("“%s” redacted as “%s”, not “%s”", cases[i].text, redacted, expected);
    }
}

/* Names written in other Unicode forms in the register are found the same. */
static void
test_register_forms (void)
{
  g_autoptr (CwRedactor) redactor = cw_redactor_new ();
  g_autofree char *out = NULL;

  cw_redactor_add_person (redactor, 1, "Child E", "Jos\xc3\xa9 Garc\xc3\xad" "a", NULL, NULL);
  cw_redactor_add_person (redactor, 2, "Child F", "Ana\xe2\x80\x8b" "belle", NULL, NULL);
  cw_redactor_add_person (redactor, 3, "Carer", "J", NULL, NULL);
  cw_redactor_add_person (redactor, 4, "", "Brian Smith", NULL, "Social worker");
  out = cw_redactor_redact (redactor, "Jose, Garci\xcc\x81" "a, Anabelle, J, Brian");
  g_assert_cmpstr (out, ==, "Child E, Child E, Child F, J, Social worker");
  g_assert_cmpuint (cw_redactor_get_n_people (redactor), ==, 4);
}

static void
test_date_of_birth (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();
  GDate date;
  const char *who = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 21, G_DATE_FEBRUARY, 1998);
  g_assert_true (cw_redactor_is_date_of_birth (redactor, &date, &who));
  g_assert_cmpstr (who, ==, "Mother");
  g_date_set_dmy (&date, 21, G_DATE_FEBRUARY, 1999);
  g_assert_false (cw_redactor_is_date_of_birth (redactor, &date, NULL));
}

typedef struct
{
  const char  *text;
  CwRedactKind kind;
  const char  *match;
  gsize        offset;
  gint64       person_id;
  const char  *who;
} FindCase;

static const FindCase finds[] = {
  { "Seen: Amelia's cot", CW_REDACT_NAME, "Amelia's", 6, 1, "Child A" },
  { "x Zoe\xcc\x88 y", CW_REDACT_NAME, "Zoe\xcc\x88", 2, 7, "Child C" },
  { "the Hartleys", CW_REDACT_NAME, "Hartleys", 4, 0,
    "Child A, Sibling B, Mother, Maternal grandmother" },
  { "DOB 14/06/2024", CW_REDACT_DATE_OF_BIRTH, "14/06/2024", 4, 1, "Child A" },
  { "at NE1 4ST", CW_REDACT_POSTCODE, "NE1 4ST", 3, 0, NULL },
  { "NHS 943 476 5919", CW_REDACT_NHS_NUMBER, "943 476 5919", 4, 0, NULL },
  { "tel 0161 496 0000", CW_REDACT_PHONE, "0161 496 0000", 4, 0, NULL },
  { "é amelia.h@example.org", CW_REDACT_EMAIL, "amelia.h@example.org", 3, 0, NULL },
};

static void
test_find (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();

  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      g_autoptr (GArray) hits = cw_redactor_find (redactor, finds[i].text);
      const CwRedactHit *hit;

      g_assert_cmpuint (hits->len, ==, 1);
      hit = &g_array_index (hits, CwRedactHit, 0);
      g_assert_cmpint (hit->kind, ==, finds[i].kind);
      g_assert_cmpstr (hit->match, ==, finds[i].match);
      g_assert_cmpuint (hit->offset, ==, finds[i].offset);
      g_assert_cmpuint (hit->length, ==, strlen (finds[i].match));
      g_assert_cmpint (hit->person_id, ==, finds[i].person_id);
      g_assert_cmpstr (hit->who, ==, finds[i].who);
      g_assert_nonnull (cw_redact_kind_label (hit->kind));
    }
}

/* Finding changes nothing and lists every hit in order, so that a check of
 * a document can list them with their context. */
static void
test_find_many (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();
  const char *text = "Leanne (21/02/98) and Wei Li, 07700 900123; Lincoln.";
  g_autoptr (GArray) hits = cw_redactor_find (redactor, text);
  static const CwRedactKind kinds[] = { CW_REDACT_NAME, CW_REDACT_DATE_OF_BIRTH, CW_REDACT_NAME,
                                        CW_REDACT_PHONE };

  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < hits->len; i++)
    {
      const CwRedactHit *hit = &g_array_index (hits, CwRedactHit, i);

      g_assert_cmpint (hit->kind, ==, kinds[i]);
      g_assert_true (strncmp (text + hit->offset, hit->match, hit->length) == 0);
      if (i > 0)
        {
          const CwRedactHit *before = &g_array_index (hits, CwRedactHit, i - 1);
          g_assert_cmpuint (before->offset + before->length, <=, hit->offset);
        }
    }
  g_assert_cmpint (g_array_index (hits, CwRedactHit, 1).person_id, ==, 3);
  g_assert_cmpstr (g_array_index (hits, CwRedactHit, 2).replacement, ==, "Father");
}

static void
test_real_name (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();
  const char *who = NULL;
  gboolean shared = TRUE;

  g_assert_true (cw_redactor_find_real_name (redactor, "Review of AMELIA", &who, &shared));
  g_assert_cmpstr (who, ==, "Child A");
  g_assert_false (shared);
  g_assert_true (cw_redactor_find_real_name (redactor, "The Hartley family", &who, &shared));
  g_assert_true (shared);
  g_assert_false (cw_redactor_find_real_name (redactor, "Child A, born 14/06/2024", NULL, NULL));
  g_assert_false (cw_redactor_find_real_name (redactor, "Lincoln", NULL, NULL));
  g_assert_false (cw_redactor_find_real_name (redactor, NULL, NULL, NULL));
}

static void
test_terms (void)
{
  g_autoptr (CwRedactor) redactor = cw_redactor_new ();
  g_autofree char *out = NULL;
  g_autoptr (GArray) hits = NULL;

  cw_redactor_add_term (redactor, "Rainbow Nursery", "[setting]");
  out = cw_redactor_redact (redactor, "At rainbow  nursery’s gate, and NHS 943 476 5919.");
  g_assert_cmpstr (out, ==, "At [setting]’s gate, and NHS [NHS number].");
  hits = cw_redactor_find (redactor, "RAINBOW NURSERY");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, CwRedactHit, 0).kind, ==, CW_REDACT_TERM);
  g_assert_false (cw_redactor_find_real_name (redactor, "Rainbow Nursery", NULL, NULL));
}

/* One redactor used from several threads at once, as a background job
 * does: the names are compiled once, safely. */
static gpointer
redact_in_thread (gpointer data)
{
  char *out = cw_redactor_redact (data, "Amelia and Mason Hartley");
  gboolean ok = g_strcmp0 (out, "Child A and Sibling B") == 0;

  g_free (out);
  return GINT_TO_POINTER (ok);
}

static void
test_threads (void)
{
  g_autoptr (CwRedactor) redactor = test_redactor ();
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("redact", redact_in_thread, redactor);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* The review's register, from the store */

typedef struct
{
  Fixture base;
  gint64  review;
} Rv;

static void
rv_set_up (Rv            *r,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autoptr (CwRecord) review = NULL;
  GDate today = date_of ("2026-11-23");

  fixture_set_up (&r->base, data);
  reference = cw_store_add_demo (r->base.store, &today, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (r->base.store, reference, &error);
  g_assert_no_error (error);
  r->review = cw_record_get_id (review);
}

static void
rv_tear_down (Rv            *r,
              gconstpointer  data)
{
  fixture_tear_down (&r->base, data);
}

static void
test_for_review (Rv            *r,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = cw_redactor_new_for_review (r->base.store, r->review, &error);
  g_autoptr (CwRedactor) other = NULL;
  g_autofree char *out = NULL;
  g_autofree char *untouched = NULL;

  g_assert_no_error (error);
  /* The register's five, and the six practitioners of the case group. */
  g_assert_cmpuint (cw_redactor_get_n_people (redactor), ==, 11);
  out = cw_redactor_redact (redactor, "Dean Collier's van; Patricia's; born 14 June 2024");
  g_assert_cmpstr (out, ==, "Mother's partner's van; Maternal grandmother's; born [date of birth]");
  /* Another review's register names other people. */
  other = cw_redactor_new_for_review (r->base.store, r->review + 1000, &error);
  g_assert_no_error (error);
  untouched = cw_redactor_redact (other, "Dean Collier");
  g_assert_cmpstr (untouched, ==, "Dean Collier");
}

/* Practitioners of the case group are named by role, numbered as the
 * family are: the title before a name ("Dr", "PC") is not taken for one. */
static void
test_practitioners (Rv            *r,
                    gconstpointer  data)
{
  const char *second[] = { "group_kind", "case", "name", "Jo Marsh", "role", " health visitor",
                           NULL };
  const char *reviewer[] = { "group_kind", "review", "name", "Ruth Okafor", "role", "Chair",
                             NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRedactor) redactor = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (cw_store_insert (r->base.store, &cw_entity_member, r->review, second, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_insert (r->base.store, &cw_entity_member, r->review, reviewer,
                                    &error), >, 0);
  g_assert_no_error (error);
  redactor = cw_redactor_new_for_review (r->base.store, r->review, &error);
  g_assert_no_error (error);
  out = cw_redactor_redact (redactor, "Claire Dunn and Jo Marsh visited; Dr Nair and PC Laura "
                                      "Benn were told; Ruth Okafor chaired; Dr Achebe saw him");
  g_assert_cmpstr (out, ==, "Health Visitor 1 and Health Visitor 2 visited; Dr GP 1 and PC "
                            "Response Officer 1 were told; Ruth Okafor chaired; Dr Emergency "
                            "Department Registrar 1 saw him");
}

static void
test_name_free_fields (Rv            *r,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) referral = cw_store_get_referral (r->base.store, r->review, &error);
  g_autofree char *warning = NULL;
  g_autofree char *none = NULL;

  g_assert_true (cw_privacy_is_name_free (&cw_entity_review, "title"));
  g_assert_true (cw_privacy_is_name_free (&cw_entity_review, "subject_pseudonym"));
  g_assert_true (cw_privacy_is_name_free (&cw_entity_referral, "rationale"));
  g_assert_false (cw_privacy_is_name_free (&cw_entity_referral, "child_name"));
  g_assert_false (cw_privacy_is_name_free (&cw_entity_person, "real_name"));

  g_assert_true (cw_privacy_check_name_free (r->base.store, r->review, &cw_entity_review, "title",
                                             NULL, "Child A: injuries to a baby", &error));
  g_assert_no_error (error);
  g_assert_false (cw_privacy_check_name_free (r->base.store, r->review, &cw_entity_review,
                                              "title", NULL, "Review of Amelia’s injuries",
                                              &error));
  g_assert_error (error, CW_PRIVACY_ERROR, CW_PRIVACY_ERROR_REAL_NAME);
  /* The message names the field and the pseudonym, never the name. */
  g_assert_nonnull (strstr (error->message, "Title"));
  g_assert_nonnull (strstr (error->message, "Child A"));
  g_assert_null (strstr (error->message, "Amelia"));
  g_clear_error (&error);
  g_assert_false (cw_privacy_check_name_free (r->base.store, r->review, &cw_entity_review,
                                              "subject_pseudonym", "--subject", "hartley",
                                              &error));
  g_assert_nonnull (strstr (error->message, "Mother"));
  g_assert_true (g_str_has_prefix (error->message, "--subject "));
  g_assert_null (strstr (error->message, "artley"));
  g_clear_error (&error);
  /* Other fields may hold real names: that is what the register is for. */
  g_assert_true (cw_privacy_check_name_free (r->base.store, r->review, &cw_entity_referral,
                                             "child_name", NULL, "Amelia Hartley", &error));

  warning = cw_privacy_record_warning (r->base.store, &cw_entity_referral,
                                       cw_record_get_id (referral), "rationale",
                                       "Dean's account differs");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "Mother's partner"));
  g_assert_null (strstr (warning, "Dean"));
  none = cw_privacy_record_warning (r->base.store, &cw_entity_referral,
                                    cw_record_get_id (referral), "rationale",
                                    "The partner's account differs");
  g_assert_null (none);
}

/* The chronology listed anonymised: every text of every entry redacted,
 * the agencies' names too. */
static void
test_chronology (Rv            *r,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwChronologyModel) model = cw_chronology_model_new (r->base.store, r->review);
  g_autoptr (CwRedactor) redactor = cw_redactor_new_for_review (r->base.store, r->review, &error);
  gboolean seen_pseudonym = FALSE;
  guint n;

  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  {
    /* Asked for before: the items are read again, redacted. */
    g_autoptr (CwChronologyItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  }
  cw_chronology_model_set_redactor (model, redactor);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      for (CwChronoField field = 0; field < CW_CHRONO_N_FIELDS; field++)
        {
          const char *text = cw_chronology_item_get (item, field);

          if (text == NULL)
            continue;
          g_assert_false (cw_redactor_find_real_name (redactor, text, NULL, NULL));
          g_assert_null (strstr (text, "Amelia"));
          g_assert_null (strstr (text, "Hartley"));
          seen_pseudonym |= strstr (text, "Child A") != NULL;
        }
    }
  g_assert_true (seen_pseudonym);
  /* The entry of Child A's birth is dated to its month only. */
  {
    guint born = 0;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
        const CwChronoDate *start = cw_chronology_item_get_start (item);
        const char *text = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);

        g_assert_false (start->precision == CW_DATE_PRECISION_DAY
                        && cw_redactor_is_date_of_birth (redactor, &start->date, NULL));
        if (text != NULL && g_str_has_prefix (text, "Child A born"))
          {
            g_autofree char *shown = cw_chronology_item_dup_date_text (item);
            g_assert_cmpstr (shown, ==, "Jun 2024");
            born++;
          }
      }
    g_assert_cmpuint (born, ==, 1);
  }
  /* Without a redactor again, the real text. */
  cw_chronology_model_set_redactor (model, NULL);
  {
    gboolean seen_name = FALSE;

    for (guint i = 0; i < n && !seen_name; i++)
      {
        g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
        const char *text = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);
        seen_name = text != NULL && strstr (text, "Amelia") != NULL;
      }
    g_assert_true (seen_name);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();

  g_test_add_func ("/redact/cases", test_cases);
  g_test_add_func ("/redact/register-forms", test_register_forms);
  g_test_add_func ("/redact/date-of-birth", test_date_of_birth);
  g_test_add_func ("/redact/find", test_find);
  g_test_add_func ("/redact/find-many", test_find_many);
  g_test_add_func ("/redact/real-name", test_real_name);
  g_test_add_func ("/redact/terms", test_terms);
  g_test_add_func ("/redact/threads", test_threads);
  g_test_add ("/redact/review", Rv, NULL, rv_set_up, test_for_review, rv_tear_down);
  g_test_add ("/redact/practitioners", Rv, NULL, rv_set_up, test_practitioners, rv_tear_down);
  g_test_add ("/redact/name-free-fields", Rv, NULL, rv_set_up, test_name_free_fields,
              rv_tear_down);
  g_test_add ("/redact/chronology", Rv, NULL, rv_set_up, test_chronology, rv_tear_down);
  return g_test_run ();
}
