-- 0001: organisation, accounts, catalogue, calendar overrides, audit (docs/history.md#issue-2).
CREATE TABLE "AdminUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdminUnits" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE TABLE "AdminUnitSuccessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdminUnitSuccessions" PRIMARY KEY AUTOINCREMENT,
    "OldCode" TEXT NOT NULL,
    "NewCode" TEXT NOT NULL,
    "EffectiveDate" TEXT NOT NULL,
    "Partial" INTEGER NOT NULL
);

CREATE TABLE "Agencies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "AdminUnitCode" TEXT NULL,
    "Qcvn102Code" TEXT NOT NULL,
    "ElectronicId" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Phone" TEXT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "SuccessorId" INTEGER NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Details" TEXT NULL
);

CREATE TABLE "CalendarOverrides" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarOverrides" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Source" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Procedures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Procedures" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL
);

CREATE TABLE "Sectors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sectors" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Ministry" TEXT NULL
);

CREATE TABLE "UserAccounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserAccounts" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NULL,
    "AgencyId" INTEGER NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_UserAccounts_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProcedureOfferings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureOfferings" PRIMARY KEY AUTOINCREMENT,
    "ProcedureId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "LegacyLevel" INTEGER NULL,
    CONSTRAINT "FK_ProcedureOfferings_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProcedureOfferings_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcedureVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcedureVersions" PRIMARY KEY AUTOINCREMENT,
    "ProcedureId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "EffectiveTo" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "Name" TEXT NOT NULL,
    "NameFolded" TEXT NOT NULL,
    "SectorCode" TEXT NOT NULL,
    "Levels" TEXT NOT NULL,
    "OnlineLevel" TEXT NOT NULL,
    "DefinitionJson" TEXT NOT NULL,
    CONSTRAINT "FK_ProcedureVersions_Procedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "Procedures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RoleAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RoleAssignments" PRIMARY KEY AUTOINCREMENT,
    "UserAccountId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    CONSTRAINT "FK_RoleAssignments_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RoleAssignments_UserAccounts_UserAccountId" FOREIGN KEY ("UserAccountId") REFERENCES "UserAccounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AdminUnits_Code_ValidFrom" ON "AdminUnits" ("Code", "ValidFrom");

CREATE INDEX "IX_AdminUnitSuccessions_OldCode" ON "AdminUnitSuccessions" ("OldCode");

CREATE UNIQUE INDEX "IX_Agencies_Code" ON "Agencies" ("Code");

CREATE INDEX "IX_Agencies_ParentId" ON "Agencies" ("ParentId");

CREATE INDEX "IX_Agencies_Qcvn102Code" ON "Agencies" ("Qcvn102Code");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE UNIQUE INDEX "IX_CalendarOverrides_Date" ON "CalendarOverrides" ("Date");

CREATE INDEX "IX_ProcedureOfferings_AgencyId" ON "ProcedureOfferings" ("AgencyId");

CREATE UNIQUE INDEX "IX_ProcedureOfferings_ProcedureId_AgencyId" ON "ProcedureOfferings" ("ProcedureId", "AgencyId");

CREATE UNIQUE INDEX "IX_Procedures_Code" ON "Procedures" ("Code");

CREATE UNIQUE INDEX "IX_ProcedureVersions_ProcedureId_Number" ON "ProcedureVersions" ("ProcedureId", "Number");

CREATE INDEX "IX_ProcedureVersions_SectorCode" ON "ProcedureVersions" ("SectorCode");

CREATE INDEX "IX_ProcedureVersions_State_EffectiveFrom" ON "ProcedureVersions" ("State", "EffectiveFrom");

CREATE INDEX "IX_RoleAssignments_AgencyId" ON "RoleAssignments" ("AgencyId");

CREATE UNIQUE INDEX "IX_RoleAssignments_UserAccountId_Role_AgencyId" ON "RoleAssignments" ("UserAccountId", "Role", "AgencyId");

CREATE UNIQUE INDEX "IX_Sectors_Code" ON "Sectors" ("Code");

CREATE INDEX "IX_UserAccounts_AgencyId" ON "UserAccounts" ("AgencyId");

CREATE UNIQUE INDEX "IX_UserAccounts_UserName" ON "UserAccounts" ("UserName");

