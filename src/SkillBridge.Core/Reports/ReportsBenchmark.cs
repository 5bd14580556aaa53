using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Reports;

/// <summary>
/// A benchmark, not a test: builds a realistic organisation in a throwaway database (SQLite, and PostgreSQL when a
/// connection string is given), then times every report page's queries and the learner's "Assigned to you" and path
/// pages over repeated runs with varied filters, and counts the queries each page sends on a small and the full
/// organisation to show the count does not grow with it. Deterministic: the same scale gives the same data.
/// </summary>
public sealed class ReportsBenchmark(TextWriter output)
{
    private const int Seed = 20261130;

    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The organisation's size.</summary>
    public sealed record Size(int People, int Departments, int Groups, int Modules, int Paths, int Assignments, int StepRows, int Completions, int MentoringRequests)
    {
        public static Size Full { get; } = new(20_000, 40, 200, 2_000, 100, 500, 2_000_000, 100_000, 20_000);

        public Size Times(double factor)
        {
            int Of(int value, int minimum) => Math.Max(minimum, (int)(value * factor));
            return new(Of(People, 200), Of(Departments, 5), Of(Groups, 10), Of(Modules, 40), Of(Paths, 5), Of(Assignments, 10), Of(StepRows, 4_000), Of(Completions, 200), Of(MentoringRequests, 100));
        }

        public override string ToString() =>
            $"{People:N0} people in {Departments:N0} departments, {Groups:N0} groups, {Modules:N0} modules, {Paths:N0} paths, {Assignments:N0} assignments, " +
            $"{StepRows:N0} step rows, {Completions:N0} completions, {MentoringRequests:N0} mentoring requests";
    }

    /// <summary>Leave the generated databases in place (their locations are printed).</summary>
    public bool Keep { get; init; }

    public async Task<int> RunAsync(double scale, int runs, string? postgreSql, CancellationToken cancellationToken)
    {
        var small = Size.Full.Times(0.01);
        var large = Size.Full.Times(scale);
        var engines = postgreSql is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];
        foreach (var engine in engines)
        {
            output.WriteLine($"== {engine} ==");
            output.WriteLine($"Small organisation: {small}");
            var counts = await MeasureAsync(engine, postgreSql, small, 3, cancellationToken);
            output.WriteLine($"Large organisation: {large}");
            var timings = await MeasureAsync(engine, postgreSql, large, runs, cancellationToken);
            output.WriteLine();
            output.WriteLine($"{runs} runs per page after 3 warm-up runs, filters varied; latency in ms of the page's service calls; queries per page (small / large organisation).");
            output.WriteLine($"{"page",-34} {"queries",9} {"p50",8} {"p95",8} {"max",8} {"goal p95",9}");
            foreach (var (page, result) in timings)
            {
                var times = result.Times;
                times.Sort();
                output.WriteLine($"{page,-34} {$"{counts[page].Queries}/{result.Queries}",9} {Percentile(times, 50),8:F1} {Percentile(times, 95),8:F1} {times[^1],8:F1} {Goal(page),9}");
            }

            output.WriteLine();
        }

        return 0;
    }

    private static string Goal(string page) => page.StartsWith("Learner", StringComparison.Ordinal) ? "20" : "200";

    private sealed record PageResult(List<double> Times, int Queries);

    private async Task<Dictionary<string, PageResult>> MeasureAsync(DatabaseProvider engine, string? postgreSql, Size size, int runs, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "skillbridge-reports-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        var database = "skillbridge_reports_benchmark_" + Guid.NewGuid().ToString("N")[..8];
        var options = new SkillBridgeOptions { DataPath = folder, ResolvedDataPath = folder, DatabaseProvider = engine };
        if (engine == DatabaseProvider.PostgreSql)
        {
            await AdminAsync(postgreSql!, $"CREATE DATABASE \"{database}\"", cancellationToken);
            options.ConnectionString = new NpgsqlConnectionStringBuilder(postgreSql) { Database = database }.ConnectionString;
        }
        else
        {
            Directory.CreateDirectory(folder);
        }

        var counter = new QueryCounter();
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, options);
        builder.AddInterceptors(counter);
        var contextOptions = builder.Options;
        try
        {
            await using (var db = new SkillBridgeDbContext(contextOptions))
            {
                await new DatabaseInitializer(db, Options.Create(options)).InitializeAsync(cancellationToken);
                var watch = Stopwatch.StartNew();
                await GenerateAsync(db, size, cancellationToken);
                output.WriteLine($"  generated in {watch.Elapsed.TotalSeconds:F1} s");
            }

            return await TimeAsync(contextOptions, counter, size, runs, cancellationToken);
        }
        finally
        {
            if (engine == DatabaseProvider.PostgreSql)
            {
                NpgsqlConnection.ClearAllPools();
                if (Keep)
                {
                    output.WriteLine($"  kept the database {database}");
                }
                else
                {
                    await AdminAsync(postgreSql!, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
                }

                // The initializer makes the (empty) data folder on PostgreSQL too.
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            else
            {
                SqliteConnection.ClearAllPools();
                if (Keep)
                {
                    output.WriteLine($"  kept the database in {folder}");
                }
                else
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                    catch (IOException)
                    {
                        output.WriteLine($"  could not delete {folder}; remove it by hand.");
                    }
                }
            }
        }
    }

    private static async Task AdminAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<string, PageResult>> TimeAsync(DbContextOptions<SkillBridgeDbContext> contextOptions, QueryCounter counter, Size size, int runs, CancellationToken cancellationToken)
    {
        var clock = new FixedClock(Now);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var random = new Random(Seed + 1);
        ReportFilter Filter(int run) => (run % 6) switch
        {
            0 => ReportFilter.Everything,
            1 => ReportFilter.Everything with { DepartmentId = 1 + random.Next(size.Departments) },
            2 => ReportFilter.Everything with { GroupId = 1 + random.Next(size.Groups) },
            3 => ReportFilter.Everything with { PathId = 1 + random.Next(size.Paths) },
            4 => ReportFilter.Everything with { FromUtc = Now.AddDays(-90), ToUtc = Now },
            _ => ReportFilter.Everything with { FromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ToUtc = Now, DepartmentId = 1 + random.Next(size.Departments) },
        };

        var pages = new (string Name, Func<SkillBridgeDbContext, int, Task> Run)[]
        {
            ("Reports: assignments by department", async (db, run) =>
            {
                await new ReportChoicesQuery(db).LoadAsync(cancellationToken);
                await new AssignmentReports(db, clock).ByAsync(AssignmentBreakdown.Department, Filter(run), cancellationToken);
            }),
            ("Reports: assignments by group", async (db, run) =>
            {
                await new ReportChoicesQuery(db).LoadAsync(cancellationToken);
                await new AssignmentReports(db, clock).ByAsync(AssignmentBreakdown.Group, Filter(run), cancellationToken);
            }),
            ("Reports: assigned people", async (db, run) =>
            {
                await new ReportChoicesQuery(db).LoadAsync(cancellationToken);
                await new AssignmentReports(db, clock).PeopleAsync(Filter(run) with { DepartmentId = 1 + random.Next(size.Departments) }, cancellationToken);
            }),
            ("Reports: modules and paths", async (db, run) =>
            {
                await new ReportChoicesQuery(db).LoadAsync(cancellationToken);
                await new ModuleReports(db).BuildAsync(Filter(run), cancellationToken);
            }),
            ("Reports: mentoring", async (db, run) =>
            {
                await new ReportChoicesQuery(db).LoadAsync(cancellationToken);
                await new MentoringReports(db).BuildAsync(Filter(run), cancellationToken);
            }),
            ("Learner: assigned to you", async (db, _) => await new AssignmentQueries(db, clock).AssignedToAsync($"u{1 + random.Next(size.People)}", cancellationToken)),
            ("Learner: path page", async (db, _) =>
            {
                var slug = $"path-{1 + random.Next(size.Paths)}";
                await new LearningPathService(db).FindAsync(slug, cancellationToken);
                await PathProgress(db, clock, cache).ForLearnerAsync($"u{1 + random.Next(size.People)}", slug, cancellationToken);
            }),
        };

        var results = new Dictionary<string, PageResult>();
        foreach (var (name, run) in pages)
        {
            var times = new List<double>();
            var queries = 0;
            for (var i = -3; i < runs; i++)
            {
                await using var db = new SkillBridgeDbContext(contextOptions);
                counter.Reset();
                var watch = Stopwatch.StartNew();
                await run(db, i + 3);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                queries = Math.Max(queries, counter.Count);
                if (i >= 0)
                {
                    times.Add(elapsed);
                }
            }

            results[name] = new PageResult(times, queries);
            output.WriteLine($"  timed {name}");
        }

        return results;
    }

    /// <summary>The path page's learner service, built as the site builds it.</summary>
    private static PathProgressService PathProgress(SkillBridgeDbContext db, TimeProvider clock, IMemoryCache cache) =>
        new(db, new LearnerModuleStates(db), new ProgressService(db, new AssignmentProgress(db, clock), clock), new RenderedModuleCache(cache, new MarkdownRenderer(), db), clock);

    /// <summary>Ten short steps, as the progress rows say, so the path page can render where a learner is.</summary>
    private static readonly string StepsBody = string.Concat(Enumerable.Range(1, 10).Select(step => $"## Step {step}\n\nWhat to do in step {step}.\n\n"));

    private async Task GenerateAsync(SkillBridgeDbContext db, Size size, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        DateTime Between(DateTime from, DateTime to) => from.AddSeconds(random.NextDouble() * (to - from).TotalSeconds);

        var category = new Category { Key = "benchmark", Name = "Benchmark" };
        db.Add(category);
        db.Departments.AddRange(Enumerable.Range(1, size.Departments).Select(i => new Department { Id = i, Name = $"Department {i}" }));
        db.Groups.AddRange(Enumerable.Range(1, size.Groups).Select(i => new Group { Id = i, Name = $"Group {i}", CreatedAt = Start }));
        await SaveAsync(db, cancellationToken);

        for (var i = 1; i <= size.People; i++)
        {
            db.People.Add(new Person { Id = i, Username = $"person.{i}", Name = $"Person {i}" });
            if (i % 5_000 == 0)
            {
                await SaveAsync(db, cancellationToken);
            }
        }

        await SaveAsync(db, cancellationToken);
        for (var i = 1; i <= size.People; i++)
        {
            db.Users.Add(new SkillBridgeUser
            {
                Id = $"u{i}",
                UserName = $"person.{i}",
                NormalizedUserName = $"PERSON.{i}",
                SecurityStamp = "benchmark",
                PersonId = i,
            });
            var department = 1 + (i % size.Departments);
            if (i % 5 == 0)
            {
                var moved = Between(Start.AddMonths(3), Now.AddMonths(-3));
                db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = i, DepartmentId = 1 + ((i + 7) % size.Departments), EndedAt = moved });
                db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = i, DepartmentId = department, StartedAt = moved });
            }
            else
            {
                db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = i, DepartmentId = department });
            }

            if (i % 5_000 == 0)
            {
                await SaveAsync(db, cancellationToken);
            }
        }

        await SaveAsync(db, cancellationToken);
        output.WriteLine($"  people, accounts and departments: {size.People:N0}");

        var members = new List<int>[size.Groups + 1];
        for (var g = 1; g <= size.Groups; g++)
        {
            members[g] = [.. Enumerable.Range(0, 50).Select(_ => 1 + random.Next(size.People)).Distinct()];
            foreach (var person in members[g])
            {
                db.GroupMemberships.Add(new GroupMembership { GroupId = g, PersonId = person, JoinedAt = Start });
            }
        }

        await SaveAsync(db, cancellationToken);

        var authorOf = new int[size.Modules + 1];
        for (var m = 1; m <= size.Modules; m++)
        {
            db.Modules.Add(new Module { Id = m, Slug = $"module-{m}", Status = ModuleStatus.Published, CreatedAt = Start, PublishedAt = Start });
        }

        await SaveAsync(db, cancellationToken);
        for (var m = 1; m <= size.Modules; m++)
        {
            authorOf[m] = 1 + random.Next(Math.Max(1, size.People / 20));
            var revision = new ModuleRevision
            {
                Id = m,
                ModuleId = m,
                Number = 1,
                Title = $"Module {m}",
                Summary = "A benchmark module.",
                CategoryId = category.Id,
                Body = StepsBody,
                ContentHash = "",
                UpdatedOn = DateOnly.FromDateTime(Start),
                CreatedAt = Start,
            };
            revision.Authors.Add(new RevisionAuthor { PersonId = authorOf[m], Position = 0 });
            db.ModuleRevisions.Add(revision);
        }

        await SaveAsync(db, cancellationToken);
        await db.Modules.ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedRevisionId, m => m.Id), cancellationToken);
        for (var p = 1; p <= size.Paths; p++)
        {
            var path = new LearningPath { Id = p, Slug = $"path-{p}", Title = $"Path {p}" };
            var modules = Enumerable.Range(0, 5 + random.Next(6)).Select(_ => 1 + random.Next(size.Modules)).Distinct().ToList();
            for (var position = 0; position < modules.Count; position++)
            {
                path.Modules.Add(new LearningPathModule { ModuleId = modules[position], Position = position });
            }

            db.LearningPaths.Add(path);
        }

        await SaveAsync(db, cancellationToken);
        output.WriteLine($"  groups, modules and paths: {size.Groups:N0}, {size.Modules:N0}, {size.Paths:N0}");

        var shares = 0;
        for (var a = 1; a <= size.Assignments; a++)
        {
            var assignedAt = Between(Start.AddMonths(2), Now.AddDays(-5));
            var due = assignedAt.AddDays(30);
            var assignment = new Assignment
            {
                Id = a,
                LearningPathId = a % 2 == 0 ? 1 + random.Next(size.Paths) : null,
                ModuleId = a % 2 == 0 ? null : 1 + random.Next(size.Modules),
                DueKind = DueDateKind.Fixed,
                DueAt = due,
                AssignedAt = assignedAt,
            };
            var group = 1 + random.Next(size.Groups);
            assignment.Targets.Add(new AssignmentTarget { Kind = AssignmentTargetKind.Group, TargetId = group });
            db.Assignments.Add(assignment);
            foreach (var person in members[group])
            {
                var started = random.NextDouble() < 0.6 ? assignedAt.AddDays(random.NextDouble() * 20) : (DateTime?)null;
                var completed = started is { } s && random.NextDouble() < 0.6 ? s.AddDays(random.NextDouble() * 25) : (DateTime?)null;
                db.LearnerAssignments.Add(new LearnerAssignment
                {
                    AssignmentId = a,
                    PersonId = person,
                    ViaKind = AssignmentTargetKind.Group,
                    ViaId = group,
                    AssignedAt = assignedAt,
                    DueAt = due,
                    StartedAt = started < Now ? started : null,
                    CompletedAt = completed < Now ? completed : null,
                });
                shares++;
            }

            if (a % 100 == 0)
            {
                await SaveAsync(db, cancellationToken);
            }
        }

        await SaveAsync(db, cancellationToken);
        output.WriteLine($"  assignments: {size.Assignments:N0} with {shares:N0} shares");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await BulkProgressAsync(connection, size, random, cancellationToken);
            await BulkMentoringAsync(connection, size, authorOf, random, cancellationToken);

            // The bulk rows carry accounts only; the upgrade's own step stamps them with person and department.
            var watch = Stopwatch.StartNew();
            foreach (var sql in Data.Migrations.Steps.ReportStamps.Statements())
            {
                await using var stamp = connection.CreateCommand();
                stamp.CommandText = sql;
                stamp.CommandTimeout = 600;
                await stamp.ExecuteNonQueryAsync(cancellationToken);
            }

            output.WriteLine($"  stamped people and departments on the learning rows in {watch.Elapsed.TotalSeconds:F1} s");
            if (connection is NpgsqlConnection)
            {
                await using var analyze = new NpgsqlCommand("ANALYZE", (NpgsqlConnection)connection);
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                // Fold the bulk load's write-ahead log into the database, as SQLite's automatic checkpoints do on a running site.
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)";
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task SaveAsync(SkillBridgeDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task BulkProgressAsync(DbConnection connection, Size size, Random random, CancellationToken cancellationToken)
    {
        const int Steps = 10;
        var watch = Stopwatch.StartNew();
        await using var progress = await BulkWriter.OpenAsync(connection, "ModuleProgress",
            [("Id", NpgsqlDbType.Integer), ("UserId", NpgsqlDbType.Text), ("ModuleId", NpgsqlDbType.Integer), ("RevisionId", NpgsqlDbType.Integer),
             ("StepCount", NpgsqlDbType.Integer), ("QuizCount", NpgsqlDbType.Integer), ("StartedAt", NpgsqlDbType.TimestampTz), ("UpdatedAt", NpgsqlDbType.TimestampTz),
             ("LastStep", NpgsqlDbType.Integer), ("CompletedAt", NpgsqlDbType.TimestampTz)], cancellationToken);
        var taken = new HashSet<long>();
        var visits = new List<(int Progress, int Step, DateTime At)>();
        var ratings = new List<object?[]>();
        var stuck = new List<object?[]>();
        var id = 0;
        var stepRows = 0;
        while (stepRows < size.StepRows)
        {
            var user = 1 + random.Next(size.People);
            var module = 1 + random.Next(size.Modules);
            if (!taken.Add(((long)user << 32) | (uint)module))
            {
                continue;
            }

            id++;
            var completes = id <= size.Completions;
            var lastStep = completes ? Steps : 1 + random.Next(Steps - 1);
            var started = Start.AddSeconds(random.NextDouble() * (Now - Start).TotalSeconds);
            var completed = completes ? started.AddHours(random.NextDouble() * 24 * 20) : (DateTime?)null;
            if (completed > Now)
            {
                completed = Now;
            }

            var updated = completed ?? started.AddMinutes(5 * lastStep);
            await progress.WriteAsync([id, $"u{user}", module, module, Steps, 0, started, updated, lastStep, completed], cancellationToken);
            for (var step = 1; step <= lastStep; step++)
            {
                visits.Add((id, step, started.AddMinutes(step)));
            }

            stepRows += lastStep;
            if (completes && random.NextDouble() < 0.5)
            {
                ratings.Add([$"u{user}", module, module, 1 + random.Next(5), completed]);
            }

            if (random.NextDouble() < 0.05)
            {
                stuck.Add([$"u{user}", module, module, 1 + random.Next(lastStep), started.AddMinutes(3)]);
            }
        }

        await progress.DisposeAsync();
        output.WriteLine($"  progress rows: {id:N0} ({Math.Min(id, size.Completions):N0} completed) in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        await using (var steps = await BulkWriter.OpenAsync(connection, "StepVisits",
            [("ProgressId", NpgsqlDbType.Integer), ("StepNumber", NpgsqlDbType.Integer), ("VisitedAt", NpgsqlDbType.TimestampTz)], cancellationToken))
        {
            var written = 0;
            foreach (var (progressId, step, at) in visits)
            {
                await steps.WriteAsync([progressId, step, at], cancellationToken);
                if (++written % 500_000 == 0)
                {
                    output.WriteLine($"  step rows {written:N0}/{visits.Count:N0}");
                }
            }
        }

        output.WriteLine($"  step rows: {visits.Count:N0} in {watch.Elapsed.TotalSeconds:F1} s");

        await using (var writer = await BulkWriter.OpenAsync(connection, "ModuleRatings",
            [("UserId", NpgsqlDbType.Text), ("ModuleId", NpgsqlDbType.Integer), ("RevisionId", NpgsqlDbType.Integer), ("Stars", NpgsqlDbType.Integer), ("RatedAt", NpgsqlDbType.TimestampTz)], cancellationToken))
        {
            foreach (var row in ratings)
            {
                await writer.WriteAsync(row, cancellationToken);
            }
        }

        await using (var writer = await BulkWriter.OpenAsync(connection, "StuckFlags",
            [("UserId", NpgsqlDbType.Text), ("ModuleId", NpgsqlDbType.Integer), ("RevisionId", NpgsqlDbType.Integer), ("StepNumber", NpgsqlDbType.Integer), ("FlaggedAt", NpgsqlDbType.TimestampTz)], cancellationToken))
        {
            foreach (var row in stuck)
            {
                await writer.WriteAsync(row, cancellationToken);
            }
        }

        output.WriteLine($"  ratings and stuck flags: {ratings.Count:N0}, {stuck.Count:N0}");
    }

    private async Task BulkMentoringAsync(DbConnection connection, Size size, int[] authorOf, Random random, CancellationToken cancellationToken)
    {
        string[] states = ["Held", "Held", "Held", "Accepted", "Declined", "Requested", "Withdrawn", "Cancelled", "AlternativesProposed", "Held"];
        await using var writer = await BulkWriter.OpenAsync(connection, "MentoringRequests",
            [("ModuleId", NpgsqlDbType.Integer), ("LearnerId", NpgsqlDbType.Text), ("AuthorId", NpgsqlDbType.Text), ("Message", NpgsqlDbType.Text),
             ("DurationMinutes", NpgsqlDbType.Integer), ("State", NpgsqlDbType.Text), ("StartsAt", NpgsqlDbType.TimestampTz), ("EndsAt", NpgsqlDbType.TimestampTz),
             ("CalendarUid", NpgsqlDbType.Text), ("Sequence", NpgsqlDbType.Integer), ("Round", NpgsqlDbType.Integer), ("CreatedAt", NpgsqlDbType.TimestampTz),
             ("UpdatedAt", NpgsqlDbType.TimestampTz), ("AuthorAnsweredAt", NpgsqlDbType.TimestampTz), ("Version", NpgsqlDbType.Integer)], cancellationToken);
        for (var i = 1; i <= size.MentoringRequests; i++)
        {
            var module = 1 + random.Next(size.Modules);
            var state = states[random.Next(states.Length)];
            var created = Start.AddSeconds(random.NextDouble() * (Now.AddDays(-2) - Start).TotalSeconds);
            DateTime? answered = state is "Requested" or "Withdrawn" ? null : created.AddHours(-Math.Log(1 - random.NextDouble()) * 20);
            DateTime? starts = state is "Held" or "Accepted" ? created.AddDays(3 + random.Next(10)) : null;
            await writer.WriteAsync(
                [module, $"u{1 + random.Next(size.People)}", $"u{authorOf[module]}", "Could we go through it together?", 30, state, starts, starts?.AddMinutes(30),
                 $"benchmark-{i}", 0, 1, created, answered ?? created, answered, 0], cancellationToken);
        }

        output.WriteLine($"  mentoring requests: {size.MentoringRequests:N0}");
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    /// <summary>Counts the commands a context sends, whatever kind.</summary>
    private sealed class QueryCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    /// <summary>
    /// Fast inserts of many rows: binary COPY on PostgreSQL; on SQLite one prepared INSERT reused inside one transaction.
    /// </summary>
    private sealed class BulkWriter : IAsyncDisposable
    {
        private NpgsqlBinaryImporter? _copy;
        private (string Name, NpgsqlDbType Type)[] _columns = [];
        private DbTransaction? _transaction;
        private DbCommand? _insert;

        public static async Task<BulkWriter> OpenAsync(DbConnection connection, string table, (string Name, NpgsqlDbType Type)[] columns, CancellationToken cancellationToken)
        {
            var writer = new BulkWriter { _columns = columns };
            var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            if (connection is NpgsqlConnection npgsql)
            {
                writer._copy = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            }
            else
            {
                writer._transaction = await connection.BeginTransactionAsync(cancellationToken);
                var insert = connection.CreateCommand();
                insert.Transaction = writer._transaction;
                insert.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < columns.Length; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = $"@p{i}";
                    insert.Parameters.Add(parameter);
                }

                await insert.PrepareAsync(cancellationToken);
                writer._insert = insert;
            }

            return writer;
        }

        public async Task WriteAsync(object?[] values, CancellationToken cancellationToken)
        {
            if (_copy is { } copy)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(values[i], _columns[i].Type, cancellationToken);
                    }
                }

                return;
            }

            for (var i = 0; i < values.Length; i++)
            {
                _insert!.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await _insert!.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_copy is { } copy)
            {
                await copy.CompleteAsync();
                await copy.DisposeAsync();
                _copy = null;
            }

            if (_transaction is { } transaction)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                _transaction = null;
                await _insert!.DisposeAsync();
            }
        }
    }
}
