using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Notifications;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Review;

/// <summary>A signed-in person for the review tests.</summary>
public sealed record Reviewer(HttpClient Client, string Username, string UserId);

/// <summary>Modules going through review by the real pages: written, submitted, reviewed, answered.</summary>
public static class ReviewFlow
{
    public const string Body = "Why it helps.\n\n## Open the chat\nRight-click the chat and look for the menu.\n\n## Pin it\nChoose **Pin** from the menu.\n\n```quiz\nquestion: Where do pinned chats go?\noptions:\n  - text: To the top\n    correct: true\n  - text: Nowhere\nexplanation: They stay at the top.\n```\n";

    public static async Task<Reviewer> PersonAsync(this SkillBridgeWebFactory factory, string prefix, params string[] roles)
    {
        var username = Infrastructure.Accounts.UniqueName(prefix);
        var client = await factory.SignedInClientAsync(username, roles);
        var id = await WithDbAsync(factory, db => db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync());
        return new Reviewer(client, username, id);
    }

    public static Task<Reviewer> CuratorAsync(this SkillBridgeWebFactory factory) => factory.PersonAsync("curator", Roles.Curator);

    public static Task<Reviewer> AuthorAsync(this SkillBridgeWebFactory factory) => factory.PersonAsync("writer", Roles.Author);

    /// <summary>A new draft by <paramref name="author"/>; returns its slug.</summary>
    public static async Task<string> DraftAsync(this SkillBridgeWebFactory factory, Reviewer author, string body = Body, int minutes = 5)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(author.Username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "Keep it at the top.", "tools", ["teams"], Core.Modules.ModuleLevel.Beginner, minutes, null, body, [author.Username]));
        return created.Value!.Module.Slug;
    }

    public static async Task SubmitAsync(this Reviewer author, string slug)
    {
        using var response = await author.Client.PressAsync(await author.Client.OpenEditorAsync(slug), "Submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task SaveAsync(this Reviewer author, string slug, Dictionary<string, string> fields)
    {
        using var response = await author.Client.PressAsync(await author.Client.OpenEditorAsync(slug), "Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Presses Publish, Schedule or RequestChanges on the review page.</summary>
    public static async Task DecideAsync(this Reviewer curator, string slug, string handler, params (string Name, string Value)[] fields)
    {
        var page = await curator.Client.GetPageAsync($"/review/{slug}");
        using var response = await curator.Client.SubmitAsync(Form(page, "handler=" + handler), fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Sends a reply from the conversation on <paramref name="page"/> (the review page or the editor).</summary>
    public static async Task<HttpResponseMessage> ReplyAsync(this Reviewer person, string page, string text) =>
        await person.Client.SubmitAsync(Form(await person.Client.GetPageAsync(page), "/reply"), [new("Reply", text)]);

    public static IHtmlFormElement Form(IHtmlDocument page, string actionContains) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.Ordinal));

    public static Task<List<Notification>> NotificationsAsync(this SkillBridgeWebFactory factory, string userId) =>
        WithDbAsync(factory, db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());

    public static async Task<T> WithDbAsync<T>(SkillBridgeWebFactory factory, Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }
}
