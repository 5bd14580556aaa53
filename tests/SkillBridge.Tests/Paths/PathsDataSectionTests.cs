using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Paths;

public sealed class PathsDataSectionTests
{
    private static readonly Actor Curator = new("cora.curator", IsAuthor: false, IsCurator: true);

    [Fact]
    public async Task ExportAndErase_PathRevisionsTheCuratorPublished_ListedThenFormerColleague()
    {
        await using var site = await TestSite.CreateAsync();
        using var content = ContentBuilder.Valid();
        await site.ImportAsync(content.Root);
        await using var scope = site.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PathBuilder>();
        var slug = (await builder.CreateAsync(Curator, "Data path", null)).Value!.Slug;
        await builder.AddModuleAsync(slug, Curator, "share-your-screen");
        await scope.ServiceProvider.GetRequiredService<PathPublishing>().PublishAsync(slug, Curator);
        await builder.SaveDetailsAsync(slug, Curator, "Data path, changed", null);
        var sut = new PathsDataSection(scope.ServiceProvider.GetRequiredService<Core.Data.SkillBridgeDbContext>());
        var subject = new PersonalDataSubject("id", Curator.Username, null, null, null);

        var exported = (PathsData)(await sut.ExportAsync(subject, CancellationToken.None))!;
        await sut.EraseAsync(new PersonalDataErasure(subject, "former-1", PersonKept: false), CancellationToken.None);

        Assert.Equal([(slug, 1)], exported.RevisionsPublished.Select(r => (r.Path, r.Revision)));
        Assert.Equal(["Data path, changed"], exported.DraftsChanged.Select(d => d.Title));
        Assert.Equal(Person.FormerColleagueName, await site.WithDbAsync(db => db.LearningPathRevisions.Select(r => r.CreatedBy).SingleAsync()));
        Assert.Equal(Person.FormerColleagueName, await site.WithDbAsync(db => db.LearningPathDrafts.Select(d => d.UpdatedBy).SingleAsync()));
    }
}
