-- 0006: sessions held in the database, so that every node sees them and they can be ended.
CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserAccountId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "IdleMinutes" INTEGER NOT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    CONSTRAINT "FK_UserSessions_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserAccountId" ON "UserSessions" ("UserAccountId");
