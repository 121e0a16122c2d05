-- Version 4: the child's context, periods shown on the timeline: a child
-- protection plan, a stay in hospital, being looked after.

CREATE TABLE period (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'other', label TEXT NOT NULL, start_date TEXT NOT NULL,
  end_date TEXT, notes TEXT, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX period_review ON period (review_id);
