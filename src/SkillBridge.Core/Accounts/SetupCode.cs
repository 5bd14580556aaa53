using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SkillBridge.Core.Accounts;

public enum SetupCodeCheck
{
    Accepted,
    Wrong,

    /// <summary>Too many wrong codes: the old code was retired and a new one printed on the console.</summary>
    Replaced,

    /// <summary>No code is active (an administrator exists).</summary>
    Unavailable,
}

/// <summary>
/// The one-time code that proves whoever opens /setup on a fresh site can read its console. Printed at start-up
/// while no administrator exists. After <see cref="MaxWrongAttempts"/> wrong codes it is replaced by a new one, also
/// printed, so guessing never gets more than five tries at one code (16 characters of 32 = 80 bits anyway).
/// </summary>
public sealed class SetupCode(ILogger<SetupCode> logger)
{
    public const int MaxWrongAttempts = 5;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Lock _lock = new();
    private string? _code;
    private int _wrongAttempts;

    public bool IsActive
    {
        get
        {
            lock (_lock)
            {
                return _code is not null;
            }
        }
    }

    /// <summary>The code, for tests that play the person reading the console.</summary>
    internal string? Current
    {
        get
        {
            lock (_lock)
            {
                return _code;
            }
        }
    }

    public void Issue()
    {
        lock (_lock)
        {
            var characters = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
            _code = string.Join('-', Enumerable.Range(0, 4).Select(group => new string(characters, group * 4, 4)));
            _wrongAttempts = 0;
            logger.LogWarning("Open /setup and enter this code to create the first administrator: {SetupCode}", _code);
        }
    }

    public SetupCodeCheck Check(string? attempt)
    {
        lock (_lock)
        {
            if (_code is null)
            {
                return SetupCodeCheck.Unavailable;
            }

            var given = Encoding.UTF8.GetBytes((attempt ?? "").Trim().ToUpperInvariant());
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(_code)))
            {
                return SetupCodeCheck.Accepted;
            }

            if (++_wrongAttempts < MaxWrongAttempts)
            {
                return SetupCodeCheck.Wrong;
            }

            logger.LogWarning("{Attempts} wrong setup codes were entered at /setup; that code no longer works.", _wrongAttempts);
            Issue();
            return SetupCodeCheck.Replaced;
        }
    }

    /// <summary>Called once the first administrator exists.</summary>
    public void Retire()
    {
        lock (_lock)
        {
            _code = null;
        }
    }
}
