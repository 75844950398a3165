using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;

namespace MotCua.Tests.Web.Statistics;

[Collection(DemoCollection.Name)]
public class Report06bTests(DemoHosts hosts)
{
    private static readonly string[] Figures =
        ["carriedOver", "newOnline", "newInPersonOrPostal", "solvedEarly", "solvedOnTime", "solvedLate", "withdrawn", "stopped", "pendingWithinTime", "pendingOverdue"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BySectorAndByLevel_TotalsEqualReport06a_AndRowsAddUp(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        const string period = "from=2025-11-15&to=2026-02-14";
        var report06a = await leader.GetFromJsonAsync<JsonElement>("/api/statistics/report-06a?" + period);
        foreach (var groupBy in new[] { "sector", "level" })
        {
            var report = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06b?{period}&groupBy={groupBy}");
            Assert.Equal(groupBy, report.GetProperty("groupBy").GetString());
            var rows = report.GetProperty("rows").EnumerateArray().ToList();
            Assert.True(rows.Count >= 2, groupBy);
            foreach (var figure in Figures)
            {
                var total = report.GetProperty("total").GetProperty("figures").GetProperty(figure).GetInt32();
                Assert.Equal(report06a.GetProperty("total").GetProperty("figures").GetProperty(figure).GetInt32(), total);
                Assert.Equal(total, rows.Sum(r => r.GetProperty("figures").GetProperty(figure).GetInt32()));
            }
        }

        // One sector's row equals Report 06a filtered by that sector, and a direct count of its new dossiers.
        var bySector = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06b?{period}&groupBy=sector");
        var first = bySector.GetProperty("rows")[0];
        var code = first.GetProperty("code").GetString()!;
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        var filtered = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06a?{period}&sector={Uri.EscapeDataString(code)}");
        Assert.Equal(filtered.GetProperty("total").GetProperty("received").GetInt32(), first.GetProperty("received").GetInt32());
        await using var scope = host.Scope();
        var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (start, end) = (new DateTime(2025, 11, 14, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 14, 17, 0, 0, DateTimeKind.Utc));
        var direct = await dbc.Dossiers.CountAsync(d => d.ReceivedAt >= start && d.ReceivedAt < end
            && dbc.ProcedureVersions.Any(v => v.Id == d.ProcedureVersionId && v.SectorCode == code));
        var f = first.GetProperty("figures");
        Assert.Equal(direct, f.GetProperty("newOnline").GetInt32() + f.GetProperty("newInPersonOrPostal").GetInt32());

        // The level split: the Department of Finance (STC) is provincial, communes are "Cấp xã".
        var byLevel = await leader.GetFromJsonAsync<JsonElement>($"/api/statistics/report-06b?{period}&groupBy=level&agency=STC");
        Assert.Equal(["TINH"], byLevel.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exports_BadInput_AndThePage(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await host.ClientAs("leader.demo");
        const string query = "/api/statistics/report-06b?from=2025-12-01&to=2026-02-28&groupBy=sector";
        var xlsx = await leader.GetAsync(query + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var texts = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList();
        Assert.Contains("Lĩnh vực", texts);
        Assert.Contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO LĨNH VỰC", texts);
        var pdf = await leader.GetAsync(query + "&format=pdf");
        var text = MotCua.Tests.Documents.PdfTools.Flatten(MotCua.Tests.Documents.PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains("THEO LĨNH VỰC", text, StringComparison.Ordinal);

        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06b?from=2026-01-01&to=2026-01-31&groupBy=huyen"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06b?from=2026-01-31&to=2026-01-01"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await leader.GetAsync("/api/statistics/report-06b?from=2026-01-01&to=2026-01-31&agency=KHONG"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        await Problem.AssertAsync(await (await host.ClientAs("handler.demo")).GetAsync(query), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");

        var page = await OfficeSignIn.AsAsync(host, await TestAccounts.NewProvinceWideAsync(host), TestAccounts.Password);
        var html = await page.GetStringAsync("/office/bao-cao/06b?from=2025-12-01&to=2026-02-28&groupBy=sector");
        Assert.Contains("Lĩnh vực", html, StringComparison.Ordinal);
        Assert.Contains("/office/bao-cao/06a/ho-so?", html, StringComparison.Ordinal);
        Assert.Contains("Cấp xã", await page.GetStringAsync("/office/bao-cao/06b?from=2025-12-01&to=2026-02-28&groupBy=level"), StringComparison.Ordinal);
    }
}
