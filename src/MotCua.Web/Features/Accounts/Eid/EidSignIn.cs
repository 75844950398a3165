using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Features.Accounts.Eid;

public enum EidSignInOutcome { SignedIn, Created, Refused }

/// <summary>
/// A citizen signed in at VNeID or with the DVCQG account (Decree 69/2024/NĐ-CP on electronic
/// identification): the applicant account with the same personal identification number is used —
/// a password account made at sign-up is linked, not duplicated — or a new one is created. Name and
/// birth date are taken from the claims and the account is marked verified by that provider. Officer
/// accounts never sign in this way (they use the office sign-in with a second factor). One
/// transaction with the audit row (docs/integrations/vneid.md).
/// </summary>
public sealed class EidSignIn(AppDbContext db, TimeProvider time)
{
    public async Task<(EidSignInOutcome Outcome, ClaimsPrincipal? Principal)> HandleAsync(string provider, EidIdentity identity, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = await db.UserAccounts.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.PersonalId == identity.PersonalId || u.UserName == identity.PersonalId, ct);
        if (account is { } existing && (existing.Kind != AccountKind.Applicant || !existing.Active))
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignInFailed, existing.Id, now, null,
                $"reason=eid-{(existing.Active ? "officer" : "inactive")};provider={provider}", existing.UserName));
            await db.SaveChangesAsync(ct);
            return (EidSignInOutcome.Refused, null);
        }
        var created = account is null;
        if (account is null)
        {
            // No password: this account signs in only through the identity provider until the citizen sets one.
            account = new UserAccount
            {
                UserName = identity.PersonalId,
                PasswordHash = "",
                FullName = identity.FullName,
                Kind = AccountKind.Applicant,
                ApplicantType = ApplicantType.Citizen,
                CreatedAt = now,
            };
            db.UserAccounts.Add(account);
        }
        account.PersonalId = identity.PersonalId;
        account.FullName = identity.FullName;
        account.BirthDate = identity.BirthDate;
        account.EidProvider = provider;
        account.EidVerifiedAt = now;
        // One transaction: the account (its id is needed for the audit row) and the sign-in's audit row.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (created && !Infrastructure.Http.DatabaseFailures.IsUnavailable(e))
        {
            // A parallel first sign-in of the same citizen created the account: refuse this one, the next attempt links.
            return (EidSignInOutcome.Refused, null);
        }
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignIn, account.Id, now, account.Id,
            $"eid={provider}{(created ? ";created" : "")}", account.UserName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (created ? EidSignInOutcome.Created : EidSignInOutcome.SignedIn,
            SignInHandler.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
