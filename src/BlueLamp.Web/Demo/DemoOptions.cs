namespace BlueLamp.Web.Demo;

/// <summary>Whether to create the demo force and its users on first start (on by default for the embedded setup).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; } = true;
}
