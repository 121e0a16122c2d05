-- Version 7: the audit trail refuses an insert that would replace one of
-- its rows, and each database gets an id of its own, which its backups
-- carry, so that a backup of another database is never restored by
-- mistake (cw-store-backup.c). The audit triggers, rebuilt after the
-- migration, record long free text by its length (append_trigger()).

INSERT OR IGNORE INTO setting (key, value)
  VALUES ('database-id', lower (hex (randomblob (16))));
