using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Branding;
using SkillBridge.Web.Endpoints;
using SkillBridge.Web.Hosting;
using SkillBridge.Web.Theming;
using SkillBridge.Web.Time;

namespace SkillBridge.Web;

public static class WebServices
{
    public static IHostApplicationBuilder AddSkillBridgeWeb(this IHostApplicationBuilder builder)
    {
        builder.AddSkillBridgeAccounts();
        builder.AddSkillBridgeHosting();
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AddPageRoute("/Catalogue/Index", "");
                // The player's step page also shows a draft ("Preview as a learner"); links to it still go to the player.
                options.Conventions.AddPageRouteModelConvention("/Player/Step", model => model.Selectors.Add(new Microsoft.AspNetCore.Mvc.ApplicationModels.SelectorModel
                {
                    AttributeRouteModel = new Microsoft.AspNetCore.Mvc.ApplicationModels.AttributeRouteModel
                    {
                        Template = SkillBridge.Web.Pages.Player.StepModel.DraftPreviewRoute,
                        SuppressLinkGeneration = true,
                    },
                }));
                AccountsSetup.AuthorizePages(options.Conventions);
            })
            .AddMvcOptions(options => options.Filters.Add<SkillBridge.Web.Pages.HandlerRequiredFilter>());
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "skillbridge-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<SkillBridgeDbContext>();
        builder.Services.AddSingleton<ThemeCatalog>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SkillBridge.Web.Time.LocalTime>();
        builder.Services.AddHostedService<SkillBridge.Web.Publishing.ScheduledPublishingService>();
        builder.Services.AddHostedService<SkillBridge.Web.Assignments.AssignmentRemindersService>();
        builder.Services.AddHostedService<SkillBridge.Web.Notifications.ReviewDigestService>();
        builder.Services.AddHostedService<SignInHousekeeping>();
        builder.Services.AddSingleton<PasswordRules>();
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseSkillBridgeWeb(this WebApplication app)
    {
        app.UseSkillBridgeHosting();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<ThemeCatalog>().ThemesPath),
            RequestPath = "/themes",
        });
        app.UseUploadRequestLimit();
        app.UseSiteCulture();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapMediaEndpoints();
        app.MapBrandingEndpoints();
        app.MapPlayerApi();
        app.MapSearchApi();
        app.MapMentoringEndpoints();
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        app.MapHealthz();
        return app;
    }

    /// <summary>
    /// A strict Content-Security-Policy (no inline script or style; images from the site and the hosts
    /// SkillBridge:Content:AllowedImageHosts lists) and the usual hardening headers on every response.
    /// </summary>
    private static void UseSecurityHeaders(this WebApplication app)
    {
        var imageSources = string.Join(' ', ["'self'", .. app.Services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value.Content.ImageHosts()]);
        var policy =
            $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {imageSources}; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });
    }
}
