-- Version 12: a short name per agency of the shared register ("NP" for
-- Northshire Police, "NPP" for Northshire Park Primary), shown where a
-- whole name does not fit: narrow columns and the timeline's lanes. A
-- combined chronology may name an agency by it too.

ALTER TABLE agency ADD COLUMN short_name TEXT;
