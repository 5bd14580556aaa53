using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

public sealed class SharedKeysTests
{
    [Fact]
    public async Task SignInCookie_FromOneWebNode_IsAcceptedByAnotherOnTheSameDatabase()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "nodes-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } };
            using var second = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } };
            var cookie = await SignInCookieAsync(first);
            using var secondNode = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/settings");
            request.Headers.Add("Cookie", cookie);

            using var response = await secondNode.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Both test hosts run on one machine and could also share the default key folder; the keys must be in the database.
            await using var scope = second.Services.CreateAsyncScope();
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().DataProtectionKeys.ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task SignInCookie_KeyTableHoldsARowThatIsNotXml_StillWorksOnANewNodeAndHealthNamesTheRow()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "nodes-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } };
            var cookie = await SignInCookieAsync(first);
            int brokenId;
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
                var broken = new DataProtectionKey { FriendlyName = "key-broken-by-hand", Xml = "<key id=\"half a row" };
                db.DataProtectionKeys.Add(broken);
                await db.SaveChangesAsync();
                brokenId = broken.Id;
            }

            using var second = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = dataPath } };
            using var secondNode = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/settings");
            request.Headers.Add("Cookie", cookie);

            using var response = await secondNode.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var health = await secondNode.GetPageAsync("/health");
            Assert.Contains($"row {brokenId} (key-broken-by-hand)", health.Text("#health-keys"), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    /// <summary>Signs in through the real form with a client that does not keep cookies, and returns the cookies it was given.</summary>
    private static async Task<string> SignInCookieAsync(SkillBridgeWebFactory site)
    {
        var username = Infrastructure.Accounts.UniqueName("courier");
        await site.CreateAccountAsync(username);
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync("/account/signin");
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)HtmlPages.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("form.account-form")!;
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action") ?? "/account/signin")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Username", username), new("Input.Password", Infrastructure.Accounts.Password)]),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
