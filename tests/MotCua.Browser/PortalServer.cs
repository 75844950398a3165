using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>
/// The real deployable, started as its own process on a free loopback port with a fresh embedded
/// database and the demo data (as the README's first command does), and Debian's Chromium driven by
/// Playwright; its VNeID sign-in points at the simulator of the external systems, started in this
/// process. Never a downloaded browser: the executable is /usr/bin/chromium (MOTCUA_CHROMIUM overrides).
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private Process? _process;
    private string? _folder;
    private IPlaywright? _playwright;
    private Microsoft.AspNetCore.Builder.WebApplication? _simulator;

    public string BaseUrl { get; private set; } = "";
    /// <summary>The simulator of the external systems (in this process); the portal's VNeID sign-in points at it.</summary>
    public string SimulatorUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's package (apt-get install -y chromium).");
        var web = WebAssembly();
        _folder = Path.Combine(Path.GetTempPath(), "motcua-browser-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [web, "--urls", BaseUrl])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        await StartSimulatorAsync();
        info.Environment["Authentication__VNeID__Authority"] = SimulatorUrl + "/vneid";
        info.Environment["Authentication__VNeID__ClientId"] = MotCua.Simulator.Vneid.OidcProviderProfile.Vneid.ClientId;
        info.Environment["Authentication__VNeID__ClientSecret"] = MotCua.Simulator.Vneid.OidcProviderProfile.Vneid.ClientSecret;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/")).StatusCode == HttpStatusCode.OK)
                    break;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2) || _process.HasExited)
                throw new InvalidOperationException("The web application did not start.");
            await Task.Delay(100);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.StopAsync();
            await _simulator.DisposeAsync();
        }
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { if (_folder is not null) Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* temp folder */ }
    }

    /// <summary>A fresh browser context (its own cookies) with Vietnamese locale and a phone-sized or desk-sized window.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task StartSimulatorAsync()
    {
        var port = FreePort();
        SimulatorUrl = $"http://127.0.0.1:{port}";
        _simulator = MotCua.Simulator.SimulatorApp.Build([], SimulatorUrl);
        await _simulator.StartAsync();
    }

    private static string WebAssembly()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            dir = dir.Parent;
        if (dir is null)
            throw new InvalidOperationException("Repository root not found.");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir.FullName, "src", "MotCua.Web", "bin", configuration, "net10.0", "MotCua.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Portal server and Chromium";
}
