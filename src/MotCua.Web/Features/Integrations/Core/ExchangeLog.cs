using System.Security.Cryptography;
using System.Text;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations.Core;

/// <summary>What an adapter exchanged in one call, to be kept in the message log.</summary>
public sealed record ExchangeRecord(string Target, string Operation, DateTime At, TimeSpan Duration, string RequestBody, string? ResponseBody,
    int? HttpStatus, bool Succeeded, string? Error);

/// <summary>
/// Writes the message log (docs/integrations/integration-layer.md#message-log) at once, in its own
/// transaction: the exchange is kept even if the delivery that made it is later rolled back or the
/// node dies before committing. The message it belongs to is the one being delivered (<see cref="DeliveryContext"/>).
/// </summary>
public sealed class ExchangeLog(IServiceScopeFactory scopes)
{
    /// <summary>Longest body kept (characters); longer bodies are cut, their hash is of the whole body.</summary>
    public const int MaxBodyLength = 200_000;

    /// <remarks>Not cancellable: the log must not lose an exchange that happened because the delivery was cancelled afterwards.</remarks>
    public async Task RecordAsync(ExchangeRecord record)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.IntegrationExchanges.Add(new IntegrationExchange
        {
            OutboxMessageId = DeliveryContext.Current?.MessageId,
            Target = record.Target,
            Operation = record.Operation[..Math.Min(record.Operation.Length, 100)],
            At = record.At,
            DurationMs = (int)Math.Min(int.MaxValue, record.Duration.TotalMilliseconds),
            HttpStatus = record.HttpStatus,
            Succeeded = record.Succeeded,
            RequestBody = Cut(record.RequestBody),
            ResponseBody = record.ResponseBody is null ? null : Cut(record.ResponseBody),
            RequestSha256 = Sha256(record.RequestBody),
            ResponseSha256 = record.ResponseBody is null ? null : Sha256(record.ResponseBody),
            Error = record.Error?[..Math.Min(record.Error.Length, 900)],
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Cut(string body) => body.Length <= MaxBodyLength ? body : body[..MaxBodyLength];
}
