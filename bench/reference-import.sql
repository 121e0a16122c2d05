-- SPDX-License-Identifier: GPL-3.0-or-later
-- The reference for the import benchmark: the sqlite3 shell doing the same
-- work as `casewise-cli chronology import`, in its plainest form. It loads
-- the return into a plain table and builds an FTS5 index over the same
-- text columns Casewise searches (description, source, action, outcome,
-- impact). Run as: sqlite3 NEW.db < bench/reference-import.sql, from the
-- folder holding return.csv.
CREATE TABLE plain (date TEXT, time TEXT, source TEXT, author TEXT, description TEXT,
                    action TEXT, outcome TEXT, impact TEXT, significant TEXT);
.import --csv --skip 1 return.csv plain
CREATE VIRTUAL TABLE plain_search USING fts5 (description, source, action, outcome, impact,
  content = 'plain', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO plain_search (plain_search) VALUES ('rebuild');
