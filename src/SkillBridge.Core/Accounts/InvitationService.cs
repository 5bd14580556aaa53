using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Accounts;

public enum InvitationState
{
    Open,
    NotFound,
    Used,
    Expired,
    Revoked,
}

/// <summary>What an admin asks for: the address, and optionally a username, the person's name and the roles they get.</summary>
public sealed record InvitationRequest(string Email, string? Username = null, string? Name = null, IReadOnlyCollection<string>? Roles = null);

/// <param name="Mailed">True when the invitation mail was queued with it; false when mail is off (the admin passes the link on).</param>
public sealed record InvitationCreated(Invitation? Invitation, string? Token, IReadOnlyList<FieldError> Errors, bool Mailed = false)
{
    public bool Succeeded => Invitation is not null;
}

public sealed record InvitationLookup(Invitation? Invitation, InvitationState State);

/// <summary>An invitation not yet accepted nor revoked; <paramref name="Expired"/> ones stay listed so they can be sent again.</summary>
public sealed record PendingInvitation(int Id, string Email, string? Name, string? Username, IReadOnlyList<string> Roles, string InvitedBy, DateTime CreatedAt, DateTime ExpiresAt, bool Expired);

public enum InvitationChangeStatus
{
    Done,
    NotFound,
}

/// <param name="Token">The new link's token after a resend; null after a revoke.</param>
public sealed record InvitationChange(InvitationChangeStatus Status, Invitation? Invitation = null, string? Token = null, bool Mailed = false);

/// <summary>
/// One-time invitation links: a random token mailed or shown once, only its hash stored, valid
/// <see cref="Invitation.ValidFor"/>, single use; an admin can send one again (a new link) or revoke it.
/// </summary>
public sealed class InvitationService(SkillBridgeDbContext db, AccountService accounts, AuditLog audit, MailOutbox mail, MailStatus mailStatus, TimeProvider time)
{
    public const int NameMaxLength = 100;

    public const string BadEmailMessage = "Enter an e-mail address like name@example.com.";

    public static string LinkPath(string token) => "/account/acceptinvitation?token=" + token;

    public Task<InvitationCreated> CreateAsync(string email, string? username, string invitedBy, CancellationToken cancellationToken = default) =>
        CreateAsync(new InvitationRequest(email, username), invitedBy, cancellationToken);

    public async Task<InvitationCreated> CreateAsync(InvitationRequest request, string invitedBy, CancellationToken cancellationToken = default)
    {
        var (normalized, error) = await CheckAsync(request, cancellationToken);
        if (error is not null)
        {
            return new(null, null, [error]);
        }

        var token = NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Email = normalized!.Email,
            Username = normalized.Username,
            Name = normalized.Name,
            Roles = normalized.Roles is { Count: > 0 } roles ? string.Join(' ', roles) : null,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Invitation.ValidFor,
        };
        db.Invitations.Add(invitation);

        // Queued in the same save as the invitation (the audit entry saves both); the link is built from SiteUrl only.
        var mailed = Mail(invitation, token);
        await audit.RecordAsync(AuditAction.Invited, invitedBy, invitation.Email, Describe(invitation), cancellationToken);
        return new(invitation, token, [], mailed);
    }

    /// <summary>
    /// Checks a request without saving anything: the first problem, or the request tidied (trimmed, roles known and
    /// distinct). Bulk previews use it line by line.
    /// </summary>
    public async Task<(InvitationRequest? Request, FieldError? Error)> CheckAsync(InvitationRequest request, CancellationToken cancellationToken = default)
    {
        foreach (var (field, label, value) in new[] { ("Email", "The e-mail address", request.Email), ("Username", "The username", request.Username), ("Name", "The name", request.Name) })
        {
            if (!SingleLineText.IsValid(value))
            {
                return (null, new FieldError(field, SingleLineText.Problem(label)));
            }
        }

        var email = request.Email.Trim();
        var username = string.IsNullOrWhiteSpace(request.Username) ? null : request.Username.Trim();
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        // A domain without a dot ("zoe@example") is a typo for a work address, though the standard allows it.
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email
            || address.Host.Split('.') is not { Length: > 1 } labels || labels.Any(l => l.Length == 0))
        {
            return (null, new FieldError("Email", BadEmailMessage));
        }

        if (name is { Length: > NameMaxLength })
        {
            return (null, new FieldError("Name", $"The name can be at most {NameMaxLength} characters."));
        }

        var unknown = (request.Roles ?? []).FirstOrDefault(r => !Accounts.Roles.IsKnown(r));
        if (unknown is not null)
        {
            return (null, new FieldError("Roles", $"There is no role called \"{unknown}\". The roles are {string.Join(", ", Accounts.Roles.All)}."));
        }

        var normalizedEmail = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return (null, new FieldError("Email", "Someone already has an account with this e-mail address."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Invitations.AnyAsync(i => i.Email.ToUpper() == normalizedEmail && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken))
        {
            return (null, new FieldError("Email", "This address already has an invitation waiting. Send it again or revoke it in the list of invitations."));
        }

        var normalizedUsername = username?.ToUpperInvariant();
        if (normalizedUsername is not null && await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedUsername, cancellationToken))
        {
            return (null, new FieldError("Username", "This username is taken."));
        }

        var roles = (request.Roles ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (new InvitationRequest(email, username, name, roles), null);
    }

    /// <summary>Invitations waiting to be accepted (expired ones too, to send again), newest first.</summary>
    public async Task<IReadOnlyList<PendingInvitation>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return pending.Select(i => new PendingInvitation(i.Id, i.Email, i.Name, i.Username, i.RoleList, i.InvitedBy, i.CreatedAt, i.ExpiresAt, i.ExpiresAt <= now)).ToList();
    }

    /// <summary>
    /// Sends a pending invitation again with a new link (the old one stops working) valid for another
    /// <see cref="Invitation.ValidFor"/>: mailed when mail is on, otherwise returned for the admin to pass on.
    /// </summary>
    public async Task<InvitationChange> ResendAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationChangeStatus.NotFound);
        }

        var token = NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        invitation.TokenHash = Hash(token);
        invitation.ExpiresAt = now + Invitation.ValidFor;
        var mailed = Mail(invitation, token);
        await audit.RecordAsync(AuditAction.InvitationResent, actor, invitation.Email, null, cancellationToken);
        return new(InvitationChangeStatus.Done, invitation, token, mailed);
    }

    public async Task<InvitationChange> RevokeAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationChangeStatus.NotFound);
        }

        invitation.RevokedAt = time.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(AuditAction.InvitationRevoked, actor, invitation.Email, null, cancellationToken);
        return new(InvitationChangeStatus.Done, invitation);
    }

    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return new(null, InvitationState.NotFound);
        }

        var hash = Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation switch
        {
            null => new(null, InvitationState.NotFound),
            { AcceptedAt: not null } => new(invitation, InvitationState.Used),
            { RevokedAt: not null } => new(invitation, InvitationState.Revoked),
            _ when invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime => new(invitation, InvitationState.Expired),
            _ => new(invitation, InvitationState.Open),
        };
    }

    /// <summary>Creates the account with the invitation's roles and uses the invitation up, both or neither. The e-mail is the invited one.</summary>
    public async Task<(InvitationState State, AccountResult? Account)> AcceptAsync(string token, string username, string password, string? name, CancellationToken cancellationToken = default)
    {
        var lookup = await FindAsync(token, cancellationToken);
        if (lookup.State != InvitationState.Open)
        {
            return (lookup.State, null);
        }

        var invitation = lookup.Invitation!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        // Claimed with a conditional update, so two tabs (or two nodes) can never use one invitation twice.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return (InvitationState.Used, null);
        }

        var result = await accounts.CreateAsync(
            new NewAccount(invitation.Username ?? username, invitation.Email, password, string.IsNullOrWhiteSpace(name) ? invitation.Name : name),
            ProfileClaim.Allowed, invitation.InvitedBy, invitation.RoleList, cancellationToken);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (InvitationState.Open, result);
        }

        await audit.RecordAsync(AuditAction.InvitationAccepted, result.User!.UserName, invitation.Email, $"invited by {invitation.InvitedBy}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (InvitationState.Open, result);
    }

    private bool Mail(Invitation invitation, string token) =>
        mail.Enqueue(
            new OutgoingMail(invitation.Email, "You are invited to SkillBridge",
                $"Hello{(invitation.Name is null ? "" : " " + invitation.Name)},\n\n{invitation.InvitedBy} invited you to SkillBridge, where colleagues share short lessons on the tools they use every day.\n\n" +
                $"Open this link within {Invitation.ValidFor.TotalDays:0} days to create your account (it works once):\n\n{mailStatus.Link(LinkPath(token))}\n"),
            secretUntil: invitation.ExpiresAt);

    private static string? Describe(Invitation invitation)
    {
        var parts = new List<string>();
        if (invitation.Username is not null)
        {
            parts.Add($"username {invitation.Username}");
        }

        if (invitation.RoleList.Count > 0)
        {
            parts.Add($"roles {string.Join(", ", invitation.RoleList)}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
