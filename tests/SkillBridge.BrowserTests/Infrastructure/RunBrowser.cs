using Microsoft.Playwright;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>
/// One Playwright driver and one Chromium for the test run, shared by every site fixture (xunit 2 has no assembly
/// fixtures, so the fixtures count themselves in and out). Tests stay apart through a browser context each.
/// </summary>
internal static class RunBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    /// <summary>The run's browser, launched by the first fixture that asks; pair each call with <see cref="ReleaseAsync"/>.</summary>
    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                var executable = Chromium.FindExecutable();
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    Args = Chromium.Args,
                });
            }

            _users++;
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Closes the browser when the last fixture using it is done.</summary>
    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _browser is null)
            {
                return;
            }

            await _browser.DisposeAsync();
            _playwright?.Dispose();
            _browser = null;
            _playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
