using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>A search as the results page asks it, in a scope of its own on a test site.</summary>
internal static class SiteSearch
{
    public static async Task<SearchResults> SearchAsync(this SkillBridgeWebFactory site, string query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query));
    }
}
