using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP Password Storage Cheat Sheet; TCVN 14423:2026
/// 5.4.2.4 a): ASP.NET's PasswordHasher (format v3) with the iteration count raised. Hashes made
/// with fewer iterations verify as SuccessRehashNeeded and are replaced at the next sign-in.
/// </summary>
public static class PasswordHashing
{
    public const int Iterations = 210_000;

    public static PasswordHasher<UserAccount> NewHasher() =>
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));

    public static IServiceCollection AddPasswordHashing(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Iterations);
        return services;
    }
}
