using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Accounts;

/// <summary>The applicant's profile: contact details change, identity stays.</summary>
[Collection(DemoCollection.Name)]
public class ProfileTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Profile_ContactDetailsChange_IdentityStays_AndNewDossiersUseThem(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, personalId) = await NewCitizenAsync(host);
        await Problem.AssertAsync(await citizen.PutAsJsonAsync("/api/accounts/me", new { phone = "123", email = "khong-hop-le", communeCode = "99999" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PutAsJsonAsync("/api/accounts/me", new { phone = "0911222333", email = "moi@example.com", communeCode = "05983", address = "Ngõ 5" })).StatusCode);
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal("0911222333", me.GetProperty("phone").GetString());
        Assert.Equal(personalId, me.GetProperty("personalId").GetString());
        var id = await SubmitNewAsync(host, citizen);
        Assert.Equal("moi@example.com", (await GetAsync(citizen, id)).GetProperty("applicantEmail").GetString());
        await Problem.AssertAsync(await (await host.ClientAs("reception.demo")).GetAsync("/api/accounts/me"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ProfilePage_OffersTheCommunesByName_AndKeepsTheChosenOne(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (_, phone, _) = await NewCitizenAsync(host);
        var (browser, _) = await CookieSession.SignInAsync(host, "/dang-nhap", phone, TestAccounts.Password);
        var page = await browser.GetStringAsync("/tai-khoan");
        // The commune of sign-up (06112) is selected, shown by its name; no raw code box is left.
        Assert.Matches("<option value=\"06112\" selected=\"selected\">[^<0-9]+</option>", page);
        Assert.DoesNotContain("Mã xã, phường", page, StringComparison.Ordinal);
        var token = await CookieSession.TokenAsync(browser, "/tai-khoan");
        var saved = await browser.PostAsync("/tai-khoan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["phone"] = phone,
            ["communeCode"] = "05983",
            ["address"] = "Ngõ 7",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches("<option value=\"05983\" selected=\"selected\">[^<0-9]+</option>", await browser.GetStringAsync("/tai-khoan"));
    }
}
