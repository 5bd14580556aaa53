using System.Net;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.TestSupport;
using static SkillBridge.Tests.Branding.MultipartForms;

namespace SkillBridge.Tests.People;

/// <summary>People edit their own profile: photo, bio, "helps with"; the department stays with admins.</summary>
public sealed class ProfileEditingTests : IDisposable
{
    private const string Form = "form.profile-form";
    private readonly SkillBridgeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<Core.People.Person> PersonAsync(string username) =>
        _factory.WithDbAsync(db => db.People.AsNoTracking().Include(p => p.Photo).SingleAsync(p => p.Username == username));

    [Fact]
    public async Task Save_BioAndTopics_AreStoredAndShownOnTheProfilePage()
    {
        var (client, username) = await _factory.NewLearnerAsync();

        using var response = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string>
        {
            ["Bio"] = "Runs the finance team's month-end close.",
            ["HelpsWith"] = "Excel, pivot tables,excel , Power BI",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await PersonAsync(username);
        Assert.Equal("Runs the finance team's month-end close.", person.Bio);
        Assert.Equal(["Excel", "pivot tables", "Power BI"], person.HelpsWith);
        var profile = await client.GetPageAsync($"/people/{username}");
        Assert.Contains("Runs the finance team", profile.Text(".lead"), StringComparison.Ordinal);
        Assert.Equal(["Excel", "pivot tables", "Power BI"], profile.QuerySelectorAll(".tags .badge").Select(b => b.TextContent));
        Assert.Equal("/account/profile", profile.QuerySelector("#edit-profile")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Save_TooManyTopics_IsRefusedNextToTheFieldAndChangesNothing()
    {
        var (client, username) = await _factory.NewLearnerAsync();

        using var response = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string>
        {
            ["Bio"] = "Changed",
            ["HelpsWith"] = "a, b, c, d, e, f, g, h, i",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("List at most 8 topics; you listed 9.", page.Text("#HelpsWith-error"));
        Assert.Equal("Changed", page.QuerySelector("#Bio")!.TextContent);
        Assert.Equal("", (await PersonAsync(username)).Bio);
    }

    [Fact]
    public async Task Save_BioTooLong_IsRefusedNextToTheField()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        using var response = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string> { ["Bio"] = new string('x', 2001), ["HelpsWith"] = "" });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Keep the bio to 2,000 characters; it has 2,001.", page.Text("#Bio-error"));
    }

    [Theory]
    [InlineData("me.svg")]
    [InlineData("me.png")]
    public async Task Save_SvgOrNonImagePhoto_IsRefusedByTheUploadChecks(string fileName)
    {
        var (client, username) = await _factory.NewLearnerAsync();
        var bytes = fileName.EndsWith(".svg", StringComparison.Ordinal)
            ? "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>"u8.ToArray()
            : "not a picture"u8.ToArray();

        using var response = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string> { ["Bio"] = "Changed", ["HelpsWith"] = "" }, new FormFile("Photo", fileName, bytes));

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not an image SkillBridge accepts", page.Text("#Photo-error"), StringComparison.Ordinal);
        var person = await PersonAsync(username);
        Assert.Null(person.PhotoMediaFileId);
        Assert.Equal("", person.Bio);
    }

    [Fact]
    public async Task Save_AuthorPhoto_IsShownOnTheirCardsAndProfileAndRemovingItDeletesTheImage()
    {
        Media.Libvips.Require();
        await _factory.CreateAccountAsync("priya.shah");
        using var client = _factory.CreateBrowser();
        await client.SignInAsync("priya.shah");

        using var saved = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string> { ["Bio"] = "Runs LinkedIn.", ["HelpsWith"] = "LinkedIn" },
            new FormFile("Photo", "priya.png", TestImages.Png(600, 600, red: 90)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var photo = (await PersonAsync("priya.shah")).Photo!;
        var url = $"/media/{photo.Sha256}.png";
        var catalogue = await client.GetPageAsync("/?category=tools");
        var card = catalogue.QuerySelectorAll(".cards > li.card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/modules/share-your-screen");
        // Cards load the 96 px copy, not the original.
        var small = card.QuerySelector(".card-authors img.avatar")!.GetAttribute("src")!;
        Assert.Equal($"/media/{photo.Sha256}-96.png", small);
        Assert.Equal("", card.QuerySelector(".card-authors img.avatar")!.GetAttribute("alt"));
        var png = await client.GetByteArrayAsync(small);
        Assert.Equal((96, 96), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        var profile = await client.GetPageAsync("/people/priya.shah");
        Assert.Equal(url, profile.QuerySelector(".profile-head img.avatar")!.GetAttribute("src"));

        using var removed = await client.PostFormAsync("/account/profile", Form, new Dictionary<string, string> { ["Bio"] = "Runs LinkedIn.", ["HelpsWith"] = "LinkedIn", ["RemovePhoto"] = "true" });

        Assert.Null((await PersonAsync("priya.shah")).PhotoMediaFileId);
        // The removed photo leaves the site: its row, the original and the 96 px copy.
        Assert.False(await _factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.Sha256 == photo.Sha256)));
        using var original = await client.GetAsync(url);
        using var copy = await client.GetAsync(small);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (original.StatusCode, copy.StatusCode));
    }

    [Fact]
    public async Task Get_ProfileForm_ShowsTheDepartmentWithoutAFieldForIt()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        var page = await client.GetPageAsync("/account/profile");

        Assert.Null(page.QuerySelector("[name='Department'], [name='DepartmentId']"));
        Assert.Contains("Administrators set it.", page.Text("#department-note"), StringComparison.Ordinal);
    }
}
