-- 0004: the statistics counters stored in primary-key order (docs/history.md#issue-4, docs/adr/0003 "Physical layout").
-- A WITHOUT ROWID table is the primary-key B-tree itself: the rows of one cube, grain and day range
-- are neighbours, so a dashboard or report read is one sequential range instead of a key lookup per row.

CREATE TABLE "StatisticsCounters_0004" (
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
) WITHOUT ROWID;

INSERT INTO "StatisticsCounters_0004"
SELECT * FROM "StatisticsCounters"
ORDER BY "Cube", "Grain", "Day", "AgencyId", "SectorCode", "ProcedureCode", "Channel";

DROP TABLE "StatisticsCounters";
ALTER TABLE "StatisticsCounters_0004" RENAME TO "StatisticsCounters";
