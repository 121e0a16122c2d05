-- Version 9: action plans (src/core/actions/). A plan per review with the
-- bodies that own and monitor it; actions per recommendation with who,
-- when, how impact is measured and audited, and their status; progress
-- updates and embedding checks; files attached as evidence, kept in the
-- database itself (the user chose where their data lives). Indexes serve
-- the list of open actions across every review.

CREATE TABLE action_plan (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  owner_body INTEGER REFERENCES body (id), via_body INTEGER REFERENCES body (id),
  monitoring_body INTEGER REFERENCES body (id), monitoring_process TEXT,
  status TEXT NOT NULL DEFAULT 'draft', closed_reason TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX action_plan_review ON action_plan (review_id) WHERE deleted = 0;
CREATE TABLE action (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  recommendation_id INTEGER NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  description TEXT NOT NULL, owner_agency INTEGER REFERENCES agency (id),
  owner_person TEXT, owner_body INTEGER REFERENCES body (id), due_on TEXT,
  impact_measure TEXT, audit_method TEXT, impact_evidence TEXT,
  status TEXT NOT NULL DEFAULT 'not-started',
  during_review TEXT NOT NULL DEFAULT 'no' CHECK (during_review IN ('no', 'yes')),
  closed_by INTEGER REFERENCES body (id), closed_on TEXT, closed_reason TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX action_review ON action (review_id, recommendation_id);
CREATE INDEX action_open ON action (deleted, closed_on, due_on);
CREATE INDEX action_recommendation ON action (recommendation_id);
CREATE TABLE progress_update (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
  reported_on TEXT NOT NULL, reporter TEXT, status TEXT, narrative TEXT,
  reported_to INTEGER REFERENCES body (id),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX progress_update_action ON progress_update (action_id, reported_on);
CREATE TABLE embedding_check (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
  method TEXT NOT NULL, checked_on TEXT, body INTEGER REFERENCES body (id),
  result TEXT NOT NULL, evidence TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX embedding_check_action ON embedding_check (action_id);
CREATE TABLE action_file (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL, content_type TEXT, size INTEGER NOT NULL, checksum TEXT NOT NULL,
  data BLOB NOT NULL, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX action_file_action ON action_file (action_id);
