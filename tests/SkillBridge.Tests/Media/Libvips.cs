namespace SkillBridge.Tests.Media;

/// <summary>Tests of the libvips mode need vipsthumbnail; without it they fail and say how to install it (never skip).</summary>
public static class Libvips
{
    public static void Require()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "vipsthumbnail")));
        if (!found)
        {
            Assert.Fail("libvips is not installed: apt-get install -y libvips-tools");
        }
    }
}
