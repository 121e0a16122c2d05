/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-chronology-import.h"
#include "cw-chronology.h"
#include "cw-demo-private.h"
#include "cw-demo-resources.h"
#include "cw-review.h"
#include "cw-store-private.h"

/* The sample review: entirely fictional people, places and agencies
 * ("Northshire"), realistic enough to explore every screen. Dates are
 * relative to today so its deadlines are live. */

typedef struct
{
  const char *pseudonym, *real_name, *role, *dob, *notes;
} DemoPerson;

static const DemoPerson demo_people[] = {
  { "Child A", "Amelia Hartley", "Subject of the review", "2024-06-14",
    "Admitted to hospital aged 19 months with a fractured femur and bruising." },
  { "Sibling B", "Mason Hartley", "Half-brother of Child A", "2018-09-03",
    "Attends Northshire Park Primary School (Year 3)." },
  { "Mother", "Leanne Hartley", "Mother of Child A and Sibling B", "1998-02-21", NULL },
  { "Mother's partner", "Dean Collier", "Lived in the household from spring 2025", "1994-11-30",
    "Not the father of either child." },
  { "Maternal grandmother", "Patricia Hartley", "Provided regular childcare", "1971-07-08", NULL },
};

typedef struct
{
  const char *name, *short_name, *sector, *involvement;
} DemoAgency;

/* Short names tell apart what "Northshire …" cut short would not. */
static const DemoAgency demo_agencies[] = {
  { "Northshire Children's Social Care", "Social care", "social-care",
    "Child in need plan for Sibling B, 2024; assessment after the hospital admission" },
  { "Northshire Police", "Police", "police", "Two domestic abuse call-outs, 2025" },
  { "Northshire Community Health (health visiting)", "Health visiting", "health",
    "Universal health visiting; missed 12-month review" },
  { "Northshire General Hospital (emergency department)", "Hospital ED", "health",
    "Two attendances before the admission" },
  { "Riverside Medical Practice", "GP", "health", "GP for the family" },
  { "Northshire Park Primary School", "Park Primary", "education", "Sibling B's school" },
  { "Northshire Homes", "Homes", "housing",
    "Landlord of the family home; return requested, not yet received" },
};

typedef struct
{
  const char *group, *name, *agency, *role, *involvement;
} DemoMember;

static const DemoMember demo_members[] = {
  { "review", "Dr Helen Marsh", NULL, "Independent chair and lead reviewer", NULL },
  { "review", "Sarah Okafor", "Northshire Children's Social Care", "Head of Service", NULL },
  { "review", "DI Mark Ellis", "Northshire Police", "Public Protection Unit", NULL },
  { "review", "Joanne Price", "Northshire Community Health (health visiting)",
    "Designated Nurse for Safeguarding Children", NULL },
  { "review", "Tom Reilly", NULL, "Safeguarding partnership business manager", "Minutes" },
  { "case", "Aisha Khan", "Northshire Children's Social Care", "Social worker",
    "Allocated to Sibling B, 2024" },
  { "case", "Claire Dunn", "Northshire Community Health (health visiting)", "Health visitor",
    "Named health visitor" },
  { "case", "Dr Priya Nair", "Riverside Medical Practice", "GP", NULL },
  { "case", "Gareth Lewis", "Northshire Park Primary School", "Designated safeguarding lead",
    NULL },
  { "case", "PC Laura Benn", "Northshire Police", "Response officer", "Attended both call-outs" },
  { "case", "Dr Simon Achebe", "Northshire General Hospital (emergency department)",
    "Emergency department registrar", "Saw Child A at the second attendance" },
};

static const char *const demo_referral[] = {
  "referrer_name", "Aisha Khan",
  "service_team", "Northshire Children's Social Care, Assessment Team 2",
  "child_name", "Amelia Hartley",
  "swis_number", "NS-0048213",
  "parents_carers", "Leanne Hartley (mother)\nDean Collier (mother's partner, not a parent)",
  "household", "Mason Hartley, half-brother, aged 7\nDean Collier, mother's partner",
  "agencies_involved",
  "Health visiting: Claire Dunn (health visitor)\nGP: Dr Priya Nair, Riverside Medical Practice\n"
  "Hospital: emergency department, two attendances\nPolice: PC Laura Benn (response)\n"
  "School: Gareth Lewis (DSL) for Sibling B",
  "grounds", "serious-harm,lack-of-progress",
  "circumstances",
  "Child A, aged 19 months, was admitted to hospital with a spiral fracture of the left femur "
  "and bruising to the face and arms. The explanations given by the mother and her partner "
  "differed. Child A had attended the emergency department twice in the previous four months.",
  "key_facts",
  "2024: child in need plan for Sibling B after concerns about neglect; closed after 6 months.\n"
  "Spring 2025: mother's partner moves in. Two police call-outs for domestic abuse.\n"
  "Summer 2025: Child A's 12-month health review missed; not followed up.\n"
  "Autumn 2025: two emergency department attendances (head bump, burn to hand).\n"
  "Early 2026: admission with a fractured femur.",
  "reasons",
  "Several agencies held pieces of information that were not brought together\n"
  "Domestic abuse notifications did not reach health visiting\n"
  "Earlier emergency attendances were not shared with the GP or health visitor\n"
  "The child in need plan for Sibling B closed shortly before the partner moved in",
  "discussed_on", NULL, /* filled from the decision date */
  "decision", "proceed",
  "rationale",
  "The criteria for a local child safeguarding practice review are met: serious harm with "
  "abuse suspected, and learning likely about information sharing between agencies.",
  "key_objectives",
  "Understand how information about domestic abuse was shared with universal services\n"
  "Understand how repeat emergency attendances of a non-mobile child were recognised\n"
  "Identify learning about the closure of child in need plans when households change",
  "lead_reviewer", "Dr Helen Marsh",
  "timescale", "Report to the partnership within six months of the decision",
  NULL,
};

static const char *const demo_terms[][2] = {
  { "term", "The review covers 1 January 2024 to the date of Child A's admission." },
  { "term", "Agencies will provide chronologies of significant events and meet at a learning "
            "event with the practitioners involved." },
  { "term", "The report will be anonymised and published on the partnership's website." },
  { "kloe", "How well did agencies share information about domestic abuse in the household?" },
  { "kloe", "Were injuries to a non-mobile child recognised and responded to in line with the "
            "bruising protocol?" },
  { "kloe", "How was the voice and lived experience of Child A understood?" },
  { "kloe", "What was the impact of the closure of Sibling B's child in need plan?" },
};

/* The agencies' returns (data/demo), imported as a reviewer would. */
typedef struct
{
  const char *file, *agency;
  int         requested, due; /* days from today */
} DemoReturn;

static const DemoReturn demo_returns[] = {
  { "childrens-social-care.csv", "Northshire Children's Social Care", -95, -67 },
  { "police.csv", "Northshire Police", -95, -67 },
  { "community-health-visiting.csv", "Northshire Community Health (health visiting)", -95, -67 },
  { "general-hospital.csv", "Northshire General Hospital (emergency department)", -95, -67 },
  { "riverside-medical-practice.csv", "Riverside Medical Practice", -95, -67 },
  { "northshire-park-primary.csv", "Northshire Park Primary School", -95, -67 },
};

/* Reports of one happening by several agencies: file and row of each. */
typedef struct
{
  const char *file;
  guint       row;
} DemoReport;

static const DemoReport demo_links[][6] = {
  /* The strategy discussion of 10/02/2026: all three date it so. */
  { { "childrens-social-care.csv", 28 }, { "police.csv", 20 }, { "general-hospital.csv", 22 } },
  /* The hospital's referral that day, sent and received. */
  { { "general-hospital.csv", 21 }, { "childrens-social-care.csv", 27 } },
  /* The reconvened strategy meeting: the police date it a day later. */
  { { "childrens-social-care.csv", 30 }, { "police.csv", 22 },
    { "community-health-visiting.csv", 23 }, { "general-hospital.csv", 28 },
    { "northshire-park-primary.csv", 20 } },
  /* The second domestic abuse call-out, either side of midnight. */
  { { "police.csv", 10 }, { "childrens-social-care.csv", 23 } },
};

char *
cw_demo_iso_days_from (const GDate *today,
               int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return cw_date_format_iso (&date);
}

static gint64
find_or_add_agency (CwStore          *self,
                    const DemoAgency *agency,
                    GError          **error)
{
  g_autoptr (GListModel) agencies = cw_store_list (self, &cw_entity_agency, 0, error);
  const char *name = agency->name;
  const char *pairs[] = { "name", name, "short_name", agency->short_name,
                          "sector", agency->sector, NULL };

  if (agencies == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (agencies, i);
      if (g_ascii_strcasecmp (cw_record_get (record, "name"), name) == 0)
        return cw_record_get_id (record);
    }
  return cw_store_insert (self, &cw_entity_agency, 0, pairs, error);
}

static gboolean
add_people (CwStore *self, gint64 review, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *p = &demo_people[i];
      const char *pairs[] = { "pseudonym", p->pseudonym, "real_name", p->real_name,
                              "role", p->role, "date_of_birth", p->dob, "notes", p->notes, NULL };
      if (cw_store_insert (self, &cw_entity_person, review, pairs, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_agencies (CwStore *self, gint64 review, GHashTable *ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_agencies); i++)
    {
      const DemoAgency *a = &demo_agencies[i];
      gint64 id = find_or_add_agency (self, a, error);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      const char *pairs[] = { "agency_id", id_text, "involvement", a->involvement, NULL };

      if (id == 0 || cw_store_insert (self, &cw_entity_review_agency, review, pairs, error) == 0)
        return FALSE;
      g_hash_table_insert (ids, (gpointer) a->name, g_steal_pointer (&id_text));
    }
  return TRUE;
}

static gboolean
add_members (CwStore *self, gint64 review, GHashTable *agency_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_members); i++)
    {
      const DemoMember *m = &demo_members[i];
      const char *agency = m->agency ? g_hash_table_lookup (agency_ids, m->agency) : NULL;
      const char *pairs[] = { "group_kind", m->group, "name", m->name, "role", m->role,
                              "involvement", m->involvement, "agency_id", agency, NULL };
      if (cw_store_insert (self, &cw_entity_member, review, pairs, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_referral (CwStore *self, gint64 review, const char *decided, GError **error)
{
  g_autoptr (CwRecord) referral = cw_store_get_referral (self, review, error);

  if (referral == NULL)
    return FALSE;
  for (guint i = 0; demo_referral[i] != NULL; i += 2)
    {
      const char *value = demo_referral[i + 1] ? demo_referral[i + 1] : decided;
      if (!cw_store_update (self, &cw_entity_referral, cw_record_get_id (referral),
                            demo_referral[i], value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_terms (CwStore *self, gint64 review, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_terms); i++)
    {
      const char *pairs[] = { "kind", demo_terms[i][0], "text", demo_terms[i][1], NULL };
      if (cw_store_insert (self, &cw_entity_tor_item, review, pairs, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_dates (CwStore *self, gint64 review, const GDate *today, GError **error)
{
  static const struct { const char *name; int days; } dates[] = {
    { "incident", -120 }, { "notification", -117 }, { "referral", -116 }, { "decision", -99 },
    { "learning-event", -14 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = cw_demo_iso_days_from (today, dates[i].days);
      if (!cw_store_set_key_date (self, review, dates[i].name, iso, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_return (CwStore          *self,
               gint64            review,
               const DemoReturn *r,
               GHashTable       *agency_ids,
               const GDate      *today,
               GError          **error)
{
  g_autofree char *path = g_strconcat ("/org/casewise/Casewise/demo/", r->file, NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (cw_demo_get_resource (), path,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr (CwChronologyImport) import = NULL;
  g_autofree char *requested = cw_demo_iso_days_from (today, r->requested);
  g_autofree char *due = cw_demo_iso_days_from (today, r->due);
  const char *agency = g_hash_table_lookup (agency_ids, r->agency);
  gint64 agency_id = g_ascii_strtoll (agency, NULL, 10);
  CwImportResult result;

  if (bytes == NULL
      || (import = cw_chronology_import_new_from_bytes (bytes, r->file, error)) == NULL
      || !cw_chronology_import_run (import, self, review, agency_id, 0, NULL, NULL, NULL, &result,
                                    error)
      || !cw_store_update (self, &cw_entity_agency_return, result.return_id, "requested_on",
                           requested, error))
    return FALSE;
  return cw_store_update (self, &cw_entity_agency_return, result.return_id, "due_on", due, error);
}

gint64
cw_demo_entry_at (CwStore    *self,
          gint64      review,
          const char *file,
          guint       row)
{
  sqlite3_stmt *stmt = cw_store_prepare (self,
    "SELECT e.id FROM chronology_entry e JOIN chronology_import i ON i.id = e.import_id"
    " WHERE e.review_id = ? AND i.file_name = ? AND e.import_row = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review);
  sqlite3_bind_text (stmt, 2, file, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) row);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The child's context, for the timeline. */
static const char *const demo_periods[][4] = {
  { "child-in-need", "Child in need plan (Sibling B)", "2024-05-01", "2024-11-14" },
  { "household", "Mother's partner living in the household", "2025-03-01", NULL },
  { "hospital", "Child A in hospital", "2026-02-10", "2026-02-13" },
};

static gboolean
add_periods (CwStore  *self,
             gint64    review,
             GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_periods); i++)
    {
      const char *pairs[] = { "kind", demo_periods[i][0], "label", demo_periods[i][1],
                              "start_date", demo_periods[i][2], "end_date", demo_periods[i][3],
                              NULL };
      if (cw_store_insert (self, &cw_entity_period, review, pairs, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* One return still awaited, past its due date. */
static gboolean
request_housing_return (CwStore     *self,
                        gint64       review,
                        GHashTable  *agency_ids,
                        const GDate *today,
                        GError     **error)
{
  const char *agency = g_hash_table_lookup (agency_ids, "Northshire Homes");
  g_autofree char *requested = cw_demo_iso_days_from (today, -95);
  g_autofree char *due = cw_demo_iso_days_from (today, -70);
  gint64 id = cw_chronology_ensure_return (self, review, g_ascii_strtoll (agency, NULL, 10),
                                           error);

  return id != 0
         && cw_store_update (self, &cw_entity_agency_return, id, "requested_on", requested, error)
         && cw_store_update (self, &cw_entity_agency_return, id, "due_on", due, error);
}

static gboolean
add_chronology (CwStore     *self,
                gint64       review,
                GHashTable  *agency_ids,
                const GDate *today,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_returns); i++)
    if (!import_return (self, review, &demo_returns[i], agency_ids, today, error))
      return FALSE;
  if (!request_housing_return (self, review, agency_ids, today, error)
      || !add_periods (self, review, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_links); i++)
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint j = 0; j < G_N_ELEMENTS (demo_links[i]) && demo_links[i][j].file; j++)
        {
          gint64 id = cw_demo_entry_at (self, review, demo_links[i][j].file, demo_links[i][j].row);
          g_array_append_val (ids, id);
        }
      if (!cw_chronology_link (self, ids, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_review (CwStore *self, gint64 review, const GDate *today, GError **error)
{
  g_autoptr (GHashTable) agency_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             g_free);
  g_autofree char *decided = cw_demo_iso_days_from (today, -99);

  return cw_store_update (self, &cw_entity_review, review, "methodology", "learning-together",
                          error)
         && cw_store_update (self, &cw_entity_review, review, "summary",
                             "Serious injury to a 19-month-old child in a household known to "
                             "several agencies. The review looks at how information was shared "
                             "and how risk to a non-mobile child was recognised.", error)
         && set_dates (self, review, today, error)
         && add_people (self, review, error)
         && add_agencies (self, review, agency_ids, error)
         && add_members (self, review, agency_ids, error)
         && fill_referral (self, review, decided, error)
         && add_terms (self, review, error)
         && add_chronology (self, review, agency_ids, today, error)
         && cw_demo_add_analysis (self, review, today, error)
         && cw_store_move_phase (self, review, "decision", error)
         && cw_store_move_phase (self, review, "preparation", error)
         && cw_store_move_phase (self, review, "learning-event", error)
         && cw_store_move_phase (self, review, "findings", error);
}

/**
 * cw_store_add_demo:
 * @today: (nullable): the date the sample is built around; %NULL for today
 *
 * Adds the sample review "Child A", all of it or nothing.
 *
 * Returns: (transfer full) (nullable): its reference
 */
char *
cw_store_add_demo (CwStore      *self,
                   const GDate  *today,
                   GError      **error)
{
  g_autofree char *reference = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  GDate now;
  gint64 review = 0;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (today == NULL)
    cw_clock_today (&now);
  else
    now = *today;
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return NULL;
  reference = cw_store_create_review (self, "cspr", CW_DEMO_TITLE,
                                      "Child A", &now, &review, error);
  if (reference == NULL || !fill_review (self, review, &now, error)
      || !cw_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&reference);
}
