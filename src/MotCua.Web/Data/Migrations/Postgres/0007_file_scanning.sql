-- Malware scan state of uploaded files (ClamAV). Files stored before scanning existed are "not
-- scanned"; the background rescan picks them up once clamd is configured.
ALTER TABLE "DossierFiles" ADD COLUMN "ScanState" character varying(40) NOT NULL DEFAULT 'NotScanned';
ALTER TABLE "DossierFiles" ADD COLUMN "ScannedAt" timestamp with time zone;
CREATE INDEX "IX_DossierFiles_ScanState" ON "DossierFiles" ("ScanState");
