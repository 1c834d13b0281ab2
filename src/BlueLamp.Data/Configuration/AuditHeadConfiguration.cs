using BlueLamp.Core.Audit;
using BlueLamp.Core.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> head)
    {
        head.ToTable("audit_heads");
        head.HasKey(h => h.ForceId);
        head.Property(h => h.Sequence).IsConcurrencyToken();
        head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        head.HasOne<Force>().WithMany().HasForeignKey(h => h.ForceId).OnDelete(DeleteBehavior.Restrict);
    }
}
