using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

internal sealed class ThriveAssessmentConfiguration : IEntityTypeConfiguration<ThriveAssessment>
{
    public void Configure(EntityTypeBuilder<ThriveAssessment> thrive)
    {
        thrive.ToTable("thrive_assessments");
        thrive.HasKey(t => t.Id);
        foreach (var field in new[] { nameof(ThriveAssessment.Threat), nameof(ThriveAssessment.Harm), nameof(ThriveAssessment.Risk),
                     nameof(ThriveAssessment.Investigation), nameof(ThriveAssessment.Vulnerability), nameof(ThriveAssessment.Engagement),
                     nameof(ThriveAssessment.Rationale) })
            thrive.Property<string>(field).HasMaxLength(ThriveAssessment.MaxFieldLength).IsRequired();
        thrive.Property(t => t.AssessedByUserId).HasMaxLength(450).IsRequired();
        thrive.Property(t => t.AssessedByName).HasMaxLength(200).IsRequired();
        thrive.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Restrict);
        thrive.HasIndex(t => new { t.ConversationId, t.AssessedAt });
    }
}
