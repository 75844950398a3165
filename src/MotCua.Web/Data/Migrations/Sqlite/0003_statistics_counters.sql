-- 0003: statistics counters per day/month/year, agency, channel (and sector, procedure), kept in the dossier transactions (docs/history.md#issue-4, docs/adr/0003).
-- Existing dossiers are counted by the rebuild that runs at start when this table is empty.

CREATE TABLE "StatisticsCounters" (
    "Cube" INTEGER NOT NULL,
    "Grain" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "SectorCode" TEXT NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Received" INTEGER NOT NULL,
    "SolvedEarly" INTEGER NOT NULL,
    "SolvedOnTime" INTEGER NOT NULL,
    "SolvedLate" INTEGER NOT NULL,
    "Withdrawn" INTEGER NOT NULL,
    "Stopped" INTEGER NOT NULL,
    "DueOpened" INTEGER NOT NULL,
    "DueClosed" INTEGER NOT NULL,
    "Rated1" INTEGER NOT NULL,
    "Rated2" INTEGER NOT NULL,
    "Rated3" INTEGER NOT NULL,
    "Rated4" INTEGER NOT NULL,
    "Rated5" INTEGER NOT NULL,
    CONSTRAINT "PK_StatisticsCounters" PRIMARY KEY ("Cube", "Grain", "Day", "AgencyId", "SectorCode", "ProcedureCode", "Channel")
);
