using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> assessment)
    {
        assessment.ToTable("risk_assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.CategoryCode).HasMaxLength(64).IsRequired();
        assessment.Property(a => a.Language).HasMaxLength(2).IsRequired();
        assessment.Property(a => a.IndicatorsJson).HasMaxLength(64_000).IsRequired();
        assessment.Property(a => a.EngineVersion).HasMaxLength(32).IsRequired();
        assessment.Property(a => a.IndicatorSetVersion).HasMaxLength(64).IsRequired();
        assessment.Property(a => a.LifeAtRiskModelVersion).HasMaxLength(64);
        assessment.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasIndex(a => a.MessageId).IsUnique();
        assessment.HasIndex(a => new { a.ConversationId, a.AssessedAt });
        assessment.HasIndex(a => new { a.ForceId, a.AssessedAt });
    }
}
