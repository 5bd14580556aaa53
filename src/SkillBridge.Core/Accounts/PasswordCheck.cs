using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace SkillBridge.Core.Accounts;

public enum PasswordCheckStatus
{
    /// <summary>The password is right and the account may sign in.</summary>
    Succeeded,

    /// <summary>No such account, or the wrong password: the same answer for both.</summary>
    Refused,

    /// <summary>This client tried too many wrong passwords on this account; try again after <see cref="PasswordCheckResult.RetryAfter"/>.</summary>
    TooManyAttempts,

    /// <summary>The password is right but an administrator locked the account.</summary>
    Locked,
}

public sealed record PasswordCheckResult(PasswordCheckStatus Status, SkillBridgeUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// Checks a sign-in's name and password. Wrong passwords are counted per account and per (account, client address) in
/// the database; a client that reaches <see cref="ThrottleKeys.SignInFailuresPerClient"/> waits for the window to end,
/// while the account itself is never locked by anonymous failures, so its owner still gets in from elsewhere. An unknown
/// name costs the same password-hash work as a wrong password, so timing does not tell which names exist.
/// </summary>
public sealed class PasswordCheck(
    UserManager<SkillBridgeUser> users,
    IPasswordHasher<SkillBridgeUser> hasher,
    UnknownAccountPassword unknownAccount,
    RequestThrottle throttle,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<PasswordCheckResult> CheckAsync(string name, string password, IPAddress? clientAddress, CancellationToken cancellationToken = default)
    {
        var tried = name.Trim();
        var user = await users.FindByNameAsync(tried) ?? (tried.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(tried) : null);
        var account = ThrottleKeys.Account(user, tried);
        var client = ThrottleKeys.Client(clientAddress);
        var subject = user?.UserName ?? tried;

        // Counted before the password is looked at, so parallel guesses cannot slip past the limit; a success clears it.
        var attempts = await throttle.HitAsync(ThrottleKeys.SignInClient(account, client), ThrottleKeys.SignInWindow, cancellationToken);
        if (attempts.Count > ThrottleKeys.SignInFailuresPerClient)
        {
            if (attempts.Count == ThrottleKeys.SignInFailuresPerClient + 1)
            {
                await audit.RecordAsync(AuditAction.SignInThrottled, null, subject, $"{ThrottleKeys.SignInFailuresPerClient} wrong passwords from {client}; refused until {attempts.WindowEndsAt:u}", cancellationToken);
            }

            return new(PasswordCheckStatus.TooManyAttempts, RetryAfter: attempts.RetryAfter(clock.GetUtcNow()));
        }

        bool right;
        if (user?.PasswordHash is null)
        {
            unknownAccount.Verify(hasher, password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }

        if (!right)
        {
            await throttle.HitAsync(ThrottleKeys.SignInAccount(account), ThrottleKeys.SignInWindow, cancellationToken);
            await audit.RecordAsync(AuditAction.SignInFailed, null, subject, user is null ? "no account with this name" : $"wrong password from {client}", cancellationToken);
            return new(PasswordCheckStatus.Refused);
        }

        if (await users.IsLockedOutAsync(user!))
        {
            await audit.RecordAsync(AuditAction.SignInFailed, null, subject, "account is locked", cancellationToken);
            return new(PasswordCheckStatus.Locked);
        }

        await throttle.ResetAsync(ThrottleKeys.SignInClient(account, client), cancellationToken);
        return new(PasswordCheckStatus.Succeeded, user);
    }
}

/// <summary>A hash of a random password, made once per process, that unknown names are checked against.</summary>
public sealed class UnknownAccountPassword
{
    private static readonly SkillBridgeUser Nobody = new() { UserName = "nobody" };
    private string? _hash;

    public void Verify(IPasswordHasher<SkillBridgeUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}

/// <summary>Forgotten-password mail: at most a few per address and per client address an hour, and nothing says when it stops.</summary>
public sealed class ResetMailThrottle(RequestThrottle throttle, AuditLog audit)
{
    /// <summary>Counts the request; true when a mail may be sent for it.</summary>
    public async Task<bool> AllowsMailAsync(string email, IPAddress? clientAddress, CancellationToken cancellationToken = default)
    {
        var client = ThrottleKeys.Client(clientAddress);
        var toAddress = await throttle.HitAsync(ThrottleKeys.ResetMailAddress(email), ThrottleKeys.ResetMailWindow, cancellationToken);
        var fromClient = await throttle.HitAsync(ThrottleKeys.ResetMailClient(client), ThrottleKeys.ResetMailWindow, cancellationToken);
        if (toAddress.Count <= ThrottleKeys.ResetMailsPerAddress && fromClient.Count <= ThrottleKeys.ResetMailsPerClient)
        {
            return true;
        }

        if (toAddress.Count == ThrottleKeys.ResetMailsPerAddress + 1 || fromClient.Count == ThrottleKeys.ResetMailsPerClient + 1)
        {
            await audit.RecordAsync(AuditAction.ResetMailThrottled, null, email.Trim(), $"reset mail not sent: too many requests from {client} or to this address this hour", cancellationToken);
        }

        return false;
    }
}
