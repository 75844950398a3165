namespace MotCua.Simulator;

/// <summary>
/// Builds the simulator: one HTTP server that plays every external system (each under its own path
/// prefix), records what it received, and can be told to fail. Tests start it on a free port over
/// real HTTP; the demo runs it as a program (docs/integrations/simulator.md).
/// </summary>
public static class SimulatorApp
{
    public static WebApplication Build(string[] args, string? urls = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (urls is not null) builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton<SimulatorState>();
        builder.Services.AddSingleton<Dvcqg.DvcqgState>();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var state = context.RequestServices.GetRequiredService<SimulatorState>();
            if (!context.Request.Path.StartsWithSegments("/_sim"))
            {
                context.Request.EnableBuffering();
                await state.RecordAsync(context.Request, context.RequestAborted);
                if (await state.ApplyFaultAsync(context)) return;
            }
            await next();
        });
        app.MapSimulatorControl();
        // Each simulated system maps its own routes here (one file per system).
        Dvcqg.DvcqgRoutes.MapDvcqg(app);
        DvcqgFiles.DvcqgFilesSystem.MapDvcqgFiles(app);
        Lgsp.LgspSystem.MapLgsp(app);
        Vneid.OidcProviderSystem.MapVneid(app);
        return app;
    }
}
