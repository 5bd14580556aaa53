using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>
/// Every route of the site × anonymous, learner, author, curator, admin → the status each gets (design.md: "every page
/// and endpoint has an explicit authorization rule, and a test proves it"). A route the app maps but this list lacks
/// fails the test, so a new page cannot arrive without its row.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<SkillBridgeWebFactory>, IAsyncLifetime
{
    private const int SignIn = 302;

    private static readonly int[] Open = [200, 200, 200, 200, 200];
    private static readonly int[] SignedIn = [SignIn, 200, 200, 200, 200];
    private static readonly int[] AdminOnly = [SignIn, 403, 403, 403, 200];
    private static readonly int[] Gone = [404, 404, 404, 404, 404];
    private static readonly int[] AuthorsAndCurators = [SignIn, 403, 200, 200, 200];

    /// <summary>A module someone else wrote: an author who did not write it is refused; curators and admins may work on it.</summary>
    private static readonly int[] CuratorsOrItsAuthors = [SignIn, 403, 403, 200, 200];
    private static readonly int[] Curators = [SignIn, 403, 403, 200, 200];
    private static readonly int[] CuratorsNothingInReview = [SignIn, 403, 403, 404, 404];

    /// <summary>An assignment that does not exist: curators and admins get not found, everyone else is refused first.</summary>
    private static readonly int[] CuratorsNoSuchAssignment = [SignIn, 403, 403, 404, 404];
    /// <summary>A group that does not exist: curators and admins get past the policy to a 404.</summary>
    private static readonly int[] CuratorsNoSuchGroup = [SignIn, 403, 403, 404, 404];

    /// <summary>A search synonym that does not exist: curators and admins get past the policy to a 404.</summary>
    private static readonly int[] CuratorsNoSuchSynonym = [SignIn, 403, 403, 404, 404];

    /// <summary>A mentoring request or notification of someone else's (none of the matrix viewers is in one): not found, not forbidden.</summary>
    private static readonly int[] SignedInNotTheirs = [SignIn, 404, 404, 404, 404];

    private readonly SkillBridgeWebFactory _factory;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public AuthorizationMatrixTests(SkillBridgeWebFactory factory) => _factory = factory;

    /// <summary>Route pattern as the app maps it → method, example URL and expected statuses (anonymous, learner, author, curator, admin).</summary>
    private static readonly (string Pattern, string Method, string Url, int[] Expected)[] Routes =
    [
        ("/", "GET", "/", Open),
        ("/modules", "GET", "/modules?category=tools", Open),
        ("/modules/{slug}", "GET", "/modules/share-your-screen", Open),
        ("/modules/{slug}/steps/{number:int}", "GET", "/modules/share-your-screen/steps/1", Open),
        ("/modules/{slug}/finish", "GET", "/modules/share-your-screen/finish", Open),
        ("/paths", "GET", "/paths", Open),
        ("/paths/{slug}", "GET", "/paths/first-week-on-teams", Open),
        ("/paths/{slug}/certificate", "GET", "/paths/first-week-on-teams/certificate", SignedInNotTheirs),
        ("/paths/manage", "GET", "/paths/manage", Curators),
        ("/paths/new", "GET", "/paths/new", Curators),
        ("/paths/{slug}/edit", "GET", "/paths/first-week-on-teams/edit", Curators),
        ("/paths/{slug}/edit", "GET", "/paths/first-week-on-teams/edit?handler=Matches&q=teams", Curators),
        ("/people", "GET", "/people", Open),
        ("/people/{username}", "GET", "/people/priya.shah", Open),
        ("/display", "GET", "/display", Open),
        ("/health", "GET", "/health", Open),
        ("/healthz", "GET", "/healthz", Open),
        ("/error", "GET", "/error", Open),
        ("/status/{code:int}", "GET", "/status/404", Open),
        ("/media/{fileName}", "GET", "{media}", Open),
        // Branding is open even when RequireSignIn is on: the sign-in page shows it too (BrandingTests).
        ("/branding.css", "GET", "/branding.css?v=0", Open),
        ("/branding/logo", "GET", "/branding/logo", Open),
        ("/branding/favicon", "GET", "/branding/favicon", Open),
        ("/api/modules/{slug}/steps/{number:int}/quizzes/{quiz:int}/answers", "POST", "/api/modules/share-your-screen/steps/4/quizzes/0/answers", Open),
        // After the row above, so every signed-in viewer has answered the quiz ("Show the answer" needs an answer first).
        ("/api/modules/{slug}/steps/{number:int}/quizzes/{quiz:int}/shown-answer", "POST", "/api/modules/share-your-screen/steps/4/quizzes/0/shown-answer", Open),
        ("/search", "GET", "/search?q=teams", Open),
        ("/search/misses", "GET", "/search/misses", Curators),
        ("/search/synonyms", "GET", "/search/synonyms?searched=teems", Curators),
        ("/search/synonyms/{id:int}", "GET", "/search/synonyms/999999", CuratorsNoSuchSynonym),
        ("/reports", "GET", "/reports", Curators),
        ("/reports/assignments", "GET", "/reports/assignments?by=group&from=2026-01-01", Curators),
        ("/reports/assignments/people", "GET", "/reports/assignments/people?department=1&handler=Csv&table=assigned-people", Curators),
        ("/reports/modules", "GET", "/reports/modules?handler=Csv&table=modules", Curators),
        ("/reports/mentoring", "GET", "/reports/mentoring?to=2030-01-01", Curators),
        ("/api/search", "GET", "/api/search?q=teams&category=tools", Open),
        ("/api/search/suggest", "GET", "/api/search/suggest?q=tea", Open),
        ("/openapi/{documentName}.json", "GET", "/openapi/v1.json", Open),
        ("/account/signin", "GET", "/account/signin", Open),
        ("/account/signout", "GET", "/account/signout", Open),
        ("/account/forgotpassword", "GET", "/account/forgotpassword", Open),
        ("/account/resetpassword", "GET", "/account/resetpassword?user=x&code=y", Open),
        ("/account/acceptinvitation", "GET", "/account/acceptinvitation?token=not-a-token", Open),
        ("/account/resetlink", "GET", "/account/resetlink?token=not-a-token", Open),
        ("/account/register", "GET", "/account/register", Gone),
        ("/account/changepassword", "GET", "/account/changepassword", SignedIn),
        ("/account/settings", "GET", "/account/settings", SignedIn),
        ("/account/profile", "GET", "/account/profile", SignedIn),
        ("/account/data", "GET", "/account/data", SignedIn),
        ("/account/delete", "GET", "/account/delete", SignedIn),
        ("/account/deleted", "GET", "/account/deleted", Open),
        ("/people/{username}/transfer", "GET", "/people/priya.shah/transfer", Curators),
        ("/people/former-colleagues", "GET", "/people/former-colleagues", Curators),
        ("/setup", "GET", "/setup", Gone),
        ("/admin/accounts", "GET", "/admin/accounts", AdminOnly),
        ("/admin/audit", "GET", "/admin/audit?action=SignInFailed", AdminOnly),
        ("/admin/audit", "GET", "/admin/audit?handler=Csv&action=SignInFailed", AdminOnly),
        ("/admin/invitations", "GET", "/admin/invitations", AdminOnly),
        ("/admin/mail", "GET", "/admin/mail", AdminOnly),
        ("/admin/branding", "GET", "/admin/branding", AdminOnly),
        ("/admin/departments", "GET", "/admin/departments", AdminOnly),
        ("/admin/departments/{id:int}", "GET", "/admin/departments/1", AdminOnly),
        ("/admin/people/{username}", "GET", "/admin/people/priya.shah", AdminOnly),
        ("/groups", "GET", "/groups", Curators),
        ("/groups/{id:int}", "GET", "/groups/999999", CuratorsNoSuchGroup),
        ("/groups/{id:int}/paste", "GET", "/groups/999999/paste", CuratorsNoSuchGroup),
        ("/authoring", "GET", "/authoring", AuthorsAndCurators),
        ("/authoring/new", "GET", "/authoring/new", AuthorsAndCurators),
        ("/authoring/{slug}", "GET", "/authoring/share-your-screen", CuratorsOrItsAuthors),
        ("/authoring/{slug}/preview/steps/{number:int}", "GET", "/authoring/share-your-screen/preview/steps/1", CuratorsOrItsAuthors),
        ("/authoring/{slug}/reply", "GET", "/authoring/share-your-screen/reply", CuratorsNothingInReview),
        ("/modules/{slug}/history", "GET", "/modules/share-your-screen/history", CuratorsOrItsAuthors),
        ("/modules/{slug}/feedback", "GET", "/modules/share-your-screen/feedback", CuratorsOrItsAuthors),
        ("/learning", "GET", "/learning", SignedIn),
        ("/review", "GET", "/review", Curators),
        ("/assignments", "GET", "/assignments", Curators),
        ("/assignments/new", "GET", "/assignments/new", Curators),
        ("/assignments/{id:int}", "GET", "/assignments/999999", CuratorsNoSuchAssignment),
        ("/review/{slug}", "GET", "/review/share-your-screen", CuratorsNothingInReview),
        ("/modules/{slug}/ask/{username}", "GET", "/modules/share-your-screen/ask/priya.shah", SignedIn),
        ("/mentoring", "GET", "/mentoring", SignedIn),
        ("/mentoring/availability", "GET", "/mentoring/availability", SignedIn),
        ("/mentoring/{id:int}", "GET", "/mentoring/999999", SignedInNotTheirs),
        ("/mentoring/{id:int}/invitation.ics", "GET", "/mentoring/999999/invitation.ics", SignedInNotTheirs),
        ("/notifications", "GET", "/notifications", SignedIn),
        ("/notifications/{id:int}", "GET", "/notifications/999999", SignedInNotTheirs),
    ];

    private static readonly string[] Viewers = ["anonymous", "learner", "author", "curator", "admin"];

    public async Task InitializeAsync()
    {
        _clients["anonymous"] = _factory.CreateBrowser();
        _clients["learner"] = await _factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("matrix.learner"));
        _clients["author"] = await _factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("matrix.author"), Roles.Author);
        _clients["curator"] = await _factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("matrix.curator"), Roles.Curator);
        _clients["admin"] = await _factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("matrix.admin"), Roles.Admin);
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public void EveryMappedRoute_IsInTheMatrix()
    {
        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var missing = mapped.Where(pattern => !Routes.Any(r => string.Equals(r.Pattern, pattern, StringComparison.OrdinalIgnoreCase))).ToList();
        var stale = Routes.Where(r => !mapped.Contains(r.Pattern, StringComparer.OrdinalIgnoreCase)).Select(r => r.Pattern).ToList();

        Assert.True(missing.Count == 0, "Routes the app maps but the matrix lacks (add a row with its policy): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix rows for routes the app no longer maps: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryRoute_GivesEachKindOfViewerTheExpectedStatus()
    {
        var media = await MediaUrlAsync();
        var mismatches = new List<string>();
        foreach (var (pattern, method, example, expected) in Routes)
        {
            var url = example == "{media}" ? media : example;
            for (var i = 0; i < Viewers.Length; i++)
            {
                var client = _clients[Viewers[i]];
                using var response = method == "POST" ? await PostAnswerAsync(client, url) : await client.GetAsync(url);
                var status = (int)response.StatusCode;
                if (status != expected[i])
                {
                    mismatches.Add($"{method} {url} as {Viewers[i]}: expected {expected[i]}, got {status}");
                }
                else if (status == SignIn && response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) != true)
                {
                    mismatches.Add($"{method} {url} as {Viewers[i]}: redirected to {response.Headers.Location}, not the sign-in page");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task UnknownUrl_IsNotFoundForAnonymousVisitors_NotASignInRedirect()
    {
        using var response = await _clients["anonymous"].GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> MediaUrlAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var file = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MediaFiles.AsNoTracking().FirstAsync();
        return "/media/" + file.FileName;
    }

    /// <summary>The quiz API takes a form with an antiforgery token, as the step page's script sends it.</summary>
    private static async Task<HttpResponseMessage> PostAnswerAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync("/modules/share-your-screen/steps/4");
        var token = page.QuerySelector<IHtmlInputElement>("form.quiz input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("selected", "0")]);
        return await client.PostAsync(url, content);
    }
}
