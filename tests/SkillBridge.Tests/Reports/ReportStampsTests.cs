using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Reports;

/// <summary>
/// Learning rows carry the learner's person and the department they were in when the row was made, so reports group by
/// department without reading the history; a later move does not rewrite them.
/// </summary>
public sealed class ReportStampsTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Module = "short-video-basics";

    [Fact]
    public async Task Learning_ThenMovingDepartment_RowsKeepTheDepartmentTheLearnerWasInAtTheTime()
    {
        var (client, username) = await factory.NewLearnerAsync("stamped");
        var (personId, sales, marketing) = await MoveAsync(username, "Sales");

        await client.VisitAsync(Module, 1);
        await FlagStuckAsync(client, $"/modules/{Module}/steps/1");
        await MoveAsync(username, "Marketing");
        await client.CompleteAsync(Module);
        await RateAsync(client);

        var (progress, stuck, rating) = await factory.WithDbAsync(async db => (
            await db.ModuleProgress.AsNoTracking().Where(p => p.PersonId == personId).Select(p => new { p.PersonId, p.DepartmentId, p.UserId }).SingleAsync(),
            await db.StuckFlags.AsNoTracking().Where(f => f.PersonId == personId).Select(f => new { f.PersonId, f.DepartmentId }).SingleAsync(),
            await db.ModuleRatings.AsNoTracking().Where(r => r.PersonId == personId).Select(r => new { r.PersonId, r.DepartmentId }).SingleAsync()));
        Assert.Equal(await factory.UserIdAsync(username), progress.UserId);
        Assert.Equal(sales, progress.DepartmentId);
        Assert.Equal(sales, stuck.DepartmentId);
        Assert.Equal(marketing, rating.DepartmentId);
    }

    /// <summary>Moves the learner's person to the named starter department now; returns the person and both departments' ids.</summary>
    private async Task<(int PersonId, int Sales, int Marketing)> MoveAsync(string username, string department)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var person = await db.People.SingleAsync(p => p.Username == username);
        var departments = await db.Departments.Where(d => d.Name == "Sales" || d.Name == "Marketing").ToDictionaryAsync(d => d.Name, d => d.Id);
        await scope.ServiceProvider.GetRequiredService<DepartmentMoves>().MoveAsync(person, departments[department], DateTime.UtcNow);
        await db.SaveChangesAsync();
        return (person.Id, departments["Sales"], departments["Marketing"]);
    }

    private static async Task FlagStuckAsync(HttpClient client, string stepUrl)
    {
        var page = await client.GetPageAsync(stepUrl);
        var form = (IHtmlFormElement)page.QuerySelector("#stuck form")!;
        using var response = await client.SubmitAsync(form, [new("note", "Lost at the first screen.")]);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"flagging answered {response.StatusCode}");
    }

    private static async Task RateAsync(HttpClient client)
    {
        var finish = await client.GetPageAsync($"/modules/{Module}/finish");
        var form = (IHtmlFormElement)finish.QuerySelector("#rating form")!;
        using var response = await client.SubmitAsync(form, [new("stars", "4"), new("comment", "")]);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"rating answered {response.StatusCode}");
    }
}
