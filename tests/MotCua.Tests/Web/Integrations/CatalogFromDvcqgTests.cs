using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Simulator;
using MotCua.Simulator.Dvcqg;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;

namespace MotCua.Tests.Web.Integrations;

/// <summary>A draft procedure version filled from DVCQG's catalogue by <c>LayThuTuc</c> (docs/integrations/dvcqg.md#catalogue).</summary>
public sealed class CatalogFromDvcqgTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    private const string Route = "/api/catalog/procedures/import-from-dvcqg";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NewNationalCode_DraftProcedureWithMappedFields(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await host.ClientAs("admin.demo");

        var response = await admin.PostAsJsonAsync(Route, new { nationalCode = DvcqgProcedures.NewToDemo });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("newProcedure").GetBoolean());
        Assert.Equal(1, body.GetProperty("versionNumber").GetInt32());
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var version = await dbc.ProcedureVersions.AsNoTracking()
            .SingleAsync(v => dbc.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == DvcqgProcedures.NewToDemo));
        Assert.Equal(VersionState.Draft, version.State);
        Assert.Null(version.PublishedAt);
        var d = version.Definition;
        Assert.Equal("Xác nhận có quốc tịch Việt Nam ở trong nước", d.Name);
        Assert.Equal("G15-TP08", d.SectorCode);
        Assert.Equal("Quốc tịch", (await dbc.Sectors.AsNoTracking().SingleAsync(s => s.Code == "G15-TP08")).Name);
        Assert.Equal("STP", d.CompetentAgency); // 000.00.05.H39, the QCVN 102 code of the Department of Justice
        Assert.Equal(ApplicantType.Citizen, Assert.Single(d.ApplicantTypes));
        Assert.Equal("Giấy xác nhận có quốc tịch Việt Nam", d.ResultType);
        Assert.Contains("Luật Quốc tịch Việt Nam số 24/2008/QH12", d.LegalBasis);
        var only = Assert.Single(d.Cases);
        Assert.Equal(new TimeLimit(5, TimeLimitUnit.WorkingDays), only.TimeLimit);
        Assert.Equal(new TimeLimit(4, TimeLimitUnit.WorkingDays), only.OnlineTimeLimit);
        Assert.Equal(100_000, Assert.Single(only.Fees).AmountVnd);
        Assert.Equal(new[] { "Tờ khai đề nghị xác nhận có quốc tịch Việt Nam", "Bản chụp giấy tờ tùy thân" }, only.Documents.Select(x => x.Name));
        Assert.True(await dbc.AuditEntries.AnyAsync(a => a.Action == "catalog.import-dvcqg" && a.EntityId == DvcqgProcedures.NewToDemo));
        Assert.True(await dbc.IntegrationExchanges.AnyAsync(e => e.Operation == "LayThuTuc" && e.RequestBody.Contains(DvcqgProcedures.NewToDemo)));
        // A draft is not in the catalogue citizens see.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/catalog/procedures/" + DvcqgProcedures.NewToDemo)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PublishedProcedure_ImportedTwice_OneNewDraft_PublishedVersionsUnchanged(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await host.ClientAs("admin.demo");
        var before = await VersionsAsync(host);
        Assert.All(before, v => Assert.Equal(VersionState.Published, v.State));

        var first = await admin.PostAsJsonAsync(Route, new { nationalCode = DvcqgProcedures.KnownToDemo });
        var second = await admin.PostAsJsonAsync(Route, new { nationalCode = "  " + DvcqgProcedures.KnownToDemo + " " });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var after = await VersionsAsync(host);
        Assert.Equal(before.Count + 1, after.Count); // the second import refilled the same draft
        foreach (var published in before)
            Assert.Equal(Json(published), Json(after.Single(v => v.Id == published.Id)));
        var draft = after.Single(v => v.State == VersionState.Draft);
        Assert.Equal(before.Max(v => v.Number) + 1, draft.Number);
        Assert.Equal(draft.Number, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionNumber").GetInt32());
        var current = before.OrderByDescending(v => v.Number).First().Definition;
        Assert.Equal(current.ReceivingAgencies, draft.Definition.ReceivingAgencies); // local, not in the national catalogue: carried over
        Assert.Equal(current.Cases[0].FormFields.Count, draft.Definition.Cases[0].FormFields.Count);
        Assert.Equal("STC", draft.Definition.CompetentAgency);
        Assert.Equal(new[] { 50_000L, 100_000L }, draft.Definition.Cases[0].Fees.Select(f => f.AmountVnd));
        // Dossiers keep being received under the published version.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/catalog/procedures/" + DvcqgProcedures.KnownToDemo)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownCode_BadCode_OrNoPermission_NothingWritten(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await host.ClientAs("admin.demo");
        var audits = await AuditCountAsync(host);

        var unknown = await admin.PostAsJsonAsync(Route, new { nationalCode = "9.999999" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:motcua:problem:dvcqg-procedure-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("Cổng DVCQG không có thủ tục này", problem.GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(Route, new { nationalCode = "1.00; DROP" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(Route, new { })).StatusCode);
        var reception = await host.ClientAs("reception.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PostAsJsonAsync(Route, new { nationalCode = DvcqgProcedures.NewToDemo })).StatusCode);

        await using var scope = host.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Procedures.AnyAsync(p => p.Code == "9.999999"));
        Assert.Equal(audits, await AuditCountAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DvcqgDownOrMalformed_ProblemInVietnamese_NothingWritten(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await host.ClientAs("admin.demo");
        var versions = (await VersionsAsync(host)).Count;
        var audits = await AuditCountAsync(host);

        foreach (var (fault, type) in new[] { (FaultMode.Down, "dvcqg-unavailable"), (FaultMode.MalformedJson, "dvcqg-unavailable"), (FaultMode.ServerError, "dvcqg-unavailable") })
        {
            fixture.Sim(db).State.SetFault("dvcqg", fault);
            var response = await admin.PostAsJsonAsync(Route, new { nationalCode = DvcqgProcedures.KnownToDemo });
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("urn:motcua:problem:" + type, problem.GetProperty("type").GetString());
            Assert.Equal("Không lấy được thủ tục từ Cổng Dịch vụ công quốc gia", problem.GetProperty("title").GetString());
        }
        fixture.Sim(db).State.SetFault("dvcqg", FaultMode.None);

        Assert.Equal(versions, (await VersionsAsync(host)).Count);
        Assert.Equal(audits, await AuditCountAsync(host));
    }

    [Fact]
    public async Task OfficePage_ImportButton_ShowsTheDraft()
    {
        var host = await fixture.Get(DatabaseKind.Sqlite);
        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var page = await admin.GetStringAsync("/office/danh-muc-thu-tuc");
        Assert.Contains("Lấy thủ tục từ Cổng DVCQG", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var posted = await admin.PostAsync("/office/danh-muc-thu-tuc?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nationalCode"] = "9.888888",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("Không có thủ tục mã 9.888888 trên Cổng Dịch vụ công quốc gia", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<ProcedureVersion>> VersionsAsync(WebHost host)
    {
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await dbc.ProcedureVersions.AsNoTracking()
            .Where(v => dbc.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == DvcqgProcedures.KnownToDemo)).ToListAsync();
    }

    private static async Task<int> AuditCountAsync(WebHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == "catalog.import-dvcqg");
    }

    private static string Json(ProcedureVersion v) =>
        JsonSerializer.Serialize(new { v.Number, v.State, v.EffectiveFrom, v.EffectiveTo, v.PublishedAt, v.Name, Definition = JsonSerializer.Serialize(v.Definition, CatalogJson.Options) });
}
