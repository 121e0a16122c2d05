/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-store-private.h"

/* Forward migrations, one per schema version, each run in its own
 * transaction together with the new user_version. Never edit a released
 * migration: add the next one. Audit triggers are derived from the entity
 * descriptions and rebuilt after any migration.
 *
 * Row ids are AUTOINCREMENT: the audit trail names rows by id, so an id
 * must never be given again after its row is purged. */

#define DELETED_COLUMN "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"

/* The guards of the append-only audit trail, as the migrations wrote them
 * (the text is compared with the file's on opening: keep it byte for
 * byte). Since version 7 an INSERT that would replace a row is refused too:
 * REPLACE INTO and INSERT OR REPLACE delete the old row without firing
 * delete triggers. */
#define AUDIT_GUARD_UPDATE \
  "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"
#define AUDIT_GUARD_DELETE \
  "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"
#define AUDIT_GUARD_INSERT \
  "CREATE TRIGGER audit_append_only_insert BEFORE INSERT ON audit" \
  "  WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"

static const char migration_1[] =
  "PRAGMA application_id = 1129796421;"
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE review_kind ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  prefix TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, " DELETED_COLUMN ");"
  "CREATE TABLE agency ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, sector TEXT, notes TEXT,"
  "  " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX agency_name ON agency (name COLLATE NOCASE) WHERE deleted = 0;"
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  "  kind TEXT NOT NULL REFERENCES review_kind (slug) ON UPDATE CASCADE,"
  "  methodology TEXT, phase TEXT NOT NULL DEFAULT 'referral',"
  "  subject_pseudonym TEXT, summary TEXT,"
  "  incident_date TEXT, notification_date TEXT, referral_date TEXT, decision_date TEXT,"
  "  learning_event_date TEXT, report_date TEXT, action_plan_date TEXT, publication_date TEXT,"
  "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  " DELETED_COLUMN ");"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  pseudonym TEXT NOT NULL, real_name TEXT, role TEXT, date_of_birth TEXT, notes TEXT,"
  "  " DELETED_COLUMN ");"
  "CREATE INDEX person_review ON person (review_id);"
  "CREATE TABLE review_agency ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  agency_id INTEGER NOT NULL REFERENCES agency (id) ON DELETE CASCADE,"
  "  involvement TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX review_agency_review ON review_agency (review_id);"
  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  group_kind TEXT NOT NULL CHECK (group_kind IN ('review', 'case')),"
  "  name TEXT NOT NULL, agency_id INTEGER REFERENCES agency (id) ON DELETE SET NULL,"
  "  role TEXT, involvement TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX member_review ON member (review_id);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,"
  "  entity TEXT NOT NULL, entity_id INTEGER NOT NULL, review_id INTEGER, action TEXT NOT NULL, field TEXT,"
  "  old_value TEXT, new_value TEXT);"
  "CREATE INDEX audit_review ON audit (review_id, id);"
  AUDIT_GUARD_UPDATE ";"
  AUDIT_GUARD_DELETE ";"
  "INSERT INTO review_kind (slug, name, prefix, position) VALUES"
  "  ('cspr', 'Child Safeguarding Practice Review', 'CSPR', 1),"
  "  ('scr', 'Serious Case Review', 'SCR', 2),"
  "  ('rapid', 'Rapid review', 'RR', 3),"
  "  ('critical', 'Critical case review', 'CCR', 4),"
  "  ('learning', 'Practice review / learning review', 'LR', 5),"
  "  ('single-agency', 'Individual agency review', 'IAR', 6),"
  "  ('audit', 'Multi-agency audit', 'MAA', 7),"
  "  ('peer', 'Peer review', 'PR', 8),"
  "  ('disruption', 'Disruption review', 'DR', 9),"
  "  ('debrief', 'Structured debrief', 'SD', 10),"
  "  ('cpr', 'CPR case review', 'CPR', 11),"
  "  ('lac', 'LAC learning review', 'LAC', 12);";

/* Version 2: the referral form and decision record, terms of reference, and
 * deadline profiles. Timescales come from BRIEF.md; every rule is editable. */
static const char migration_2[] =
  "CREATE TABLE profile ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  nation TEXT NOT NULL, " DELETED_COLUMN ");"
  "CREATE TABLE deadline_rule ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  profile TEXT NOT NULL REFERENCES profile (slug) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  name TEXT NOT NULL, amount INTEGER NOT NULL, unit TEXT NOT NULL, anchor TEXT NOT NULL,"
  "  met_by TEXT, kinds TEXT, " DELETED_COLUMN ");"
  "ALTER TABLE review ADD COLUMN profile TEXT NOT NULL DEFAULT 'england-current';"
  "CREATE TABLE referral ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL UNIQUE REFERENCES review (id) ON DELETE CASCADE,"
  "  referrer_name TEXT, service_team TEXT, submitted_on TEXT, child_name TEXT,"
  "  swis_number TEXT, parents_carers TEXT, household TEXT, agencies_involved TEXT,"
  "  grounds TEXT, grounds_other TEXT, circumstances TEXT, key_facts TEXT, reasons TEXT,"
  "  worker_signed_on TEXT, manager_signed_on TEXT, discussed_on TEXT,"
  "  decision TEXT CHECK (decision IS NULL OR decision IN ('proceed', 'not-proceed')),"
  "  rationale TEXT, key_objectives TEXT, lead_reviewer TEXT, timescale TEXT,"
  "  further_actions TEXT, " DELETED_COLUMN ");"
  "INSERT INTO referral (review_id) SELECT id FROM review;"
  "CREATE TABLE tor_item ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('term', 'kloe')), text TEXT NOT NULL,"
  "  " DELETED_COLUMN ");"
  "CREATE INDEX tor_item_review ON tor_item (review_id);"
  "INSERT INTO profile (slug, name, nation) VALUES"
  "  ('england-2013', 'England (2013 procedures)', 'england-wales'),"
  "  ('england-current', 'England (current guidance)', 'england-wales'),"
  "  ('wales', 'Wales', 'england-wales'),"
  "  ('scotland', 'Scotland', 'scotland');"
  "INSERT INTO deadline_rule (profile, name, amount, unit, anchor, met_by, kinds) VALUES"
  "  ('england-2013', 'Decision whether to hold a review', 1, 'months', 'notification',"
  "   'decision', NULL),"
  "  ('england-2013', 'Serious case review completed', 6, 'months', 'decision', 'report',"
  "   'scr,cspr'),"
  "  ('england-2013', 'Report kept online until', 12, 'months', 'publication', NULL, 'scr,cspr'),"
  "  ('england-current', 'Notify the national panel', 5, 'working-days', 'incident',"
  "   'notification', 'cspr,rapid,scr'),"
  "  ('england-current', 'Rapid review completed', 15, 'working-days', 'notification',"
  "   'report', 'rapid'),"
  "  ('england-current', 'Decision whether to hold a review', 15, 'working-days',"
  "   'notification', 'decision', 'cspr,scr,critical,learning'),"
  "  ('england-current', 'Local review published', 6, 'months', 'decision', 'publication',"
  "   'cspr,scr'),"
  "  ('wales', 'Decision on the referral', 1, 'months', 'referral', 'decision', NULL),"
  "  ('wales', 'Review completed', 6, 'months', 'decision', 'report', NULL),"
  "  ('wales', 'Action plan signed off', 3, 'months', 'report', 'action-plan', NULL),"
  "  ('scotland', 'Decision whether to hold a learning review', 28, 'days', 'notification',"
  "   'decision', NULL),"
  "  ('scotland', 'Learning review completed', 6, 'months', 'decision', 'report', NULL),"
  "  ('scotland', 'Action plan signed off', 3, 'months', 'report', 'action-plan', NULL);";

/* Version 3: the chronology. Agencies' returns, the entries imported from
 * them or typed in, their provenance, links between two agencies' reports
 * of one happening, and a full-text index. The derived columns (sort_key,
 * range_first, range_last) come from SQL functions the store registers
 * (cw-chronology.c), so they stay right whoever writes the dates. */
static const char migration_3[] =
  "ALTER TABLE review ADD COLUMN gap_days INTEGER;"
  "ALTER TABLE agency ADD COLUMN chronology_columns TEXT;"
  "CREATE TABLE agency_return ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  agency_id INTEGER NOT NULL REFERENCES agency (id),"
  "  status TEXT NOT NULL DEFAULT 'requested'"
  "    CHECK (status IN ('requested', 'received', 'accepted', 'queried')),"
  "  requested_on TEXT, due_on TEXT, received_on TEXT, notes TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX agency_return_review ON agency_return (review_id);"
  "CREATE UNIQUE INDEX agency_return_agency ON agency_return (review_id, agency_id)"
  "  WHERE deleted = 0;"
  "CREATE TABLE chronology_import ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  return_id INTEGER NOT NULL REFERENCES agency_return (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL, sheet TEXT, checksum TEXT, encoding TEXT,"
  "  imported_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  actor TEXT NOT NULL, entries INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX chronology_import_return ON chronology_import (return_id);"
  "CREATE TABLE chronology_entry ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  agency_id INTEGER NOT NULL REFERENCES agency (id),"
  "  start_date TEXT NOT NULL, end_date TEXT, sequence INTEGER, author TEXT,"
  "  source TEXT NOT NULL, description TEXT NOT NULL, action TEXT, rationale TEXT,"
  "  outcome TEXT, impact TEXT,"
  "  significance TEXT NOT NULL DEFAULT 'routine'"
  "    CHECK (significance IN ('routine', 'significant', 'key')),"
  "  tags TEXT, link_group INTEGER,"
  "  import_id INTEGER REFERENCES chronology_import (id) ON DELETE SET NULL, import_row INTEGER,"
  "  sort_key TEXT, range_first TEXT, range_last TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX chronology_entry_order ON chronology_entry (review_id, sort_key);"
  "CREATE INDEX chronology_entry_import ON chronology_entry (import_id);"
  "CREATE INDEX chronology_entry_link ON chronology_entry (link_group) WHERE link_group IS NOT NULL;"
  "CREATE TRIGGER chronology_entry_keys_insert AFTER INSERT ON chronology_entry"
  "  WHEN NEW.sort_key IS NULL BEGIN"
  "  UPDATE chronology_entry SET sort_key = cw_chrono_sort_key (NEW.start_date),"
  "    range_first = cw_chrono_range_first (NEW.start_date),"
  "    range_last = cw_chrono_range_last (NEW.start_date, NEW.end_date) WHERE id = NEW.id; END;"
  "CREATE TRIGGER chronology_entry_keys_update AFTER UPDATE OF start_date, end_date"
  "  ON chronology_entry BEGIN"
  "  UPDATE chronology_entry SET sort_key = cw_chrono_sort_key (NEW.start_date),"
  "    range_first = cw_chrono_range_first (NEW.start_date),"
  "    range_last = cw_chrono_range_last (NEW.start_date, NEW.end_date) WHERE id = NEW.id; END;"
  "CREATE VIRTUAL TABLE chronology_search USING fts5 ("
  "  description, source, action, outcome, impact,"
  "  content = 'chronology_entry', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  /* An import indexes its rows in one statement when it is written: FTS5
   * flushes its pending terms at every statement, so a trigger per row
   * would write 100,000 tiny segments. */
  "CREATE TRIGGER chronology_search_insert AFTER INSERT ON chronology_entry"
  "  WHEN NEW.import_id IS NULL BEGIN"
  "  INSERT INTO chronology_search (rowid, description, source, action, outcome, impact)"
  "  VALUES (NEW.id, NEW.description, NEW.source, NEW.action, NEW.outcome, NEW.impact); END;"
  "CREATE TRIGGER chronology_search_delete AFTER DELETE ON chronology_entry BEGIN"
  "  INSERT INTO chronology_search (chronology_search, rowid, description, source, action,"
  "    outcome, impact)"
  "  VALUES ('delete', OLD.id, OLD.description, OLD.source, OLD.action, OLD.outcome,"
  "    OLD.impact); END;"
  "CREATE TRIGGER chronology_search_update AFTER UPDATE OF description, source, action,"
  "  outcome, impact ON chronology_entry BEGIN"
  "  INSERT INTO chronology_search (chronology_search, rowid, description, source, action,"
  "    outcome, impact)"
  "  VALUES ('delete', OLD.id, OLD.description, OLD.source, OLD.action, OLD.outcome,"
  "    OLD.impact);"
  "  INSERT INTO chronology_search (rowid, description, source, action, outcome, impact)"
  "  VALUES (NEW.id, NEW.description, NEW.source, NEW.action, NEW.outcome, NEW.impact); END;";

/* Version 4: the child's context, periods shown on the timeline: a child
 * protection plan, a stay in hospital, being looked after. */
static const char migration_4[] =
  "CREATE TABLE period ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'other', label TEXT NOT NULL, start_date TEXT NOT NULL,"
  "  end_date TEXT, notes TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX period_review ON period (review_id);";

/* Version 5: the chronology's order index holds what opening a review
 * reads of every entry (cw-chronology-model.c, ALL_SQL), so that reading
 * 100,000 entries in order reads the index alone (a sixth of the file),
 * without the deleted ones. */
static const char migration_5[] =
  "DROP INDEX chronology_entry_order;"
  "CREATE INDEX chronology_entry_order ON chronology_entry (review_id, deleted, sort_key,"
  "  sequence, agency_id, significance, range_first, range_last, link_group);";

/* Version 6: one clock (cw-clock.c). The times the database writes itself,
 * the defaults of review.created_at and chronology_import.imported_at, come
 * from cw_now (), which the store registers, rather than from SQLite's own
 * clock, so that tests and reproducible reports can fix them. A default
 * changes no stored row, so the definitions are edited in place, the way
 * SQLite documents for such changes (lang_altertable.html, section 7). The
 * audit triggers use cw_now () once rebuilt. */
static const char migration_6[] =
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema SET sql = replace (sql, 'strftime (''%Y-%m-%dT%H:%M:%SZ'', ''now'')',"
  "  'cw_now ()') WHERE type = 'table' AND name IN ('review', 'chronology_import');";

/* Version 7: the audit trail refuses an insert that would replace one of
 * its rows, and each database gets an id of its own, which its backups
 * carry, so that a backup of another database is never restored by
 * mistake (cw-store-backup.c). The audit triggers, rebuilt after the
 * migration, record long free text by its length (append_trigger()). */
static const char migration_7[] =
  AUDIT_GUARD_INSERT ";"
  "INSERT OR IGNORE INTO setting (key, value)"
  "  VALUES ('database-id', lower (hex (randomblob (16))));";

/* Version 8: the analysis of a review (src/core/analysis/): key practice
 * episodes and the chronology entries they cover, the learning event with
 * its participants and notes, contributory factors, findings with their
 * evidence and themes, urgent issues, recommendations and the findings
 * they come from; and three lists shared by every review: governance
 * bodies, themes and the categories of contributory factors (Falkirk's
 * nine). Every table of a review has review_id, so that the audit trail
 * files every change under its review. */
static const char migration_8[] =
  "CREATE TABLE body ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'other', notes TEXT, " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX body_name ON body (name COLLATE NOCASE) WHERE deleted = 0;"
  "CREATE TABLE theme ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, description TEXT,"
  "  " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX theme_name ON theme (name COLLATE NOCASE) WHERE deleted = 0;"
  "CREATE TABLE factor_category ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0, " DELETED_COLUMN ");"
  "CREATE TABLE episode ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL, title TEXT NOT NULL, start_date TEXT, end_date TEXT,"
  "  key_decisions TEXT, why_critical TEXT,"
  "  missed_opportunity TEXT NOT NULL DEFAULT 'no' CHECK (missed_opportunity IN ('no', 'yes')),"
  "  missed_opportunity_text TEXT, local_rationality TEXT, usual_practice TEXT, analysis TEXT,"
  "  " DELETED_COLUMN ");"
  "CREATE INDEX episode_review ON episode (review_id, number);"
  "CREATE TABLE episode_entry ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL REFERENCES chronology_entry (id) ON DELETE CASCADE,"
  "  " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX episode_entry_pair ON episode_entry (episode_id, entry_id)"
  "  WHERE deleted = 0;"
  "CREATE INDEX episode_entry_entry ON episode_entry (entry_id);"
  "CREATE TABLE learning_event ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'workshop', held_on TEXT, venue TEXT, facilitator TEXT,"
  "  tool TEXT NOT NULL DEFAULT 'falkirk', sources TEXT, notes TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX learning_event_review ON learning_event (review_id);"
  "CREATE TABLE event_participant ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  event_id INTEGER NOT NULL REFERENCES learning_event (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  role_at_time TEXT, accuracy_confirmed_on TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX event_participant_event ON event_participant (event_id);"
  "CREATE TABLE event_note ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  event_id INTEGER NOT NULL REFERENCES learning_event (id) ON DELETE CASCADE,"
  "  participant_id INTEGER REFERENCES event_participant (id) ON DELETE CASCADE,"
  "  prompt TEXT NOT NULL, text TEXT, " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX event_note_place ON event_note (event_id, ifnull (participant_id, 0), prompt)"
  "  WHERE deleted = 0;"
  "CREATE TABLE factor ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL REFERENCES factor_category (slug) ON UPDATE CASCADE,"
  "  other_text TEXT, direction TEXT NOT NULL DEFAULT 'hindering', level TEXT,"
  "  episode_id INTEGER REFERENCES episode (id) ON DELETE SET NULL, happened_on TEXT, why TEXT,"
  "  agency_id INTEGER REFERENCES agency (id),"
  "  root_cause TEXT NOT NULL DEFAULT 'no' CHECK (root_cause IN ('no', 'yes')), causal_link TEXT,"
  "  evidence TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX factor_review ON factor (review_id);"
  "CREATE TABLE finding ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, statement TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'improvement', scope TEXT NOT NULL DEFAULT 'case',"
  "  transferable TEXT NOT NULL DEFAULT 'no' CHECK (transferable IN ('no', 'yes')),"
  "  status TEXT NOT NULL DEFAULT 'draft', agreed_by INTEGER REFERENCES body (id), agreed_on TEXT,"
  "  without_evidence TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX finding_review ON finding (review_id, position);"
  "CREATE TABLE finding_evidence ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,"
  "  episode_id INTEGER REFERENCES episode (id) ON DELETE CASCADE,"
  "  factor_id INTEGER REFERENCES factor (id) ON DELETE CASCADE,"
  "  entry_id INTEGER REFERENCES chronology_entry (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'case-evidence', note TEXT, " DELETED_COLUMN ","
  "  CHECK ((episode_id IS NOT NULL) + (factor_id IS NOT NULL) + (entry_id IS NOT NULL) = 1));"
  "CREATE INDEX finding_evidence_finding ON finding_evidence (finding_id);"
  "CREATE TABLE finding_theme ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme (id), " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX finding_theme_pair ON finding_theme (finding_id, theme_id)"
  "  WHERE deleted = 0;"
  "CREATE INDEX finding_theme_theme ON finding_theme (theme_id);"
  "CREATE TABLE urgent_issue ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  description TEXT NOT NULL, agency_id INTEGER REFERENCES agency (id), route TEXT,"
  "  raised_on TEXT,"
  "  action_confirmed TEXT NOT NULL DEFAULT 'no' CHECK (action_confirmed IN ('no', 'yes')),"
  "  confirmed_on TEXT, " DELETED_COLUMN ");"
  "CREATE TABLE recommendation ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,"
  "  scope TEXT NOT NULL DEFAULT 'multi', agency_id INTEGER REFERENCES agency (id),"
  "  addressed_to INTEGER REFERENCES body (id),"
  "  transferable TEXT NOT NULL DEFAULT 'no' CHECK (transferable IN ('no', 'yes')),"
  "  status TEXT NOT NULL DEFAULT 'proposed', response TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX recommendation_review ON recommendation (review_id, position);"
  "CREATE TABLE recommendation_finding ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  recommendation_id INTEGER NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,"
  "  " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX recommendation_finding_pair ON recommendation_finding"
  "  (recommendation_id, finding_id) WHERE deleted = 0;"
  "CREATE INDEX recommendation_finding_finding ON recommendation_finding (finding_id);"
  "INSERT INTO factor_category (slug, name, position) VALUES"
  "  ('family', 'Aspects of the family', 1),"
  "  ('role', 'Aspects of the practitioner''s role', 2),"
  "  ('conditions', 'Conditions of work and work environment', 3),"
  "  ('personal', 'Personal aspects', 4),"
  "  ('team', 'Own team factors', 5),"
  "  ('inter-agency', 'Inter-agency or inter-professional team factors', 6),"
  "  ('culture', 'Organisational culture and management', 7),"
  "  ('political', 'Wider political context', 8),"
  "  ('other', 'Other', 9);"
  "INSERT INTO body (name, kind) VALUES"
  "  ('Safeguarding partnership board', 'board'),"
  "  ('Business group', 'business-group'),"
  "  ('Case review subgroup', 'subgroup'),"
  "  ('Performance and quality assurance subgroup', 'subgroup'),"
  "  ('Learning and development subgroup', 'subgroup'),"
  "  ('Child protection committee', 'board'),"
  "  ('Continuous improvement group', 'improvement-group'),"
  "  ('National panel', 'national-panel');"
  "INSERT INTO theme (name) VALUES"
  "  ('Information sharing'), ('Professional curiosity'), ('Escalation and challenge'),"
  "  ('Voice of the child'), ('Neglect'), ('Domestic abuse'), ('Parental mental health'),"
  "  ('Substance misuse'), ('Supervision and support'), ('Assessment and planning'),"
  "  ('Thresholds and referrals'), ('Working with fathers and male carers'),"
  "  ('Disguised compliance'), ('Multi-agency meetings');";

/* Version 9: action plans (src/core/actions/). A plan per review with the
 * bodies that own and monitor it; actions per recommendation with who,
 * when, how impact is measured and audited, and their status; progress
 * updates and embedding checks; files attached as evidence, kept in the
 * database itself (the user chose where their data lives). Indexes serve
 * the list of open actions across every review. */
static const char migration_9[] =
  "CREATE TABLE action_plan ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  owner_body INTEGER REFERENCES body (id), via_body INTEGER REFERENCES body (id),"
  "  monitoring_body INTEGER REFERENCES body (id), monitoring_process TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft', closed_reason TEXT, " DELETED_COLUMN ");"
  "CREATE UNIQUE INDEX action_plan_review ON action_plan (review_id) WHERE deleted = 0;"
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  recommendation_id INTEGER NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  description TEXT NOT NULL, owner_agency INTEGER REFERENCES agency (id),"
  "  owner_person TEXT, owner_body INTEGER REFERENCES body (id), due_on TEXT,"
  "  impact_measure TEXT, audit_method TEXT, impact_evidence TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started',"
  "  during_review TEXT NOT NULL DEFAULT 'no' CHECK (during_review IN ('no', 'yes')),"
  "  closed_by INTEGER REFERENCES body (id), closed_on TEXT, closed_reason TEXT,"
  "  " DELETED_COLUMN ");"
  "CREATE INDEX action_review ON action (review_id, recommendation_id);"
  "CREATE INDEX action_open ON action (deleted, closed_on, due_on);"
  "CREATE INDEX action_recommendation ON action (recommendation_id);"
  "CREATE TABLE progress_update ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  reported_on TEXT NOT NULL, reporter TEXT, status TEXT, narrative TEXT,"
  "  reported_to INTEGER REFERENCES body (id), " DELETED_COLUMN ");"
  "CREATE INDEX progress_update_action ON progress_update (action_id, reported_on);"
  "CREATE TABLE embedding_check ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  method TEXT NOT NULL, checked_on TEXT, body INTEGER REFERENCES body (id),"
  "  result TEXT NOT NULL, evidence TEXT, " DELETED_COLUMN ");"
  "CREATE INDEX embedding_check_action ON embedding_check (action_id);"
  "CREATE TABLE action_file ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL, content_type TEXT, size INTEGER NOT NULL, checksum TEXT NOT NULL,"
  "  data BLOB NOT NULL, " DELETED_COLUMN ");"
  "CREATE INDEX action_file_action ON action_file (action_id);";

static const char *const migrations[CW_SCHEMA_VERSION] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
};

/* After an edit of sqlite_schema: a new schema version makes every
 * connection read the definitions again. */
static gboolean
end_schema_edit (CwStore  *self,
                 GError  **error)
{
  int version = 0;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sql = g_strdup_printf ("PRAGMA schema_version = %d; PRAGMA writable_schema = OFF", version + 1);
  return cw_store_exec (self, sql, error);
}

static gboolean
column_exists (CwStore    *self,
               const char *table,
               const char *column)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info (?) WHERE name = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

/* Whether other entities' rows belong to @entity's (a review's). */
static gboolean
is_parent (const CwEntity *entity)
{
  const CwEntity *const *entities = cw_entities_all ();

  for (guint i = 0; entities[i] != NULL; i++)
    if (entities[i]->parent == entity)
      return TRUE;
  return FALSE;
}

/* The audit trail is read by review: a row of an entity that belongs to
 * one is filed under its parent, a parent row under itself. */
static char *
review_expr (const CwEntity *entity,
             const char     *row)
{
  if (entity->parent != NULL)
    return g_strdup_printf ("%s.%s_id", row, entity->parent->table);
  if (is_parent (entity))
    return g_strdup_printf ("%s.id", row);
  return g_strdup ("NULL");
}

static char *
column_expr (const char *row,
             const char *column)
{
  return row ? g_strdup_printf ("%s.%s", row, column) : g_strdup ("NULL");
}

/* How the trail keeps a field's values (the p column below). */
enum
{
  KEEP_VALUE,
  KEEP_PRIVATE, /* "(private)" */
  KEEP_LENGTH,  /* "(N characters)" */
};

/* Private values (real names, dates of birth) are recorded as changed but
 * never copied into the append-only trail: deleting a person must remove
 * their name from the file for good. Long free text (descriptions, notes,
 * the referral's circumstances) is recorded by its length for the same
 * reason: it names people and what happened to them, and a review deleted
 * for good must not live on in its history. Short values (titles,
 * pseudonyms, dates, phases, choices) are kept, so the history still says
 * what changed. */
static int
audit_keeps (const CwField *field)
{
  if ((field->flags & CW_FIELD_PRIVATE) != 0)
    return KEEP_PRIVATE;
  if (field->type == CW_FIELD_LONG_TEXT)
    return KEEP_LENGTH;
  return KEEP_VALUE;
}

#define AUDIT_VALUE(v) \
  "CASE WHEN " v " IS NULL OR p = 0 THEN " v " WHEN p = 1 THEN '(private)'" \
  " ELSE '(' || length (" v ") || iif (length (" v ") = 1, ' character)', ' characters)') END"

/* "SELECT NULL AS f, ... UNION ALL SELECT 'a', OLD.a, NEW.a ..." over the
 * columns this version of the table has; @old_row or @new_row NULL gives
 * NULL values on that side. */
static char *
field_rows (CwStore        *self,
            const CwEntity *entity,
            const char     *old_row,
            const char     *new_row)
{
  g_autoptr (GString) sql = g_string_new ("SELECT NULL AS f, NULL AS o, NULL AS n, 0 AS p");

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      g_autofree char *o = column_expr (old_row, name);
      g_autofree char *n = column_expr (new_row, name);

      if (column_exists (self, entity->table, name))
        g_string_append_printf (sql, " UNION ALL SELECT '%s', %s, %s, %d", name, o, n,
                                audit_keeps (&entity->fields[i]));
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A trigger of the trail: its name and the CREATE statement, as
 * sqlite_schema keeps it. */
typedef struct
{
  char *name;
  char *sql;
} Trigger;

static void
trigger_free (gpointer data)
{
  Trigger *trigger = data;

  g_free (trigger->name);
  g_free (trigger->sql);
  g_free (trigger);
}

static void
add_trigger (GPtrArray  *triggers,
             char       *name,
             char       *sql)
{
  Trigger *trigger = g_new (Trigger, 1);

  trigger->name = name;
  trigger->sql = sql;
  g_ptr_array_add (triggers, trigger);
}

static void
add_entity_trigger (GPtrArray      *triggers,
                    const CwEntity *entity,
                    const char     *suffix,
                    const char     *event,
                    const char     *when,
                    const char     *action,
                    const char     *rows,
                    const char     *filter)
{
  const char *row = g_str_equal (action, "delete") ? "OLD" : "NEW";
  g_autofree char *review = review_expr (entity, row);

  add_trigger (triggers, g_strdup_printf ("audit_%s_%s", entity->table, suffix),
    g_strdup_printf (
      "CREATE TRIGGER audit_%1$s_%2$s AFTER %3$s ON %1$s %4$s BEGIN "
      "INSERT INTO audit (at, actor, entity, entity_id, review_id, action, field, old_value,"
      " new_value) SELECT cw_now (), cw_actor (), '%1$s',"
      " %5$s.id, %6$s, '%7$s', f, " AUDIT_VALUE ("o") ", " AUDIT_VALUE ("n")
      " FROM (%8$s) WHERE %9$s; END",
      entity->table, suffix, event, when, row, review, action, rows, filter));
}

#define KEEP_FILLED "(f IS NULL OR (%s IS NOT NULL AND %s <> ''))"

static void
add_entity_triggers (CwStore        *self,
                     GPtrArray      *triggers,
                     const CwEntity *entity)
{
  g_autofree char *old_new = field_rows (self, entity, "OLD", "NEW");
  g_autofree char *null_new = field_rows (self, entity, NULL, "NEW");
  g_autofree char *old_null = field_rows (self, entity, "OLD", NULL);
  g_autofree char *keep_new = g_strdup_printf (KEEP_FILLED, "n", "n");
  g_autofree char *keep_old = g_strdup_printf (KEEP_FILLED, "o", "o");
  /* A purge of a deleted row, or of the rows of a deleted review, is not a
   * new event: the delete was recorded when it happened. */
  g_autofree char *alive = entity->parent
    ? g_strdup_printf ("WHEN OLD.deleted = 0 AND EXISTS (SELECT 1 FROM %1$s WHERE id = OLD.%1$s_id"
                       " AND deleted = 0)", entity->parent->table)
    : g_strdup ("WHEN OLD.deleted = 0");

  g_autofree char *bulk_insert = entity->bulk_column
    ? g_strdup_printf ("WHEN NEW.%s IS NULL", entity->bulk_column) : g_strdup ("");
  g_autofree char *bulk_delete = entity->bulk_column
    ? g_strdup_printf ("%s AND OLD.%s IS NULL", alive, entity->bulk_column) : g_strdup (alive);

  add_entity_trigger (triggers, entity, "insert", "INSERT", bulk_insert, "insert", null_new,
                      keep_new);
  add_entity_trigger (triggers, entity, "update", "UPDATE", "WHEN OLD.deleted = NEW.deleted",
                      "update", old_new, "f IS NOT NULL AND o IS NOT n");
  add_entity_trigger (triggers, entity, "remove", "UPDATE OF deleted",
                      "WHEN OLD.deleted = 0 AND NEW.deleted = 1", "delete", old_null, keep_old);
  add_entity_trigger (triggers, entity, "restore", "UPDATE OF deleted",
                      "WHEN OLD.deleted = 1 AND NEW.deleted = 0", "restore", null_new, keep_new);
  add_entity_trigger (triggers, entity, "delete", "DELETE", bulk_delete, "delete", old_null,
                      keep_old);
}

gboolean
cw_store_table_exists (CwStore    *self,
                       const char *table)
{
  return column_exists (self, table, "id");
}

/* The triggers that record every change, derived from the entity
 * descriptions and the columns the file has. */
static GPtrArray *
recording_triggers (CwStore *self)
{
  const CwEntity *const *entities = cw_entities_all ();
  GPtrArray *triggers = g_ptr_array_new_with_free_func (trigger_free);

  for (guint i = 0; entities[i] != NULL; i++)
    if (cw_store_table_exists (self, entities[i]->table))
      add_entity_triggers (self, triggers, entities[i]);
  return triggers;
}

/* Every trigger the trail of a file at @version needs: its guards, then
 * the recording triggers. A change to the SQL they are made of needs a
 * migration (which rebuilds them), or opening reports them as altered. */
static GPtrArray *
audit_triggers (CwStore *self,
                int      version)
{
  GPtrArray *triggers = recording_triggers (self);
  static const struct
  {
    const char *name;
    const char *sql;
    int         since;
  } guards[] = {
    { "audit_append_only_update", AUDIT_GUARD_UPDATE, 1 },
    { "audit_append_only_delete", AUDIT_GUARD_DELETE, 1 },
    { "audit_append_only_insert", AUDIT_GUARD_INSERT, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    if (version >= guards[i].since)
      add_trigger (triggers, g_strdup (guards[i].name), g_strdup (guards[i].sql));
  return triggers;
}

static gboolean
create_triggers (CwStore    *self,
                 GPtrArray  *triggers,
                 GError    **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);

  for (guint i = 0; i < triggers->len; i++)
    {
      Trigger *trigger = triggers->pdata[i];

      g_string_append_printf (sql, "DROP TRIGGER IF EXISTS %s;%s;", trigger->name, trigger->sql);
    }
  return cw_store_exec (self, sql->str, error);
}

static gboolean
rebuild_audit_triggers (CwStore  *self,
                        GError  **error)
{
  g_autoptr (GPtrArray) triggers = recording_triggers (self);

  return create_triggers (self, triggers, error);
}

static char *
trigger_sql (CwStore    *self,
             const char *name)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND name = ?", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = cw_store_column_text (stmt, 0);
  return sql;
}

/**
 * cw_store_ensure_audit_triggers:
 *
 * Puts back, in one transaction, any trigger of the audit trail that is
 * missing from the file or not as Casewise wrote it (dropped by another
 * program), and says so in the store's notices: changes made without them
 * may be missing from the history, or the trail may have been rewritten.
 */
gboolean
cw_store_ensure_audit_triggers (CwStore  *self,
                                GError  **error)
{
  int version = cw_store_get_schema_version (self);
  g_autoptr (GPtrArray) expected = audit_triggers (self, version);
  g_autoptr (GPtrArray) wrong = g_ptr_array_new ();
  g_autoptr (CwTransaction) tx = NULL;
  gboolean ok;

  for (guint i = 0; i < expected->len; i++)
    {
      Trigger *trigger = expected->pdata[i];
      g_autofree char *found = trigger_sql (self, trigger->name);

      if (g_strcmp0 (found, trigger->sql) != 0)
        g_ptr_array_add (wrong, trigger);
    }
  if (wrong->len == 0)
    return TRUE;
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return FALSE;
  self->repairing = TRUE;
  ok = create_triggers (self, wrong, error);
  self->repairing = FALSE;
  if (!ok || !cw_transaction_commit (tx, error))
    return FALSE;
  cw_store_add_notice (self, g_dngettext (GETTEXT_PACKAGE,
                                          "“%s”: %u safeguard of the audit trail was missing or "
                                          "altered and has been put back. Changes made without "
                                          "it may be missing from the history.",
                                          "“%s”: %u safeguards of the audit trail were missing or "
                                          "altered and have been put back. Changes made without "
                                          "them may be missing from the history.", wrong->len),
                       self->path, wrong->len);
  return TRUE;
}

static gboolean
run_migration (CwStore  *self,
               int       version,
               GError  **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autoptr (CwTransaction) tx = cw_transaction_begin (self, error);

  if (tx == NULL)
    return FALSE;
  if (!cw_store_exec (self, migrations[version - 1], error)
      || (strstr (migrations[version - 1], "writable_schema") && !end_schema_edit (self, error))
      || !rebuild_audit_triggers (self, error)
      || !cw_store_exec (self, set_version, error))
    {
      g_prefix_error (error, _("Could not update the database “%s” to version %d: "), self->path,
                      version);
      return FALSE;
    }
  return cw_transaction_commit (tx, error);
}

/**
 * cw_store_migrate:
 * @target: the version wanted, at most %CW_SCHEMA_VERSION
 *
 * Runs the forward migrations from the file's version to @target.
 */
gboolean
cw_store_migrate (CwStore  *self,
                  int       target,
                  GError  **error)
{
  int version = cw_store_get_schema_version (self);

  if (version > CW_SCHEMA_VERSION)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Casewise (schema %d; this version "
                     "reads up to %d). Update Casewise to open it."),
                   self->path, version, CW_SCHEMA_VERSION);
      return FALSE;
    }
  for (int v = version + 1; v <= target; v++)
    if (!run_migration (self, v, error))
      return FALSE;
  return TRUE;
}
