-- 0020: the due-date queues of the office (docs/adr/0012-queue-queries.md). "Due soon" and "overdue"
-- are (agency, status in accepted/processing, due moment) ranges: with the due moment in the index each
-- branch reads only its agency's open dossiers that are due. The id is the last column so the page and
-- the count are read from the index alone. (The trigram indexes of the PostgreSQL script have no
-- SQLite counterpart: there the name search reads the agency's dossiers.)
CREATE INDEX "IX_Dossiers_ReceivingAgencyId_Status_DueAt_Id" ON "Dossiers" ("ReceivingAgencyId", "Status", "DueAt", "Id");
CREATE INDEX "IX_Dossiers_CompetentAgencyId_Status_DueAt_Id" ON "Dossiers" ("CompetentAgencyId", "Status", "DueAt", "Id");
CREATE INDEX "IX_Dossiers_CurrentAgencyId_Status_DueAt_Id" ON "Dossiers" ("CurrentAgencyId", "Status", "DueAt", "Id");
