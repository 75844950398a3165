using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Data;

/// <summary>EF configuration of the dossier tables (docs/domain/dossier-states.md), kept apart from AppDbContext for size.</summary>
public static class DossierModel
{
    /// <summary>
    /// The queue indexes hold submitted dossiers only (migration 0022): every queue excludes drafts, so with
    /// the draft flag in the index predicate a page and its count are read from the index alone.
    /// </summary>
    private const string SubmittedOnly = "NOT \"IsDraft\"";
    /// <summary>Submitted dossiers awaiting a supplement, written as the queue query writes it (migration 0024).</summary>
    private const string AwaitingSupplementOnly = "NOT \"IsDraft\" AND \"SupplementState\" IN ('AwaitingApplicant', 'SubmittedByApplicant')";
    /// <summary>Received dossiers: every figure of Report 06a counts only these (migration 0025).</summary>
    private const string ReceivedOnly = "\"ReceivedAt\" IS NOT NULL";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserAccount>(e =>
        {
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.PersonalId).HasMaxLength(12);
            e.Property(x => x.ProvinceCode).HasMaxLength(10);
            e.Property(x => x.CommuneCode).HasMaxLength(10);
        });
        modelBuilder.Entity<Dossier>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Channel).HasConversion<int>();
            e.Property(x => x.ProcedureCode).HasMaxLength(40);
            e.Property(x => x.ProcedureName).HasMaxLength(1000);
            e.Property(x => x.CaseCode).HasMaxLength(40);
            e.Property(x => x.LimitValue).HasPrecision(10, 2);
            e.Property(x => x.ApplicantIdNumber).HasMaxLength(20);
            e.Property(x => x.ApplicantPhone).HasMaxLength(20);
            e.Property(x => x.ApplicantEmail).HasMaxLength(200);
            e.Property(x => x.ApplicantProvinceCode).HasMaxLength(10);
            e.Property(x => x.ApplicantCommuneCode).HasMaxLength(10);
            e.Property(x => x.RepresentativeIdNumber).HasMaxLength(20);
            e.Property(x => x.RepresentativePhone).HasMaxLength(20);
            e.Property(x => x.CheckIdLast4).HasMaxLength(4);
            e.Property(x => x.CheckPhoneLast4).HasMaxLength(4);
            e.Property(x => x.FormDataJson).HasMaxLength(int.MaxValue);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.Property(x => x.RefusalReason).HasMaxLength(2000);
            e.Property(x => x.StopReason).HasMaxLength(2000);
            e.Property(x => x.RatingComment).HasMaxLength(2000);
            e.Property(x => x.ResultSummary).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => new { x.OwnerAccountId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.Status, x.ReceivingAgencyId });
            e.HasIndex(x => new { x.Status, x.CurrentAgencyId });
            e.HasIndex(x => x.OwnerAccountId);
            e.HasIndex(x => x.DueAt);
            // The office queues, newest first, per place an agency sees a dossier from (docs/adr/0012-queue-queries.md, migration 0012).
            e.HasIndex(x => new { x.ReceivingAgencyId, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CompetentAgencyId, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CurrentAgencyId, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.ReceivingAgencyId, x.Status, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CompetentAgencyId, x.Status, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CurrentAgencyId, x.Status, x.Id }).HasFilter(SubmittedOnly);
            // "Due soon" and "overdue" per branch (migration 0020); PostgreSQL also has trigram indexes on the names there.
            e.HasIndex(x => new { x.ReceivingAgencyId, x.Status, x.DueAt, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CompetentAgencyId, x.Status, x.DueAt, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.CurrentAgencyId, x.Status, x.DueAt, x.Id }).HasFilter(SubmittedOnly);
            e.HasIndex(x => new { x.AssigneeId, x.Id });
            e.HasIndex(x => new { x.SupplementState, x.Id });
            e.HasIndex(x => new { x.ReceivingAgencyId, x.Id }, "IX_Dossiers_ReceivingAgencyId_Id_AwaitingSupplement").HasFilter(AwaitingSupplementOnly);
            e.HasIndex(x => new { x.CompetentAgencyId, x.Id }, "IX_Dossiers_CompetentAgencyId_Id_AwaitingSupplement").HasFilter(AwaitingSupplementOnly);
            e.HasIndex(x => new { x.CurrentAgencyId, x.Id }, "IX_Dossiers_CurrentAgencyId_Id_AwaitingSupplement").HasFilter(AwaitingSupplementOnly);
            // The dossiers behind a Report 06a figure, newest reception first: of the province, and of one competent agency (migration 0025).
            e.HasIndex(x => new { x.ReceivedAt, x.Id }).HasFilter(ReceivedOnly);
            e.HasIndex(x => new { x.CompetentAgencyId, x.ReceivedAt, x.Id }).HasFilter(ReceivedOnly);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.CompetentAgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Features.Catalog.ProcedureVersion>().WithMany().HasForeignKey(x => x.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DossierHistory>(e =>
        {
            e.Property(x => x.FromStatus).HasConversion<int?>();
            e.Property(x => x.ToStatus).HasConversion<int>();
            e.Property(x => x.ActionName).HasMaxLength(200);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.HasIndex(x => new { x.DossierId, x.Id });
            e.HasOne(x => x.Dossier).WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DossierFile>(e =>
        {
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasOne(x => x.Dossier).WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.HasIndex(x => x.DossierId);
            e.HasIndex(x => x.OwnerAccountId);
            e.HasIndex(x => x.ScanState);
        });
        modelBuilder.Entity<SupplementRequest>(e =>
        {
            e.Property(x => x.ItemsJson).HasMaxLength(int.MaxValue);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.ApplicantNote).HasMaxLength(4000);
            e.HasIndex(x => x.DossierId);
        });
        modelBuilder.Entity<Consultation>(e =>
        {
            e.Property(x => x.Question).HasMaxLength(4000);
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.HasIndex(x => new { x.AgencyId, x.DossierId });
            e.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DossierSequence>(e =>
        {
            e.HasKey(x => new { x.UnitCode, x.Day });
            e.Property(x => x.UnitCode).HasMaxLength(20);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.PayloadJson).HasMaxLength(int.MaxValue);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ProcessedAt, x.AvailableAt });
            // The claim's order and its ordering probe over undelivered messages only (migration 0021).
            e.HasIndex(x => new { x.AvailableAt, x.Id }, "IX_OutboxMessages_Undelivered_AvailableAt_Id").HasFilter("\"ProcessedAt\" IS NULL");
            e.HasIndex(x => new { x.OrderingKey, x.Id }, "IX_OutboxMessages_Undelivered_OrderingKey_Id").HasFilter("\"ProcessedAt\" IS NULL");
        });
    }
}
