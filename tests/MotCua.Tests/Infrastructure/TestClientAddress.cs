using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no client address; a test sets one with the X-Test-Client-Address
/// header (test host only) to act as different clients, e.g. two loopback addresses.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((ctx, nextMiddleware) =>
        {
            if (IPAddress.TryParse(ctx.Request.Headers[Header].ToString(), out var address))
                ctx.Connection.RemoteIpAddress = address;
            return nextMiddleware(ctx);
        });
        next(app);
    };
}
