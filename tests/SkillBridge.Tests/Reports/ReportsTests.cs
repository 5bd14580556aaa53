using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Core.Reports;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Reports;

/// <summary>The reports' figures against the hand-built organisation of <see cref="ReportsSite"/>, their CSV, filters and privacy rule.</summary>
public sealed class ReportsTests(ReportsSite site) : IClassFixture<ReportsSite>
{
    private static string[][] Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"#{table} tbody tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToArray())];

    private static string[] Row(IHtmlDocument page, string table, string first) =>
        Assert.Single(Rows(page, table), row => row[0] == first);

    [Fact]
    public async Task AssignmentsReport_ByDepartment_CountsEachStateInTheDepartmentWhenAssigned()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/assignments");

        Assert.Equal(["Sales", "2", "0", "0", "2", "1", "0"], Row(page, "assignments-by-department", "Sales"));
        Assert.Equal(["Engineering", "3", "1", "1", "0", "0", "1"], Row(page, "assignments-by-department", "Engineering"));
    }

    [Fact]
    public async Task AssignmentsReport_ByGroup_CountsPeopleInTheGroupWhenAssignedOnce()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/assignments?by=group");

        Assert.Equal([ReportsSite.GroupName, "3", "0", "1", "2", "1", "0"], Row(page, "assignments-by-group", ReportsSite.GroupName));
    }

    [Fact]
    public async Task AssignmentsReport_DepartmentRow_LeadsToItsPeopleByName()
    {
        using var client = await site.CuratorAsync();
        var report = await client.GetPageAsync("/reports/assignments?from=2026-09-01");
        var link = report.QuerySelectorAll<IHtmlAnchorElement>("#assignments-by-department tbody th a").Single(a => a.TextContent == "Engineering");

        var page = await client.GetPageAsync(link.PathName + link.Search);

        Assert.Contains("from=2026-09-01", link.Search, StringComparison.Ordinal);
        Assert.Equal(["Ana Assigned", "Cy Assigned", "Dee Assigned"], Rows(page, "assigned-people").Select(r => r[0]));
        Assert.Equal(["In progress", "Overdue", "Not started"], Rows(page, "assigned-people").Select(r => r[4]));
    }

    [Fact]
    public async Task AssignmentsCsv_IsTheTableShown_WithFormulaCellsStartingWithAnApostrophe()
    {
        using var client = await site.CuratorAsync();
        var page = await client.GetPageAsync("/reports/assignments?by=group");
        var csvLink = page.QuerySelector<IHtmlAnchorElement>("a[download]")!;

        using var response = await client.GetAsync(csvLink.PathName + csvLink.Search);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Group,Assigned,Not started,In progress,Completed,Completed late,Overdue", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,0,1,2,1,0", Assert.Single(lines.Skip(1)));
        Assert.Equal(Rows(page, "assignments-by-group").Length, lines.Length - 1);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Sales", "Sales")]
    public void ReportCsv_CellStartingLikeAFormula_GetsAnApostrophe(string cell, string expected)
    {
        var table = new ReportTable("t", "T", ["Name"], [new ReportRow([cell])]);

        var csv = Encoding.UTF8.GetString(ReportCsv.Write(table)).TrimStart('\uFEFF');

        var field = csv.Split("\r\n")[1];
        Assert.Equal(expected, field.Trim('"'));
    }

    [Fact]
    public async Task ModulesReport_WholeOrganisation_ShowsReachCompletionsRatingAndStuckSteps()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/modules");

        var module = Assert.Single(Rows(page, "modules"));
        Assert.Equal(["8", "8", "4.0", "8", "3"], module[1..]);
        Assert.Equal([["2026-09", "4"], ["2026-10", "4"]], Rows(page, "completions-over-time"));
        Assert.Equal(["2"], Assert.Single(Rows(page, "stuck-steps"))[1..2]);
        Assert.Equal("3", Assert.Single(Rows(page, "stuck-steps"))[2]);
        Assert.NotNull(page.QuerySelector("canvas[data-chart-table=completions-over-time]"));
    }

    [Fact]
    public async Task ModulesReport_ByDepartment_HidesCountsOfFewerThanFivePeople()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/modules");

        Assert.Equal(["Engineering", "6", "6"], Row(page, "learners-by-department", "Engineering"));
        Assert.Equal(["Sales", ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum], Row(page, "learners-by-department", "Sales"));
    }

    [Fact]
    public async Task ModulesReport_ForASmallDepartment_ShowsFewerThanFiveInsteadOfCounts()
    {
        using var client = await site.CuratorAsync();

        var sales = await client.GetPageAsync($"/reports/modules?department={site.Sales}");
        var engineering = await client.GetPageAsync($"/reports/modules?department={site.Engineering}");

        Assert.Equal([ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum, "0"], Assert.Single(Rows(sales, "modules"))[1..]);
        Assert.Equal(["6", "6", "4.0", "6", ReportPrivacy.FewerThanMinimum], Assert.Single(Rows(engineering, "modules"))[1..]);
        Assert.DoesNotContain("Engineer 1", engineering.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MentoringReport_CountsRequestsSessionsAndTheMedianTimeToFirstAnswer()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/mentoring");

        Assert.Equal(["4", "1", "4", "2.5 hours"], Assert.Single(Rows(page, "mentoring")));
        Assert.Equal(["Sales", "Engineering", "6"], Rows(page, "who-taught-whom").Single(r => r[1] == "Engineering"));
        Assert.Equal(["Sales", "Sales", ReportPrivacy.FewerThanMinimum], Rows(page, "who-taught-whom").Single(r => r[1] == "Sales"));
        Assert.Equal(["Priya Shah", "8"], Rows(page, "authors-reach")[0]);
        Assert.DoesNotContain("Engineer 1", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MentoringReport_ForOneDepartment_HidesFewerThanFiveRequests()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync($"/reports/mentoring?department={site.Engineering}");

        Assert.Equal([ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum, ReportPrivacy.FewerThanMinimum], Assert.Single(Rows(page, "mentoring")));
    }

    [Fact]
    public async Task Filters_AreAGetFormWhoseValuesStayInTheUrlAndTheCsvLink()
    {
        using var client = await site.CuratorAsync();
        var url = $"/reports/modules?from=2026-10-01&to=2026-10-31&department={site.Engineering}&group={site.GroupId}";

        var page = await client.GetPageAsync(url);

        var form = page.QuerySelector<IHtmlFormElement>("form.report-filters")!;
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("2026-10-01", page.QuerySelector<IHtmlInputElement>("#report-from")!.Value);
        Assert.Equal("2026-10-31", page.QuerySelector<IHtmlInputElement>("#report-to")!.Value);
        Assert.Equal(site.Engineering.ToString(CultureInfo.InvariantCulture), page.QuerySelector<IHtmlSelectElement>("#report-department")!.Value);
        Assert.Equal(site.GroupId.ToString(CultureInfo.InvariantCulture), page.QuerySelector<IHtmlSelectElement>("#report-group")!.Value);
        var csv = page.QuerySelector<IHtmlAnchorElement>("a[download]")!.Search;
        Assert.Contains("from=2026-10-01", csv, StringComparison.Ordinal);
        Assert.Contains($"department={site.Engineering}", csv, StringComparison.Ordinal);
        Assert.Contains($"group={site.GroupId}", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_DateRange_NarrowsTheFigures()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/modules?from=2026-10-01&to=2026-10-31");

        Assert.Equal([["2026-10", "4"]], Rows(page, "completions-over-time"));
    }

    [Fact]
    public async Task Filters_EndBeforeStart_SaysSoNextToTheDates()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports/assignments?from=2026-10-01&to=2026-09-01");

        Assert.Equal("The start date must be on or before the end date.", page.Text("#report-date-error"));
        Assert.Equal("report-date-error", page.QuerySelector("#report-from")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Header_ForCuratorsOnly_LinksToReports()
    {
        using var curator = await site.CuratorAsync();
        using var learner = await site.Factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("learner"));

        Assert.NotNull((await curator.GetPageAsync("/")).QuerySelector("a[href='/reports']"));
        Assert.Null((await learner.GetPageAsync("/")).QuerySelector("a[href='/reports']"));
        using var refused = await learner.GetAsync("/reports/assignments");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ReportsIndex_LinksToEveryReportAndTheMissedSearches()
    {
        using var client = await site.CuratorAsync();

        var page = await client.GetPageAsync("/reports");

        var links = page.QuerySelectorAll<IHtmlAnchorElement>("main a, .report-list a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "/reports/assignments", "/reports/modules", "/reports/mentoring", "/search/misses" }, links);
    }
}
