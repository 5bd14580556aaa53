using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using SkillBridge.Core;

namespace SkillBridge.Web.Time;

/// <summary>
/// SkillBridge:Culture (default en-GB) as the culture of every request: pages formatting with the current culture get
/// its day and month names. Browsers' Accept-Language is not consulted, so everyone sees the same formats.
/// </summary>
public static class SiteCulture
{
    public static WebApplication UseSiteCulture(this WebApplication app)
    {
        var name = app.Services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value.Culture;
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(name) ? SkillBridgeOptions.DefaultCulture : name.Trim());
        }
        catch (CultureNotFoundException)
        {
            throw new InvalidOperationException($"SkillBridge:Culture is “{name}”, which is not a culture this machine knows. Use a name such as en-GB or de-DE.");
        }

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
            RequestCultureProviders = [],
        });
        return app;
    }
}
