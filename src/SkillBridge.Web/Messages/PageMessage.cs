using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SkillBridge.Web.Messages;

/// <summary>What a one-off message tells the person: that something was done, something to know, or a problem.</summary>
public enum PageMessageKind
{
    Success,
    Information,
    Error,
}

/// <summary>
/// The one-off message shown after an action, on the page the person lands on, whichever page that is: a page model sets
/// calls <see cref="ShowMessage"/> and redirects (or shows a page); the layout (<c>_PageMessage</c>) shows the message once,
/// with its kind's colour, icon and word, and removes it.
/// </summary>
public static class PageMessage
{
    public const string TextKey = "PageMessage";

    public const string KindKey = "PageMessageKind";

    public static void ShowMessage(this PageModel page, string text, PageMessageKind kind = PageMessageKind.Success)
    {
        page.TempData[TextKey] = text;
        page.TempData[KindKey] = kind.ToString();
        page.HttpContext.Items[TextKey] = true;
    }

    /// <summary>
    /// The message for this request, if any; reading it means it is not shown again. TempData is only opened when the
    /// request brought its cookie or this request wrote to it, so other pages neither read nor clear that cookie.
    /// </summary>
    public static (string Text, PageMessageKind Kind)? Take(HttpContext context, ITempDataDictionary tempData)
    {
        if (!context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) && !context.Items.ContainsKey(TextKey))
        {
            return null;
        }

        if (tempData[TextKey] is not string { Length: > 0 } text)
        {
            return null;
        }

        var kind = tempData[KindKey] is string named && Enum.TryParse<PageMessageKind>(named, out var parsed) ? parsed : PageMessageKind.Success;
        return (text, kind);
    }

    /// <summary>The word that says the kind in text, so colour is never the only sign.</summary>
    public static string Word(PageMessageKind kind) => kind switch
    {
        PageMessageKind.Error => "Problem",
        PageMessageKind.Information => "Note",
        _ => "Done",
    };
}
