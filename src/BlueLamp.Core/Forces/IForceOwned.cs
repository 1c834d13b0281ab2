namespace BlueLamp.Core.Forces;

/// <summary>Marks a record that belongs to exactly one force; nobody outside that force may read it.</summary>
public interface IForceOwned
{
    Guid ForceId { get; }
}
