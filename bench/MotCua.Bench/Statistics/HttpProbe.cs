using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Core.Statistics;

namespace MotCua.Bench.Statistics;

/// <summary>A read measured over HTTP: label, path, whether it needs the statistics permission, and its target if it has one.</summary>
/// <summary>A read to measure; <c>Samples</c> overrides the run's sample count for reads that take seconds (one warm-up then).</summary>
internal sealed record ReadEndpoint(string Label, string Path, bool Authorized, double? TargetMs, int? Samples = null);

internal sealed record Latency(double Median, double P95, int Samples);

/// <summary>Sequential requests from one client on loopback, timed by the client (headers and body read).</summary>
internal sealed class HttpProbe(HttpClient http)
{
    public async Task<string> TokenAsync(string user) => await SubmitBench.TokenAsync(http, user);

    /// <summary>Null with the status code when the endpoint does not answer 200 (e.g. not deployed yet).</summary>
    public async Task<(Latency? Latency, HttpStatusCode Status)> MeasureAsync(string path, string? token, int warmUp, int samples)
    {
        using (var first = await SendAsync(HttpMethod.Get, path, token))
        {
            await first.Content.ReadAsByteArrayAsync();
            if (first.StatusCode != HttpStatusCode.OK)
                return (null, first.StatusCode);
        }
        for (var i = 1; i < warmUp; i++)
            (await SendAsync(HttpMethod.Get, path, token)).EnsureSuccessStatusCode();
        return (await TimeAsync(path, token, samples), HttpStatusCode.OK);
    }

    /// <summary><paramref name="samples"/> sequential GETs, each timed to the last byte of its body; no warm-up.</summary>
    public async Task<Latency> TimeAsync(string path, string? token, int samples)
    {
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await SendAsync(HttpMethod.Get, path, token);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }
        return Summarise(times);
    }

    /// <summary>One GET: its status and, when 200, its JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path, string? token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        if (response.StatusCode != HttpStatusCode.OK)
            return (response.StatusCode, default);
        return (HttpStatusCode.OK, (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone());
    }

    public static Latency Summarise(double[] times)
    {
        Array.Sort(times);
        return new Latency(times[times.Length / 2], times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.95) - 1)], times.Length);
    }

    public async Task<Report06aFigures> Report06aTotalAsync(string query, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/statistics/report-06a?" + query, token);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("total").GetProperty("figures").Deserialize<Report06aFigures>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>
    /// The transition-heavy write path on the big database: <paramref name="rounds"/> times an online
    /// submission (citizen), its acceptance (code, clock, counter upserts) and its forwarding (reception
    /// officer), each timed; the three are distinct requests as in the office.
    /// </summary>
    public async Task<(Latency Submit, Latency Accept, Latency Forward)> WritePathAsync(int rounds)
    {
        var caseCode = await SubmitBench.CaseCodeAsync(http);
        using var citizen = Client(await TokenAsync("citizen.demo"));
        using var officer = Client(await TokenAsync("reception.demo"));
        var submit = new double[rounds];
        var accept = new double[rounds];
        var forward = new double[rounds];
        for (var i = -5; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var id = await SubmitBench.SubmitAsync(citizen, caseCode);
            var submitted = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            (await officer.PostAsync($"/api/dossiers/{id}/accept", null)).EnsureSuccessStatusCode();
            var accepted = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            (await officer.PostAsJsonAsync($"/api/dossiers/{id}/forward", new { note = "Chuyển Sở Tài chính" })).EnsureSuccessStatusCode();
            if (i < 0)
                continue; // warm-up
            (submit[i], accept[i], forward[i]) = (submitted, accepted, clock.Elapsed.TotalMilliseconds);
        }
        return (Summarise(submit), Summarise(accept), Summarise(forward));
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
