-- 0009: the integration layer (docs/integrations/integration-layer.md): a target and an ordering key
-- per outbox message, targets an administrator paused, the message log, and each dossier's sync
-- state per target. Existing messages are notifications: their target is the mail or SMS channel.
ALTER TABLE "OutboxMessages" ADD COLUMN "Target" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "OutboxMessages" ADD COLUMN "OrderingKey" TEXT NULL;
UPDATE "OutboxMessages" SET "Target" = CASE
    WHEN "Type" = 'notification' AND "PayloadJson" LIKE '{"Channel":1,%' THEN 'sms'
    WHEN "Type" = 'notification' THEN 'email'
    ELSE "Type" END;
CREATE INDEX "IX_OutboxMessages_Target_ProcessedAt" ON "OutboxMessages" ("Target", "ProcessedAt");
CREATE INDEX "IX_OutboxMessages_OrderingKey_Id" ON "OutboxMessages" ("OrderingKey", "Id");

CREATE TABLE "IntegrationTargets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_IntegrationTargets" PRIMARY KEY,
    "Paused" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangedBy" TEXT NULL
);

CREATE TABLE "IntegrationExchanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IntegrationExchanges" PRIMARY KEY AUTOINCREMENT,
    "OutboxMessageId" INTEGER NULL,
    "Target" TEXT NOT NULL,
    "Operation" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "HttpStatus" INTEGER NULL,
    "Succeeded" INTEGER NOT NULL,
    "RequestBody" TEXT NOT NULL,
    "ResponseBody" TEXT NULL,
    "RequestSha256" TEXT NOT NULL,
    "ResponseSha256" TEXT NULL,
    "Error" TEXT NULL
);
CREATE INDEX "IX_IntegrationExchanges_OutboxMessageId" ON "IntegrationExchanges" ("OutboxMessageId");
CREATE INDEX "IX_IntegrationExchanges_Target_At" ON "IntegrationExchanges" ("Target", "At");

CREATE TABLE "DossierSyncStates" (
    "DossierId" INTEGER NOT NULL,
    "Target" TEXT NOT NULL,
    "ChangeSequence" INTEGER NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "DeliveredSequence" INTEGER NOT NULL,
    "FailedSequence" INTEGER NOT NULL,
    "KnownByTarget" INTEGER NOT NULL,
    "FirstSyncedAt" TEXT NULL,
    "SyncedAt" TEXT NULL,
    "LastSyncedHistoryId" INTEGER NOT NULL,
    "LastAttemptAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "PK_DossierSyncStates" PRIMARY KEY ("DossierId", "Target"),
    CONSTRAINT "FK_DossierSyncStates_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE CASCADE
);
