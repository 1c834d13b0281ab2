namespace BlueLamp.Data.Keys;

/// <summary>
/// One ASP.NET Core Data Protection key (its XML, as the key manager writes it), kept in the database so that every
/// node of a cluster reads the same key ring: a login cookie or an account's credentials protected on one node are
/// readable on the others.
/// </summary>
public sealed class StoredKey
{
    private StoredKey() { FriendlyName = ""; Xml = ""; }

    public StoredKey(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        FriendlyName = friendlyName ?? "";
        Xml = xml;
    }

    public long Id { get; private set; }

    public string FriendlyName { get; private set; }

    public string Xml { get; private set; }
}
