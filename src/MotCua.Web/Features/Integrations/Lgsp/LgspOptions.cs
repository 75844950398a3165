namespace MotCua.Web.Features.Integrations.Lgsp;

/// <summary>
/// Configuration "Integrations:Lgsp": the provincial integration platform (docs/integrations/lgsp-population.md#lgsp):
/// its OAuth2 token endpoint and client credentials, and the base address of its services. Empty
/// TokenUrl or BaseUrl = no LGSP (services behind it answer "not connected").
/// </summary>
public sealed class LgspOptions
{
    public const string Section = "Integrations:Lgsp";

    public string? TokenUrl { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? BaseUrl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>A token is renewed this long before its <c>expires_in</c> runs out, so none expires in flight.</summary>
    public int RenewBeforeSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TokenUrl) && !string.IsNullOrWhiteSpace(BaseUrl);
}
