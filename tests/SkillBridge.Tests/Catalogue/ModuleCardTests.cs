using System.Net;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Modules;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Catalogue;

/// <summary>Catalogue cards: the module's cover (or its category's tile), and each author with their photo or initials.</summary>
public sealed class ModuleCardTests : IDisposable
{
    private readonly SkillBridgeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_StarterModule_ShowsItsOwnCoverAsADecorativeImageWithItsSize()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/?category=tools");

        var card = page.QuerySelectorAll(".cards > li.card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/modules/share-your-screen");
        var cover = card.QuerySelector("img.card-cover")!;
        Assert.Equal("", cover.GetAttribute("alt"));
        Assert.Equal("800", cover.GetAttribute("width"));
        Assert.Equal("450", cover.GetAttribute("height"));
        using var image = await client.GetAsync(cover.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var covers = page.QuerySelectorAll("img.card-cover").Select(i => i.GetAttribute("src")).ToList();
        Assert.Equal(covers.Count, covers.Distinct().Count());
    }

    [Fact]
    public async Task Get_ModuleWithoutCover_ShowsItsCategoryTileInsteadOfAnImage()
    {
        await _factory.WithDbAsync(db => db.ModuleRevisions.Where(r => r.Module.Slug == "share-your-screen").ExecuteUpdateAsync(r => r.SetProperty(x => x.Cover, (string?)null)));
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/?category=tools");

        var cards = page.QuerySelectorAll(".cards > li.card");
        var card = cards.Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/modules/share-your-screen");
        Assert.Null(card.QuerySelector("img.card-cover"));
        var tile = card.QuerySelector(".card-cover.category-tile")!;
        Assert.Equal("true", tile.GetAttribute("aria-hidden"));
        Assert.Equal("T", tile.TextContent.Trim());
        var other = await client.GetPageAsync("/?category=work-hacks");
        Assert.Null(other.QuerySelector(".category-tile"));
    }

    [Fact]
    public async Task Get_AuthorsWithoutPhotos_ShowTheirInitialsBesideTheirNames()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/?category=tools");

        var card = page.QuerySelectorAll(".cards > li.card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/modules/share-your-screen");
        var initials = card.QuerySelectorAll(".card-authors .avatar-initials").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["PS", "TO"], initials);
        var text = string.Join(' ', card.QuerySelector(".card-authors")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("By Priya Shah and Tom Okafor", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HitWithCover_ShowsItBesideTheTitle()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/search?q=share+one+window");

        var hit = page.QuerySelectorAll(".search-hits > li").First(li => li.QuerySelector("h2 a")!.GetAttribute("href") == "/modules/share-your-screen");
        var cover = hit.QuerySelector("img.hit-cover")!;
        Assert.StartsWith("/media/", cover.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("", cover.GetAttribute("alt"));
    }
}
