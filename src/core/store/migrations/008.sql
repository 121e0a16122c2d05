-- Version 8: the analysis of a review (src/core/analysis/): key practice
-- episodes and the chronology entries they cover, the learning event with
-- its participants and notes, contributory factors, findings with their
-- evidence and themes, urgent issues, recommendations and the findings
-- they come from; and three lists shared by every review: governance
-- bodies, themes and the categories of contributory factors (Falkirk's
-- nine). Every table of a review has review_id, so that the audit trail
-- files every change under its review.

CREATE TABLE body (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other', notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX body_name ON body (name COLLATE NOCASE) WHERE deleted = 0;
CREATE TABLE theme (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, description TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX theme_name ON theme (name COLLATE NOCASE) WHERE deleted = 0;
CREATE TABLE factor_category (
  id INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE TABLE episode (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  number INTEGER NOT NULL, title TEXT NOT NULL, start_date TEXT, end_date TEXT,
  key_decisions TEXT, why_critical TEXT,
  missed_opportunity TEXT NOT NULL DEFAULT 'no' CHECK (missed_opportunity IN ('no', 'yes')),
  missed_opportunity_text TEXT, local_rationality TEXT, usual_practice TEXT, analysis TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX episode_review ON episode (review_id, number);
CREATE TABLE episode_entry (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
  entry_id INTEGER NOT NULL REFERENCES chronology_entry (id) ON DELETE CASCADE,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX episode_entry_pair ON episode_entry (episode_id, entry_id)
  WHERE deleted = 0;
CREATE INDEX episode_entry_entry ON episode_entry (entry_id);
CREATE TABLE learning_event (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'workshop', held_on TEXT, venue TEXT, facilitator TEXT,
  tool TEXT NOT NULL DEFAULT 'falkirk', sources TEXT, notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX learning_event_review ON learning_event (review_id);
CREATE TABLE event_participant (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES learning_event (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  role_at_time TEXT, accuracy_confirmed_on TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX event_participant_event ON event_participant (event_id);
CREATE TABLE event_note (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES learning_event (id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES event_participant (id) ON DELETE CASCADE,
  prompt TEXT NOT NULL, text TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX event_note_place ON event_note (event_id, ifnull (participant_id, 0), prompt)
  WHERE deleted = 0;
CREATE TABLE factor (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  category TEXT NOT NULL REFERENCES factor_category (slug) ON UPDATE CASCADE,
  other_text TEXT, direction TEXT NOT NULL DEFAULT 'hindering', level TEXT,
  episode_id INTEGER REFERENCES episode (id) ON DELETE SET NULL, happened_on TEXT, why TEXT,
  agency_id INTEGER REFERENCES agency (id),
  root_cause TEXT NOT NULL DEFAULT 'no' CHECK (root_cause IN ('no', 'yes')), causal_link TEXT,
  evidence TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX factor_review ON factor (review_id);
CREATE TABLE finding (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0, statement TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'improvement', scope TEXT NOT NULL DEFAULT 'case',
  transferable TEXT NOT NULL DEFAULT 'no' CHECK (transferable IN ('no', 'yes')),
  status TEXT NOT NULL DEFAULT 'draft', agreed_by INTEGER REFERENCES body (id), agreed_on TEXT,
  without_evidence TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX finding_review ON finding (review_id, position);
CREATE TABLE finding_evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
  episode_id INTEGER REFERENCES episode (id) ON DELETE CASCADE,
  factor_id INTEGER REFERENCES factor (id) ON DELETE CASCADE,
  entry_id INTEGER REFERENCES chronology_entry (id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'case-evidence', note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  CHECK ((episode_id IS NOT NULL) + (factor_id IS NOT NULL) + (entry_id IS NOT NULL) = 1));
CREATE INDEX finding_evidence_finding ON finding_evidence (finding_id);
CREATE TABLE finding_theme (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES theme (id),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX finding_theme_pair ON finding_theme (finding_id, theme_id)
  WHERE deleted = 0;
CREATE INDEX finding_theme_theme ON finding_theme (theme_id);
CREATE TABLE urgent_issue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  description TEXT NOT NULL, agency_id INTEGER REFERENCES agency (id), route TEXT,
  raised_on TEXT,
  action_confirmed TEXT NOT NULL DEFAULT 'no' CHECK (action_confirmed IN ('no', 'yes')),
  confirmed_on TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE TABLE recommendation (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT 'multi', agency_id INTEGER REFERENCES agency (id),
  addressed_to INTEGER REFERENCES body (id),
  transferable TEXT NOT NULL DEFAULT 'no' CHECK (transferable IN ('no', 'yes')),
  status TEXT NOT NULL DEFAULT 'proposed', response TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX recommendation_review ON recommendation (review_id, position);
CREATE TABLE recommendation_finding (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  recommendation_id INTEGER NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE UNIQUE INDEX recommendation_finding_pair ON recommendation_finding
  (recommendation_id, finding_id) WHERE deleted = 0;
CREATE INDEX recommendation_finding_finding ON recommendation_finding (finding_id);
INSERT INTO factor_category (slug, name, position) VALUES
  ('family', 'Aspects of the family', 1),
  ('role', 'Aspects of the practitioner''s role', 2),
  ('conditions', 'Conditions of work and work environment', 3),
  ('personal', 'Personal aspects', 4),
  ('team', 'Own team factors', 5),
  ('inter-agency', 'Inter-agency or inter-professional team factors', 6),
  ('culture', 'Organisational culture and management', 7),
  ('political', 'Wider political context', 8),
  ('other', 'Other', 9);
INSERT INTO body (name, kind) VALUES
  ('Safeguarding partnership board', 'board'),
  ('Business group', 'business-group'),
  ('Case review subgroup', 'subgroup'),
  ('Performance and quality assurance subgroup', 'subgroup'),
  ('Learning and development subgroup', 'subgroup'),
  ('Child protection committee', 'board'),
  ('Continuous improvement group', 'improvement-group'),
  ('National panel', 'national-panel');
INSERT INTO theme (name) VALUES
  ('Information sharing'), ('Professional curiosity'), ('Escalation and challenge'),
  ('Voice of the child'), ('Neglect'), ('Domestic abuse'), ('Parental mental health'),
  ('Substance misuse'), ('Supervision and support'), ('Assessment and planning'),
  ('Thresholds and referrals'), ('Working with fathers and male carers'),
  ('Disguised compliance'), ('Multi-agency meetings');
