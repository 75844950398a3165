using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Catalog.Reference;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Dossiers;

public sealed record DocumentRef(int Index, long FileId);

/// <summary>What every new dossier needs, online or at the counter.</summary>
public sealed record IntakeRequest(string? ProcedureCode, string? CaseCode, string? ReceivingAgency, JsonElement FormData, IReadOnlyList<DocumentRef>? Documents);

/// <summary>
/// Builds a new dossier from the procedure version in force: the case and its time limit (online
/// limit for online dossiers), the receiving unit the applicant chose among those offering it (any
/// commune in the province, Decree 118/2025), the competent agency (for commune procedures, the
/// one of the receiving commune), the validated form data and the uploaded files.
/// The catalogue in force, its agencies and published versions come from the node's memory
/// (<see cref="CatalogIndex"/>, <see cref="PublishedVersions"/>): intake reads only the files.
/// </summary>
public sealed class DossierIntake(AppDbContext db, CatalogIndex catalogIndex, PublishedVersions versions, FileStoreSizes sizes, TimeProvider time)
{
    public async Task<(Dossier? Dossier, List<DossierFile> Files, List<FieldError> Errors)> PrepareAsync(
        IntakeRequest request, Channel channel, DossierActor actor, bool requireDocuments, CancellationToken ct, long? draftId = null,
        bool checkFormData = true)
    {
        var errors = new List<FieldError>();
        var today = VietnamTime.Today(time);
        var catalog = await catalogIndex.CurrentAsync(db, ct);
        var version = request.ProcedureCode is not null && catalog.ByCode.TryGetValue(request.ProcedureCode, out var entry)
            ? await versions.GetAsync(db, entry.VersionId, ct)
            : null;
        if (version is null)
            return (null, [], [new FieldError("procedureCode", "Không có thủ tục đang có hiệu lực với mã này.")]);
        var definition = version.Definition;
        db.Known.VersionSectors[version.Id] = version.SectorCode;
        if (channel == Channel.Online && definition.OnlineLevel == OnlineLevel.InformationOnly)
            return (null, [], [new FieldError("procedureCode", "Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp trực tiếp hoặc qua bưu chính.")]);
        var @case = definition.Cases.FirstOrDefault(c => c.Code == request.CaseCode) ?? (definition.Cases.Count == 1 && request.CaseCode is null ? definition.Cases[0] : null);
        if (@case is null)
            return (null, [], [new FieldError("caseCode", "Vui lòng chọn trường hợp giải quyết của thủ tục.")]);

        var offeringAgencies = catalog.OfferingAgencyIds.GetValueOrDefault(version.ProcedureId, [])
            .Select(id => catalog.AgencyById[id]).ToList();
        var receivingKinds = definition.ReceivingAgencies.Select(k => AgencyKeyResolver.CommuneKeys.TryGetValue(k, out var kind) ? kind.ToString() : k).ToHashSet();
        var receivers = offeringAgencies.Where(a => receivingKinds.Contains(a.Code) || receivingKinds.Contains(a.Kind.ToString())).ToList();
        var receiving = request.ReceivingAgency is null && receivers.Count == 1 ? receivers[0] : receivers.FirstOrDefault(a => a.Code == request.ReceivingAgency);
        if (receiving is null)
            return (null, [], [new FieldError("receivingAgency", "Vui lòng chọn nơi tiếp nhận hồ sơ trong danh sách nơi cung cấp thủ tục.")]);
        db.Known.Agencies[receiving.Id] = receiving;
        var competent = ResolveCompetent(catalog, definition.CompetentAgency, receiving, today);
        if (competent is null)
            return (null, [], [new FieldError("procedureCode", "Chưa xác định được cơ quan có thẩm quyền giải quyết.")]);

        // A draft may be incomplete; it is checked in full when submitted. A dossier submitted on another
        // system (checkFormData false) carries that system's data, not this procedure's form.
        // Business lines are stored as the code and its official name, so a row with a known code needs no name.
        var formData = checkFormData ? BusinessLineRules.Normalize(@case.FormFields, request.FormData, VsicList.Vsic2018) : request.FormData;
        if (checkFormData && (requireDocuments || draftId is null))
        {
            errors.AddRange(FormDataRules.Validate(@case.FormFields, formData));
            errors.AddRange(BusinessLineRules.Validate(@case.FormFields, formData, VsicList.Vsic2018));
        }
        else if (checkFormData && (request.FormData.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null) || request.FormData.GetRawText().Length > 65_536))
            errors.Add(new FieldError("formData", "Dữ liệu tờ khai phải là một đối tượng, tối đa 64 KB."));
        var documents = request.Documents ?? [];
        var fileIds = documents.Select(d => d.FileId).Distinct().ToArray();
        var files = await db.DossierFiles.Where(f => fileIds.Contains(f.Id) && f.OwnerAccountId == actor.UserId && (f.DossierId == null || (draftId != null && f.DossierId == draftId)))
            .ToListAsync(ct);
        foreach (var d in documents)
        {
            if (d.Index < 0 || d.Index >= @case.Documents.Count)
                errors.Add(new FieldError($"documents[{d.Index}]", "Thành phần hồ sơ không có trong thủ tục."));
            if (files.Find(f => f.Id == d.FileId) is not { } file)
                errors.Add(new FieldError($"documents[{d.Index}]", "Tệp không tồn tại hoặc đã được dùng cho hồ sơ khác."));
            else if (FileScanRules.Unusable(file) is { } unusable)
                errors.Add(new FieldError($"documents[{d.Index}]", unusable));
        }
        if (requireDocuments)
            for (var i = 0; i < @case.Documents.Count; i++)
                if (@case.Documents[i].Required && documents.All(d => d.Index != i))
                    errors.Add(new FieldError($"documents[{i}]", $"Thiếu thành phần hồ sơ: {@case.Documents[i].Name}."));
        if (files.Sum(f => f.Size) > sizes.MaxDossierBytes)
            errors.Add(new FieldError("documents", $"Tổng dung lượng hồ sơ vượt quá {sizes.MaxDossierBytes / 1024 / 1024} MB."));
        if (errors.Count > 0)
            return (null, [], errors);

        var limit = channel == Channel.Online && @case.OnlineTimeLimit is { } online ? online : @case.TimeLimit;
        var dossier = new Dossier
        {
            Channel = channel,
            Status = DossierStatus.Submitted,
            ProcedureId = version.ProcedureId,
            ProcedureVersionId = version.Id,
            ProcedureCode = definition.Code,
            ProcedureName = definition.Name,
            CaseCode = @case.Code,
            LimitUnit = limit.Unit,
            LimitValue = limit.Value,
            NoAppointment = @case.NoAppointment,
            ReceivingAgencyId = receiving.Id,
            CompetentAgencyId = competent.Id,
            CurrentAgencyId = receiving.Id,
            ApplicantName = "",
            FormDataJson = formData.ValueKind == JsonValueKind.Object ? formData.GetRawText() : "{}",
            FeeAmountVnd = @case.Fees.Sum(f => f.AmountVnd),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        foreach (var d in documents)
            files.Single(f => f.Id == d.FileId).DocumentIndex = d.Index;
        return (dossier, files, []);
    }

    /// <summary>The competent agency in force today: for commune procedures the one of the receiving commune; the lowest id first, as the database returned it.</summary>
    private static AgencyInfo? ResolveCompetent(CatalogSnapshot catalog, string key, AgencyInfo receiving, DateOnly today)
    {
        var valid = catalog.Agencies.Where(a => a.IsValidOn(today));
        return AgencyKeyResolver.CommuneKeys.TryGetValue(key, out var kind)
            ? valid.FirstOrDefault(a => a.Kind == kind && a.AdminUnitCode == receiving.AdminUnitCode)
            : valid.FirstOrDefault(a => a.Code == key);
    }

    /// <summary>What intake decides, copied onto an existing draft row.</summary>
    public static void CopyIntake(Dossier from, Dossier to)
    {
        to.Channel = from.Channel;
        to.ProcedureId = from.ProcedureId;
        to.ProcedureVersionId = from.ProcedureVersionId;
        to.ProcedureCode = from.ProcedureCode;
        to.ProcedureName = from.ProcedureName;
        to.CaseCode = from.CaseCode;
        to.LimitUnit = from.LimitUnit;
        to.LimitValue = from.LimitValue;
        to.NoAppointment = from.NoAppointment;
        to.ReceivingAgencyId = from.ReceivingAgencyId;
        to.CompetentAgencyId = from.CompetentAgencyId;
        to.CurrentAgencyId = from.CurrentAgencyId;
        to.FormDataJson = from.FormDataJson;
        to.FeeAmountVnd = from.FeeAmountVnd;
    }

    public static void Attach(Dossier dossier, IEnumerable<DossierFile> files)
    {
        foreach (var file in files)
            file.Dossier = dossier;
    }
}

/// <summary>The dossier-level size limit, separate so intake does not depend on the file store itself.</summary>
public sealed record FileStoreSizes(long MaxDossierBytes);
