using System.Diagnostics;
using System.Globalization;
using System.Text;
using MotCua.Web.Data;

namespace MotCua.Bench.Statistics;

/// <summary>Outcome of one command-line verb of the deployable: exit code, wall time, peak resident memory and its output.</summary>
internal sealed record VerbRun(int ExitCode, TimeSpan Elapsed, long PeakRssBytes, string Output);

/// <summary>
/// The Release deployable (src/MotCua.Web/bin/Release) run as its own process on a given database:
/// its verbs (demo-seed, statistics-rebuild, statistics-verify) and the web server on loopback.
/// </summary>
internal sealed class Deployable(string webDll, DatabaseProvider provider, string connectionString, string workFolder,
    IReadOnlyDictionary<string, string>? settings = null)
{
    public async Task<VerbRun> RunVerbAsync(string verb)
    {
        var output = new StringBuilder();
        using var process = Start([verb], output);
        var clock = Stopwatch.StartNew();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakRss(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(200));
        }
        await process.WaitForExitAsync();
        clock.Stop();
        lock (output)
            return new VerbRun(process.ExitCode, clock.Elapsed, peak, output.ToString());
    }

    public async Task<Process> StartServerAsync(HttpClient http, string url)
    {
        var process = Start(["--urls", url], null);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The deployable exited with {process.ExitCode} at start.");
            try
            {
                if ((await http.GetAsync("/")).IsSuccessStatusCode)
                    return process;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The deployable did not start.");
    }

    private Process Start(string[] args, StringBuilder? output)
    {
        var info = new ProcessStartInfo("dotnet", [webDll, .. args])
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Database__Provider"] = provider.ToString();
        info.Environment["Database__ConnectionString"] = connectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Capture(output, e.Data, echo: output is not null);
        process.ErrorDataReceived += (_, e) => Capture(output, e.Data, echo: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Capture(StringBuilder? output, string? line, bool echo)
    {
        if (line is null)
            return;
        if (echo)
            Console.Error.WriteLine("  | " + line);
        if (output is not null)
            lock (output)
                output.AppendLine(line);
    }

    /// <summary>VmHWM of the process (Linux): its peak resident set so far.</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
