using MotCua.Web.Data;

namespace MotCua.Web.Features.DemoData;

public static class DemoDataSetup
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoDataSeeder>();

    public static async Task SeedIfEnabledAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (!DemoDataSeeder.IsEnabled(app.Configuration, options))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }
}
