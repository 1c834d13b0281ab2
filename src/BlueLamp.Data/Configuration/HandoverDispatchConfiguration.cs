using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class HandoverDispatchConfiguration : IEntityTypeConfiguration<HandoverDispatch>
{
    public void Configure(EntityTypeBuilder<HandoverDispatch> dispatch)
    {
        dispatch.ToTable("handover_dispatches");
        dispatch.HasKey(d => d.Id);
        dispatch.HasOne<Handover>().WithMany().HasForeignKey(d => d.HandoverId).OnDelete(DeleteBehavior.Restrict);
        // One row per handover and place in its sequence: the handover (sequence 0) can never be queued, and so sent as a
        // new incident, twice, and two updates can never claim the same place.
        dispatch.HasIndex(d => new { d.HandoverId, d.Sequence }).IsUnique();
        dispatch.Property(d => d.Reason).HasMaxLength(HandoverDispatch.MaxReasonLength);
        dispatch.Property(d => d.ByName).HasMaxLength(200);
        dispatch.Ignore(d => d.IdempotencyKey);
        dispatch.HasIndex(d => new { d.DeliveredAt, d.GaveUp, d.DueAt });
        dispatch.Property(d => d.LastError).HasMaxLength(HandoverDispatch.MaxErrorLength);
        dispatch.Property(d => d.IncidentNumber).HasMaxLength(100);
        dispatch.Ignore(d => d.IsDelivered);
    }
}
