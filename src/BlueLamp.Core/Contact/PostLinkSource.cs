namespace BlueLamp.Core.Contact;

/// <summary>How a conversation came to be linked to one of the force's own posts (an appeal's responses are counted by it).</summary>
public enum PostLinkSource
{
    /// <summary>The person commented or replied under one of our published copies.</summary>
    Comment = 1,
    /// <summary>The person sent us the link of one of our published copies.</summary>
    SharedLink = 2,
    /// <summary>An operator linked the conversation by hand (a DM about an appeal).</summary>
    Operator = 3,
}
