using SkillBridge.Core.Mail;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// Absolute links for admins to copy and for calendar files people download. SkillBridge:SiteUrl, when set, is used
/// instead of the request's Host header. Mail never uses the request: it builds links with <see cref="MailStatus.Link"/>,
/// and mail is off without SiteUrl.
/// </summary>
public sealed class AccountLinks(MailStatus mail)
{
    public string Absolute(HttpRequest request, string pathAndQuery) =>
        (mail.SiteUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}") + pathAndQuery;
}
