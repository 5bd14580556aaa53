using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Media;

/// <summary>The limits on image processing through the module editor: the busy answer and uploads of one image at one moment.</summary>
public sealed class UploadLimitsTests
{
    /// <summary>Past the 10 MB upload limit and the 2 MB the editor's other fields may take.</summary>
    private const int TooLargeForARequest = 13 * 1024 * 1024;

    [Fact]
    public async Task Upload_WhilePixelBudgetIsTaken_Gets503WithTheBusyMessageOnFormAndPaste()
    {
        Libvips.Require();
        var runner = new HoldingRunner();
        using var factory = Site(runner, new()
        {
            // Each 1200 × 40 image weighs 48,000 pixels: the second one does not fit beside the first.
            ["SkillBridge:Media:MaxPixelsInFlight"] = "60000",
            ["SkillBridge:Media:MaxConcurrentProcessing"] = "4",
            ["SkillBridge:Media:ProcessingStartTimeoutSeconds"] = "0.3",
        });
        var (first, firstSlug) = await NewModuleAsync(factory);
        var (second, secondSlug) = await NewModuleAsync(factory);
        var firstEditor = await first.OpenEditorAsync(firstSlug);
        var secondEditor = await second.OpenEditorAsync(secondSlug);
        var before = await MediaCountAsync(factory);

        var holding = first.PasteImageAsync(firstEditor, "first.png", TestImages.Png(1200, 40, red: 1));
        await runner.FirstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var form = await second.PressAsync(secondEditor, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "A wide bar" }, ("image", "second.png", TestImages.Png(1200, 40, red: 2)));
        using var paste = await second.PasteImageAsync(secondEditor, "third.png", TestImages.Png(1200, 40, red: 3));
        var countWhileBusy = await MediaCountAsync(factory);
        runner.Release();
        using var held = await holding;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        var page = HtmlPages.Parse(await form.Content.ReadAsStringAsync());
        Assert.Contains(MediaUploadService.BusyMessage, page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, paste.StatusCode);
        Assert.Equal(MediaUploadService.BusyMessage, JsonDocument.Parse(await paste.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal(before, countWhileBusy);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(before + 1, await MediaCountAsync(factory));
    }

    [Fact]
    public async Task UploadImage_SameImageTwiceAtTheSameMoment_BothSucceedWithOneRow()
    {
        Libvips.Require();
        // Both uploads have looked the image up (and found nothing) before either may run libvips, so both insert it.
        var runner = new HoldingRunner { Gathering = 2 };
        using var factory = Site(runner, new() { ["SkillBridge:Media:MaxConcurrentProcessing"] = "2" });
        var (first, firstSlug) = await NewModuleAsync(factory);
        var (second, secondSlug) = await NewModuleAsync(factory);
        var firstEditor = await first.OpenEditorAsync(firstSlug);
        var secondEditor = await second.OpenEditorAsync(secondSlug);
        var image = TestImages.Png(1000, 20, red: 7, green: 7);

        var responses = await Task.WhenAll(first.PasteImageAsync(firstEditor, "same.png", image), second.PasteImageAsync(secondEditor, "same.png", image));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Each upload ran libvips four times (one decode, three variants): neither saw the other's row in time.
        Assert.Equal(8, runner.Arrived);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var stored = await db.MediaFiles.Include(m => m.Variants).Where(m => m.Width == 1000 && m.Height == 20).ToListAsync();
        var row = Assert.Single(stored);
        Assert.Equal([96, 480, 960], row.Variants.Select(v => v.Width).Order());
        Assert.Equal(2, await db.ModuleDrafts.CountAsync(d => d.Images.Any(i => i.MediaFileId == row.Id)));
    }

    [Fact]
    public async Task UploadImage_OverTheRequestLimit_Gets413WithTheTooLargeMessageNamingTheLimit()
    {
        using var factory = new SkillBridgeWebFactory();
        var (author, slug) = await NewModuleAsync(factory);
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PasteImageAsync(editor, "huge.png", new byte[TooLargeForARequest]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "The file is larger than 10 MB. Make the image smaller (crop it, or save it as JPEG or WebP) and try again.",
            json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Upload_FormOverTheRequestLimit_ShowsTheTooLargeMessageNextToTheImageField()
    {
        using var factory = new SkillBridgeWebFactory();
        var (author, slug) = await NewModuleAsync(factory);
        var editor = await author.OpenEditorAsync(slug);
        var before = await MediaCountAsync(factory);

        using var response = await author.PressAsync(editor, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "A photo" }, ("image", "huge.png", new byte[TooLargeForARequest]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await author.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("The file is larger than 10 MB.", page.Text("[data-valmsg-for='Image']"), StringComparison.Ordinal);
        Assert.Equal(before, await MediaCountAsync(factory));
        Assert.Empty((await author.OpenEditorAsync(slug)).Text("[data-valmsg-for='Image']"));
    }

    [Fact]
    public async Task Get_Editor_TellsTheScriptTheLimitAndItsMessage()
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Media:MaxUploadBytes"] = "5242880" } };
        var (author, slug) = await NewModuleAsync(factory);

        var editor = await author.OpenEditorAsync(slug);

        var form = editor.QuerySelector("#editor-form")!;
        Assert.Equal("5242880", form.GetAttribute("data-max-upload-bytes"));
        Assert.StartsWith("The file is larger than 5 MB.", form.GetAttribute("data-too-large"), StringComparison.Ordinal);
        Assert.Contains("up to 5 MB", editor.Text("#image-upload"), StringComparison.Ordinal);
    }

    private static SkillBridgeWebFactory Site(IProcessRunner runner, Dictionary<string, string?> settings)
    {
        var factory = new SkillBridgeWebFactory { TestServices = services => services.Replace(ServiceDescriptor.Singleton(runner)) };
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private static async Task<(HttpClient Author, string Slug)> NewModuleAsync(SkillBridgeWebFactory factory)
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "", "tools", [], Core.Modules.ModuleLevel.Beginner, 5, null, "Intro.\n\n## First step\nPin it.\n", [username]));
        return (client, created.Value!.Module.Slug);
    }

    private static async Task<int> MediaCountAsync(SkillBridgeWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MediaFiles.CountAsync();
    }
}
