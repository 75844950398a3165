namespace MotCua.Web.Features.Accounts.Eid;

/// <summary>The settings of one identity provider: <c>Authentication:VNeID</c> or <c>Authentication:DVCQG</c>.</summary>
public sealed class EidProviderOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Assurance level asked for (DVCQG sends <c>acr_values=LoA1</c>); none when empty.</summary>
    public string? AcrValues { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>A configured provider: its scheme (also the path segment of its routes) and the button's text.</summary>
public sealed record EidProvider(string Scheme, string Section, string ButtonText);

/// <summary>The providers the portal offers, in the order of the buttons; only those configured.</summary>
public sealed class EidProviders(IReadOnlyList<EidProvider> configured)
{
    public static readonly EidProvider Vneid = new("vneid", "Authentication:VNeID", "Đăng nhập bằng VNeID");
    public static readonly EidProvider Dvcqg = new("dvcqg", "Authentication:DVCQG", "Đăng nhập bằng tài khoản Cổng Dịch vụ công quốc gia");
    public static readonly IReadOnlyList<EidProvider> All = [Vneid, Dvcqg];

    public IReadOnlyList<EidProvider> Configured { get; } = configured;

    public EidProvider? Find(string scheme) => Configured.FirstOrDefault(p => p.Scheme == scheme);

    /// <summary>Where the portal's button leads, keeping the return address.</summary>
    public static string StartPath(EidProvider provider, string? returnUrl) =>
        $"/dang-nhap/{provider.Scheme}" + (CookieSignInPage.LocalReturn(returnUrl) is { } back ? "?returnUrl=" + Uri.EscapeDataString(back) : "");
}
