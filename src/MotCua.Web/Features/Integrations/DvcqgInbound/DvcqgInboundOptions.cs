namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>
/// Configuration "Integrations:Dvcqg" read by the inbound endpoint (docs/integrations/dvcqg-inbound.md#configuration):
/// the bearer token DVCQG presents (empty = endpoint off), the hosts files may be fetched from, and the fetch timeout.
/// </summary>
public sealed class DvcqgInboundOptions
{
    public const string Section = "Integrations:Dvcqg";

    public string? InboundToken { get; set; }

    /// <summary>Host names (or host:port) of the servers <c>DuongDanTaiTepTin</c> may point to.</summary>
    public List<string> FileHosts { get; set; } = [];

    public int FileTimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrEmpty(InboundToken);

    public bool AllowsHost(Uri url) =>
        FileHosts.Any(h => string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase) || string.Equals(h, url.Authority, StringComparison.OrdinalIgnoreCase));
}
