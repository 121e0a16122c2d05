-- Version 2: the referral form and decision record, terms of reference, and
-- deadline profiles. Timescales come from BRIEF.md; every rule is editable.

CREATE TABLE profile (
  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  nation TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE TABLE deadline_rule (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL REFERENCES profile (slug) ON UPDATE CASCADE ON DELETE CASCADE,
  name TEXT NOT NULL, amount INTEGER NOT NULL, unit TEXT NOT NULL, anchor TEXT NOT NULL,
  met_by TEXT, kinds TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
ALTER TABLE review ADD COLUMN profile TEXT NOT NULL DEFAULT 'england-current';
CREATE TABLE referral (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL UNIQUE REFERENCES review (id) ON DELETE CASCADE,
  referrer_name TEXT, service_team TEXT, submitted_on TEXT, child_name TEXT,
  swis_number TEXT, parents_carers TEXT, household TEXT, agencies_involved TEXT,
  grounds TEXT, grounds_other TEXT, circumstances TEXT, key_facts TEXT, reasons TEXT,
  worker_signed_on TEXT, manager_signed_on TEXT, discussed_on TEXT,
  decision TEXT CHECK (decision IS NULL OR decision IN ('proceed', 'not-proceed')),
  rationale TEXT, key_objectives TEXT, lead_reviewer TEXT, timescale TEXT,
  further_actions TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
INSERT INTO referral (review_id) SELECT id FROM review;
CREATE TABLE tor_item (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('term', 'kloe')), text TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX tor_item_review ON tor_item (review_id);
INSERT INTO profile (slug, name, nation) VALUES
  ('england-2013', 'England (2013 procedures)', 'england-wales'),
  ('england-current', 'England (current guidance)', 'england-wales'),
  ('wales', 'Wales', 'england-wales'),
  ('scotland', 'Scotland', 'scotland');
INSERT INTO deadline_rule (profile, name, amount, unit, anchor, met_by, kinds) VALUES
  ('england-2013', 'Decision whether to hold a review', 1, 'months', 'notification',
   'decision', NULL),
  ('england-2013', 'Serious case review completed', 6, 'months', 'decision', 'report',
   'scr,cspr'),
  ('england-2013', 'Report kept online until', 12, 'months', 'publication', NULL, 'scr,cspr'),
  ('england-current', 'Notify the national panel', 5, 'working-days', 'incident',
   'notification', 'cspr,rapid,scr'),
  ('england-current', 'Rapid review completed', 15, 'working-days', 'notification',
   'report', 'rapid'),
  ('england-current', 'Decision whether to hold a review', 15, 'working-days',
   'notification', 'decision', 'cspr,scr,critical,learning'),
  ('england-current', 'Local review published', 6, 'months', 'decision', 'publication',
   'cspr,scr'),
  ('wales', 'Decision on the referral', 1, 'months', 'referral', 'decision', NULL),
  ('wales', 'Review completed', 6, 'months', 'decision', 'report', NULL),
  ('wales', 'Action plan signed off', 3, 'months', 'report', 'action-plan', NULL),
  ('scotland', 'Decision whether to hold a learning review', 28, 'days', 'notification',
   'decision', NULL),
  ('scotland', 'Learning review completed', 6, 'months', 'decision', 'report', NULL),
  ('scotland', 'Action plan signed off', 3, 'months', 'report', 'action-plan', NULL);
