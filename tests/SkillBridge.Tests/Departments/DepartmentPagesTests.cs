using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Departments;

/// <summary>Admins keep the department list and set people's departments in the site; nobody sets their own.</summary>
public sealed class DepartmentPagesTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task AddForm_ByAdmin_AddsTheDepartmentToTheListWithNobodyInIt()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var name = "Customer Care " + Guid.NewGuid().ToString("N")[..6];
        var page = await admin.GetPageAsync("/admin/departments");

        using var response = await admin.SubmitAsync(AddForm(page), [new("Name", name)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetPageAsync("/admin/departments");
        Assert.Equal($"Added the department {name}.", list.Text("#page-message-text"));
        Assert.Equal("0", list.QuerySelector($"tr[data-department='{name}'] .count")!.TextContent);
        Assert.NotEqual("0", list.QuerySelector("tr[data-department='Marketing'] .count")!.TextContent);
    }

    [Fact]
    public async Task AddForm_EmptyName_SaysSoNextToTheFieldAndAddsNothing()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var before = await CountAsync();
        var page = await admin.GetPageAsync("/admin/departments");

        using var response = await admin.SubmitAsync(AddForm(page), [new("Name", "  ")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter the department's name.", html.Text("#Name-error"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task PersonPage_AdminChoosesADepartment_ChangesItFromNowAndShowsTheHistory()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var username = Infrastructure.Accounts.UniqueName("mover");
        await factory.CreateAccountAsync(username);
        var marketing = await DepartmentIdAsync("Marketing");
        var page = await admin.GetPageAsync($"/admin/people/{username}");
        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;

        using var response = await admin.SubmitAsync(form, [new("DepartmentId", marketing.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetPageAsync($"/admin/people/{username}");
        Assert.Equal("Marketing", after.Text("#current-department"));
        Assert.Equal("Marketing", after.Text(".department-history tbody th"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Username == username);
        Assert.Equal(marketing, person.DepartmentId);
        Assert.Equal(marketing, (await db.DepartmentMemberships.AsNoTracking().SingleAsync(m => m.PersonId == person.Id && m.EndedAt == null)).DepartmentId);
        Assert.Contains(await factory.AuditAsync(AuditAction.DepartmentChanged), e => e.Subject == username && e.Details == "from no department to Marketing");
    }

    [Fact]
    public async Task Settings_LearnerPostsADepartment_TheirDepartmentStaysAsTheAdminSetIt()
    {
        var username = Infrastructure.Accounts.UniqueName("learner");
        using var learner = await factory.SignedInClientAsync(username);
        await SetDepartmentAsync(username, "Marketing");
        var settings = await learner.GetPageAsync("/account/settings");
        var form = (IHtmlFormElement)settings.QuerySelector("form.account-form")!;

        Assert.Null(settings.QuerySelector("[name*='Department' i]"));
        using var response = await learner.SubmitAsync(form, [
            new("TimeZoneId", "Europe/London"),
            new("DepartmentId", (await DepartmentIdAsync("Finance")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Department", "Finance"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Marketing", await DepartmentOfAsync(username));
    }

    [Fact]
    public async Task PersonPage_LearnerPostsTheirOwnDepartment_IsForbiddenAndChangesNothing()
    {
        var username = Infrastructure.Accounts.UniqueName("learner");
        using var learner = await factory.SignedInClientAsync(username);
        await SetDepartmentAsync(username, "Marketing");
        var token = (await learner.GetPageAsync("/account/settings")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([
            new("__RequestVerificationToken", token),
            new("DepartmentId", (await DepartmentIdAsync("Finance")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        using var response = await learner.PostAsync($"/admin/people/{username}", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Marketing", await DepartmentOfAsync(username));
    }

    private static IHtmlFormElement AddForm(AngleSharp.Html.Dom.IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.account-form")!;

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Departments.CountAsync();
    }

    private async Task<int> DepartmentIdAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    private async Task SetDepartmentAsync(string username, string department)
    {
        var id = await DepartmentIdAsync(department);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DepartmentService>().SetPersonDepartmentAsync(username, id, "test.admin");
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task<string?> DepartmentOfAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().People
            .Where(p => p.Username == username).Select(p => p.Department!.Name).SingleAsync();
    }
}
