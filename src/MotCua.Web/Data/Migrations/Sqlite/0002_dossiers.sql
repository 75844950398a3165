-- 0002: dossiers, history, files, supplement requests, consultations, daily code sequences, outbox; applicant profile (docs/history.md#issue-3).

ALTER TABLE "UserAccounts" ADD COLUMN "Phone" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "Email" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "PersonalId" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "BirthDate" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "ProvinceCode" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "CommuneCode" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "Address" TEXT NULL;

ALTER TABLE "UserAccounts" ADD COLUMN "ApplicantType" TEXT NULL;

CREATE TABLE "DossierSequences" (
    "UnitCode" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_DossierSequences" PRIMARY KEY ("UnitCode", "Day")
);

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "AvailableAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "ProcessedAt" TEXT NULL,
    "Failed" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "SupplementRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SupplementRequests" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "DuringProcessing" INTEGER NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedById" INTEGER NULL,
    "ItemsJson" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ApplicantNote" TEXT NULL,
    "AcceptedAt" TEXT NULL
);

CREATE TABLE "Dossiers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Dossiers" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "IsDraft" INTEGER NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "ProcedureVersionId" INTEGER NOT NULL,
    "ProcedureCode" TEXT NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "CaseCode" TEXT NOT NULL,
    "LimitUnit" TEXT NOT NULL,
    "LimitValue" TEXT NOT NULL,
    "NoAppointment" INTEGER NOT NULL,
    "ReceivingAgencyId" INTEGER NOT NULL,
    "CompetentAgencyId" INTEGER NOT NULL,
    "CurrentAgencyId" INTEGER NULL,
    "AssigneeId" INTEGER NULL,
    "CurrentStep" INTEGER NULL,
    "StepDueAt" TEXT NULL,
    "OwnerAccountId" INTEGER NULL,
    "ReceivedById" INTEGER NULL,
    "ApplicantType" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantIdNumber" TEXT NULL,
    "ApplicantBirthDate" TEXT NULL,
    "ApplicantPhone" TEXT NULL,
    "ApplicantEmail" TEXT NULL,
    "ApplicantProvinceCode" TEXT NULL,
    "ApplicantCommuneCode" TEXT NULL,
    "ApplicantAddress" TEXT NULL,
    "RepresentativeName" TEXT NULL,
    "RepresentativeIdNumber" TEXT NULL,
    "RepresentativePhone" TEXT NULL,
    "AuthorisationDocument" TEXT NULL,
    "CheckIdLast4" TEXT NULL,
    "CheckPhoneLast4" TEXT NULL,
    "FormDataJson" TEXT NOT NULL,
    "IdempotencyKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReceivedAt" TEXT NULL,
    "ClockStartAt" TEXT NULL,
    "DueAt" TEXT NULL,
    "OriginalDueAt" TEXT NULL,
    "PausedAt" TEXT NULL,
    "PausedWorkingMinutes" INTEGER NOT NULL,
    "PauseCount" INTEGER NOT NULL,
    "SupplementCount" INTEGER NOT NULL,
    "ExtensionCount" INTEGER NOT NULL,
    "SupplementState" TEXT NOT NULL,
    "PaymentState" TEXT NOT NULL,
    "FeeAmountVnd" INTEGER NOT NULL,
    "ProcessingEndedAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    "ReturnedAt" TEXT NULL,
    "ReturnMethod" TEXT NULL,
    "ReturnedTo" TEXT NULL,
    "ResultNumber" TEXT NULL,
    "ResultSigner" TEXT NULL,
    "ResultDate" TEXT NULL,
    "ResultSummary" TEXT NULL,
    "RefusalReason" TEXT NULL,
    "StopReason" TEXT NULL,
    "Rating" INTEGER NULL,
    "RatingComment" TEXT NULL,
    "RatedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Dossiers_Agencies_CompetentAgencyId" FOREIGN KEY ("CompetentAgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Dossiers_Agencies_ReceivingAgencyId" FOREIGN KEY ("ReceivingAgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Dossiers_ProcedureVersions_ProcedureVersionId" FOREIGN KEY ("ProcedureVersionId") REFERENCES "ProcedureVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Consultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Consultations" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "Question" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedById" INTEGER NULL,
    "DueAt" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredById" INTEGER NULL,
    CONSTRAINT "FK_Consultations_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Consultations_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DossierFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierFiles" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NULL,
    "OwnerAccountId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "DocumentIndex" INTEGER NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DossierFiles_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DossierHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DossierHistory" PRIMARY KEY AUTOINCREMENT,
    "DossierId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ActorId" INTEGER NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NULL,
    "ActionName" TEXT NOT NULL,
    "FromStatus" INTEGER NULL,
    "ToStatus" INTEGER NOT NULL,
    "Step" INTEGER NULL,
    "FromAgencyId" INTEGER NULL,
    "ToAgencyId" INTEGER NULL,
    "ToUserId" INTEGER NULL,
    "StepDueAt" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_DossierHistory_Dossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "Dossiers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Consultations_AgencyId_DossierId" ON "Consultations" ("AgencyId", "DossierId");

CREATE INDEX "IX_Consultations_DossierId" ON "Consultations" ("DossierId");

CREATE INDEX "IX_DossierFiles_DossierId" ON "DossierFiles" ("DossierId");

CREATE INDEX "IX_DossierFiles_OwnerAccountId" ON "DossierFiles" ("OwnerAccountId");

CREATE INDEX "IX_DossierHistory_DossierId_Id" ON "DossierHistory" ("DossierId", "Id");

CREATE UNIQUE INDEX "IX_Dossiers_Code" ON "Dossiers" ("Code");

CREATE INDEX "IX_Dossiers_CompetentAgencyId" ON "Dossiers" ("CompetentAgencyId");

CREATE INDEX "IX_Dossiers_DueAt" ON "Dossiers" ("DueAt");

CREATE INDEX "IX_Dossiers_OwnerAccountId" ON "Dossiers" ("OwnerAccountId");

CREATE UNIQUE INDEX "IX_Dossiers_OwnerAccountId_IdempotencyKey" ON "Dossiers" ("OwnerAccountId", "IdempotencyKey");

CREATE INDEX "IX_Dossiers_ProcedureVersionId" ON "Dossiers" ("ProcedureVersionId");

CREATE INDEX "IX_Dossiers_ReceivingAgencyId" ON "Dossiers" ("ReceivingAgencyId");

CREATE INDEX "IX_Dossiers_Status_CurrentAgencyId" ON "Dossiers" ("Status", "CurrentAgencyId");

CREATE INDEX "IX_Dossiers_Status_ReceivingAgencyId" ON "Dossiers" ("Status", "ReceivingAgencyId");

CREATE INDEX "IX_OutboxMessages_ProcessedAt_AvailableAt" ON "OutboxMessages" ("ProcessedAt", "AvailableAt");

CREATE INDEX "IX_SupplementRequests_DossierId" ON "SupplementRequests" ("DossierId");
