namespace BlueLamp.Channels.Common;

/// <summary>The verdict on a webhook signature header; anything but <see cref="Valid"/> means answer 401 and store nothing.</summary>
public enum SignatureCheck
{
    Valid = 1,
    Missing = 2,
    Malformed = 3,
    Mismatch = 4,
}
