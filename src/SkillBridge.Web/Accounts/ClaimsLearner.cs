using System.Security.Claims;

namespace SkillBridge.Web.Accounts;

public static class ClaimsLearner
{
    /// <summary>The signed-in account's id, whose progress is stored; null for anonymous visitors, whose progress is not.</summary>
    public static string? LearnerId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
