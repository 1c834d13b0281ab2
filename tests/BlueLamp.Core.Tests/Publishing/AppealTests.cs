using BlueLamp.Core.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Core.Tests.Publishing;

public sealed class AppealTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private Appeal NewAppeal() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "2600012345", _time.GetUtcNow());

    private AppealAuthorisation Sio(AuthorisationDecision decision = AuthorisationDecision.Approved, string rationale = "Public sightings are the best lead to find her quickly.") =>
        new(decision, "DI 4411 Price", "SIO", rationale, "Low risk to Ellie from publicity; high risk if not found tonight.", "comms-1", "Comms Officer Evans", _time.GetUtcNow());

    [Fact]
    public void An_appeal_is_authorised_only_by_a_complete_SIO_or_OIC_record()
    {
        var appeal = NewAppeal();
        var problems = appeal.Authorise(Sio() with { OfficerRole = "PCSO", Rationale = "" });
        Assert.Contains(problems, p => p.Field == "officerRole");
        Assert.Contains(problems, p => p.Field == "rationale");
        Assert.False(appeal.IsAuthorised);

        Assert.Empty(appeal.Authorise(Sio(AuthorisationDecision.Refused)));
        Assert.False(appeal.IsAuthorised);
        Assert.Empty(appeal.Authorise(Sio()));
        Assert.True(appeal.IsAuthorised);
        Assert.Equal("DI 4411 Price", appeal.Authorisation!.OfficerName);
    }

    [Fact]
    public void Found_requires_every_copy_down_or_a_found_update_without_name_or_image()
    {
        var appeal = NewAppeal();
        var (action, refusal) = appeal.ChangeStatus(PostPurpose.MissingPersonAppeal, CaseStatus.Found, "Evans", _time.GetUtcNow());
        Assert.Null(refusal);
        Assert.Equal(AppealActionKind.RemoveEveryCopy, action!.Kind);
        Assert.True(action.MayReplace);
        Assert.False(action.CloseCommentsOnRelated);
        Assert.DoesNotContain("Ellie", action.SuggestedReplacement, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Found, appeal.CaseStatus);
    }

    [Theory]
    [InlineData(CaseStatus.Arrested)]
    [InlineData(CaseStatus.Charged)]
    public void Arrest_or_charge_requires_every_copy_naming_the_suspect_removed_under_the_Contempt_of_Court_Act(CaseStatus status)
    {
        var (action, _) = NewAppeal().ChangeStatus(PostPurpose.WantedAppeal, status, "Evans", _time.GetUtcNow());
        Assert.Equal(AppealActionKind.RemoveEveryCopy, action!.Kind);
        Assert.False(action.MayReplace);
        Assert.True(action.CloseCommentsOnRelated);
        Assert.Contains("Contempt of Court Act 1981", action.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_missing_person_can_be_found_and_a_missing_person_is_never_charged()
    {
        Assert.NotNull(NewAppeal().ChangeStatus(PostPurpose.WantedAppeal, CaseStatus.Found, "Evans", _time.GetUtcNow()).Refusal);
        Assert.NotNull(NewAppeal().ChangeStatus(PostPurpose.MissingPersonAppeal, CaseStatus.Charged, "Evans", _time.GetUtcNow()).Refusal);
        Assert.NotNull(NewAppeal().ChangeStatus(PostPurpose.Recruitment, CaseStatus.Closed, "Evans", _time.GetUtcNow()).Refusal);
    }

    [Fact]
    public void An_appeal_is_flagged_for_review_28_days_after_publication_once()
    {
        var appeal = NewAppeal();
        appeal.StartReviewClock(_time.GetUtcNow());
        Assert.Equal(_time.GetUtcNow().AddDays(28), appeal.ReviewDueAt);

        _time.Advance(TimeSpan.FromDays(28) - TimeSpan.FromSeconds(1));
        Assert.False(appeal.FlagForReviewIfDue(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(appeal.FlagForReviewIfDue(_time.GetUtcNow()));
        Assert.False(appeal.FlagForReviewIfDue(_time.GetUtcNow().AddDays(1)));

        appeal.Reviewed(_time.GetUtcNow());
        Assert.Null(appeal.ReviewFlaggedAt);
        Assert.Equal(_time.GetUtcNow().AddDays(28), appeal.ReviewDueAt);
    }

    [Fact]
    public void A_closed_appeal_is_not_flagged_for_review()
    {
        var appeal = NewAppeal();
        appeal.StartReviewClock(_time.GetUtcNow());
        appeal.ChangeStatus(PostPurpose.CrimeAppeal, CaseStatus.Closed, "Evans", _time.GetUtcNow());
        Assert.False(appeal.FlagForReviewIfDue(_time.GetUtcNow().AddDays(40)));
    }

    [Fact]
    public void Previous_convictions_and_character_in_an_appeal_raise_a_contempt_warning_and_a_plain_appeal_does_not()
    {
        var warnings = ContemptCheck.Check("Wanted: Jason Smith, 34, who has previous convictions for robbery. He is a dangerous man.");
        Assert.Contains(warnings, w => w.Phrase == "previous convictions");
        Assert.Contains(warnings, w => w.Phrase == "dangerous man");
        Assert.Empty(ContemptCheck.Check("Have you seen Jason Smith, 34? He is 6ft with short dark hair. Call 101 quoting 2600012345.", null));
    }
}
