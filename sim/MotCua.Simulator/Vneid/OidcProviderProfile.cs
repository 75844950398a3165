namespace MotCua.Simulator.Vneid;

/// <summary>
/// One simulated OpenID provider: its path prefix (the simulator's system name), route names, the
/// one registered client and what it adds to the identity claims. VNeID and the DVCQG account differ
/// only here (docs/integrations/vneid.md).
/// </summary>
internal sealed record OidcProviderProfile(
    string Prefix, string DisplayName, string AuthorizePath, string TokenPath, string UserInfoPath, string JwksPath,
    string ClientId, string ClientSecret)
{
    /// <summary>VNeID (sso.dancuquocgia.gov.vn): authorize at <c>/auth</c>.</summary>
    public static OidcProviderProfile Vneid { get; } = new("vneid", "VNeID", "auth", "token", "userinfo", "jwks",
        "motcua-demo", "vneid-demo-secret");

    /// <summary>The DVCQG account (xacthuc.dichvucong.gov.vn, WSO2 Identity Server paths).</summary>
    public static OidcProviderProfile DvcqgSso { get; } = new("dvcqg-sso", "Tài khoản Cổng Dịch vụ công quốc gia",
        "oauth2/authorize", "oauth2/token", "oauth2/userinfo", "oauth2/jwks", "motcua-demo", "dvcqg-sso-demo-secret");

    /// <summary>Flag <c>{prefix}:id-token</c>: forged, wrong-nonce, expired, wrong-audience or wrong-issuer.</summary>
    public string IdTokenFlag => Prefix + ":id-token";

    /// <summary>The password of every test identity on the login page.</summary>
    public const string TestPassword = "Vneid@2026";
}
