-- 0025: the dossiers behind a figure of Report 06a (docs/domain/statistics.md#drill-down). A list was a
-- count and an ordered page over every dossier of the province: two sequential reads, 6–7 s at 10 M
-- dossiers. The total now comes from the statistics counters, and the page is read newest reception
-- first: every figure counts only dossiers received before the period's end, so the page starts at that
-- end in one of these indexes and reads backwards until it has its rows — the province's, or, for a row
-- of the report, its competent agency's. Only received dossiers are indexed, as every figure says.
CREATE INDEX "IX_Dossiers_ReceivedAt_Id" ON "Dossiers" ("ReceivedAt", "Id") WHERE "ReceivedAt" IS NOT NULL;
CREATE INDEX "IX_Dossiers_CompetentAgencyId_ReceivedAt_Id" ON "Dossiers" ("CompetentAgencyId", "ReceivedAt", "Id") WHERE "ReceivedAt" IS NOT NULL;
