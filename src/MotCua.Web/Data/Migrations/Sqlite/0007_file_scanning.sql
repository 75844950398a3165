-- Malware scan state of uploaded files (ClamAV). Files stored before scanning existed are "not
-- scanned"; the background rescan picks them up once clamd is configured.
ALTER TABLE "DossierFiles" ADD COLUMN "ScanState" TEXT NOT NULL DEFAULT 'NotScanned';
ALTER TABLE "DossierFiles" ADD COLUMN "ScannedAt" TEXT NULL;
CREATE INDEX "IX_DossierFiles_ScanState" ON "DossierFiles" ("ScanState");
