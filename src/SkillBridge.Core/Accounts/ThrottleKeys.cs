using System.Net;
using System.Net.Sockets;

namespace SkillBridge.Core.Accounts;

/// <summary>The keys the <see cref="ThrottleCounters"/> table uses, and the limits that go with them.</summary>
public static class ThrottleKeys
{
    /// <summary>Wrong passwords one client address may try on one account in <see cref="SignInWindow"/>.</summary>
    public const int SignInFailuresPerClient = 10;

    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(15);

    /// <summary>Reset mails to one address in <see cref="ResetMailWindow"/>.</summary>
    public const int ResetMailsPerAddress = 3;

    /// <summary>Reset mails one client address may ask for in <see cref="ResetMailWindow"/>.</summary>
    public const int ResetMailsPerClient = 10;

    public static readonly TimeSpan ResetMailWindow = TimeSpan.FromHours(1);

    /// <summary>Failed sign-ins for an account from anywhere: never a lock, but shown by <c>unlock</c> and kept for admins.</summary>
    public static string SignInAccount(string account) => "sign-in:account:" + account;

    public static string SignInClient(string account, string client) => $"sign-in:client:{account}@{client}";

    public static string ResetMailAddress(string email) => "reset-mail:address:" + email.Trim().ToUpperInvariant();

    public static string ResetMailClient(string client) => "reset-mail:client:" + client;

    /// <summary>
    /// The account part of a sign-in key: the account's id when it exists, else the name as typed (upper case), so an
    /// unknown name is throttled exactly like a real one.
    /// </summary>
    public static string Account(SkillBridgeUser? user, string tried) => user is not null ? "id:" + user.Id : "name:" + tried.Trim().ToUpperInvariant();

    /// <summary>
    /// A client address as a throttle key: IPv4 as is, IPv6 by its /64 network (one household or server usually gets a
    /// whole /64, so counting single IPv6 addresses would let one client rotate through millions of them).
    /// </summary>
    public static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
