-- 0005: sign-in protection (TCVN 14423:2026 5.5.2.2, 5.6.2.4): failures, lock, TOTP second factor,
-- recovery codes; one account per personal identification number.

CREATE TABLE "AccountSecurity" (
    "UserAccountId" INTEGER NOT NULL CONSTRAINT "PK_AccountSecurity" PRIMARY KEY,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "TotpSecret" TEXT NULL,
    "TotpEnabledAt" TEXT NULL,
    "TotpLastStep" INTEGER NULL,
    CONSTRAINT "FK_AccountSecurity_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecoveryCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecoveryCodes" PRIMARY KEY AUTOINCREMENT,
    "UserAccountId" INTEGER NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    CONSTRAINT "FK_RecoveryCodes_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RecoveryCodes_UserAccountId" ON "RecoveryCodes" ("UserAccountId");

CREATE UNIQUE INDEX "IX_UserAccounts_PersonalId" ON "UserAccounts" ("PersonalId");
