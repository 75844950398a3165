-- 0015: form template files of the catalogue, keyed by the template's name as procedures write it
-- (Features/Catalog/FormTemplate.cs); the content is in the content-addressed file store.
CREATE TABLE "FormTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FormTemplates" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_FormTemplates_Title" ON "FormTemplates" ("Title");
