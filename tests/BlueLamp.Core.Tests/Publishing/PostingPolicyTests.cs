using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Core.Tests.Publishing;

public sealed class PostingPolicyTests
{
    private static readonly Guid Force = Guid.NewGuid();
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();
    private static readonly Account Corporate = new(Guid.NewGuid(), Force, null, Platform.Facebook, AccountKind.Corporate, "104", "Demo Constabulary");
    private static readonly Account NorthArea = new(Guid.NewGuid(), Force, North, Platform.X, AccountKind.Area, "north", "North Area police");
    private static readonly Account SouthArea = new(Guid.NewGuid(), Force, South, Platform.X, AccountKind.Area, "south", "South Area police");
    private static readonly Account OwnNamed = new(Guid.NewGuid(), Force, North, Platform.X, AccountKind.Named, "pc1234", "PC 1234 Jones");
    private static readonly Account ColleagueNamed = new(Guid.NewGuid(), Force, North, Platform.X, AccountKind.Named, "pc5678", "PC 5678 Price");
    private static readonly Account WebChat = new(Guid.NewGuid(), Force, null, Platform.WebChat, AccountKind.Corporate, "demo", "Web chat");

    private static PostAuthor Contributor(bool direct = false) =>
        new("pc-1", "PC 1234 Jones", IsCommsOfficer: false, new PostingRights(Guid.NewGuid(), Force, "pc-1", North, [OwnNamed.Id], direct));

    private static readonly PostAuthor Comms = new("comms-1", "Comms Officer Evans", IsCommsOfficer: true);

    [Fact]
    public void A_contributor_may_post_to_their_own_account_and_their_areas_account_only()
    {
        var author = Contributor();
        Assert.Null(PostingPolicy.MayTarget(author, OwnNamed));
        Assert.Null(PostingPolicy.MayTarget(author, NorthArea));
        Assert.NotNull(PostingPolicy.MayTarget(author, SouthArea));
        Assert.NotNull(PostingPolicy.MayTarget(author, Corporate));
        Assert.NotNull(PostingPolicy.MayTarget(author, ColleagueNamed));
    }

    [Fact]
    public void A_contributor_needs_approval_unless_the_force_grants_direct_posting_and_never_approves()
    {
        Assert.True(PostingPolicy.NeedsApproval(Contributor()));
        Assert.False(PostingPolicy.NeedsApproval(Contributor(direct: true)));
        Assert.False(PostingPolicy.MayApprove(Contributor(direct: true)));
    }

    [Fact]
    public void A_contributor_without_posting_rights_may_post_nowhere()
    {
        Assert.Contains("no posting rights", PostingPolicy.MayTarget(new PostAuthor("pc-9", "PC 9", false), NorthArea), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comms_officer_may_post_to_every_account_without_approval_but_never_to_web_chat()
    {
        foreach (var account in new[] { Corporate, NorthArea, SouthArea, OwnNamed, ColleagueNamed })
            Assert.Null(PostingPolicy.MayTarget(Comms, account));
        Assert.NotNull(PostingPolicy.MayTarget(Comms, WebChat));
        Assert.False(PostingPolicy.NeedsApproval(Comms));
        Assert.True(PostingPolicy.MayApprove(Comms));
    }
}
