// Test helpers that other test classes call (a user's id, a test officer, a file upload).
global using MotCua.Tests.Web.Accounts;
global using MotCua.Tests.Web.Dossiers;
