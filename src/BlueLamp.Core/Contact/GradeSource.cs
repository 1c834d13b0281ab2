namespace BlueLamp.Core.Contact;

/// <summary>Who set a conversation's current grade.</summary>
public enum GradeSource
{
    /// <summary>The automatic triage engine.</summary>
    Engine = 1,

    /// <summary>An operator, with a THRIVE assessment.</summary>
    Operator = 2,
}
