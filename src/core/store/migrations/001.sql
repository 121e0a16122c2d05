-- Version 1: settings, the kinds of review, the shared register of
-- agencies, reviews, their people register, agencies involved and groups,
-- and the audit trail. Its guards (append-only) are made by
-- cw-store-schema.c after this file, from the text it checks on opening.

PRAGMA application_id = 1129796421;
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE review_kind (
  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  prefix TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE TABLE agency (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, sector TEXT, notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX agency_name ON agency (name COLLATE NOCASE) WHERE deleted = 0;
CREATE TABLE review (
  id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  kind TEXT NOT NULL REFERENCES review_kind (slug) ON UPDATE CASCADE,
  methodology TEXT, phase TEXT NOT NULL DEFAULT 'referral',
  subject_pseudonym TEXT, summary TEXT,
  incident_date TEXT, notification_date TEXT, referral_date TEXT, decision_date TEXT,
  learning_event_date TEXT, report_date TEXT, action_plan_date TEXT, publication_date TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE TABLE person (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL, real_name TEXT, role TEXT, date_of_birth TEXT, notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX person_review ON person (review_id);
CREATE TABLE review_agency (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  agency_id INTEGER NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
  involvement TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX review_agency_review ON review_agency (review_id);
CREATE TABLE member (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  group_kind TEXT NOT NULL CHECK (group_kind IN ('review', 'case')),
  name TEXT NOT NULL, agency_id INTEGER REFERENCES agency (id) ON DELETE SET NULL,
  role TEXT, involvement TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX member_review ON member (review_id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id INTEGER NOT NULL, review_id INTEGER, action TEXT NOT NULL, field TEXT,
  old_value TEXT, new_value TEXT);
CREATE INDEX audit_review ON audit (review_id, id);
INSERT INTO review_kind (slug, name, prefix, position) VALUES
  ('cspr', 'Child Safeguarding Practice Review', 'CSPR', 1),
  ('scr', 'Serious Case Review', 'SCR', 2),
  ('rapid', 'Rapid review', 'RR', 3),
  ('critical', 'Critical case review', 'CCR', 4),
  ('learning', 'Practice review / learning review', 'LR', 5),
  ('single-agency', 'Individual agency review', 'IAR', 6),
  ('audit', 'Multi-agency audit', 'MAA', 7),
  ('peer', 'Peer review', 'PR', 8),
  ('disruption', 'Disruption review', 'DR', 9),
  ('debrief', 'Structured debrief', 'SD', 10),
  ('cpr', 'CPR case review', 'CPR', 11),
  ('lac', 'LAC learning review', 'LAC', 12);
