using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Accounts;

public sealed record PersonalDataFile(string FileName, byte[] Json);

public sealed record AccountData(string Username, string? Email, string? Name, string TimeZone, IReadOnlyList<string> Roles, DateTime? Created);

/// <param name="Photo">Where the person's profile photo is served (/media/…), null when they have none.</param>
public sealed record ProfileData(string Username, string Name, string Department, string Bio, IReadOnlyList<string> HelpsWith, string? Photo, string? Email);

/// <summary>
/// Everything SkillBridge holds about one account, as one JSON document: the account, the linked profile, then one
/// property per <see cref="IPersonalDataSection"/> in registration order, so the same data always gives the same file.
/// </summary>
public sealed class PersonalDataExporter(
    SkillBridgeDbContext db,
    UserManager<SkillBridgeUser> users,
    IEnumerable<IPersonalDataSection> sections,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<PersonalDataFile?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var person = user.PersonId is { } personId ? await db.People.AsNoTracking().Include(p => p.Department).Include(p => p.Photo).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        var subject = SubjectOf(user, person);
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("exportedAt", now);
            Write(writer, "account", new AccountData(user.UserName ?? "", user.Email, person?.Name, user.TimeZoneId, roles, user.CreatedAt));
            Write(writer, "profile", person is null ? null : new ProfileData(person.Username, person.Name, person.Department?.Name ?? "", person.Bio, person.HelpsWith, person.Photo is { } photo ? MediaUrls.Of(photo) : null, person.Email));
            foreach (var section in sections)
            {
                Write(writer, section.Name, await section.ExportAsync(subject, cancellationToken));
            }

            writer.WriteEndObject();
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"skillbridge-{user.UserName}-{now:yyyy-MM-dd}.json");
        return new PersonalDataFile(fileName, stream.ToArray());
    }

    internal static PersonalDataSubject SubjectOf(SkillBridgeUser user, Person? person) =>
        new(user.Id, user.UserName ?? "", user.Email, person?.Id, person?.Username);

    private static void Write(Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, value.GetType(), Json);
        }
    }
}
