using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Features.Integrations.Population;

/// <summary>
/// A tamper-proof note, issued with a found citizen, that the ID number, name and birth date came from the
/// National Population Database (docs/integrations/lgsp-population.md#verified): a form or API call that later
/// carries it back with the same three values marks the dossier or account verified. Protected by ASP.NET
/// Data Protection and valid for two hours, so a client cannot forge one or reuse one for other values.
/// </summary>
public sealed class PopulationProofs(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("MotCua.Population.Proof").ToTimeLimitedDataProtector();

    private sealed record Payload(string Id, string Name, string BirthDate);

    public string Issue(PopulationCitizen citizen) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(citizen.IdNumber, citizen.Name, Day(citizen.BirthDate))), Lifetime);

    /// <summary>True when the proof is genuine, unexpired, and for exactly these values.</summary>
    public bool Confirms(string? proof, string? idNumber, string? name, DateOnly? birthDate)
    {
        if (string.IsNullOrEmpty(proof) || idNumber is null || name is null || birthDate is null)
            return false;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(proof));
            return payload is not null && payload.Id == idNumber.Trim() && payload.BirthDate == Day(birthDate.Value)
                   && string.Equals(payload.Name.Normalize(), string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Normalize(), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return false;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
