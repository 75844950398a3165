using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Catalog;

/// <summary>A sector (lĩnh vực) of procedures (Circular 01/2018 art. 20).</summary>
public sealed class Sector
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Ministry { get; set; }
}

/// <summary>A procedure's identity: the national code (mã TTHC). Its content lives in versions.</summary>
public sealed class Procedure
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public List<ProcedureVersion> Versions { get; set; } = [];
}

public enum VersionState { Draft, Published }

/// <summary>
/// One version of a procedure. Published versions are immutable (the context refuses to change
/// them, except to close EffectiveTo when a newer version takes over), because a dossier keeps
/// the version it was received under (docs/domain/dossier-states.md#procedure-version).
/// </summary>
public sealed class ProcedureVersion
{
    public long Id { get; set; }
    public long ProcedureId { get; set; }
    public int Number { get; set; }
    public VersionState State { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public DateTime? PublishedAt { get; set; }

    // Denormalised from the definition for filtering and search.
    public required string Name { get; set; }
    /// <summary>Name folded for diacritic-insensitive search (VietnameseText.Fold).</summary>
    public required string NameFolded { get; set; }
    public required string SectorCode { get; set; }
    /// <summary>Implementing levels as a comma-list, e.g. ",Province,Commune," for LIKE filtering.</summary>
    public required string Levels { get; set; }
    public OnlineLevel OnlineLevel { get; set; }

    public required ProcedureDefinition Definition { get; set; }

    public bool IsCurrentOn(DateOnly date) =>
        State == VersionState.Published && EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

/// <summary>
/// A procedure offered at an agency (DonViThuTuc), with that agency's online level. Regenerated
/// from the current version's receiving agencies when a version is published.
/// </summary>
public sealed class ProcedureOffering
{
    public long Id { get; set; }
    public long ProcedureId { get; set; }
    public Procedure? Procedure { get; set; }
    public long AgencyId { get; set; }
    public OnlineLevel OnlineLevel { get; set; }
    public int? LegacyLevel { get; set; }
}
