using SkillBridge.Covers;

// Usage: dotnet run --project src/SkillBridge.Covers [-- <repository root>]
// Writes content/modules/<category>/images/cover-<slug>.png for every starter module this tool knows, and the
// default logo and favicon under src/SkillBridge.Web/wwwroot/branding/. Running it again gives the same files.
var root = Path.GetFullPath(args.Length > 0 ? args[0] : Directory.GetCurrentDirectory());
if (!Directory.Exists(Path.Combine(root, "content", "modules")))
{
    Console.Error.WriteLine($"{root} is not the SkillBridge repository root (no content/modules folder). Pass the root as the first argument.");
    return 1;
}

var written = 0;
foreach (var cover in StarterCovers.All)
{
    var file = Path.Combine(root, "content", "modules", cover.Category, "images", $"cover-{cover.Slug}.png");
    if (!File.Exists(Path.Combine(root, "content", "modules", cover.Category, cover.Slug + ".md")))
    {
        Console.Error.WriteLine($"Skipped {cover.Category}/{cover.Slug}: there is no such module file.");
        continue;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    File.WriteAllBytes(file, CoverPainter.Cover(cover));
    Console.WriteLine($"Wrote {Path.GetRelativePath(root, file)}");
    written++;
}

var branding = Path.Combine(root, "src", "SkillBridge.Web", "wwwroot", "branding");
Directory.CreateDirectory(branding);
File.WriteAllBytes(Path.Combine(branding, "logo.png"), CoverPainter.Logo(256));
File.WriteAllBytes(Path.Combine(branding, "favicon.png"), CoverPainter.Logo(64));
Console.WriteLine($"Wrote {written} covers, the logo and the favicon.");
return 0;
