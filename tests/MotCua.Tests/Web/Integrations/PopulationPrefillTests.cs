using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Population;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Integrations;

/// <summary>"Lấy thông tin từ CSDL quốc gia về dân cư" on the counter intake page (docs/integrations/lgsp-population.md#prefill).</summary>
public sealed partial class PopulationPrefillTests(NationHosts hosts) : IClassFixture<NationHosts>
{
    private const string Form = $"/office/tiep-nhan?thu-tuc={Procedure}";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officer_FillsTheFormFromThePopulationDatabase_TheDossierIsVerified_AndCountsFor45(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        var before = await LookupCountAsync(host);
        var fields = await FieldsAsync(reception, name: "nông văn dân");

        var filled = await PostAsync(reception, fields, "prefill");
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        var html = await filled.Content.ReadAsStringAsync();
        Assert.Contains("data-population-outcome=\"Found\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Nông Văn Dân\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Số 12 đường Lê Lợi, khối 3\"", html, StringComparison.Ordinal);
        Assert.Matches("name=\"communeCode\"[^>]*value=\"06112\"", html);
        var proof = ProofField().Match(html).Groups[1].Value;
        Assert.NotEmpty(proof);
        Assert.Equal(before + 1, await LookupCountAsync(host)); // logged as the API logs it
        // The monthly report page shows the units of the report API.
        var month = VietnamTime.Today(host.Time).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var api = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>($"/api/integrations/population/report?month={month}");
        var report = await (await OfficeSignIn.AsAsync(host, "leader.demo")).GetStringAsync($"/office/bao-cao/tra-cuu-dan-cu?month={month}");
        Assert.Contains($"<strong>{api.GetProperty("lookups").GetInt32()}</strong> lần tra cứu", report, StringComparison.Ordinal);
        Assert.Contains(api.GetProperty("units")[0].GetProperty("agencyName").GetString()!, report, StringComparison.Ordinal);

        // The officer receives the dossier with what was filled: it is marked verified.
        fields["name"] = "Nông Văn Dân";
        fields["address"] = "Số 12 đường Lê Lợi, khối 3";
        fields["communeCode"] = "06112";
        fields["populationProof"] = WebUtility.HtmlDecode(proof);
        var received = await PostAsync(reception, fields, null);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var id = long.Parse(received.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var scope = host.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id)).PopulationVerified);

        // Indicator 4.5b counts the verified dossiers received in the period.
        var today = IsoDate.Format(VietnamTime.Today(host.Time));
        var index = await (await host.ClientAs("leader.demo")).GetFromJsonAsync<JsonElement>($"/api/statistics/766?period={today}..{today}");
        var used = index.GetProperty("province").GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "4.5b");
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var start = new DateTimeOffset(VietnamTime.Today(host.Time).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).UtcDateTime;
            var verified = await dbc.Dossiers.CountAsync(d => d.ReceivedAt >= start && d.PopulationVerified);
            Assert.True(verified >= 1);
            Assert.Equal(verified, used.GetProperty("inputs").GetProperty("numerator").GetDecimal());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongName_ShowsTheReasonInVietnamese_AndFillsNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        var fields = await FieldsAsync(reception, name: "Nông Văn Sai");
        var response = await PostAsync(reception, fields, "prefill");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-population-outcome=\"Mismatch\"", html, StringComparison.Ordinal);
        Assert.Contains("Họ tên hoặc ngày sinh không khớp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Số 12 đường Lê Lợi, khối 3", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"communeCode\"[^>]*value=\"06112\"", html);
        Assert.Equal("", ProofField().Match(html).Groups[1].Value);
        Assert.Contains("value=\"Nông Văn Sai\"", html, StringComparison.Ordinal); // what was typed stays
    }

    private static async Task<int> LookupCountAsync(WebHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationLookups.CountAsync(l => l.Purpose == LookupPurpose.CounterIntake);
    }

    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, string name)
    {
        var html = await client.GetStringAsync(Form);
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value,
            ["thu-tuc"] = Procedure,
            ["truong-hop"] = "TH01",
            ["idempotencyKey"] = IdempotencyKey().Match(html).Groups[1].Value,
            ["channel"] = "InPerson",
            ["applicantType"] = "Citizen",
            ["name"] = name,
            ["idNumber"] = "020095000101",
            ["birthDate"] = "1995-02-03",
            ["phone"] = "0915000101",
            ["provinceCode"] = "20",
            ["communeCode"] = "",
            ["f.enterpriseName"] = "Doanh nghiệp tư nhân Dân Một",
            ["f.headOffice"] = "Số 12 đường Lê Lợi",
            ["f.businessLines"] = "4711 | Bán lẻ tổng hợp",
            ["f.investmentCapital"] = "500000000",
            ["f.convertedFromHousehold"] = "false",
        };
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string? action)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
            content.Add(new StringContent(value), key);
        if (action is not null)
            content.Add(new StringContent(action), "action");
        var scan = new ByteArrayContent(TestPdf.Build());
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "doc0", "giay-de-nghi.pdf");
        return await client.PostAsync(Form, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("name=\"populationProof\" value=\"([^\"]*)\"")]
    private static partial Regex ProofField();
}
