-- 0011: passkeys (WebAuthn) as a second factor, and the single-use challenges of their ceremonies.
CREATE TABLE "Passkeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Passkeys" PRIMARY KEY AUTOINCREMENT,
    "UserAccountId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "CredentialId" BLOB NOT NULL,
    "PublicKey" BLOB NOT NULL,
    "SignCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_Passkeys_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Passkeys_CredentialId" ON "Passkeys" ("CredentialId");
CREATE INDEX "IX_Passkeys_UserAccountId" ON "Passkeys" ("UserAccountId");

CREATE TABLE "PasskeyChallenges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PasskeyChallenges" PRIMARY KEY,
    "UserAccountId" INTEGER NOT NULL,
    "Ceremony" TEXT NOT NULL,
    "OptionsJson" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    CONSTRAINT "FK_PasskeyChallenges_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PasskeyChallenges_ExpiresAt" ON "PasskeyChallenges" ("ExpiresAt");
CREATE INDEX "IX_PasskeyChallenges_UserAccountId" ON "PasskeyChallenges" ("UserAccountId");

-- Dormant staff accounts (TCVN 14423:2026 test T-AUTH-11): last sign-in and an administrator's reactivation.
ALTER TABLE "AccountSecurity" ADD "LastSignInAt" TEXT NULL;
ALTER TABLE "AccountSecurity" ADD "ReactivatedAt" TEXT NULL;
