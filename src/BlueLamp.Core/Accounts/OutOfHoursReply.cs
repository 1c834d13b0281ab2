namespace BlueLamp.Core.Accounts;

/// <summary>The automatic answer outside an account's monitored hours, in English and Welsh.</summary>
public static class OutOfHoursReply
{
    public const string English =
        "This account is not monitored at the moment, so nobody will read your message straight away. If you or anyone else is in danger, or a crime is happening now, call 999. For anything else call 101 or report online. Deaf, hard of hearing or speech-impaired: text 999 (register first), call 18000 (Relay UK), or use 999 BSL.";

    public const string Welsh =
        "Nid yw'r cyfrif hwn yn cael ei fonitro ar hyn o bryd, felly ni fydd neb yn darllen eich neges ar unwaith. Os ydych chi neu unrhyw un arall mewn perygl, neu os oes trosedd yn digwydd nawr, ffoniwch 999. Am unrhyw beth arall ffoniwch 101 neu rhowch wybod ar-lein. Pobl fyddar, trwm eu clyw neu â nam ar eu lleferydd: tecstiwch 999 (cofrestrwch yn gyntaf), ffoniwch 18000 (Relay UK), neu defnyddiwch 999 BSL.";

    public static string For(string? language) => language == "cy" ? Welsh : English;
}
