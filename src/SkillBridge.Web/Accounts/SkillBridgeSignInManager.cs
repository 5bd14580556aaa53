using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// Identity's sign-in with a <see cref="UserSession"/> row behind every cookie: signing in starts a session (its id is a
/// claim in the cookie), refreshing the cookie keeps it, and signing out deletes it, so a copy of the cookie stops working.
/// </summary>
public sealed class SkillBridgeSignInManager(
    UserManager<SkillBridgeUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SkillBridgeUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SkillBridgeUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SkillBridgeUser> confirmation,
    UserSessions sessions)
    : SignInManager<SkillBridgeUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(SkillBridgeUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Any(c => c.Type == UserSessions.Claim))
        {
            // A refresh of this person's own cookie (settings saved, password changed) keeps its session; anything else starts one.
            var current = Context.User;
            var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id ? current.FindFirstValue(UserSessions.Claim) : null;
            sessionId ??= await sessions.StartAsync(
                user.Id, Context.Connection.RemoteIpAddress?.ToString(), Context.Request.Headers.UserAgent.ToString(), Context.RequestAborted);
            claims.Add(new Claim(UserSessions.Claim, sessionId));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task SignOutAsync()
    {
        if (CurrentSession(Context.User) is { } session)
        {
            await sessions.EndAsync(session.UserId, session.Id, Context.RequestAborted);
        }

        await base.SignOutAsync();
    }

    /// <summary>The session the request's cookie names, if it is signed in.</summary>
    public static (string UserId, string Id)? CurrentSession(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && principal.FindFirstValue(UserSessions.Claim) is { } id ? (userId, id) : null;
}
