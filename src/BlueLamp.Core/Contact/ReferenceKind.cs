namespace BlueLamp.Core.Contact;

/// <summary>The kinds of police reference a conversation can be linked to.</summary>
public enum ReferenceKind
{
    Crime = 1,
    Incident = 2,
    Intelligence = 3,
}
