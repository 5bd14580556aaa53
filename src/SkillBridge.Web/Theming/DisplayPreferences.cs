namespace SkillBridge.Web.Theming;

public enum TextSize
{
    Normal,
    Large,
    Larger,
}

public enum ContrastPreference
{
    Standard,
    High,
}

/// <summary>A visitor's text size and contrast, remembered in a cookie so it works without an account.</summary>
public sealed record DisplayPreferences(TextSize TextSize, ContrastPreference Contrast)
{
    public const string CookieName = "skillbridge-display";

    public static readonly DisplayPreferences Default = new(TextSize.Normal, ContrastPreference.Standard);

    public string CssClass => "text-" + TextSize.ToString().ToLowerInvariant();

    public static DisplayPreferences From(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return Default;
        }

        var parts = value.Split('.');
        var size = parts.Length > 0 && Enum.TryParse<TextSize>(parts[0], ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : TextSize.Normal;
        var contrast = parts.Length > 1 && Enum.TryParse<ContrastPreference>(parts[1], ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : ContrastPreference.Standard;
        return new DisplayPreferences(size, contrast);
    }

    public void WriteTo(HttpResponse response) =>
        response.Cookies.Append(CookieName, $"{TextSize}.{Contrast}".ToLowerInvariant(), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
}
