-- 0008: complete audit rows (account, permissions, agency, client IP, outcome), the audit hash chain
-- and its markers, and the per-code guard of the public tracking (docs/adr/0007-audit-chain.md).
ALTER TABLE "AuditEntries" ADD COLUMN "Outcome" character varying(40) NOT NULL DEFAULT 'Success';
ALTER TABLE "AuditEntries" ALTER COLUMN "Outcome" DROP DEFAULT;
ALTER TABLE "AuditEntries" ADD COLUMN "AccountName" character varying(100);
ALTER TABLE "AuditEntries" ADD COLUMN "Roles" character varying(400);
ALTER TABLE "AuditEntries" ADD COLUMN "AgencyId" bigint;
ALTER TABLE "AuditEntries" ADD COLUMN "ClientIp" character varying(45);
ALTER TABLE "AuditEntries" ADD COLUMN "ChainSeq" bigint;
ALTER TABLE "AuditEntries" ADD COLUMN "Hash" character varying(64);

CREATE UNIQUE INDEX "IX_AuditEntries_ChainSeq" ON "AuditEntries" ("ChainSeq");
CREATE INDEX "IX_AuditEntries_Action_At" ON "AuditEntries" ("Action", "At");

CREATE TABLE "AuditMarkers" (
    "Name" character varying(40) NOT NULL,
    "Position" bigint NOT NULL,
    "Hash" character varying(64),
    "LeaseOwner" character varying(100),
    "LeaseUntil" timestamp with time zone,
    CONSTRAINT "PK_AuditMarkers" PRIMARY KEY ("Name")
);

CREATE TABLE "TrackingGuards" (
    "Code" character varying(40) NOT NULL,
    "WindowStart" timestamp with time zone NOT NULL,
    "WindowCount" integer NOT NULL,
    "Failures" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_TrackingGuards" PRIMARY KEY ("Code")
);
