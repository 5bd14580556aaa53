using Microsoft.Extensions.Options;
using SkillBridge.Core;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// Absolute links for mail and for admins to copy. SkillBridge:SiteUrl, when set, is used instead of the request's
/// Host header, so a forged Host cannot point a password-reset mail at someone else's site.
/// </summary>
public sealed class AccountLinks(IOptions<SkillBridgeOptions> options)
{
    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        var site = string.IsNullOrWhiteSpace(options.Value.SiteUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.Value.SiteUrl.TrimEnd('/');
        return site + pathAndQuery;
    }
}
