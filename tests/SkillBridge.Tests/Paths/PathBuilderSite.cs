using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Paths;

/// <summary>Drives the path builder's pages as a browser without JavaScript would: plain forms and buttons.</summary>
public static class PathBuilderSite
{
    /// <summary>Creates a path through /paths/new and returns its slug.</summary>
    public static async Task<string> CreatePathAsync(this HttpClient curator, string title, string summary = "A path for the tests.")
    {
        var page = await curator.GetPageAsync("/paths/new");
        using var response = await curator.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, [new("Title", title), new("Summary", summary)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit", location, StringComparison.Ordinal);
        return location.Split('/')[2];
    }

    /// <summary>Searches with the picker's form (no JavaScript) and presses the module's Add button.</summary>
    public static async Task AddModuleAsync(this HttpClient curator, string slug, string search, string moduleSlug)
    {
        var page = await curator.GetPageAsync($"/paths/{slug}/edit?q={Uri.EscapeDataString(search)}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("#module-matches form")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=module]")!.Value == moduleSlug);
        await FollowAsync(curator, await curator.SubmitAsync(form, []));
    }

    /// <summary>Presses a button of the builder (its own formaction, or its form's action) and returns the page it leads to.</summary>
    public static async Task<IHtmlDocument> PressAsync(this HttpClient curator, string slug, Func<IHtmlButtonElement, bool> which, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var page = await curator.GetPageAsync($"/paths/{slug}/edit");
        return await PressAsync(curator, page, which, fields);
    }

    public static async Task<IHtmlDocument> PressAsync(this HttpClient curator, IHtmlDocument page, Func<IHtmlButtonElement, bool> which, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var button = page.QuerySelectorAll<IHtmlButtonElement>("main button").First(which);
        var form = button.Form!;
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.AddRange(fields ?? []);
        using var content = new FormUrlEncodedContent(values);
        using var response = await curator.PostAsync(button.GetAttribute("formaction") ?? form.GetAttribute("action"), content);
        return await FollowAsync(curator, response);
    }

    public static bool Named(this IHtmlButtonElement button, string text) =>
        string.Equals(button.TextContent.Trim(), text, StringComparison.Ordinal);

    public static bool Named(this IHtmlButtonElement button, string text, string moduleTitle) => button.Named($"{text} {moduleTitle}");

    /// <summary>Follows a redirect (success) or parses the page shown again (a problem).</summary>
    private static async Task<IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetPageAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync());
    }
}
