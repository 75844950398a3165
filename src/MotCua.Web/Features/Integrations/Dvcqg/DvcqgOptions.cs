namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>How MotCua reaches the national portal's adapter.</summary>
public enum DvcqgTransportKind
{
    /// <summary>Straight to the VPCP adapter: session token, then one service URL (docs/integrations/dvcqg.md#transport).</summary>
    Direct,
    /// <summary>Through the provincial LGSP gateway (OAuth2 client-credentials); wired at merge to the LGSP client.</summary>
    Lgsp,
}

/// <summary>Configuration <c>Integrations:Dvcqg</c> (docs/integrations/dvcqg.md#configuration). Empty ServiceUrl = sync off.</summary>
public sealed class DvcqgOptions
{
    public const string Section = "Integrations:Dvcqg";
    public const string Target = "dvcqg";

    public string? AuthUrl { get; set; }
    public string? ServiceUrl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The province's unit code on the national platform (<c>madonvi</c>, QCVN 102 style).</summary>
    public string? UnitCode { get; set; }
    public DvcqgTransportKind Transport { get; set; } = DvcqgTransportKind.Direct;
    /// <summary>Timeout of one HTTP call to the adapter.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(ServiceUrl);
}
