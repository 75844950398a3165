using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;

namespace MotCua.Tests.Web.Catalog;

[Collection(DemoCollection.Name)]
public class CatalogApiTests(DemoHosts hosts)
{
    private static readonly JsonSerializerOptions Json = CatalogJson.Options;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Search_WithoutDiacritics_FindsHouseholdBusinessRegistrationFirst(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/catalog/procedures?q=dang%20ky%20ho%20kinh%20doanh");
        var first = page.GetProperty("items")[0].GetProperty("name").GetString()!;
        var folded = VietnameseText.Fold(first);
        Assert.StartsWith("dang ky", folded, StringComparison.Ordinal);
        Assert.Contains("ho kinh doanh", folded, StringComparison.Ordinal);
        Assert.Contains("hộ kinh doanh", first, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Search_RanksExactNameBeforeLongerAndScatteredMatches(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var sector = TestCatalog.NewSector();
        var doc = TestCatalog.Document(sector,
            TestCatalog.Procedure(TestCatalog.NewCode(), "Cấp giấy xác nhận khai thác đá ong", sector),
            TestCatalog.Procedure(TestCatalog.NewCode(), "Cấp lại giấy xác nhận khai thác đá ong bị mất", sector),
            TestCatalog.Procedure(TestCatalog.NewCode(), "Khai thác và cấp giấy đá ong xác nhận", sector),
            TestCatalog.Procedure(TestCatalog.NewCode(), "Đăng ký khai thác cát", sector));
        await ImportAsync(host, doc);

        var page = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}&q=CAP%20GIAY%20XAC%20NHAN%20KHAI%20THAC%20DA%20ONG");
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Cấp giấy xác nhận khai thác đá ong", "Cấp lại giấy xác nhận khai thác đá ong bị mất", "Khai thác và cấp giấy đá ong xác nhận"], names);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Search_FiltersAndPages(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var sector = TestCatalog.NewSector();
        var procedures = Enumerable.Range(1, 5)
            .Select(i => TestCatalog.Procedure(TestCatalog.NewCode(), $"Thủ tục lọc số {i}", sector,
                online: i <= 2 ? OnlineLevel.FullyOnline : OnlineLevel.PartlyOnline,
                level: i == 5 ? ImplementingLevel.Commune : ImplementingLevel.Province,
                competent: i == 5 ? "COMMUNE_PC" : i == 4 ? "SYT" : "STP"))
            .ToArray();
        await ImportAsync(host, TestCatalog.Document(sector, procedures));
        var client = host.Client();

        async Task<int> Total(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}{query}")).GetProperty("total").GetInt32();
        Assert.Equal(5, await Total(""));
        Assert.Equal(2, await Total("&onlineLevel=FullyOnline"));
        Assert.Equal(1, await Total("&level=Commune"));
        Assert.Equal(1, await Total("&agency=SYT"));
        Assert.Equal(3, await Total("&agency=STP"));
        Assert.Equal(1, await Total("&agency=UBND-06112"));
        Assert.Equal(0, await Total("&agency=SYT&onlineLevel=FullyOnline"));

        var second = await client.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}&page=2&pageSize=2");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal(["Thủ tục lọc số 3", "Thủ tục lọc số 4"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Detail_OfDemoProcedure_HasCasesDocumentsAndWhereToSubmit(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var search = await client.GetFromJsonAsync<JsonElement>("/api/catalog/procedures?q=khai%20sinh&level=Commune");
        var code = search.GetProperty("items")[0].GetProperty("code").GetString();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{code}");
        Assert.Equal(code, detail.GetProperty("code").GetString());
        var firstCase = detail.GetProperty("definition").GetProperty("cases")[0];
        Assert.True(firstCase.GetProperty("documents").GetArrayLength() > 0);
        Assert.NotEmpty(firstCase.GetProperty("timeLimit").GetProperty("unit").GetString()!);
        // Commune procedures are received at every commune centre (65 in Lạng Sơn).
        Assert.True(detail.GetProperty("offerings").GetArrayLength() >= 65);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadInput_And_UnknownCode_AnswerProblemDetails(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        await Problem.AssertAsync(await client.GetAsync("/api/catalog/procedures?page=-1"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await client.GetAsync("/api/catalog/procedures?pageSize=abc"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await client.GetAsync("/api/catalog/procedures?pageSize=1000"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await client.GetAsync("/api/catalog/procedures?level=District"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await client.GetAsync("/api/catalog/procedures/9.999999"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        await Problem.AssertAsync(await client.GetAsync("/api/khong-co"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_ChangedProcedure_PublishesNewVersionAndKeepsTheOldOneIntact(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var sector = TestCatalog.NewSector();
        var code = TestCatalog.NewCode();
        var v1 = TestCatalog.Procedure(code, "Cấp phép thử nghiệm phiên bản", sector, days: 10);
        await ImportAsync(host, TestCatalog.Document(sector, v1), "2025-07-01");
        var v2 = v1 with { Cases = [v1.Cases[0] with { TimeLimit = new(7, MotCua.Core.Calendar.TimeLimitUnit.WorkingDays) }] };
        await ImportAsync(host, TestCatalog.Document(sector, v2), "2026-01-01");

        var detail = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{code}");
        Assert.Equal(2, detail.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal(7m, detail.GetProperty("definition").GetProperty("cases")[0].GetProperty("timeLimit").GetProperty("value").GetDecimal());
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());

        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var procedureId = await context.Procedures.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        var old = await context.ProcedureVersions.SingleAsync(v => v.ProcedureId == procedureId && v.Number == 1);
        Assert.Equal(10m, old.Definition.Cases[0].TimeLimit.Value);
        Assert.Equal(new DateOnly(2026, 1, 1), old.EffectiveTo);

        // A published version is immutable: the context refuses an edit.
        old.Name = "Sửa trái phép";
        await Assert.ThrowsAsync<PublishedVersionImmutableException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_InvalidDocument_Answers400AndStoresNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var sector = TestCatalog.NewSector();
        var good = TestCatalog.Procedure(TestCatalog.NewCode(), "Thủ tục hợp lệ", sector);
        var bad = TestCatalog.Procedure("ABC", "", sector, competent: "NO_SUCH_AGENCY") with
        {
            Cases = [good.Cases[0] with { Process = [new ProcessStep(1, "Một bước", ProcessRole.Handler, "Competent", 0.5m)] }],
        };
        var admin = await host.ClientAs("admin.demo");
        var response = await admin.PostAsync("/api/catalog/import", JsonContent.Create(TestCatalog.Document(sector, good, bad), options: Json));
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("procedures[1].code", fields);
        Assert.Contains("procedures[1].name", fields);
        Assert.Contains("procedures[1].agencies", fields);
        Assert.Contains("procedures[1].cases[0].process", fields);

        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}")).GetProperty("total").GetInt32());
        await Problem.AssertAsync(await admin.PostAsync("/api/catalog/import", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_RequiresCatalogPermission(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var doc = TestCatalog.Document(TestCatalog.NewSector());
        await Problem.AssertAsync(await host.Client().PostAsJsonAsync("/api/catalog/import", doc), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
        var reception = await host.ClientAs("reception.demo");
        await Problem.AssertAsync(await reception.PostAsJsonAsync("/api/catalog/import", doc), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Export_ThenReimport_ChangesNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var admin = await host.ClientAs("admin.demo");
        var exported = await admin.GetStringAsync("/api/catalog/export");
        var document = JsonSerializer.Deserialize<CatalogDocument>(exported, Json)!;
        Assert.True(document.Procedures.Count >= 40);
        var response = await admin.PostAsync("/api/catalog/import", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result.GetProperty("versionsPublished").GetInt32());
        Assert.Equal(document.Procedures.Count, result.GetProperty("unchanged").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sectors_ListDemoSectorsWithCounts(DatabaseKind db)
    {
        var sectors = await (await hosts.Get(db)).Client().GetFromJsonAsync<JsonElement[]>("/api/catalog/sectors");
        Assert.True(sectors!.Count(s => s.GetProperty("procedures").GetInt32() > 0) >= 8);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OpenApiDocument_ListsCatalogAndCalendarEndpoints(DatabaseKind db)
    {
        var text = await (await hosts.Get(db)).Client().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/catalog/procedures/{code}", text, StringComparison.Ordinal);
        Assert.Contains("/api/calendar/deadline", text, StringComparison.Ordinal);
        Assert.Contains("/api/auth/token", text, StringComparison.Ordinal);
    }

    private static async Task ImportAsync(WebHost host, CatalogDocument document, string? effectiveFrom = null)
    {
        var admin = await host.ClientAs("admin.demo");
        var url = "/api/catalog/import" + (effectiveFrom is null ? "" : "?effectiveFrom=" + effectiveFrom);
        var response = await admin.PostAsync(url, JsonContent.Create(document, options: Json));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
