using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

public enum ResetLinkStatus
{
    Done,
    NoSuchAccount,

    /// <summary>Refused: an admin's password is never reset by another admin (that would hand over their powers).</summary>
    Administrator,
    NotFound,
    Used,
    Expired,
    PasswordRefused,
}

/// <param name="Token">The link's token, shown to the admin once; only its hash is stored.</param>
public sealed record ResetLinkResult(ResetLinkStatus Status, string? Token = null, string? Username = null, IReadOnlyList<FieldError>? Errors = null);

/// <summary>
/// One-time password-reset links an admin makes for someone who forgot their password on a site that sends no mail:
/// single use, valid <see cref="PasswordResetLink.ValidFor"/>, not for administrators' accounts, audited. Making a new
/// link ends the person's earlier ones; using one ends every session of the account.
/// </summary>
public sealed class ResetLinkService(SkillBridgeDbContext db, UserManager<SkillBridgeUser> users, UserSessions sessions, AuditLog audit, TimeProvider time)
{
    public static string LinkPath(string token) => "/account/resetlink?token=" + token;

    public async Task<ResetLinkResult> CreateAsync(string userId, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new(ResetLinkStatus.NoSuchAccount);
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return new(ResetLinkStatus.Administrator, Username: user.UserName);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.PasswordResetLinks.Where(l => l.UserId == user.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, now), cancellationToken);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.PasswordResetLinks.Add(new PasswordResetLink
        {
            UserId = user.Id,
            TokenHash = InvitationService.Hash(token),
            CreatedBy = actor,
            CreatedAt = now,
            ExpiresAt = now + PasswordResetLink.ValidFor,
        });
        await audit.RecordAsync(AuditAction.ResetLinkMade, actor, user.UserName!, null, cancellationToken);
        return new(ResetLinkStatus.Done, token, user.UserName);
    }

    /// <summary>Whether a link can be used now, and whose account it is for.</summary>
    public async Task<ResetLinkResult> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (link, status) = await FindAsync(token, cancellationToken);
        if (status != ResetLinkStatus.Done)
        {
            return new(status);
        }

        var username = await db.Users.Where(u => u.Id == link!.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return new(ResetLinkStatus.Done, Username: username);
    }

    /// <summary>Sets the new password and uses the link up (both or neither), then ends every session of the account.</summary>
    public async Task<ResetLinkResult> UseAsync(string? token, string newPassword, CancellationToken cancellationToken = default)
    {
        var (link, status) = await FindAsync(token, cancellationToken);
        if (status != ResetLinkStatus.Done)
        {
            return new(status);
        }

        if (await users.FindByIdAsync(link!.UserId) is not { } user)
        {
            return new(ResetLinkStatus.NotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        // Claimed with a conditional update, so the link works once even when two tabs submit at the same moment.
        var claimed = await db.PasswordResetLinks
            .Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return new(ResetLinkStatus.Used);
        }

        // Identity's own reset checks the password rules and changes the security stamp, which signs out every browser.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!reset.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(ResetLinkStatus.PasswordRefused, Errors: reset.Errors.Select(e => new FieldError("NewPassword", e.Description)).ToList());
        }

        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
        await audit.RecordAsync(AuditAction.PasswordReset, user.UserName, user.UserName!, $"by a link from {link.CreatedBy}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ResetLinkStatus.Done, Username: user.UserName);
    }

    private async Task<(PasswordResetLink? Link, ResetLinkStatus Status)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (null, ResetLinkStatus.NotFound);
        }

        var hash = InvitationService.Hash(token);
        var link = await db.PasswordResetLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link switch
        {
            null => (null, ResetLinkStatus.NotFound),
            { UsedAt: not null } => (link, ResetLinkStatus.Used),
            _ when link.ExpiresAt <= time.GetUtcNow().UtcDateTime => (link, ResetLinkStatus.Expired),
            _ => (link, ResetLinkStatus.Done),
        };
    }
}
