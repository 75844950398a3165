using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Statistics;

[Collection(DemoCollection.Name)]
public class Report06aTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06a_OnTheDemoDossiers_ReconcilesAndMatchesDirectCounts(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        var report = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2025-12-01&to=2026-02-28");
        var total = report.GetProperty("total").GetProperty("figures");
        int N(string name) => total.GetProperty(name).GetInt32();
        Assert.Equal(N("carriedOver") + N("newOnline") + N("newInPersonOrPostal"),
            N("solvedEarly") + N("solvedOnTime") + N("solvedLate") + N("withdrawn") + N("stopped") + N("pendingWithinTime") + N("pendingOverdue"));
        Assert.True(N("newOnline") > 0 && N("solvedLate") > 0);
        Assert.Equal(report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("received").GetInt32()), report.GetProperty("total").GetProperty("received").GetInt32());

        // Direct counts over the dossiers (Vietnam dates → UTC: 1 Dec 2025 00:00 +07 … 1 Mar 2026 00:00 +07).
        var start = new DateTime(2025, 11, 30, 17, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 2, 28, 17, 0, 0, DateTimeKind.Utc);
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(await dbc.Dossiers.CountAsync(d => d.Channel == Channel.Online && d.ReceivedAt >= start && d.ReceivedAt < end), N("newOnline"));
        Assert.Equal(await dbc.Dossiers.CountAsync(d => d.Status == DossierStatus.Withdrawn && d.ReceivedAt != null && d.EndedAt >= start && d.EndedAt < end), N("withdrawn"));
        Assert.Equal(await dbc.Dossiers.CountAsync(d => (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.ProcessingEndedAt >= start && d.ProcessingEndedAt < end
            && d.DueAt != null && d.ProcessingEndedAt >= d.DueAt.Value.AddMinutes(1)), N("solvedLate"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06a_ScopeAndBadInput(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await Problem.AssertAsync(await host.Client().GetAsync("/api/statistics/report-06a?from=2026-01-01&to=2026-01-31"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync("/api/statistics/report-06a?from=2026-01-01&to=2026-01-31"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        var leader = await host.ClientAs("leader.demo");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06a?from=2026-02-30&to=2026-01-31"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06a?from=2026-03-01&to=2026-01-31"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06a?from=2026-01-01&to=2026-01-31&agency=KHONG-CO"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        var stc = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2025-09-01&to=2026-03-01&agency=STC");
        Assert.All(stc.GetProperty("rows").EnumerateArray(), r => Assert.Equal("STC", r.GetProperty("agencyCode").GetString()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OpenData_IsPublic_ReconcilesWithReport06a_AndHasNoPersonalData(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var response = await host.Client().GetAsync("/api/open-data/summary");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonDocument.Parse(text).RootElement;
        var catalogue = summary.GetProperty("catalogue");
        Assert.Equal(catalogue.GetProperty("procedures").GetInt32(),
            catalogue.GetProperty("fullyOnline").GetInt32() + catalogue.GetProperty("partlyOnline").GetInt32() + catalogue.GetProperty("informationOnly").GetInt32());
        var d = summary.GetProperty("dossiers");
        var report = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?from=2026-01-01&to=2026-03-02");
        Assert.Equal(report.GetProperty("total").GetProperty("received").GetInt32(), d.GetProperty("received").GetInt32());
        Assert.Equal(report.GetProperty("total").GetProperty("solved").GetInt32(), d.GetProperty("solved").GetInt32());
        Assert.InRange(d.GetProperty("onTimePercent").GetDouble(), 0, 100);
        // Ratings (read from the counters) equal a direct count of this year's ratings (1 Jan … 2 Mar 2026, Vietnam days).
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (start, end) = (new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc));
            var ratings = await dbc.Dossiers.Where(x => x.Rating != null && x.RatedAt >= start && x.RatedAt < end).Select(x => x.Rating!.Value).ToListAsync();
            Assert.NotEmpty(ratings);
            Assert.Equal(ratings.Count, d.GetProperty("ratings").GetInt32());
            Assert.Equal(Math.Round(ratings.Average(), 2), d.GetProperty("averageRating").GetDouble(), 2);
        }
        // Names of demo applicants never appear in open data.
        Assert.DoesNotContain("Nông Thị Mai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Thử", text, StringComparison.Ordinal);
        Assert.DoesNotContain("020190012345", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06a_ExportsToXlsxAndPdf_WithTheSameFigures(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        const string query = "/api/statistics/report-06a?from=2025-12-01&to=2026-02-28";
        var json = await leader.GetFromJsonAsync<JsonElement>(query);
        var total = json.GetProperty("total");

        var xlsx = await leader.GetAsync(query + "&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        Assert.Equal("Tổng số hồ sơ tiếp nhận", Text(rows[2].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(2)));
        var totalRow = rows.Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => Text(c) == "Tổng cộng")).Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(total.GetProperty("received").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Text(totalRow[2]));
        Assert.Equal(total.GetProperty("figures").GetProperty("solvedLate").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Text(totalRow[9]));

        var pdf = await leader.GetAsync(query + "&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = MotCua.Tests.Documents.PdfTools.Flatten(MotCua.Tests.Documents.PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", text, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng", text, StringComparison.Ordinal);
        await Problem.AssertAsync(await leader.GetAsync(query + "&format=doc"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06aPage_ShowsTheTableWithExports_ForLeadersOnly(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        Task<HttpClient> SignIn(string user) => OfficeSignIn.AsAsync(host, user);
        var leader = await SignIn("leader.demo");
        var html = await leader.GetStringAsync("/office/bao-cao/06a?from=2025-12-01&to=2026-02-28");
        Assert.Contains("Tổng số hồ sơ tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng", html, StringComparison.Ordinal);
        Assert.Contains("format=xlsx", html, StringComparison.Ordinal);
        var bad = await leader.GetAsync("/office/bao-cao/06a?from=2026-03-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var handler = await SignIn("handler.demo");
        var refused = await handler.GetAsync("/office/bao-cao/06a");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
