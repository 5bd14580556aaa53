using SkillBridge.Core.Content;

namespace SkillBridge.Tests.Content;

public sealed class ContentListParserTests
{
    [Fact]
    public void ParsePeople_DuplicateUsername_ReportsSecondLine()
    {
        var result = ContentListParser.ParsePeople("people.yml", "- username: a.b\n  name: A\n- username: a.b\n  name: B\n");

        Assert.Equal(["people.yml:3: username 'a.b' is listed twice"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePeople_MissingName_ReportsEntryLine()
    {
        var result = ContentListParser.ParsePeople("people.yml", "- username: a.b\n  name: A\n- username: c.d\n  bio: Hi\n");

        Assert.Equal(["people.yml:3: missing required key 'name'"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePeople_UnknownRole_Reported()
    {
        var result = ContentListParser.ParsePeople("people.yml", "- username: a.b\n  name: A\n  roles: [author, wizard]\n");

        Assert.Equal(["people.yml:3: role 'wizard' must be author, curator or admin"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParseCategories_DuplicateKey_ReportsSecondLine()
    {
        var result = ContentListParser.ParseCategories("categories.yml", "- key: tools\n  name: Tools\n- key: tools\n  name: Again\n");

        Assert.Equal(["categories.yml:3: category 'tools' is listed twice"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_ModuleListedTwice_ReportsItsLine()
    {
        var result = ContentListParser.ParsePath("paths/p.yml", "title: P\nmodules:\n  - a\n  - a\n");

        Assert.Equal(["paths/p.yml:4: module 'a' is listed twice"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_MissingTitleAndUnknownKey_ReportsBoth()
    {
        var result = ContentListParser.ParsePath("paths/p.yml", "colour: red\nmodules: [a]\n");

        Assert.Equal(["paths/p.yml:1: unknown key 'colour'", "paths/p.yml:1: missing required key 'title'"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_Valid_SlugFromFileName()
    {
        var sut = ContentListParser.ParsePath("paths/first-week.yml", "title: First week\nmodules: [a, b]\n").Value!;

        Assert.Equal(("first-week", "First week", ""), (sut.Slug, sut.Title, sut.Summary));
        Assert.Equal(["a", "b"], sut.Modules.Select(m => m.Slug));
    }
}
