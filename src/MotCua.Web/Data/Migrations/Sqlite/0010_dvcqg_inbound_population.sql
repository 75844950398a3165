-- 0010: dossiers pushed from the National Public Service Portal keep its national code beside
-- MotCua's own (docs/integrations/dvcqg-inbound.md); lookups in the National Population Database
-- through the provincial LGSP are logged, and what they filled is marked verified
-- (docs/integrations/lgsp-population.md).
ALTER TABLE "Dossiers" ADD COLUMN "NationalCode" TEXT NULL;
ALTER TABLE "Dossiers" ADD COLUMN "PopulationVerified" INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX "IX_Dossiers_NationalCode" ON "Dossiers" ("NationalCode");
ALTER TABLE "UserAccounts" ADD COLUMN "PopulationVerifiedAt" TEXT NULL;

CREATE TABLE "PopulationLookups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PopulationLookups" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "AgencyId" INTEGER NULL,
    "Purpose" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL
);
CREATE INDEX "IX_PopulationLookups_At" ON "PopulationLookups" ("At");
CREATE INDEX "IX_PopulationLookups_AgencyId_At" ON "PopulationLookups" ("AgencyId", "At");
