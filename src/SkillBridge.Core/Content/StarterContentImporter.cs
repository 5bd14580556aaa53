using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Content;

/// <summary>Fills an empty site with the starter content. A failure is logged and the site keeps running.</summary>
public sealed class StarterContentImporter(
    SkillBridgeDbContext db,
    ContentImporter importer,
    IOptions<SkillBridgeOptions> options,
    IHostEnvironment environment,
    ILogger<StarterContentImporter> logger)
{
    /// <summary>Imports when enabled and the database holds no modules; returns the result, or null when nothing was tried.</summary>
    public async Task<ImportResult?> ImportIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.ImportStarterContent || await db.Modules.AnyAsync(cancellationToken))
        {
            return null;
        }

        var folder = options.Value.StarterContentPath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : SolutionFolders.Find("content", environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogWarning("No starter content found (looked for {Folder}); the site starts empty", folder ?? "a 'content' folder above the content root");
            return null;
        }

        try
        {
            var result = await importer.ImportAsync(folder, new ImportOptions(), progress: null, cancellationToken);
            if (!result.Succeeded)
            {
                logger.LogError("The starter content in {Folder} was not imported:\n{Problems}", folder, string.Join('\n', result.Problems));
            }

            return result;
        }
        catch (Exception e) when (e is IOException or DbUpdateException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Importing the starter content from {Folder} failed; the site starts without it", folder);
            return null;
        }
    }
}
