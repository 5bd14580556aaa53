using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

public sealed record UnreadableKey(int Id, string? FriendlyName);

/// <summary>
/// The package's key repository, except that a row whose XML does not parse is skipped and logged instead of failing the
/// whole read: the package's own reader throws, and then every sign-in cookie and antiforgery token on the site fails.
/// The health page names such rows (<see cref="FindUnreadableAsync"/>).
/// </summary>
public sealed partial class DataProtectionKeyRepository : EntityFrameworkCoreXmlRepository<SkillBridgeDbContext>
{
    private readonly IServiceProvider _services;
    private readonly ILogger<DataProtectionKeyRepository> _logger;

    public DataProtectionKeyRepository(IServiceProvider services, ILoggerFactory loggerFactory)
        : base(services, loggerFactory)
    {
        _services = services;
        _logger = loggerFactory.CreateLogger<DataProtectionKeyRepository>();
    }

    public override IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = _services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().DataProtectionKeys.AsNoTracking().ToList();
        var elements = new List<XElement>(keys.Count);
        foreach (var key in keys)
        {
            if (TryParse(key.Xml) is { } element)
            {
                elements.Add(element);
            }
            else
            {
                LogUnreadableKey(key.Id, key.FriendlyName);
            }
        }

        return elements;
    }

    /// <summary>Rows of the key table that the site skips because their XML does not parse.</summary>
    public static async Task<IReadOnlyList<UnreadableKey>> FindUnreadableAsync(SkillBridgeDbContext db, CancellationToken cancellationToken = default) =>
        (await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
            .Where(k => TryParse(k.Xml) is null)
            .Select(k => new UnreadableKey(k.Id, k.FriendlyName))
            .ToList();

    private static XElement? TryParse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Data-protection key row {Id} ({FriendlyName}) is not valid XML and was skipped; delete or repair it.")]
    private partial void LogUnreadableKey(int id, string? friendlyName);
}
