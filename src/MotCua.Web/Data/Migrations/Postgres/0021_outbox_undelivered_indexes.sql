-- 0021: the outbox claim (docs/integrations/integration-layer.md#delivery) reads the undelivered messages
-- in (AvailableAt, Id) order and, for each, probes for an earlier undelivered message of the same
-- ordering key. With only whole-table indexes a large backlog made the planner filter and sort every
-- waiting message before taking a batch (3 s per batch at 92,000 waiting, bench/RESULTS.md). Partial
-- indexes over the undelivered messages alone, in the claim's order, let it stop after one batch, and
-- make the ordering probe touch only undelivered rows; both shrink as messages are delivered.
CREATE INDEX "IX_OutboxMessages_Undelivered_AvailableAt_Id" ON "OutboxMessages" ("AvailableAt", "Id") WHERE "ProcessedAt" IS NULL;
CREATE INDEX "IX_OutboxMessages_Undelivered_OrderingKey_Id" ON "OutboxMessages" ("OrderingKey", "Id") WHERE "ProcessedAt" IS NULL;
