-- Version 6: one clock (cw-clock.c). The times the database writes itself,
-- the defaults of review.created_at and chronology_import.imported_at, come
-- from cw_now (), which the store registers, rather than from SQLite's own
-- clock, so that tests and reproducible reports can fix them. A default
-- changes no stored row, so the definitions are edited in place, the way
-- SQLite documents for such changes (lang_altertable.html, section 7). The
-- audit triggers use cw_now () once rebuilt.

PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace (sql, 'strftime (''%Y-%m-%dT%H:%M:%SZ'', ''now'')',
  'cw_now ()') WHERE type = 'table' AND name IN ('review', 'chronology_import');
