namespace SkillBridge.Core;

/// <summary>Finds folders that ship beside the application (content/, themes/) whether it runs from the source tree or a published folder.</summary>
public static class SolutionFolders
{
    /// <summary>Walks up from each start folder (then from the app's base directory) and returns the first NAME folder found.</summary>
    public static string? Find(string name, params string[] startFolders)
    {
        foreach (var start in startFolders.Append(AppContext.BaseDirectory))
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
