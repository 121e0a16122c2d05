-- Version 11: the documents Casewise generated of a review (src/core/report/):
-- each a numbered version of one document, when and by whom it was made and
-- with which options, its pages, size and SHA-256 checksum, and the PDF
-- itself, kept in the database like the action plan's evidence files (one
-- private file, backed up and restored with everything else). The
-- publication check's last result is kept with it; a document is
-- publishable only once checked with nothing found.

CREATE TABLE generated_document (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  document TEXT NOT NULL, version INTEGER NOT NULL CHECK (version >= 1),
  generated_at TEXT NOT NULL, generated_by TEXT,
  anonymised TEXT NOT NULL DEFAULT 'no' CHECK (anonymised IN ('no', 'yes')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  pages INTEGER NOT NULL, size INTEGER NOT NULL, checksum TEXT NOT NULL, data BLOB NOT NULL,
  checked_at TEXT, check_hits INTEGER, check_result TEXT,
  publishable TEXT NOT NULL DEFAULT 'no' CHECK (publishable IN ('no', 'yes')),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  CHECK (publishable = 'no' OR (checked_at IS NOT NULL AND check_hits = 0)));
CREATE UNIQUE INDEX generated_document_version
  ON generated_document (review_id, document, version);
