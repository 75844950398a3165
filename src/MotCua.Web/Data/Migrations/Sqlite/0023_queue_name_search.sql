-- 0023: the office queues' search by applicant or procedure name ("contains, any case",
-- docs/adr/0012-queue-queries.md) on SQLite. PostgreSQL answers it from trigram indexes (0020); SQLite
-- has none, so a search read every dossier in the officer's scope (0.8 s at 1 M dossiers,
-- bench/RESULTS.md). An FTS5 table with the trigram tokenizer indexes both names as trigrams and
-- answers LIKE '%text%' from the index; it holds no copy of the names (external content), and the
-- triggers below keep it in step with every insert, update of a name, and delete.
CREATE VIRTUAL TABLE "DossierNameSearch" USING fts5("ApplicantName", "ProcedureName", content='Dossiers', content_rowid='Id', tokenize='trigram case_sensitive 0');
INSERT INTO "DossierNameSearch"("DossierNameSearch") VALUES ('rebuild');
CREATE TRIGGER "Dossiers_NameSearch_Insert" AFTER INSERT ON "Dossiers" BEGIN
  INSERT INTO "DossierNameSearch"(rowid, "ApplicantName", "ProcedureName") VALUES (new."Id", new."ApplicantName", new."ProcedureName");
END;
CREATE TRIGGER "Dossiers_NameSearch_Delete" AFTER DELETE ON "Dossiers" BEGIN
  INSERT INTO "DossierNameSearch"("DossierNameSearch", rowid, "ApplicantName", "ProcedureName") VALUES ('delete', old."Id", old."ApplicantName", old."ProcedureName");
END;
CREATE TRIGGER "Dossiers_NameSearch_Update" AFTER UPDATE OF "ApplicantName", "ProcedureName" ON "Dossiers" BEGIN
  INSERT INTO "DossierNameSearch"("DossierNameSearch", rowid, "ApplicantName", "ProcedureName") VALUES ('delete', old."Id", old."ApplicantName", old."ProcedureName");
  INSERT INTO "DossierNameSearch"(rowid, "ApplicantName", "ProcedureName") VALUES (new."Id", new."ApplicantName", new."ProcedureName");
END;
