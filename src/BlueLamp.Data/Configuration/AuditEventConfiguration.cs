using BlueLamp.Core.Audit;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("audit_events");
        audit.HasKey(e => e.Id);
        audit.Property(e => e.Id).ValueGeneratedOnAdd();
        audit.Property(e => e.ActorId).HasMaxLength(450);
        audit.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        audit.Property(e => e.Action).HasMaxLength(100).IsRequired();
        audit.Property(e => e.SubjectType).HasMaxLength(100);
        audit.Property(e => e.SubjectId).HasMaxLength(200);
        audit.Property(e => e.Detail).HasMaxLength(4000);
        audit.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        audit.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        audit.HasOne<Force>().WithMany().HasForeignKey(e => e.ForceId).OnDelete(DeleteBehavior.Restrict);
        audit.HasIndex(e => new { e.ForceId, e.Sequence }).IsUnique();
        audit.HasIndex(e => new { e.ForceId, e.SubjectType, e.SubjectId });
    }
}
