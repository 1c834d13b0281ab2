using BlueLamp.Core.Publishing;

namespace BlueLamp.Core.Tests.Publishing;

public sealed class PostTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Account = Guid.NewGuid();

    private static Post NewPost(string body = "Burglary in Maindee overnight: please check your sheds are locked.") =>
        Post.Draft(Guid.NewGuid(), Guid.NewGuid(), PostPurpose.Prevention, new PostContent(body, null, []), [Account], "pc-1", "PC 1234 Jones", Now);

    [Fact]
    public void A_draft_is_submitted_approved_at_its_version_scheduled_and_the_approved_version_is_kept()
    {
        var post = NewPost();
        Assert.Null(post.Submit(Now));
        Assert.Null(post.Approve(1, "comms-1", "Comms Officer Evans", Now.AddMinutes(5)));
        Assert.True(post.IsApproved);
        Assert.Equal(1, post.ApprovedVersion);
        Assert.Equal(post.Content, post.ApprovedContent);
        Assert.Null(post.Schedule(Now.AddHours(2), "Comms Officer Evans", Now.AddMinutes(6)));
        Assert.Equal(PostStatus.Scheduled, post.Status);
    }

    [Fact]
    public void Approving_a_version_the_author_has_since_changed_is_refused()
    {
        var post = NewPost();
        post.Submit(Now);
        post.Edit(PostPurpose.Prevention, new PostContent("Burglaries in Maindee: lock your sheds and garages tonight.", null, []), [Account], Now.AddMinutes(1));
        Assert.Equal(PostStatus.Submitted, post.Status);
        Assert.Contains("version 1, it is now version 2", post.Approve(1, "comms-1", "Evans", Now.AddMinutes(2)), StringComparison.Ordinal);
        Assert.Null(post.Approve(2, "comms-1", "Evans", Now.AddMinutes(2)));
    }

    [Fact]
    public void An_edit_after_approval_needs_approval_again_and_keeps_the_approved_version_until_then()
    {
        var post = NewPost();
        post.Submit(Now);
        post.Approve(1, "comms-1", "Evans", Now);
        post.Schedule(Now.AddHours(1), "Evans", Now);
        var approved = post.ApprovedContent;

        Assert.Null(post.Edit(PostPurpose.Prevention, new PostContent("A changed text", null, []), [Account], Now.AddMinutes(3)));

        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.False(post.IsApproved);
        Assert.Null(post.ScheduledFor);
        Assert.Same(approved, post.ApprovedContent);
        Assert.Equal(1, post.ApprovedVersion);
        Assert.Contains("not been approved", post.Schedule(Now.AddHours(1), "Evans", Now.AddMinutes(4)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_the_author_can_edit_and_resubmit()
    {
        var post = NewPost();
        post.Submit(Now);
        Assert.NotNull(post.Reject(1, "", "Evans", Now));
        Assert.Null(post.Reject(1, "Say which streets, and add the 101 number.", "Evans", Now));
        Assert.Equal(PostStatus.Rejected, post.Status);
        post.Edit(PostPurpose.Prevention, new PostContent("Burglaries on Church Road and Chepstow Road: lock sheds. Report on 101.", null, []), [Account], Now);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Null(post.Submit(Now));
        Assert.Null(post.RejectionReason);
    }

    [Fact]
    public void A_schedule_in_the_past_is_refused_and_during_a_lockdown_the_post_is_held_then_released()
    {
        var post = NewPost();
        post.Submit(Now);
        post.Approve(1, "comms-1", "Evans", Now);
        Assert.Contains("passed", post.Schedule(Now.AddMinutes(-10), "Evans", Now), StringComparison.Ordinal);
        var lockdown = Guid.NewGuid();
        Assert.Null(post.Schedule(Now.AddHours(1), "Evans", Now, lockdown));
        Assert.Equal(PostStatus.Held, post.Status);
        Assert.Equal(lockdown, post.HeldByLockdownId);
        Assert.Null(post.Release(Now.AddHours(2)));
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Null(post.Hold(lockdown, Now.AddHours(2)));
        Assert.NotNull(post.Hold(lockdown, Now.AddHours(2)));
    }

    [Fact]
    public void A_published_post_cannot_be_edited()
    {
        var post = NewPost();
        Assert.Throws<InvalidOperationException>(() => post.MarkPublished(Now));
        post.MarkWithdrawn(Now);
        Assert.NotNull(post.Edit(PostPurpose.Prevention, new PostContent("x", null, []), [Account], Now));
    }
}
