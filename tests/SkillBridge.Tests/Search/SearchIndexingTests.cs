using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Authoring;

namespace SkillBridge.Tests.Search;

/// <summary>The index changes in the same transaction as publishing: what a curator just did is what the next search sees.</summary>
public sealed class SearchIndexingTests
{
    private const string Title = "Whiteboard etiquette for hybrid workshops";

    [Fact]
    public async Task Publish_ThenSearchInTheSameScope_FindsTheModule()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = (await site.CreateAsync(AuthoringSite.Content(Title))).Value!.Module.Slug;
        await site.SubmitAsync(slug);

        var found = await site.WithAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<PublishingWorkflow>().PublishAsync(slug, AuthoringSite.Curator)).Succeeded);
            return await services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("whiteboard etiquette"));
        });

        Assert.Equal(slug, Assert.Single(found.Hits).Slug);
    }

    [Fact]
    public async Task Draft_IsNeverFound()
    {
        await using var site = await AuthoringSite.CreateAsync();
        await site.CreateAsync(AuthoringSite.Content(Title));

        var found = await SearchAsync(site, "whiteboard");

        Assert.Empty(found.Hits);
    }

    [Fact]
    public async Task Unpublish_ThenSearchInTheSameScope_NoLongerFindsIt()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);
        Assert.Single((await SearchAsync(site, "whiteboard")).Hits);

        var found = await site.WithAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<PublishingWorkflow>().UnpublishAsync(slug, AuthoringSite.Curator)).Succeeded);
            return await services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("whiteboard"));
        });

        Assert.Empty(found.Hits);
    }

    [Fact]
    public async Task Archive_RemovesTheModuleFromSearch()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);

        await site.WithAsync(services => services.GetRequiredService<PublishingWorkflow>().ArchiveAsync(slug, AuthoringSite.Curator));

        Assert.Empty((await SearchAsync(site, "whiteboard")).Hits);
    }

    [Fact]
    public async Task Republish_PutsTheModuleBackInSearch()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);
        await site.WithAsync(services => services.GetRequiredService<PublishingWorkflow>().UnpublishAsync(slug, AuthoringSite.Curator));

        await site.WithAsync(services => services.GetRequiredService<PublishingWorkflow>().RepublishAsync(slug, AuthoringSite.Curator));

        Assert.Equal(slug, Assert.Single((await SearchAsync(site, "whiteboard")).Hits).Slug);
    }

    [Fact]
    public async Task Reindex_AfterImportAndPublish_IndexesEveryPublishedModule()
    {
        await using var site = await AuthoringSite.CreateAsync();
        await site.PublishedModuleAsync(Title);

        var (indexed, check) = await site.WithAsync(async services =>
        {
            var sut = services.GetRequiredService<SearchService>();
            var count = await sut.ReindexAsync(progress: null);
            return (count, await sut.CheckAsync());
        });

        Assert.True(check.Consistent, $"{check.Indexed} indexed, {check.Published} published");
        Assert.Equal(check.Published, indexed);
    }

    [Fact]
    public async Task Publish_FacetCountsAndFiltersIncludeTheModuleAtOnce()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var before = await CountInCategoryAsync(site, "tools");

        var slug = await site.PublishedModuleAsync(Title);

        Assert.Equal(before + 1, await CountInCategoryAsync(site, "tools"));
        var filtered = await site.WithAsync(services => services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("whiteboard", Category: "tools")));
        Assert.Equal(slug, Assert.Single(filtered.Hits).Slug);
        Assert.Empty((await site.WithAsync(services => services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("whiteboard", Category: "social-media")))).Hits);
    }

    [Fact]
    public async Task Unpublish_FacetCountsDropTheModuleAtOnce()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);
        var published = await CountInCategoryAsync(site, "tools");

        await site.WithAsync(services => services.GetRequiredService<PublishingWorkflow>().UnpublishAsync(slug, AuthoringSite.Curator));

        Assert.Equal(published - 1, await CountInCategoryAsync(site, "tools"));
    }

    [Theory]
    [InlineData("sbf")]
    [InlineData("sbfc")]
    [InlineData("sbfc746f6f6c730")]
    public async Task FilterTokensInTheIndex_AreNeverFoundByWhatALearnerTypes(string typed)
    {
        await using var site = await AuthoringSite.CreateAsync();
        await site.PublishedModuleAsync(Title);
        Assert.Equal("sbfc746f6f6c730", SearchFilterTokens.Category("tools"));

        var found = await SearchAsync(site, typed);

        Assert.Empty(found.Hits);
    }

    [Fact]
    public async Task RenamingAPerson_TheirModulesAreFoundByTheNewNameAtOnce()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);

        await site.WithAsync(async services =>
        {
            var db = services.GetRequiredService<SkillBridgeDbContext>();
            var person = await db.People.SingleAsync(p => p.Username == "priya.shah");
            person.Name = "Priya Zanzibarova";
            return await db.SaveChangesAsync();
        });

        Assert.Contains((await SearchAsync(site, "zanzibarova")).Hits, h => h.Slug == slug);
    }

    [Fact]
    public async Task RenamingACategory_ItsModulesAreFoundByTheNewNameAtOnce()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await site.PublishedModuleAsync(Title);

        await site.WithAsync(async services =>
        {
            var db = services.GetRequiredService<SkillBridgeDbContext>();
            var category = await db.Categories.SingleAsync(c => c.Key == "tools");
            category.Name = "Quokka tools";
            return await db.SaveChangesAsync();
        });

        Assert.Contains((await SearchAsync(site, "quokka")).Hits, h => h.Slug == slug);
    }

    /// <summary>The category facet's count for "tools" over every published module (a search with only a filter).</summary>
    private static async Task<int> CountInCategoryAsync(AuthoringSite site, string category)
    {
        var all = await site.WithAsync(services => services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(null, Category: category)));
        return all.Facets!.Categories.SingleOrDefault(c => c.Value == category)?.Count ?? 0;
    }

    private static Task<SearchResults> SearchAsync(AuthoringSite site, string query) =>
        site.WithAsync(services => services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query)));
}
