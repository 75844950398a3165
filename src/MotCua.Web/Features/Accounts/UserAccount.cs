namespace MotCua.Web.Features.Accounts;

public enum AccountKind { Officer, Applicant }

/// <summary>
/// A person who signs in: an officer of an agency (cán bộ, công chức) or, from the dossier
/// issue on, an applicant. Personal data here never goes into logs or URLs.
/// </summary>
public sealed class UserAccount
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public required string FullName { get; set; }
    public AccountKind Kind { get; set; }
    public string? Title { get; set; }
    /// <summary>The officer's agency; null for applicants.</summary>
    public long? AgencyId { get; set; }
    public bool Active { get; set; } = true;

    // Applicant profile (docs/domain/dossier-handling.md#applicant-accounts): prefilled into dossiers. Address is province + commune codes
    // (two-level government since 1 Jul 2025) with free text.
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PersonalId { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? ProvinceCode { get; set; }
    public string? CommuneCode { get; set; }
    public string? Address { get; set; }
    public MotCua.Core.Catalog.ApplicantType? ApplicantType { get; set; }
    /// <summary>When name, birth date and address were filled from the National Population Database (docs/integrations/lgsp-population.md).</summary>
    public DateTime? PopulationVerifiedAt { get; set; }
    /// <summary>When a sign-in with the national e-ID provider last confirmed ID number, name and birth date (docs/integrations/vneid.md).</summary>
    public DateTime? EidVerifiedAt { get; set; }
    /// <summary>Which provider did: "vneid" or "dvcqg".</summary>
    public string? EidProvider { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>A role held by an officer within an agency; permissions come from the role (Roles.cs).</summary>
public sealed class RoleAssignment
{
    public long Id { get; set; }
    public long UserAccountId { get; set; }
    public OfficerRole Role { get; set; }
    public long AgencyId { get; set; }
}
