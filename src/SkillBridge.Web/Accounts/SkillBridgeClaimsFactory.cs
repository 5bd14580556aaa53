using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Accounts;

/// <summary>Adds the account's time zone to its cookie, so pages can show times without a database query.</summary>
public sealed class SkillBridgeClaimsFactory(
    UserManager<SkillBridgeUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SkillBridgeUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SkillBridgeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountsSetup.TimeZoneClaim, user.TimeZoneId));
        return identity;
    }
}
