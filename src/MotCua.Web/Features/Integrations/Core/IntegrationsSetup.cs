using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Integrations.Core;

public static class IntegrationsSetup
{
    /// <summary>The integration layer and its adapters (docs/integrations/integration-layer.md, docs/integrations/dvcqg.md).</summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(IntegrationOptions.Section).Get<IntegrationOptions>() ?? new IntegrationOptions());
        services.AddSingleton<CircuitBreakers>();
        services.AddSingleton<ExchangeLog>();
        services.AddSingleton<DossierSyncTracking>();
        services.AddScoped<IntegrationDelivery>();
        services.AddScoped<GetIntegrationsOverviewHandler>();
        services.AddScoped<ManageIntegrationsHandler>();
        services.AddScoped<LookupDossierSyncHandler>();

        var dvcqg = configuration.GetSection(DvcqgOptions.Section).Get<DvcqgOptions>() ?? new DvcqgOptions();
        services.AddSingleton(dvcqg);
        services.AddSingleton<IDossierSyncTarget, DvcqgSyncTarget>();
        if (dvcqg.Transport == DvcqgTransportKind.Lgsp)
            services.AddLgspDvcqgTransport(dvcqg);
        else
            services.AddSingleton<IDvcqgTransport, DirectDvcqgTransport>();
        services.AddScoped<DvcqgDossierBuilder>();
        services.AddScoped<DvcqgSyncHandler>();
        services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<DvcqgSyncHandler>());
        services.AddScoped<IOutboxFailureObserver>(sp => sp.GetRequiredService<DvcqgSyncHandler>());
        return services;
    }
}
