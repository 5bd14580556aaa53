using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;

namespace SkillBridge.Core.Accounts;

public enum InvitationState
{
    Open,
    NotFound,
    Used,
    Expired,
}

/// <param name="Mailed">True when the invitation mail was queued with it; false when mail is off (the admin passes the link on).</param>
public sealed record InvitationCreated(Invitation? Invitation, string? Token, IReadOnlyList<FieldError> Errors, bool Mailed = false)
{
    public bool Succeeded => Invitation is not null;
}

public sealed record InvitationLookup(Invitation? Invitation, InvitationState State);

/// <summary>One-time invitation links: a random token mailed or shown once, only its hash stored, valid 7 days, single use.</summary>
public sealed class InvitationService(SkillBridgeDbContext db, AccountService accounts, AuditLog audit, MailOutbox mail, MailStatus mailStatus, TimeProvider time)
{
    public static string LinkPath(string token) => "/account/acceptinvitation?token=" + token;

    public async Task<InvitationCreated> CreateAsync(string email, string? username, string invitedBy, CancellationToken cancellationToken = default)
    {
        if (!SingleLineText.IsValid(email))
        {
            return new(null, null, [new FieldError("Email", SingleLineText.Problem("The e-mail address"))]);
        }

        if (!SingleLineText.IsValid(username))
        {
            return new(null, null, [new FieldError("Username", SingleLineText.Problem("The username"))]);
        }

        email = email.Trim();
        username = string.IsNullOrWhiteSpace(username) ? null : username.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return new(null, null, [new FieldError("Email", "Enter an e-mail address like name@example.com.")]);
        }

        var normalizedEmail = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return new(null, null, [new FieldError("Email", "Someone already has an account with this e-mail address.")]);
        }

        var normalizedUsername = username?.ToUpperInvariant();
        if (normalizedUsername is not null && await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedUsername, cancellationToken))
        {
            return new(null, null, [new FieldError("Username", "This username is taken.")]);
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Email = email,
            Username = username,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Invitation.ValidFor,
        };
        db.Invitations.Add(invitation);

        // Queued in the same save as the invitation (the audit entry saves both); the link is built from SiteUrl only.
        var mailed = mail.Enqueue(
            new OutgoingMail(email, "You are invited to SkillBridge",
                $"Hello,\n\n{invitedBy} invited you to SkillBridge, where colleagues share short lessons on the tools they use every day.\n\n" +
                $"Open this link within 7 days to create your account (it works once):\n\n{mailStatus.Link(LinkPath(token))}\n"),
            secretUntil: invitation.ExpiresAt);
        await audit.RecordAsync(AuditAction.Invited, invitedBy, email, username is null ? null : $"username {username}", cancellationToken);
        return new(invitation, token, [], mailed);
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
            _ when invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime => new(invitation, InvitationState.Expired),
            _ => new(invitation, InvitationState.Open),
        };
    }

    /// <summary>Creates the account and uses the invitation up, both or neither. The e-mail is the invited one.</summary>
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
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return (InvitationState.Used, null);
        }

        var result = await accounts.CreateAsync(
            new NewAccount(invitation.Username ?? username, invitation.Email, password, name), ProfileClaim.Allowed, invitation.InvitedBy, [], cancellationToken);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (InvitationState.Open, result);
        }

        await audit.RecordAsync(AuditAction.InvitationAccepted, result.User!.UserName, invitation.Email, $"invited by {invitation.InvitedBy}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (InvitationState.Open, result);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
