using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Review;

/// <summary>A curator who wrote a module cannot publish or schedule it: another curator must, unless the site allows it.</summary>
public sealed class SelfPublishTests
{
    private const string Body = "Why it helps.\n\n## Open the chat\nRight-click it.\n\n## Pin it\nChoose **Pin**.\n";
    private const string OwnModule = "You wrote this module; another curator must publish it.";

    [Fact]
    public async Task ReviewPage_CuratorWroteTheModule_SaysWhyPublishAndScheduleAreUnavailable()
    {
        using var factory = new SkillBridgeWebFactory();
        var (writer, slug) = await OwnSubmittedModuleAsync(factory);

        var review = await writer.GetPageAsync($"/review/{slug}");

        Assert.Equal(OwnModule, review.Text("#publish-unavailable p"));
        Assert.Null(FormFor(review, "Publish"));
        Assert.Null(FormFor(review, "Schedule"));
        Assert.NotNull(FormFor(review, "RequestChanges"));
    }

    [Fact]
    public async Task Publish_CuratorWroteTheModule_IsRefusedWithTheReasonAndChangesNothing()
    {
        using var factory = new SkillBridgeWebFactory();
        var (writer, slug) = await OwnSubmittedModuleAsync(factory);
        var review = await writer.GetPageAsync($"/review/{slug}");
        var requestChanges = FormFor(review, "RequestChanges")!;
        requestChanges.Action = requestChanges.Action.Replace("handler=RequestChanges", "handler=Publish", StringComparison.Ordinal);

        using var response = await writer.SubmitAsync(requestChanges, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(OwnModule, HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal((DraftState.InReview, (int?)null), await StateAsync(factory, slug));
    }

    [Fact]
    public async Task Schedule_CuratorWroteTheModule_IsRefusedAndChangesNothing()
    {
        using var factory = new SkillBridgeWebFactory();
        var (_, slug) = await OwnSubmittedModuleAsync(factory, "writer.curator");
        await using var scope = factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<PublishingWorkflow>();

        var result = await workflow.ScheduleAsync(slug, new Actor("writer.curator", IsAuthor: true, IsCurator: true), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1));

        Assert.Equal(AuthoringFailure.OwnModule, result.Failure);
        Assert.Equal(OwnModule, result.Message);
        Assert.Equal((DraftState.InReview, (int?)null), await StateAsync(factory, slug));
    }

    [Fact]
    public async Task Publish_CuratorWroteTheModuleAndSelfPublishingAllowed_Publishes()
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Publishing:AllowSelfPublish"] = "true" } };
        var (writer, slug) = await OwnSubmittedModuleAsync(factory);
        var review = await writer.GetPageAsync($"/review/{slug}");

        using var response = await writer.SubmitAsync(FormFor(review, "Publish")!, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync($"/modules/{slug}")).StatusCode);
    }

    private static IHtmlFormElement? FormFor(IHtmlDocument page, string handler) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));

    /// <summary>An author who is also a curator writes a module and submits it for review.</summary>
    private static async Task<(HttpClient Writer, string Slug)> OwnSubmittedModuleAsync(SkillBridgeWebFactory factory, string? username = null)
    {
        username ??= Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author, Roles.Curator);
        await using var scope = factory.Services.CreateAsyncScope();
        var actor = new Actor(username, IsAuthor: true, IsCurator: true);
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            actor,
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "Keep it at the top.", "tools", ["teams"], Core.Modules.ModuleLevel.Beginner, 5, null, Body, [username]));
        var slug = created.Value!.Module.Slug;
        using var submitted = await client.PressAsync(await client.OpenEditorAsync(slug), "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return (client, slug);
    }

    private static async Task<(DraftState State, int? PublishedRevision)> StateAsync(SkillBridgeWebFactory factory, string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var draft = await db.ModuleDrafts.Include(d => d.Module).SingleAsync(d => d.Module.Slug == slug);
        return (draft.State, draft.Module.PublishedRevisionId);
    }
}
