using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Web.Accounts;

/// <summary>Adds the account's time zone and profile name to its cookie, so pages can show times and the name without a database query.</summary>
public sealed class SkillBridgeClaimsFactory(
    UserManager<SkillBridgeUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    SkillBridgeDbContext db)
    : UserClaimsPrincipalFactory<SkillBridgeUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SkillBridgeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountsSetup.TimeZoneClaim, user.TimeZoneId));
        var name = user.PersonId is { } personId ? await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync() : null;
        identity.AddClaim(new Claim(AccountsSetup.DisplayNameClaim, string.IsNullOrWhiteSpace(name) ? user.UserName ?? "" : name));
        return identity;
    }
}
