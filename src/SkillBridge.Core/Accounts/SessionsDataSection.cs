using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

public sealed record SessionRecord(DateTime CreatedAt, DateTime LastSeenAt, string? ClientAddress, string? Browser);

/// <summary>
/// Where the person is signed in (client addresses and browsers), and the sign-in and reset-mail counts kept under their
/// account or address. Erasing removes both; the sessions would also go with the account (ON DELETE CASCADE).
/// </summary>
public sealed class SessionsDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "sessions";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == subject.UserId)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new SessionRecord(s.CreatedAt, s.LastSeenAt, s.ClientAddress, s.Browser))
            .ToListAsync(cancellationToken);

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var subject = erasure.Subject;
        await db.UserSessions.Where(s => s.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        var account = ThrottleKeys.Account(new SkillBridgeUser { Id = subject.UserId }, subject.Username);
        var accountKey = ThrottleKeys.SignInAccount(account);
        var clientPrefix = ThrottleKeys.SignInClient(account, "");
        var mailKey = subject.Email is null ? null : ThrottleKeys.ResetMailAddress(subject.Email);
        await db.ThrottleCounters.Where(c => c.Key == accountKey || c.Key.StartsWith(clientPrefix) || c.Key == mailKey).ExecuteDeleteAsync(cancellationToken);
    }
}
