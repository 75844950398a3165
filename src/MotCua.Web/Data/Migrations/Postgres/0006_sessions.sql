-- 0006: sessions held in the database, so that every node sees them and they can be ended.
CREATE TABLE "UserSessions" (
    "Id" character varying(64) NOT NULL,
    "UserAccountId" bigint NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "IdleMinutes" integer NOT NULL,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(40),
    CONSTRAINT "PK_UserSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_UserSessions_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserAccountId" ON "UserSessions" ("UserAccountId");
