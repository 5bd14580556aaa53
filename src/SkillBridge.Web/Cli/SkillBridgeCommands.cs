using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Reports;
using SkillBridge.Core.Search;
using SkillBridge.Core.Search.Benchmark;

namespace SkillBridge.Web.Cli;

/// <summary>
/// The command line the site's host also answers: import, export, backup, migrate, dev-accounts, unlock, reindex, benchmark
/// benchmark-signin and benchmark-reports
/// (design.md, "Shape of the system"). Nothing migrates before a command runs: backup copies the database as it is,
/// migrate applies migrations, benchmark uses its own database, and the others follow the site's start-up policy
/// (SkillBridge:MigrateOnStart) before they touch the database.
/// </summary>
public static class SkillBridgeCommands
{
    private static readonly string[] Names = ["import", "export", "backup", "migrate", "dev-accounts", "unlock", "reindex", "benchmark", "benchmark-signin", "benchmark-reports"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    /// <summary>Runs one command, writing to the given streams (tests pass their own).</summary>
    internal static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SkillBridge: run the site, or import, export and back up its content and migrate its database.")
        {
            ImportCommand(services),
            ExportCommand(services),
            DatabaseCommands.BackupCommand(services),
            DatabaseCommands.MigrateCommand(services),
            DevAccountsCommand(services),
            UnlockCommand(services),
            ReindexCommand(services),
            BenchmarkCommand(),
            SignInBenchmark.Command(),
            ReportsBenchmarkCommand(),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command ImportCommand(IServiceProvider services)
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "A content folder: people.yml, categories.yml, modules/, paths/." };
        var force = new Option<bool>("--force") { Description = "Overwrite modules and paths edited in the site since their last import." };
        var importedBy = new Option<string?>("--as") { Description = "Your username: modules you are an author of are refused unless Publishing:AllowSelfPublish is on." };
        var command = new Command("import", "Validate a content folder and, if every file is valid, import it.") { directory, force, importedBy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!await DatabaseStartup.PrepareDatabaseAsync(services, "import", output, error, cancellationToken))
            {
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ContentImporter>();
            var progress = new SynchronousProgress<ImportProgress>(p =>
                output.WriteLine($"{(p.Stage == ImportStage.Validating ? "validated" : "written")} {p.Done}/{p.Total} {p.Item}"));
            var result = await importer.ImportAsync(parse.GetValue(directory)!.FullName, new ImportOptions { Force = parse.GetValue(force), ImportedBy = parse.GetValue(importedBy) }, progress, cancellationToken);
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            foreach (var skipped in result.Skipped)
            {
                await error.WriteLineAsync(skipped.ToString());
            }

            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"Import failed: {result.Problems.Count} problem(s); nothing was changed.");
                return 1;
            }

            foreach (var department in result.DepartmentsAdded)
            {
                await output.WriteLineAsync($"Added department: {department}");
            }

            var c = result.Counts;
            await output.WriteLineAsync($"Imported: modules {c.ModulesCreated} created, {c.ModulesUpdated} updated, {c.ModulesUnchanged} unchanged, {c.ModulesSkipped} skipped; people {c.PeopleChanged} changed; categories {c.CategoriesChanged} changed; paths {c.PathsChanged} changed, {c.PathsSkipped} skipped.");
            return 0;
        });
        return command;
    }

    private static Command ExportCommand(IServiceProvider services)
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The folder to write the content into." };
        var command = new Command("export", "Write every published module, its images, people, categories and paths as content files.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!await DatabaseStartup.PrepareDatabaseAsync(services, "export", output, parse.InvocationConfiguration.Error, cancellationToken))
            {
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<ContentExporter>();
            var progress = new SynchronousProgress<ExportProgress>(p => output.WriteLine($"written {p.Done}/{p.Total} {p.Item}"));
            var result = await exporter.ExportAsync(parse.GetValue(directory)!.FullName, progress, cancellationToken);
            foreach (var warning in result.Warnings)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(warning);
            }

            await output.WriteLineAsync($"Exported to {result.Directory}: {result.Modules} modules, {result.Images} images, {result.People} people, {result.Categories} categories, {result.Paths} paths.");
            return 0;
        });
        return command;
    }

    private static Command DevAccountsCommand(IServiceProvider services)
    {
        var command = new Command("dev-accounts", "Development only: create an account for everyone in people.yml, printing each password once.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("dev-accounts runs only in the Development environment (ASPNETCORE_ENVIRONMENT=Development); it never creates accounts on a real site.");
                return 1;
            }

            if (!await DatabaseStartup.PrepareDatabaseAsync(services, "dev-accounts", output, parse.InvocationConfiguration.Error, cancellationToken))
            {
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StarterContentImporter>().ImportIfEmptyAsync(cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var people = await db.People.AsNoTracking()
                .Where(p => !db.Users.Any(u => u.PersonId == p.Id))
                .OrderBy(p => p.Username)
                .ToListAsync(cancellationToken);
            foreach (var person in people)
            {
                var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
                var result = await accounts.CreateAsync(
                    new NewAccount(person.Username, person.Email ?? $"{person.Username}@example.invalid", password, person.Name), ProfileClaim.Allowed, "dev-accounts", [], cancellationToken);
                await output.WriteLineAsync(result.Succeeded
                    ? $"{person.Username}  {password}  roles: {(person.Roles.Count == 0 ? "learner" : string.Join(", ", person.Roles))}"
                    : $"{person.Username}: not created: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            }

            await output.WriteLineAsync($"{people.Count} account(s) processed. The passwords are not stored anywhere else: note the ones you need.");
            return 0;
        });
        return command;
    }

    private static Command UnlockCommand(IServiceProvider services)
    {
        var name = new Argument<string>("username-or-email") { Description = "The account to unlock." };
        var command = new Command("unlock", "Unlock an account an administrator locked, and let clients held back by wrong passwords try again.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!await DatabaseStartup.PrepareDatabaseAsync(services, "unlock", output, error, cancellationToken))
            {
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SkillBridgeUser>>();
            var tried = parse.GetValue(name)!.Trim();
            var user = await users.FindByNameAsync(tried) ?? await users.FindByEmailAsync(tried);
            if (user is null)
            {
                await error.WriteLineAsync($"No account has the username or e-mail address \"{tried}\".");
                return 1;
            }

            await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(user.Id, locked: false, "unlock command", cancellationToken);
            await output.WriteLineAsync($"{user.UserName} is unlocked; wrong-password counts for the account are cleared.");
            return 0;
        });
        return command;
    }

    private static Command ReindexCommand(IServiceProvider services)
    {
        var command = new Command("reindex", "Rebuild this node's search index (DataPath/search-index) from every published module, showing progress, then check it against the published count.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!await DatabaseStartup.PrepareDatabaseAsync(services, "reindex", output, parse.InvocationConfiguration.Error, cancellationToken))
            {
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();
            var progress = new SynchronousProgress<(int Done, int Total)>(p => output.WriteLine($"indexed {p.Done}/{p.Total}"));
            int count;
            try
            {
                count = await search.ReindexAsync(progress, cancellationToken);
            }
            catch (SearchIndexInUseException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }

            var check = await search.CheckAsync(cancellationToken);
            await output.WriteLineAsync($"Reindexed {count} module(s); {check.Indexed} indexed of {check.Published} published{(check.Consistent ? "." : ": out of step!")}");
            return check.Consistent ? 0 : 1;
        });
        return command;
    }

    private static Command BenchmarkCommand()
    {
        var modules = new Option<int>("--modules") { Description = "How many synthetic modules to generate.", DefaultValueFactory = _ => 20_000 };
        var perKind = new Option<int>("--queries-per-kind") { Description = "Synthetic queries timed per kind.", DefaultValueFactory = _ => 200 };
        var corpusFile = new Option<FileInfo?>("--corpus") { Description = "Index the modules of this file (UTF-8, tab-separated: id, category, level, title, tags, summary, body) instead of synthetic ones; needs --queries." };
        var queriesFile = new Option<FileInfo?>("--queries") { Description = "Time the queries of this file (UTF-8, tab-separated: kind, query, category); needs --corpus." };
        var writeCorpus = new Option<DirectoryInfo?>("--write-corpus") { Description = "Write the synthetic corpus (--modules, --queries-per-kind) as corpus.tsv and queries.tsv in this folder, and stop." };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated database and print where it is, to look into a query by hand." };
        var throughputSeconds = new Option<double>("--throughput-seconds") { Description = "How long each throughput figure (1 client, 8 clients) runs.", DefaultValueFactory = _ => 5 };
        var reuse = new Option<string?>("--reuse") { Description = "Time the queries against a database folder kept by an earlier --keep run (same --modules or --corpus), skipping generation (the index is rebuilt, so changes to indexing are measured)." };
        var command = new Command("benchmark", "Search speed: index a synthetic corpus (or one from files) in a throwaway database and time a mix of queries.")
        {
            modules, perKind, corpusFile, queriesFile, writeCorpus, keep, reuse, throughputSeconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var synthetic = new SyntheticBenchmarkCorpus(Math.Max(1, parse.GetValue(modules)));
            var queriesPerKind = Math.Max(1, parse.GetValue(perKind));
            if (parse.GetValue(writeCorpus) is { } folder)
            {
                var (corpusPath, queriesPath) = BenchmarkFiles.Write(synthetic, queriesPerKind, folder.FullName);
                await output.WriteLineAsync($"Wrote {synthetic.Description} to {corpusPath} and {synthetic.Queries(queriesPerKind).Count} queries to {queriesPath}.");
                return 0;
            }

            IBenchmarkCorpus corpus = synthetic;
            var (corpusInput, queriesInput) = (parse.GetValue(corpusFile), parse.GetValue(queriesFile));
            if (corpusInput is not null || queriesInput is not null)
            {
                if (corpusInput is null || queriesInput is null)
                {
                    await error.WriteLineAsync("--corpus and --queries go together: give both files.");
                    return 1;
                }

                if (new[] { corpusInput, queriesInput }.FirstOrDefault(f => !f.Exists) is { } missing)
                {
                    await error.WriteLineAsync($"There is no file {missing.FullName}.");
                    return 1;
                }

                corpus = new FileBenchmarkCorpus(corpusInput.FullName, queriesInput.FullName);
            }

            try
            {
                var benchmark = new SearchBenchmark(output)
                {
                    KeepDatabase = parse.GetValue(keep),
                    ReuseFolder = parse.GetValue(reuse),
                    ThroughputSpan = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(throughputSeconds), 0, 600)),
                };
                return await benchmark.RunAsync(corpus, queriesPerKind, cancellationToken);
            }
            catch (BenchmarkFileException problem)
            {
                await error.WriteLineAsync(problem.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command ReportsBenchmarkCommand()
    {
        var scale = new Option<double>("--scale") { Description = "Size of the large organisation as a fraction of the full one (20,000 people, 2 million step rows).", DefaultValueFactory = _ => 1.0 };
        var runs = new Option<int>("--runs") { Description = "Timed runs per page (after 3 warm-up runs).", DefaultValueFactory = _ => 60 };
        var postgreSql = new Option<string?>("--postgresql") { Description = "A PostgreSQL connection string (a user that may create databases): run the same on a throwaway database there too." };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated databases and print where they are." };
        var command = new Command("benchmark-reports", "Reports speed: build a realistic organisation in a throwaway database, time the report pages and the learner's pages, count their queries.") { scale, runs, postgreSql, keep };
        command.SetAction(async (parse, cancellationToken) =>
            await new ReportsBenchmark(parse.InvocationConfiguration.Output) { Keep = parse.GetValue(keep) }
                .RunAsync(Math.Clamp(parse.GetValue(scale), 0.001, 1.0), Math.Max(1, parse.GetValue(runs)), parse.GetValue(postgreSql), cancellationToken));
        return command;
    }
}
