-- 0018: applicants who sign in with VNeID or the DVCQG account are marked verified by that provider
-- (docs/integrations/vneid.md).
ALTER TABLE "UserAccounts" ADD COLUMN "EidVerifiedAt" timestamp with time zone;
ALTER TABLE "UserAccounts" ADD COLUMN "EidProvider" character varying(20);
