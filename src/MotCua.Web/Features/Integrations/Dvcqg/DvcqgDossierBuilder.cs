using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>
/// Builds what DVCQG receives from the committed dossier, at delivery (docs/integrations/dvcqg.md#dossier,
/// #progress): the dossier object and one progress item per history row. Built at delivery rather
/// than at the change, so a message delivered late still sends the dossier as it is now.
/// </summary>
public sealed class DvcqgDossierBuilder(AppDbContext db)
{
    /// <param name="NationalCode">The national code of a dossier DVCQG pushed to us; null for our own.</param>
    public sealed record Snapshot(DvcqgDossier Dossier, IReadOnlyList<(long HistoryId, DvcqgProgress Item)> Progress, string? NationalCode);

    public async Task<Snapshot?> BuildAsync(long dossierId, long afterHistoryId, CancellationToken ct)
    {
        var d = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dossierId, ct);
        if (d?.Code is null)
            return null;
        var sector = await (from v in db.ProcedureVersions.AsNoTracking()
                            where v.Id == d.ProcedureVersionId
                            join s in db.Sectors.AsNoTracking() on v.SectorCode equals s.Code into sectors
                            from s in sectors.DefaultIfEmpty()
                            select new { v.SectorCode, Name = s == null ? null : s.Name }).SingleOrDefaultAsync(ct);
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == dossierId && h.Id > afterHistoryId)
            .OrderBy(h => h.Id).Take(1000).ToListAsync(ct);
        var agencyIds = history.Select(h => h.ToAgencyId ?? h.FromAgencyId).OfType<long>().Append(d.CompetentAgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossierId)
            .OrderBy(f => f.Id).Take(500).Select(f => new { f.Id, f.Kind, f.FileName, f.DocumentIndex }).ToListAsync(ct);

        var dossier = new DvcqgDossier
        {
            // A dossier pushed from DVCQG is known there by its national code (docs/integrations/dvcqg-inbound.md).
            MaHoSo = d.NationalCode ?? d.Code,
            MaTTHC = d.ProcedureCode,
            TenTTHC = DvcqgFormat.Cut(d.ProcedureName, 1000),
            MaLinhVuc = sector?.SectorCode ?? "",
            TenLinhVuc = sector?.Name ?? "",
            KenhThucHien = DvcqgFormat.Number((int)d.Channel),
            ChuHoSo = d.ApplicantName,
            SoGiayToChuHoSo = d.ApplicantIdNumber ?? "",
            LoaiDoiTuong = ApplicantKind(d.ApplicantType),
            Email = d.ApplicantEmail ?? "",
            SoDienThoai = d.ApplicantPhone ?? "",
            TrichYeuHoSo = DvcqgFormat.Cut(d.ProcedureName, 1000),
            NgayNopHoSo = DvcqgFormat.Date(d.SubmittedAt ?? d.ReceivedAt),
            NgayTiepNhan = DvcqgFormat.Date(d.ReceivedAt),
            NgayHenTra = DvcqgFormat.Date(d.DueAt),
            // The dossier's own status 1–10, never collapsed (docs/integrations/dvcqg.md#status).
            TrangThaiHoSo = DvcqgFormat.Number((int)d.Status),
            NgayTra = DvcqgFormat.Date(d.ReturnedAt),
            HinhThuc = d.ReturnMethod == ReturnMethod.ByPost ? "1" : "0",
            NgayKetThucXuLy = DvcqgFormat.Date(d.ProcessingEndedAt),
            NgayTuChoi = d.Status == DossierStatus.Refused ? DvcqgFormat.Date(d.EndedAt) : "",
            DonViXuLy = agencies.GetValueOrDefault(d.CompetentAgencyId) ?? "",
            TaiLieuNop = files.Where(f => f.Kind != DossierFileKind.Result)
                .Select(f => new DvcqgFile(DvcqgFormat.Number(f.Id), DvcqgFormat.Cut(f.FileName, 4000), "False",
                    f.DocumentIndex is { } i ? DvcqgFormat.Number(i) : "", "")).ToList(),
            DanhSachGiayToKetQua = files.Where(f => f.Kind == DossierFileKind.Result)
                .Select(f => new DvcqgResultPaper(DvcqgFormat.Cut(f.FileName, 4000), "", DvcqgFormat.Number(f.Id), "")).ToList(),
            DinhDanhCHS = d.ApplicantIdNumber is { Length: 12 or 9 } id ? [new DvcqgIdentity(id.Length == 12 ? "1" : "2", id)] : [],
        };
        var progress = history.Select(h => (h.Id, new DvcqgProgress(
            d.NationalCode ?? d.Code,
            DvcqgFormat.Cut(h.ActorName, 50),
            "",
            DvcqgFormat.Date(h.At),
            (h.ToAgencyId ?? h.FromAgencyId) is { } agency ? agencies.GetValueOrDefault(agency) ?? "" : "",
            DvcqgFormat.Cut(h.Note is { Length: > 0 } note ? $"{h.ActionName}: {note}" : h.ActionName, 1000),
            DvcqgFormat.Number((int)h.ToStatus),
            DvcqgFormat.Date(h.At),
            DvcqgFormat.Date(h.StepDueAt)))).ToList();
        return new Snapshot(dossier, progress, d.NationalCode);
    }

    /// <summary>LoaiDoiTuong: 1 citizen, 2 enterprise, 3 state agency, 4 other organisation.</summary>
    private static string ApplicantKind(ApplicantType type) => type switch
    {
        ApplicantType.Business => "2",
        ApplicantType.StateAgency => "3",
        ApplicantType.Organization => "4",
        _ => "1",
    };
}
