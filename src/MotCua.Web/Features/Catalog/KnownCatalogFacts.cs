namespace MotCua.Web.Features.Catalog;

/// <summary>
/// Catalogue facts a unit of work has already taken from the <see cref="CatalogIndex"/> snapshot: intake
/// records the receiving agency and the version's sector here, so the submission's code and its
/// statistics counters need no further read of those rows (docs/capacity.md). Lives as long as the
/// unit of work; the snapshot itself follows the catalogue stamp, which agency changes also move.
/// </summary>
public sealed class KnownCatalogFacts
{
    public Dictionary<long, AgencyInfo> Agencies { get; } = [];

    public Dictionary<long, string> VersionSectors { get; } = [];
}
