using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SkillBridge.Core;

namespace SkillBridge.Tests.TestSupport;

/// <summary>The built site (SkillBridge.Web.dll beside the tests) started with <c>dotnet</c> on a free port.</summary>
internal sealed class SiteProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

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

    /// <summary>Runs the built site to its end (a command, or a start-up that stops): its exit code, output and error output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartDeadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The site was still running after {StartDeadline.TotalSeconds} s. Its output:\n{await output}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Puts <paramref name="settings"/> (configuration keys such as SkillBridge:ConnectionString) in the process's environment.</summary>
    public static ProcessStartInfo With(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    public static async Task<SiteProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(With(StartInfo(dataPath, "Testing", "--urls", address.ToString().TrimEnd('/')), settings))!;
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
