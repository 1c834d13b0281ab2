using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Publishing;

/// <summary>Why a post cannot go out as it is, tied to the form field to fix (and the platform, where one refuses it).</summary>
public sealed record PostProblem(string Field, string Message, Platform? Platform = null);
