-- 0023: the office queues' name search on SQLite (a trigram full-text table). PostgreSQL has answered
-- it from the trigram indexes of migration 0020 since then; nothing to change here.
SELECT 1;
