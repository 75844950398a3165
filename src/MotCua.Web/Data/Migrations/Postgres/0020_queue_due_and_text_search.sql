-- 0020: the due-date queues and the text search of the office queues (docs/adr/0012-queue-queries.md).
-- "Due soon" and "overdue" are (agency, status in accepted/processing, due moment) ranges: with the
-- due moment in the index each branch reads only its agency's open dossiers that are due, instead of
-- walking the agency's dossiers newest first until it has found enough old overdue ones. The id is
-- the last column so the page and the count are read from the index alone.
CREATE INDEX "IX_Dossiers_ReceivingAgencyId_Status_DueAt_Id" ON "Dossiers" ("ReceivingAgencyId", "Status", "DueAt", "Id");
CREATE INDEX "IX_Dossiers_CompetentAgencyId_Status_DueAt_Id" ON "Dossiers" ("CompetentAgencyId", "Status", "DueAt", "Id");
CREATE INDEX "IX_Dossiers_CurrentAgencyId_Status_DueAt_Id" ON "Dossiers" ("CurrentAgencyId", "Status", "DueAt", "Id");
-- Search by applicant or procedure name is "contains, any case" (ILIKE '%…%'): trigram indexes
-- answer it without reading the agency's dossiers. pg_trgm ships with PostgreSQL and is a trusted
-- extension: the database owner may create it (docs/adr/0012-queue-queries.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_Dossiers_ApplicantName_Trigram" ON "Dossiers" USING gin ("ApplicantName" gin_trgm_ops);
CREATE INDEX "IX_Dossiers_ProcedureName_Trigram" ON "Dossiers" USING gin ("ProcedureName" gin_trgm_ops);
