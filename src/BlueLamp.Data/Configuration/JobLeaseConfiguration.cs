using BlueLamp.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> lease)
    {
        lease.ToTable("job_leases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(JobLease.MaxNameLength);
        lease.Property(l => l.Holder).HasMaxLength(200).IsRequired();
    }
}
