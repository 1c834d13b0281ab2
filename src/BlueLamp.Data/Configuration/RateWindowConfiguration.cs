using BlueLamp.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    public void Configure(EntityTypeBuilder<RateWindow> window)
    {
        window.ToTable("rate_windows");
        window.HasKey(w => new { w.Name, w.WindowStart });
        window.Property(w => w.Name).HasMaxLength(RateWindow.MaxNameLength);
    }
}
