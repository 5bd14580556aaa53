using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// The authorization policies every page and endpoint names. Authors write; curators and admins may write too
/// (<see cref="Author"/> admits all three); curating needs curator or admin; administering needs admin.
/// </summary>
public static class Policies
{
    /// <summary>Anyone, unless SkillBridge:RequireSignIn is on; then anyone signed in.</summary>
    public const string Read = "Read";

    /// <summary>Any signed-in account (every account is a learner).</summary>
    public const string SignedIn = "SignedIn";

    public const string Author = "Author";

    public const string Curate = "Curate";

    public const string Administer = "Administer";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.AddRequirements(new ReadRequirement()));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Author, policy => policy.RequireRole(Roles.Author, Roles.Curator, Roles.Admin));
        options.AddPolicy(Curate, policy => policy.RequireRole(Roles.Curator, Roles.Admin));
        options.AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin));

        // Fails closed: an endpoint that names no policy (a forgotten page) is refused to everyone. A request that
        // matches no endpoint at all passes, so it can become the ordinary 404.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is null)
            .Build();
    }
}

public sealed class ReadRequirement : IAuthorizationRequirement;

/// <summary>Reads the setting on every request, so turning RequireSignIn on takes effect without a restart.</summary>
public sealed class ReadRequirementHandler(IOptionsMonitor<SkillBridgeOptions> options) : AuthorizationHandler<ReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        if (!options.CurrentValue.RequireSignIn || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
