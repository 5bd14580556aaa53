using System.Security.Claims;
using SkillBridge.Core.Authoring;

namespace SkillBridge.Web.Authoring;

public static class ClaimsActor
{
    /// <summary>The signed-in person as the authoring workflow sees them; admins act as curators.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        IsAuthor: user.IsInRole("author"),
        IsCurator: user.IsInRole("curator") || user.IsInRole("admin"));
}
