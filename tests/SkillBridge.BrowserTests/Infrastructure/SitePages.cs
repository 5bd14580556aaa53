namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>One page of each kind the site serves, on the starter content.</summary>
public static class SitePages
{
    public static readonly IReadOnlyList<string> All =
    [
        "/",
        "/modules/share-your-screen",
        "/modules/share-your-screen/steps/4",
        "/modules/share-your-screen/steps/3",
        "/modules/share-your-screen/finish",
        "/people",
        "/people/priya.shah",
        "/paths",
        "/paths/first-week-on-teams",
        "/display",
        "/health",
    ];

    /// <summary>Theory data: every page.</summary>
    public static TheoryData<string> Each => [.. All];

    /// <summary>Theory data: every page in each display cookie value.</summary>
    public static TheoryData<string, string> EachIn(params string[] displays)
    {
        var data = new TheoryData<string, string>();
        foreach (var display in displays)
        {
            foreach (var path in All)
            {
                data.Add(path, display);
            }
        }

        return data;
    }
}
