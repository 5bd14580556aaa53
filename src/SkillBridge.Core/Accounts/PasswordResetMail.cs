using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;

namespace SkillBridge.Core.Accounts;

/// <summary>
/// Queues the password-reset mail for an address, if it belongs to an account. The link is built from SiteUrl only,
/// never from the request, and the mail's body (which holds the live token) leaves the outbox once sent or once the
/// token expires.
/// </summary>
public sealed class PasswordResetMail(
    UserManager<SkillBridgeUser> users,
    SkillBridgeDbContext db,
    MailOutbox outbox,
    MailStatus status,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    TimeProvider clock)
{
    public bool IsOn => status.IsOn;

    /// <summary>True when a mail was queued; the caller answers the same either way.</summary>
    public async Task<bool> RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        if (!status.IsOn || await users.FindByEmailAsync(email.Trim()) is not { Email: not null } user)
        {
            return false;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = status.Link($"/account/resetpassword?user={Uri.EscapeDataString(user.Id)}&code={token}");
        outbox.Enqueue(
            new OutgoingMail(user.Email, "Choose a new SkillBridge password",
                $"Hello {user.UserName},\n\nSomeone (we hope you) asked to reset your SkillBridge password. Open this link within 3 hours to choose a new one:\n\n{link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n"),
            user.Id,
            secretUntil: clock.GetUtcNow().UtcDateTime + tokens.Value.TokenLifespan);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
