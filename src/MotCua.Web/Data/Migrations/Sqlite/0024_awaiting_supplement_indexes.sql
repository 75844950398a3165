-- 0024: the awaiting-supplement queue per agency. It read the supplement-state index over every agency
-- and fetched each row to test the scope (18 ms for one count at 10 M dossiers, where 10,000 dossiers
-- await a supplement). These partial indexes hold only submitted dossiers awaiting a supplement, a few
-- in a thousand, so they cost little to keep, and each agency branch of the queue is an index-only read
-- (0.7 ms, docs/adr/0012-queue-queries.md). The predicate is written as the queue query writes it, so
-- both databases can prove that the index answers it.
CREATE INDEX "IX_Dossiers_ReceivingAgencyId_Id_AwaitingSupplement" ON "Dossiers" ("ReceivingAgencyId", "Id") WHERE NOT "IsDraft" AND "SupplementState" IN ('AwaitingApplicant', 'SubmittedByApplicant');
CREATE INDEX "IX_Dossiers_CompetentAgencyId_Id_AwaitingSupplement" ON "Dossiers" ("CompetentAgencyId", "Id") WHERE NOT "IsDraft" AND "SupplementState" IN ('AwaitingApplicant', 'SubmittedByApplicant');
CREATE INDEX "IX_Dossiers_CurrentAgencyId_Id_AwaitingSupplement" ON "Dossiers" ("CurrentAgencyId", "Id") WHERE NOT "IsDraft" AND "SupplementState" IN ('AwaitingApplicant', 'SubmittedByApplicant');
