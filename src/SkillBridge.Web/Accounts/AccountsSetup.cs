using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Web.Accounts;

/// <summary>Identity with local accounts, the sign-in cookie and the policies; and which page needs which policy.</summary>
public static class AccountsSetup
{
    public const string TimeZoneClaim = "skillbridge:tz";

    /// <summary>The name on the account's profile, shown in the header instead of the username.</summary>
    public const string DisplayNameClaim = "skillbridge:name";

    public static IHostApplicationBuilder AddSkillBridgeAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentity<SkillBridgeUser, IdentityRole>(options =>
            {
                // The schema the Accounts migration creates; later versions add tables (passkeys) we do not have.
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                options.User.RequireUniqueEmail = true;

                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                // Lockout is for administrators only (Admin › Accounts, the unlock command): anonymous wrong passwords are
                // throttled per client address by PasswordCheck and never lock the account itself.
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SkillBridgeDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<SkillBridgeSignInManager>()
            .AddClaimsPrincipalFactory<SkillBridgeClaimsFactory>();

        // Keys live in the database so that several web nodes accept each other's cookies and a restart signs nobody out.
        builder.Services.AddDataProtection().SetApplicationName("SkillBridge");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new DataProtectionKeyRepository(services, services.GetRequiredService<ILoggerFactory>())));
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(3));

        // Signing out, a password change, a lock or a revoked role end sessions, which every request checks (SessionValidation).
        // The security stamp is still checked every minute so that a granted role or a new time zone reaches every browser;
        // the rebuilt cookie keeps its session.
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = SessionValidation.KeepSessionClaim;
        });

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "skillbridge-auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;

            // Secure whenever the request is HTTPS (always, in production behind HSTS); plain http stays usable for local runs.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.ExpireTimeSpan = UserSessions.IdleLimit;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };

            // Signed in but not allowed: a plain 403 (the status page explains), not a redirect to a page of its own.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddSingleton<IAuthorizationHandler, ReadRequirementHandler>();
        return builder;
    }

    /// <summary>Every page folder gets a policy here; page models carry no [AllowAnonymous] of their own.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        foreach (var folder in new[] { "/Catalogue", "/Modules", "/Player", "/Paths", "/People", "/Health", "/Search" })
        {
            conventions.AuthorizeFolder(folder, Policies.Read);
        }

        // Open to everyone even when RequireSignIn is on: error pages, display settings, and the way in.
        foreach (var page in new[]
        {
            "/Error", "/Status", "/Display/Index", "/Setup/Index",
            "/Account/SignIn", "/Account/SignOut", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResetLink",
            "/Account/AcceptInvitation", "/Account/Register", "/Account/Deleted",
        })
        {
            conventions.AllowAnonymousToPage(page);
        }

        conventions.AuthorizePage("/Account/ChangePassword", Policies.SignedIn);
        conventions.AuthorizePage("/Account/Settings", Policies.SignedIn);
        conventions.AuthorizePage("/Account/Profile", Policies.SignedIn);
        conventions.AuthorizePage("/Account/Data", Policies.SignedIn);
        conventions.AuthorizePage("/Account/Delete", Policies.SignedIn);
        conventions.AuthorizeFolder("/Mentoring", Policies.SignedIn);
        conventions.AuthorizeFolder("/Notifications", Policies.SignedIn);
        conventions.AuthorizeFolder("/Learning", Policies.SignedIn);

        // Also under /Paths's Read policy; the page itself shows a certificate only to the learner who earned it.
        conventions.AuthorizePage("/Paths/Certificate", Policies.SignedIn);

        // Signed in, then the page itself admits only the module's authors and curators (403 for everyone else).
        conventions.AuthorizeFolder("/Feedback", Policies.SignedIn);
        conventions.AuthorizeFolder("/Admin", Policies.Administer);
        conventions.AuthorizeFolder("/Authoring", Policies.Author);
        conventions.AuthorizeFolder("/History", Policies.Author);
        conventions.AuthorizeFolder("/Review", Policies.Curate);
        conventions.AuthorizeFolder("/Assignments", Policies.Curate);
        conventions.AuthorizeFolder("/Groups", Policies.Curate);
        conventions.AuthorizePage("/Search/Misses", Policies.Curate);
        conventions.AuthorizeFolder("/Search/Synonyms", Policies.Curate);
        conventions.AuthorizeFolder("/Reports", Policies.Curate);

        // The path builder: also under /Paths' Read policy; both apply.
        conventions.AuthorizeFolder("/Paths/Builder", Policies.Curate);

        // Also under /People's Read policy; both apply.
        conventions.AuthorizePage("/People/Transfer", Policies.Curate);
        conventions.AuthorizePage("/People/FormerColleagues", Policies.Curate);
    }

    /// <summary>Prints a setup code on the console while the site has no administrator.</summary>
    public static async Task PrepareFirstAdministratorAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<AccountService>().AdministratorExistsAsync())
        {
            app.Services.GetRequiredService<SetupCode>().Issue();
        }
    }
}
