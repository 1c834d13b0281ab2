using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Core.Audit;

/// <summary>How audit entries are hashed and how a force's chain is checked.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Timestamps are kept to the microsecond (what PostgreSQL stores), in UTC, so the hash of an entry
    /// read back from either database is the hash it was written with.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utcTicks = at.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Length-prefixed fields: no choice of field contents can make two different entries hash alike.
        var canonical = new StringBuilder();
        Append(canonical, "v1");
        Append(canonical, e.ForceId.ToString("D"));
        Append(canonical, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, Normalise(e.At).UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(canonical, e.ActorId);
        Append(canonical, e.ActorName);
        Append(canonical, e.Action);
        Append(canonical, e.SubjectType);
        Append(canonical, e.SubjectId);
        Append(canonical, e.Detail);
        Append(canonical, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Checks one force's entries, in sequence order, against each other and against the force's head.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> eventsInSequence, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(eventsInSequence);
        var expectedSequence = 1L;
        var previousHash = GenesisHash;
        var checkedCount = 0;
        foreach (var e in eventsInSequence)
        {
            if (e.Sequence != expectedSequence)
                return AuditVerification.Broken(checkedCount, e, e.Sequence < expectedSequence
                    ? $"sequence {e.Sequence} appears twice or out of order"
                    : $"entries {expectedSequence} to {e.Sequence - 1} are missing");
            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
                return AuditVerification.Broken(checkedCount, e, "its previous-hash does not match the entry before it");
            if (!string.Equals(ComputeHash(e), e.Hash, StringComparison.Ordinal))
                return AuditVerification.Broken(checkedCount, e, "its contents do not match its hash (the entry was edited)");
            previousHash = e.Hash;
            expectedSequence++;
            checkedCount++;
        }
        if (head is not null && (head.Sequence != expectedSequence - 1 || !string.Equals(head.Hash, previousHash, StringComparison.Ordinal)))
            return AuditVerification.Truncated(checkedCount, head.Sequence, expectedSequence - 1);
        return AuditVerification.Intact(checkedCount);
    }

    private static void Append(StringBuilder sb, string? field)
    {
        if (field is null)
        {
            sb.Append("-1:");
            return;
        }
        sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
    }
}
