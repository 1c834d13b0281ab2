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
        dispatch.HasOne<Handover>().WithOne().HasForeignKey<HandoverDispatch>(d => d.HandoverId).OnDelete(DeleteBehavior.Restrict);
        // One dispatch per handover: it can never be queued, and so sent as a new incident, twice.
        dispatch.HasIndex(d => d.HandoverId).IsUnique();
        dispatch.HasIndex(d => new { d.DeliveredAt, d.GaveUp, d.DueAt });
        dispatch.Property(d => d.LastError).HasMaxLength(HandoverDispatch.MaxErrorLength);
        dispatch.Property(d => d.IncidentNumber).HasMaxLength(100);
        dispatch.Ignore(d => d.IsDelivered);
    }
}
