using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// Test-only: the client address of a request is taken from the X-Test-Client-Ip header (the test
/// server has no real connection), so tests can act from several addresses. Without the header the
/// address is 127.0.0.1, unless a test's own startup filter already set one (a proxy's address).
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)
                ? address
                : context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
