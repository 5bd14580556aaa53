using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// The sign-in cookie's check on every request: its session row must still exist (one read by primary key, cached for
/// a second per node), then Identity's security-stamp check runs as before. A cookie whose session is gone is signed out.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var session = SkillBridgeSignInManager.CurrentSession(principal);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (session is null || !await sessions.IsActiveAsync(session.Value.Id, session.Value.UserId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>The security-stamp check rebuilds the cookie's claims from the account; the session claim must survive it.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(UserSessions.Claim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        return Task.CompletedTask;
    }
}
