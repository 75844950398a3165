-- 0013: one row counting changes to the published catalogue (procedure versions, offerings,
-- sectors, agencies). Every node keeps the catalogue in force in memory and reads this one row
-- per request to know when to rebuild it (docs/capacity.md).
CREATE TABLE "CatalogStamps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogStamps" PRIMARY KEY,
    "Value" INTEGER NOT NULL
);

INSERT INTO "CatalogStamps" ("Id", "Value") VALUES (1, 0);
