using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace SkillBridge.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (package python3-aiosmtpd) with a small handler
/// (store_handler.py) that keeps each accepted message as a file. <see cref="Stop"/> and <see cref="Start"/> take it
/// down and bring it back on the same port, to test what happens while the mail server is down.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    public const string Package = "python3-aiosmtpd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "skillbridge-smtp-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public SmtpServer()
    {
        Port = FreePort();
        Directory.CreateDirectory(_folder);
        Start();
    }

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages =>
        Directory.GetFiles(_folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();

    /// <summary>Settings that point SkillBridge:Smtp at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("SkillBridge:Smtp:Host", "127.0.0.1"),
        new("SkillBridge:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("SkillBridge:Smtp:EnableSsl", "false"),
    ];

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var handlerFolder = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Mail");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "store_handler.StoreHandler", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = handlerFolder;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var errors = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"The mail tests need a real SMTP server: install Debian's {Package} (apt-get install -y {Package}; README, \"Run the tests\"). {python}: {exception.Message}", exception);
        }

        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!Accepts())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                Stop();
                string said;
                lock (errors)
                {
                    said = errors.ToString();
                }

                throw new InvalidOperationException(said.Contains("No module named aiosmtpd", StringComparison.Ordinal)
                    ? $"The mail tests need a real SMTP server: install Debian's {Package} (apt-get install -y {Package}; README, \"Run the tests\")."
                    : $"aiosmtpd ({Package}) did not start on 127.0.0.1:{Port}: {said}");
            }

            // Waiting for another process to open its port: nothing to await but the next try.
            Thread.Sleep(20);
        }
    }

    /// <summary>Kills the server; connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ReceivedMail Read(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        var raw = Convert.FromBase64String(root.GetProperty("data").GetString()!);
        return ReceivedMail.Parse(root.GetProperty("from").GetString() ?? "", root.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList(), raw);
    }
}

/// <summary>A message as the server received it: envelope, decoded subject and text body, and the raw message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Subject, string Body, string MessageId)
{
    /// <summary>The message as sent, headers and MIME parts included (for attachments).</summary>
    public string Raw { get; init; } = "";

    /// <summary>The message's Date header.</summary>
    public DateTimeOffset Date { get; init; }

    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        using var message = MimeMessage.Load(stream);
        return new ReceivedMail(from, to, message.Subject ?? "", message.TextBody ?? "", message.MessageId ?? "")
        {
            Raw = Encoding.UTF8.GetString(raw),
            Date = message.Date,
        };
    }
}
