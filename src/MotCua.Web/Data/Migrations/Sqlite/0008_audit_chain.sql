-- 0008: complete audit rows (account, permissions, agency, client IP, outcome), the audit hash chain
-- and its markers, and the per-code guard of the public tracking (docs/adr/0007-audit-chain.md).
ALTER TABLE "AuditEntries" ADD COLUMN "Outcome" TEXT NOT NULL DEFAULT 'Success';
ALTER TABLE "AuditEntries" ADD COLUMN "AccountName" TEXT NULL;
ALTER TABLE "AuditEntries" ADD COLUMN "Roles" TEXT NULL;
ALTER TABLE "AuditEntries" ADD COLUMN "AgencyId" INTEGER NULL;
ALTER TABLE "AuditEntries" ADD COLUMN "ClientIp" TEXT NULL;
ALTER TABLE "AuditEntries" ADD COLUMN "ChainSeq" INTEGER NULL;
ALTER TABLE "AuditEntries" ADD COLUMN "Hash" TEXT NULL;

CREATE UNIQUE INDEX "IX_AuditEntries_ChainSeq" ON "AuditEntries" ("ChainSeq");
CREATE INDEX "IX_AuditEntries_Action_At" ON "AuditEntries" ("Action", "At");

CREATE TABLE "AuditMarkers" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_AuditMarkers" PRIMARY KEY,
    "Position" INTEGER NOT NULL,
    "Hash" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL
);

CREATE TABLE "TrackingGuards" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_TrackingGuards" PRIMARY KEY,
    "WindowStart" TEXT NOT NULL,
    "WindowCount" INTEGER NOT NULL,
    "Failures" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "Version" INTEGER NOT NULL
);
