-- Version 3: the chronology. Agencies' returns, the entries imported from
-- them or typed in, their provenance, links between two agencies' reports
-- of one happening, and a full-text index. The derived columns (sort_key,
-- range_first, range_last) come from SQL functions the store registers
-- (cw-chronology.c), so they stay right whoever writes the dates.

ALTER TABLE review ADD COLUMN gap_days INTEGER;
ALTER TABLE agency ADD COLUMN chronology_columns TEXT;
CREATE TABLE agency_return (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  agency_id INTEGER NOT NULL REFERENCES agency (id),
  status TEXT NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'received', 'accepted', 'queried')),
  requested_on TEXT, due_on TEXT, received_on TEXT, notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX agency_return_review ON agency_return (review_id);
CREATE UNIQUE INDEX agency_return_agency ON agency_return (review_id, agency_id)
  WHERE deleted = 0;
CREATE TABLE chronology_import (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  return_id INTEGER NOT NULL REFERENCES agency_return (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL, sheet TEXT, checksum TEXT, encoding TEXT,
  imported_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor TEXT NOT NULL, entries INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0);
CREATE INDEX chronology_import_return ON chronology_import (return_id);
CREATE TABLE chronology_entry (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  agency_id INTEGER NOT NULL REFERENCES agency (id),
  start_date TEXT NOT NULL, end_date TEXT, sequence INTEGER, author TEXT,
  source TEXT NOT NULL, description TEXT NOT NULL, action TEXT, rationale TEXT,
  outcome TEXT, impact TEXT,
  significance TEXT NOT NULL DEFAULT 'routine'
    CHECK (significance IN ('routine', 'significant', 'key')),
  tags TEXT, link_group INTEGER,
  import_id INTEGER REFERENCES chronology_import (id) ON DELETE SET NULL, import_row INTEGER,
  sort_key TEXT, range_first TEXT, range_last TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
CREATE INDEX chronology_entry_order ON chronology_entry (review_id, sort_key);
CREATE INDEX chronology_entry_import ON chronology_entry (import_id);
CREATE INDEX chronology_entry_link ON chronology_entry (link_group) WHERE link_group IS NOT NULL;
CREATE TRIGGER chronology_entry_keys_insert AFTER INSERT ON chronology_entry
  WHEN NEW.sort_key IS NULL BEGIN
  UPDATE chronology_entry SET sort_key = cw_chrono_sort_key (NEW.start_date),
    range_first = cw_chrono_range_first (NEW.start_date),
    range_last = cw_chrono_range_last (NEW.start_date, NEW.end_date) WHERE id = NEW.id; END;
CREATE TRIGGER chronology_entry_keys_update AFTER UPDATE OF start_date, end_date
  ON chronology_entry BEGIN
  UPDATE chronology_entry SET sort_key = cw_chrono_sort_key (NEW.start_date),
    range_first = cw_chrono_range_first (NEW.start_date),
    range_last = cw_chrono_range_last (NEW.start_date, NEW.end_date) WHERE id = NEW.id; END;
CREATE VIRTUAL TABLE chronology_search USING fts5 (
  description, source, action, outcome, impact,
  content = 'chronology_entry', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
-- An import indexes its rows in one statement when it is written: FTS5
-- flushes its pending terms at every statement, so a trigger per row
-- would write 100,000 tiny segments.
CREATE TRIGGER chronology_search_insert AFTER INSERT ON chronology_entry
  WHEN NEW.import_id IS NULL BEGIN
  INSERT INTO chronology_search (rowid, description, source, action, outcome, impact)
  VALUES (NEW.id, NEW.description, NEW.source, NEW.action, NEW.outcome, NEW.impact); END;
CREATE TRIGGER chronology_search_delete AFTER DELETE ON chronology_entry BEGIN
  INSERT INTO chronology_search (chronology_search, rowid, description, source, action,
    outcome, impact)
  VALUES ('delete', OLD.id, OLD.description, OLD.source, OLD.action, OLD.outcome,
    OLD.impact); END;
CREATE TRIGGER chronology_search_update AFTER UPDATE OF description, source, action,
  outcome, impact ON chronology_entry BEGIN
  INSERT INTO chronology_search (chronology_search, rowid, description, source, action,
    outcome, impact)
  VALUES ('delete', OLD.id, OLD.description, OLD.source, OLD.action, OLD.outcome,
    OLD.impact);
  INSERT INTO chronology_search (rowid, description, source, action, outcome, impact)
  VALUES (NEW.id, NEW.description, NEW.source, NEW.action, NEW.outcome, NEW.impact); END;
