-- 0012: indexes of the office queues (docs/adr/0012-queue-queries.md). Each branch of the scope
-- rule (receiving, competent, current agency) reads its agency's dossiers newest first, with or
-- without a status; "mine" reads the assignee's, "awaiting supplement" the supplement state's.
-- The (agency, id) indexes replace the single-column foreign-key indexes they begin with.
DROP INDEX "IX_Dossiers_ReceivingAgencyId";
DROP INDEX "IX_Dossiers_CompetentAgencyId";
CREATE INDEX "IX_Dossiers_ReceivingAgencyId_Id" ON "Dossiers" ("ReceivingAgencyId", "Id");
CREATE INDEX "IX_Dossiers_CompetentAgencyId_Id" ON "Dossiers" ("CompetentAgencyId", "Id");
CREATE INDEX "IX_Dossiers_CurrentAgencyId_Id" ON "Dossiers" ("CurrentAgencyId", "Id");
CREATE INDEX "IX_Dossiers_ReceivingAgencyId_Status_Id" ON "Dossiers" ("ReceivingAgencyId", "Status", "Id");
CREATE INDEX "IX_Dossiers_CompetentAgencyId_Status_Id" ON "Dossiers" ("CompetentAgencyId", "Status", "Id");
CREATE INDEX "IX_Dossiers_CurrentAgencyId_Status_Id" ON "Dossiers" ("CurrentAgencyId", "Status", "Id");
CREATE INDEX "IX_Dossiers_AssigneeId_Id" ON "Dossiers" ("AssigneeId", "Id");
CREATE INDEX "IX_Dossiers_SupplementState_Id" ON "Dossiers" ("SupplementState", "Id");
