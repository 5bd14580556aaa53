namespace SkillBridge.Core.People;

/// <summary>A member of staff who authors or mentors. Becomes an account when they sign up or are invited.</summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string Username { get; set; }

    public required string Name { get; set; }

    public string Department { get; set; } = "";

    public string Bio { get; set; } = "";

    public List<string> HelpsWith { get; set; } = [];

    /// <summary>author, curator, admin; everyone is a learner.</summary>
    public List<string> Roles { get; set; } = [];

    public string? Email { get; set; }
}
