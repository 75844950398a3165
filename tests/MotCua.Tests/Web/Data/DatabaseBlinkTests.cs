using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Data;

/// <summary>When the database blinks the platform answers 503 with Retry-After, never a 500, and loses nothing it acknowledged.</summary>
public class DatabaseBlinkTests
{
    private const string Unavailable = "urn:motcua:problem:database-unavailable";

    [Fact]
    public async Task SqliteBusy_AnswersServiceUnavailableWithRetryAfter()
    {
        var folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "busy.db");
        await using (var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, new Dictionary<string, string>
        {
            // SQLite waits this long (seconds) for another writer's lock before "database is locked".
            ["Database:ConnectionString"] = $"Data Source={file};Pooling=False;Default Timeout=1",
        }))
        {
            var (citizen, _, _) = await NewCitizenAsync(host);
            await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await other.OpenAsync();
                await using var writer = await other.BeginTransactionAsync(); // BEGIN IMMEDIATE: holds the write lock
                var refused = await PostFileAsync(citizen);
                await Problem.AssertAsync(refused, HttpStatusCode.ServiceUnavailable, Unavailable);
                Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            }
            Assert.Equal(HttpStatusCode.Created, (await PostFileAsync(citizen)).StatusCode);
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [PostgresFact]
    public async Task PostgresRestart_DuringRequests_AnswersOnly2xxOr503AndLosesNothingAcknowledged()
    {
        await using var server = await ThrowAwayPostgres.StartAsync();
        await using var host = await WebHost.StartAsync(DatabaseKind.Postgres, demoData: true, new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = server.ConnectionString,
        });
        var @case = (await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}")).GetProperty("definition").GetProperty("cases")[0];
        var caseCode = @case.GetProperty("code").GetString()!;
        var formData = FormDataFor(@case);
        var required = @case.GetProperty("documents").EnumerateArray().Select((d, i) => (d, i)).Where(x => x.d.GetProperty("required").GetBoolean()).Select(x => x.i).ToArray();
        var citizens = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
            citizens.Add((await NewCitizenAsync(host)).Client);

        var answers = new ConcurrentQueue<string>(); // "status what type" of every answer
        var acknowledged = new ConcurrentDictionary<string, long>(); // idempotency key -> dossier id
        var keysTried = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        async Task RecordAsync(string what, HttpResponseMessage response)
        {
            var type = (int)response.StatusCode == 503 && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()
                : null;
            answers.Enqueue($"{(int)response.StatusCode} {what} {type}");
        }

        async Task LoadAsync(HttpClient client)
        {
            (string Key, object Body)? pending = null; // a submission answered 503 is sent again with the same key
            while (!stop.IsCancellationRequested)
            {
                if (pending is null)
                {
                    var documents = new List<object>();
                    foreach (var index in required)
                    {
                        var upload = await PostFileAsync(client);
                        await RecordAsync("upload", upload);
                        if (upload.StatusCode != HttpStatusCode.Created)
                            break;
                        documents.Add(new { index, fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64() });
                    }
                    if (documents.Count < required.Length)
                        continue;
                    pending = (Guid.NewGuid().ToString(), new { procedureCode = Procedure, caseCode, formData, documents });
                    keysTried.Add(pending.Value.Key);
                }
                var submit = await SubmitAsync(client, pending.Value.Body, pending.Value.Key);
                await RecordAsync("submit", submit);
                if (submit.IsSuccessStatusCode)
                {
                    acknowledged[pending.Value.Key] = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                    pending = null;
                }
                await RecordAsync("list", await client.GetAsync("/api/dossiers?pageSize=5"));
            }
        }

        async Task UntilAsync(Func<bool> condition)
        {
            while (!condition())
                await Task.Delay(50, safety.Token);
        }

        var load = citizens.Select(c => Task.Run(() => LoadAsync(c))).ToArray();
        await UntilAsync(() => acknowledged.Count >= 3);
        await server.StopAsync();

        // While the server is down: the API and the pages answer 503 with Retry-After.
        var api = await citizens[0].GetAsync("/api/dossiers?pageSize=5");
        await Problem.AssertAsync(api, HttpStatusCode.ServiceUnavailable, Unavailable);
        Assert.NotNull(api.Headers.RetryAfter);
        var page = await host.Client().GetAsync("/tra-cuu?ma=000.00.00.H40-260302-0001&kiemtra=1234");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Hệ thống đang bận, vui lòng thử lại sau ít phút", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var before = acknowledged.Count;
        await server.StartAgainAsync();
        await UntilAsync(() => acknowledged.Count >= before + 3);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = answers.ToList();
        Assert.All(all, a => Assert.True(a.StartsWith('2') || a.StartsWith("503", StringComparison.Ordinal), a));
        Assert.All(all.Where(a => a.StartsWith("503", StringComparison.Ordinal)), a => Assert.EndsWith(Unavailable, a, StringComparison.Ordinal));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = keysTried.ToList();
        var stored = await db.Dossiers.AsNoTracking().Where(d => keys.Contains(d.IdempotencyKey!)).Select(d => new { d.Id, d.IdempotencyKey }).ToListAsync();
        Assert.All(acknowledged, a => Assert.Contains(stored, s => s.Id == a.Value && s.IdempotencyKey == a.Key));
        Assert.Equal(stored.Count, stored.Select(s => s.IdempotencyKey).Distinct().Count());
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "to-khai.pdf");
        return await client.PostAsync("/api/files", form);
    }
}
