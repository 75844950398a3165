using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using Xunit.Abstractions;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Performance;

/// <summary>
/// The database statements one request sends, counted per request from EF Core's command
/// interceptor (background services have no request, so their statements are not counted). These
/// are the round-trip budgets of the hot paths in docs/capacity.md: a submission reads no catalogue
/// or agency row once they are cached, and a tracking look-up is one read.
/// </summary>
public class RequestStatementsTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Submission_AndTracking_StayWithinTheirStatementBudgets(DatabaseKind kind)
    {
        var log = new RequestStatementLog();
        await using var host = await WebHost.StartAsync(kind, demoData: true, services: s =>
        {
            s.AddHttpContextAccessor();
            s.ConfigureDbContext<AppDbContext>((provider, o) => o.AddInterceptors(new RequestStatementCounter(log, provider.GetRequiredService<IHttpContextAccessor>())));
        });
        var (citizen, phone, _) = await NewCitizenAsync(host);
        await SubmitNewAsync(host, citizen); // warms the caches of the catalogue version and the agencies

        var submission = await SubmissionAsync(citizen, host);
        log.Clear();
        var upload = await UploadAsync(citizen);
        var uploadStatements = log.Take("POST /api/files");
        var response = await SubmitAsync(citizen, submission, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitStatements = log.Take("POST /api/dossiers");
        output.WriteLine($"{kind}: upload {uploadStatements.Count}, submit {submitStatements.Count}\n  " + string.Join("\n  ", submitStatements));
        Assert.True(upload > 0);

        Assert.InRange(uploadStatements.Count, 1, 4);
        // Round trips of the submission (PostgreSQL batches the writes of one SaveChanges; SQLite sends each):
        // the replay check, the catalogue stamp, the files, the code's sequence, then the writes.
        Assert.InRange(submitStatements.Count, 1, kind == DatabaseKind.Postgres ? 7 : 10);
        Assert.DoesNotContain(submitStatements, s => s.Contains("FROM \"ProcedureVersions\"", StringComparison.Ordinal));
        Assert.DoesNotContain(submitStatements, s => s.Contains("FROM \"Agencies\"", StringComparison.Ordinal));
        Assert.Single(submitStatements, s => s.Contains("INSERT INTO \"Dossiers\"", StringComparison.Ordinal));

        // Tracking: one indexed read, nothing written.
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        var detail = await GetAsync(citizen, id);
        var code = detail.GetProperty("code").GetString()!;
        log.Clear();
        var tracker = host.Client();
        tracker.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.1.2.3");
        var tracked = await tracker.GetAsync($"/api/tracking/{Uri.EscapeDataString(code)}?check={phone[^4..]}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var trackingStatements = log.Take("GET /api/tracking/");
        output.WriteLine($"{kind}: tracking {trackingStatements.Count}\n  " + string.Join("\n  ", trackingStatements));
        Assert.Single(trackingStatements);
        Assert.StartsWith("SELECT", trackingStatements[0].TrimStart(), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Statements per request ("METHOD path"), in the order they were sent.</summary>
public sealed class RequestStatementLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new(StringComparer.Ordinal);

    public void Add(string request, string statement) => _byRequest.GetOrAdd(request, _ => new()).Enqueue(statement);

    /// <summary>Removes and returns the statements of the requests whose "METHOD path" starts with <paramref name="prefix"/>.</summary>
    public List<string> Take(string prefix)
    {
        var taken = new List<string>();
        foreach (var key in _byRequest.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            if (_byRequest.TryRemove(key, out var q))
                taken.AddRange(q);
        return taken;
    }

    public void Clear() => _byRequest.Clear();
}

/// <summary>Writes every command sent while an HTTP request is being served to the log under that request.</summary>
public sealed class RequestStatementCounter(RequestStatementLog log, IHttpContextAccessor http) : DbCommandInterceptor
{
    private void Record(DbCommand command)
    {
        if (http.HttpContext?.Request is { } request)
            log.Add($"{request.Method} {request.Path}", command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }
}
