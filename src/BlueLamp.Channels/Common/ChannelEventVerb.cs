namespace BlueLamp.Channels.Common;

/// <summary>What happened to a message on the platform: a new message, a change to one we already have, or its removal.</summary>
public enum ChannelEventVerb
{
    Created = 1,
    Edited = 2,
    Removed = 3,
}
