using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class RaisedAlarmConfiguration : IEntityTypeConfiguration<RaisedAlarm>
{
    public void Configure(EntityTypeBuilder<RaisedAlarm> alarm)
    {
        alarm.ToTable("raised_alarms");
        alarm.HasKey(a => a.Id);
        alarm.Property(a => a.ModelVersion).HasMaxLength(64);
        alarm.Property(a => a.OverturnedByUserId).HasMaxLength(450);
        alarm.Property(a => a.OverturnedByName).HasMaxLength(200);
        alarm.Property(a => a.OverturnReason).HasMaxLength(RaisedAlarm.MaxReasonLength);
        alarm.Ignore(a => a.Overturned);
        alarm.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Restrict);
        alarm.HasIndex(a => new { a.ForceId, a.RaisedAt });
        alarm.HasIndex(a => new { a.ConversationId, a.RaisedAt });
    }
}
