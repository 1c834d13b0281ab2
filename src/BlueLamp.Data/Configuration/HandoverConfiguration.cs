using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> handover)
    {
        handover.ToTable("handovers");
        handover.HasKey(h => h.Id);
        handover.Property(h => h.Reason).HasMaxLength(200).IsRequired();
        handover.Property(h => h.Summary).HasMaxLength(Handover.MaxSummaryLength).IsRequired();
        handover.Property(h => h.OpenedByName).HasMaxLength(200).IsRequired();
        handover.Property(h => h.AcknowledgedByUserId).HasMaxLength(450);
        handover.Property(h => h.AcknowledgedByName).HasMaxLength(200);
        handover.Property(h => h.IncidentNumber).HasMaxLength(100);
        handover.Property(h => h.CommandAndControlIncident).HasMaxLength(100);
        handover.Property(h => h.StoodDownByUserId).HasMaxLength(450);
        handover.Property(h => h.StoodDownByName).HasMaxLength(200);
        handover.Property(h => h.StandDownReason).HasMaxLength(Handover.MaxStandDownReasonLength);
        handover.Property(h => h.StandDownConfirmedByName).HasMaxLength(200);
        handover.Ignore(h => h.IsAcknowledged);
        handover.Ignore(h => h.WaitingSince);
        handover.HasOne<Conversation>().WithMany().HasForeignKey(h => h.ConversationId).OnDelete(DeleteBehavior.Restrict);
        // One handover per conversation: a second life-at-risk message adds to the same one.
        handover.HasIndex(h => h.ConversationId).IsUnique();
        handover.HasIndex(h => new { h.ForceId, h.Status, h.OpenedAt });
    }
}
