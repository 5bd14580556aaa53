using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SkillBridge.Tests.TestSupport;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Cli;

public sealed class SkillBridgeCommandsTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private ContentBuilder _content = null!;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Theory]
    [InlineData(new[] { "import", "x" }, true)]
    [InlineData(new[] { "export", "x" }, true)]
    [InlineData(new[] { "backup", "x" }, true)]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void IsCommand_Args_TrueOnlyForCommands(string[] args, bool expected) => Assert.Equal(expected, SkillBridgeCommands.IsCommand(args));

    [Fact]
    public async Task RunAsync_ImportValidFolder_PrintsProgressAndSummaryAndExitsZero()
    {
        var exitCode = await RunAsync("import", _content.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains($"validated 3/3 {ContentBuilder.ModulePath}", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Imported: modules 1 created, 0 updated, 0 unchanged, 0 skipped;", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImportNamingADepartmentTheSiteLacks_SaysItAddedIt()
    {
        var exitCode = await RunAsync("import", _content.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("Added department: IT" + Environment.NewLine, _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImportWithProblems_PrintsThemToErrorAndExitsOne()
    {
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleWithLine(6, "colour: blue"));

        var exitCode = await RunAsync("import", _content.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [$"{ContentBuilder.ModulePath}:6: unknown key 'colour'", "Import failed: 1 problem(s); nothing was changed."],
            _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

#if POSTGRESQL
    [Fact]
    public async Task RunAsync_BackupOnPostgreSql_RefusesAndNamesPgDump()
    {
        await RunAsync("import", _content.Root);
        var backup = Path.Combine(_site.Root, "backup");

        var exitCode = await RunAsync("backup", backup);

        Assert.Equal(1, exitCode);
        Assert.Contains("pg_dump", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(backup));
    }
#else
    [Fact]
    public async Task RunAsync_Backup_CopyHoldsTheModulesAndMedia()
    {
        await RunAsync("import", _content.Root);
        var backup = Path.Combine(_site.Root, "backup");

        var exitCode = await RunAsync("backup", backup);

        Assert.Equal(0, exitCode);
        await using var copy = new SqliteConnection($"Data Source={Path.Combine(backup, "skillbridge.db")};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Modules";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(backup, "media")));
        Assert.Contains("skillbridge.db", _output.ToString(), StringComparison.Ordinal);
    }
#endif

    [Fact]
    public async Task RunAsync_Export_WritesModuleFile()
    {
        await RunAsync("import", _content.Root);
        var export = Path.Combine(_site.Root, "export");

        var exitCode = await RunAsync("export", export);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(Path.Combine(export, ContentBuilder.ModulePath)));
    }

    private async Task<int> RunAsync(params string[] args)
    {
        await using var output = new StringWriter(_output, CultureInfo.InvariantCulture);
        await using var error = new StringWriter(_error, CultureInfo.InvariantCulture);
        return await SkillBridgeCommands.RunAsync(_site.Services, args, output, error);
    }
}
