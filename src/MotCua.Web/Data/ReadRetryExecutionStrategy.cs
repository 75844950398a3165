using System.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Data;

/// <summary>
/// Retries what is safe to retry when the database blinks (a restart, a failover, a dropped
/// connection): a query run outside a transaction while the context holds no unsaved changes. A
/// save is never retried here — a commit whose answer was lost may have happened, and only the use
/// case knows whether doing it again is harmless (a submission is, through its idempotency key) — nor
/// anything inside a transaction the use case opened. What is not retried answers 503
/// (<see cref="DatabaseUnavailableHandler"/>), docs/architecture.md#errors.
/// </summary>
public sealed class ReadRetryExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    private bool _inTransaction;

    protected override void OnFirstExecution()
    {
        // The base refuses to run inside a user transaction when it retries; here such an execution just is not retried.
        var database = Dependencies.CurrentContext.Context.Database;
        _inTransaction = database.CurrentTransaction is not null || database.GetEnlistedTransaction() is not null || Transaction.Current is not null;
        ExceptionsEncountered.Clear();
    }

    protected override bool ShouldRetryOn(Exception exception)
    {
        if (_inTransaction || !DatabaseFailures.IsUnavailable(exception) || Dependencies.CurrentContext.Context.ChangeTracker.HasChanges())
            return false;
        // The failed connection's pool may hold more connectors broken by the same restart.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return true;
    }
}
