using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Audit;

/// <summary>Bad input is the client's error (4xx ProblemDetails), never a 500, and never leaves a dossier broken.</summary>
[Collection(DemoCollection.Name)]
public class BadInputTests(DemoHosts hosts)
{
    private const string LoneSurrogate = "\"\\ud800x\"";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExtendToYear9999_Is400(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        await OkAsync(reception, id, "forward");
        var leader = await host.ClientAs("leader.demo");
        await Problem.AssertAsync(await ActAsync(leader, id, "extend", new { newDue = "9999-12-31T00:00:00+00:00", reason = "Cần xác minh" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(leader, id, "extend", new { newDue = "9999-12-31", reason = "Cần xác minh" })).StatusCode);
        Assert.Equal(0, (await GetAsync(leader, id)).GetProperty("extensionCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LoneSurrogate_InAnyJsonTextField_Is400(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, _, _) = await NewCitizenAsync(host);
        foreach (var (method, url, body) in new[]
                 {
                     (HttpMethod.Post, "/api/dossiers/drafts", $$$"""{"procedureCode":"{{{Procedure}}}","formData":{"enterpriseName":{{{LoneSurrogate}}}}}"""),
                     (HttpMethod.Post, "/api/dossiers/drafts", $$$"""{"procedureCode":{{{LoneSurrogate}}},"formData":{}}"""),
                     (HttpMethod.Put, "/api/accounts/me", $$$"""{"address":{{{LoneSurrogate}}}}"""),
                     (HttpMethod.Post, "/api/dossiers", $$$"""{"procedureCode":"{{{Procedure}}}","formData":{"a":[{"b":{{{LoneSurrogate}}}}]}}"""),
                 })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await Problem.AssertAsync(await citizen.SendAsync(request), HttpStatusCode.BadRequest, "urn:motcua:problem:invalid-text");
        }
        // A correct surrogate pair (an emoji) is text like any other.
        var ok = await citizen.PostAsync("/api/dossiers/drafts", new StringContent(
            $$$"""{"procedureCode":"{{{Procedure}}}","formData":{"enterpriseName":"Cửa hàng \ud83d\ude00"}}""", Encoding.UTF8, "application/json"));
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
    }

    /// <summary>Dossiers stored with a lone surrogate before the input check existed still open, on the API and on the pages.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DossierStoredWithALoneSurrogate_StillOpens(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var saved = await citizen.PostAsJsonAsync("/api/dossiers/drafts", new { procedureCode = Procedure, formData = new { enterpriseName = "Bản nháp" } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var draft = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var submitted = await SubmitNewAsync(host, citizen);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var id in new[] { draft, submitted })
            {
                var json = await db.Dossiers.Where(d => d.Id == id).Select(d => d.FormDataJson).SingleAsync();
                var broken = "{" + string.Join(",", JsonDocument.Parse(json).RootElement.EnumerateObject()
                    .Select(p => $"\"{p.Name}\":" + (p.Value.ValueKind == JsonValueKind.String ? LoneSurrogate : p.Value.GetRawText()))) + "}";
                await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.FormDataJson, broken));
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/dossiers/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.ClientAs("reception.demo")).GetAsync($"/api/dossiers/{submitted}")).StatusCode);

        var browser = host.Client(followRedirects: false);
        var form = await browser.GetStringAsync("/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = phone,
            ["password"] = "MatKhau2026!",
            ["__RequestVerificationToken"] = token,
        }));
        foreach (var url in new[] { $"/ho-so-cua-toi/{draft}", $"/ho-so-cua-toi/{submitted}", "/ho-so-cua-toi", $"/nop-ho-so/{Procedure}?nhap={draft}" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var office = await OfficeSignIn.AsAsync(host, "reception.demo");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/office/ho-so/{submitted}")).StatusCode);
    }
}
