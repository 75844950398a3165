-- 0004: the statistics counters partitioned by cube and grain (docs/history.md#issue-4, docs/adr/0003 "Physical layout").
-- The dashboard reads a few thousand by-agency rows and the current year's by-procedure year rows;
-- in one heap they lay scattered among millions of by-procedure day rows (the IOC took 0.7 s at
-- 10 million dossiers). Each (cube, grain) now has its own leaf table, so a read touches only the
-- pages of its own rows. fillfactor 80 leaves room on each page for the updated version of a row
-- (HOT update), so the hot rows of today, this month and this year stay where they are.

ALTER TABLE "StatisticsCounters" RENAME TO "StatisticsCounters_0003";
ALTER TABLE "StatisticsCounters_0003" RENAME CONSTRAINT "PK_StatisticsCounters" TO "PK_StatisticsCounters_0003";

CREATE TABLE "StatisticsCounters" (
    "Cube" integer NOT NULL,
    "Grain" integer NOT NULL,
    "Day" date NOT NULL,
    "AgencyId" bigint NOT NULL,
    "SectorCode" character varying(40) NOT NULL,
    "ProcedureCode" character varying(40) NOT NULL,
    "Channel" integer NOT NULL,
    "Received" integer NOT NULL,
    "SolvedEarly" integer NOT NULL,
    "SolvedOnTime" integer NOT NULL,
    "SolvedLate" integer NOT NULL,
    "Withdrawn" integer NOT NULL,
    "Stopped" integer NOT NULL,
    "DueOpened" integer NOT NULL,
    "DueClosed" integer NOT NULL,
    "Rated1" integer NOT NULL,
    "Rated2" integer NOT NULL,
    "Rated3" integer NOT NULL,
    "Rated4" integer NOT NULL,
    "Rated5" integer NOT NULL,
    CONSTRAINT "PK_StatisticsCounters" PRIMARY KEY ("Cube", "Grain", "Day", "AgencyId", "SectorCode", "ProcedureCode", "Channel")
) PARTITION BY LIST ("Cube");

-- Cube 0 = by agency and channel, 1 = also by sector and procedure; grain 0 = day, 1 = month, 2 = year.
CREATE TABLE "StatisticsCounters_Agency" PARTITION OF "StatisticsCounters" FOR VALUES IN (0) PARTITION BY LIST ("Grain");
CREATE TABLE "StatisticsCounters_Procedure" PARTITION OF "StatisticsCounters" FOR VALUES IN (1) PARTITION BY LIST ("Grain");
CREATE TABLE "StatisticsCounters_Agency_Day" PARTITION OF "StatisticsCounters_Agency" FOR VALUES IN (0) WITH (fillfactor = 80);
CREATE TABLE "StatisticsCounters_Agency_Month" PARTITION OF "StatisticsCounters_Agency" FOR VALUES IN (1) WITH (fillfactor = 80);
CREATE TABLE "StatisticsCounters_Agency_Year" PARTITION OF "StatisticsCounters_Agency" FOR VALUES IN (2) WITH (fillfactor = 80);
CREATE TABLE "StatisticsCounters_Procedure_Day" PARTITION OF "StatisticsCounters_Procedure" FOR VALUES IN (0) WITH (fillfactor = 80);
CREATE TABLE "StatisticsCounters_Procedure_Month" PARTITION OF "StatisticsCounters_Procedure" FOR VALUES IN (1) WITH (fillfactor = 80);
CREATE TABLE "StatisticsCounters_Procedure_Year" PARTITION OF "StatisticsCounters_Procedure" FOR VALUES IN (2) WITH (fillfactor = 80);

-- In key order, so that each leaf starts clustered on its primary key.
INSERT INTO "StatisticsCounters"
SELECT * FROM "StatisticsCounters_0003"
ORDER BY "Cube", "Grain", "Day", "AgencyId", "SectorCode", "ProcedureCode", "Channel";

DROP TABLE "StatisticsCounters_0003";

-- Planner statistics for the new leaf tables now rather than at autovacuum's next pass.
ANALYZE "StatisticsCounters";
