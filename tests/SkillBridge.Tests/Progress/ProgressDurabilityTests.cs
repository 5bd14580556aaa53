using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SkillBridge.Core;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Progress;

/// <summary>
/// A progress write that got a success response survives the process being killed right after: the site runs as a
/// separate process on its own data folder, is killed with SIGKILL straight after the response, and is started again.
/// </summary>
public sealed class ProgressDurabilityTests : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "durability-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StepReached_ThenProcessKilled_IsStillThereAfterARestart()
    {
        var (username, password) = await CreateDevAccountAsync();

        await using (var site = await SiteProcess.StartAsync(_dataPath))
        {
            using var client = site.CreateClient();
            await client.SignInAsync(username, password);
            using var response = await client.GetAsync("/modules/share-your-screen/steps/3");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            site.Kill();
        }

        await using (var restarted = await SiteProcess.StartAsync(_dataPath))
        {
            using var client = restarted.CreateClient();
            await client.SignInAsync(username, password);
            var learning = await client.GetPageAsync("/learning");

            var item = learning.QuerySelector("#in-progress li")!;
            Assert.Contains("Share one window", item.TextContent, StringComparison.Ordinal);
            Assert.Contains("Step 3 of 4", item.TextContent, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Runs the site's own dev-accounts command (Development only) on the data folder and takes the first account it prints.</summary>
    private async Task<(string Username, string Password)> CreateDevAccountAsync()
    {
        using var process = Process.Start(SiteProcess.StartInfo(_dataPath, "Development", "dev-accounts"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartDeadline);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        var line = (await output).Split('\n').First(l => l.Contains("  roles: ", StringComparison.Ordinal));
        var parts = line.Split("  ", StringSplitOptions.RemoveEmptyEntries);
        return (parts[0].Trim(), parts[1].Trim());
    }

    /// <summary>The built site (SkillBridge.Web.dll beside the tests) started with <c>dotnet</c> on a free port.</summary>
    private sealed class SiteProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;

        private SiteProcess(Process process, Uri address) => (_process, _address) = (process, address);

        public static ProcessStartInfo StartInfo(string dataPath, string environment, params string[] arguments)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "SkillBridge.Web.dll");
            Assert.True(File.Exists(dll), $"The site was not built beside the tests: {dll}");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
            start.Environment["SkillBridge__DataPath"] = dataPath;
            start.Environment["SkillBridge__StarterContentPath"] = SolutionFolders.Find("content", AppContext.BaseDirectory);
            start.Environment["SkillBridge__UseLibvips"] = "false";
            return start;
        }

        public static async Task<SiteProcess> StartAsync(string dataPath)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var process = Process.Start(StartInfo(dataPath, "Testing", "--urls", address.ToString().TrimEnd('/')))!;
            var site = new SiteProcess(process, address);
            var output = new System.Text.StringBuilder();
            var lines = new SemaphoreSlim(0);
            process.OutputDataReceived += (_, e) => Received(e.Data);
            process.ErrorDataReceived += (_, e) => Received(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < StartDeadline)
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    using var health = await probe.GetAsync("/healthz");
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return site;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet: wait for the site to say something, or a moment, then ask again.
                }

                await lines.WaitAsync(TimeSpan.FromMilliseconds(250));
            }

            await site.DisposeAsync();
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"The site did not answer /healthz within {StartDeadline.TotalSeconds} s. Its output:\n{output}");
            }

            void Received(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }

                lines.Release();
            }
        }

        public HttpClient CreateClient() =>
            new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = _address };

        /// <summary>SIGKILL on Linux: no shutdown hooks, no flushing, nothing but what was already committed.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
