namespace SkillBridge.Core.Accounts;

/// <summary>
/// One ASP.NET Core data-protection key (which signs sign-in cookies and antiforgery tokens), kept in the database so
/// that every web node sharing it can read every other node's cookies, and a restart signs nobody out.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}
