using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search;

/// <summary>Every match is ranked by relevance and counted exactly, however many there are (FTS5 listed newest first above 300 and stopped counting at 1,000).</summary>
public sealed class SearchRankingTests
{
    private const int Modules = 1040;

    [Fact]
    public async Task Search_MoreThanAThousandMatches_RanksTheModuleAboutTheWordFirstAndCountsEveryOne()
    {
        await using var site = await TestSite.CreateAsync();
        await site.WithDbAsync(async db =>
        {
            var category = new Core.Catalogue.Category { Key = "tools", Name = "Tools", Description = "" };
            db.Categories.Add(category);
            // The module about the word is the oldest: newest-first ordering would list it last.
            var modules = Enumerable.Range(0, Modules + 1).Select(i => new Module
            {
                Slug = $"module-{i:D4}",
                Status = ModuleStatus.Published,
                CreatedAt = TestSite.Now.UtcDateTime.AddMinutes(i),
                PublishedAt = TestSite.Now.UtcDateTime.AddMinutes(i),
                Revisions =
                {
                    new ModuleRevision
                    {
                        Number = 1,
                        Title = i == 0 ? "Common questions answered" : $"Module number {i}",
                        Summary = i == 0 ? "The common questions, answered." : "Something else entirely.",
                        Body = i == 0 ? "Common questions and their answers." : "A long text in which the word common appears once among many others.",
                        Category = category,
                        Level = ModuleLevel.Beginner,
                        Minutes = 5,
                        UpdatedOn = DateOnly.FromDateTime(TestSite.Now.UtcDateTime),
                        CreatedAt = TestSite.Now.UtcDateTime,
                        Source = RevisionSource.Import,
                        ContentHash = $"hash-{i}",
                    },
                },
            }).ToList();
            db.Modules.AddRange(modules);
            await db.SaveChangesAsync();
            foreach (var module in modules)
            {
                module.PublishedRevisionId = module.Revisions[0].Id;
            }

            return await db.SaveChangesAsync();
        });

        await using var scope = site.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("common"));

        Assert.Equal(Modules + 1, found.Total);
        Assert.Equal("module-0000", found.Hits[0].Slug);
        Assert.Equal((Modules + 1 + SearchService.PageSize - 1) / SearchService.PageSize, found.PageCount);
    }
}
