namespace BlueLamp.Core.Publishing;

/// <summary>The senior investigating officer's (or officer in charge's) decision on publishing an appeal.</summary>
public enum AuthorisationDecision
{
    Approved = 1,
    Refused = 2,
}
