-- 0003: statistics counters per day/month/year, agency, channel (and sector, procedure), kept in the dossier transactions (docs/history.md#issue-4, docs/adr/0003).
-- Existing dossiers are counted by the rebuild that runs at start when this table is empty.

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
);
