using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MotCua.Web.Features.Accounts.Eid;

/// <summary>
/// Citizens' sign-in with VNeID and the DVCQG account: one OpenID Connect scheme per configured
/// provider (authorisation-code flow with PKCE S256, state and nonce; id_token signature, issuer,
/// audience, lifetime and nonce checked by the handler), ending in a normal MotCua cookie session.
/// The return address travels inside the protected state and is checked to be a local path both
/// when the flow starts and when it ends (docs/integrations/vneid.md).
/// </summary>
public static class EidSetup
{
    public static IServiceCollection AddEidSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EidSignIn>();
        var configured = new List<EidProvider>();
        var authentication = services.AddAuthentication();
        foreach (var provider in EidProviders.All)
        {
            var settings = configuration.GetSection(provider.Section).Get<EidProviderOptions>() ?? new EidProviderOptions();
            if (!settings.Configured)
                continue;
            configured.Add(provider);
            authentication.AddOpenIdConnect(provider.Scheme, provider.ButtonText, o => Configure(o, provider, settings));
        }
        services.AddSingleton(new EidProviders(configured));
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, EidProvider provider, EidProviderOptions settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret; // sent as client_secret_post, as DVCQG's token endpoint expects
        // Plain HTTP only for a provider on this machine (the simulator of the demo and the tests).
        o.RequireHttpsMetadata = !IsLoopback(settings.Authority!);
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.CallbackPath = "/signin-" + provider.Scheme;
        o.SignedOutCallbackPath = "/signout-callback-" + provider.Scheme;
        o.RemoteSignOutPath = "/signout-" + provider.Scheme;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.DisableTelemetry = true;
        // DVCQG hands the identity claims out at userinfo; VNeID may put them in the id_token: either is taken.
        o.GetClaimsFromUserInfoEndpoint = true;
        foreach (var claim in EidIdentity.ClaimNames)
            o.ClaimActions.MapUniqueJsonKey(claim, claim);
        // The provider answers with a top-level GET redirect, so Lax cookies come back; Secure when the site is HTTPS.
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        o.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = ctx =>
            {
                if (!string.IsNullOrWhiteSpace(settings.AcrValues))
                    ctx.ProtocolMessage.AcrValues = settings.AcrValues;
                return Task.CompletedTask;
            },
            OnTicketReceived = ctx => EidCallback.SignInAsync(ctx, provider),
            OnAccessDenied = ctx => EidCallback.FailAsync(ctx, provider, EidCallback.Cancelled, ctx.ReturnUrl, null),
            OnRemoteFailure = ctx => EidCallback.FailAsync(ctx, provider, EidCallback.Unverified, ctx.Properties?.RedirectUri, ctx.Failure),
        };
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>GET /dang-nhap/{provider}?returnUrl=…: starts the flow (a 404 for a provider not configured).</summary>
    public static IEndpointRouteBuilder MapEidSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dang-nhap/{provider}", (string provider, string? returnUrl, EidProviders providers) =>
                providers.Find(provider) is { } found
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = CookieSignInPage.LocalReturn(returnUrl) ?? EidCallback.Home }, [found.Scheme])
                    : Results.NotFound())
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
