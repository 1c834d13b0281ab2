namespace BlueLamp.Channels.X;

/// <summary>
/// How X events are grouped into conversations. v1.1 tweet objects from webhooks carry no conversation id, so
/// mentions are grouped by person; webhook delivery and mention polling then agree on the thread.
/// </summary>
public static class XThreadKeys
{
    public static string Direct(string personId) => "dm:" + personId;

    public static string Mentions(string personId) => "mentions:" + personId;
}
