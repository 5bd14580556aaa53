using SkillBridge.Core;
using SkillBridge.Core.Content;
using SkillBridge.Core.Search;
using SkillBridge.Web;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkillBridgeCore();
builder.AddSkillBridgeWeb();
var app = builder.Build();

// Before anything migrates: backup must copy the database as it is (each command applies the policy it needs).
if (SkillBridgeCommands.IsCommand(args))
{
    app.Services.GetRequiredService<SearchIndex>().ForCommandLine();
    return await SkillBridgeCommands.RunAsync(app.Services, args);
}

if (!await app.PrepareDatabaseAsync())
{
    // Disposing flushes the console log, so the reason is printed before the process exits.
    await app.DisposeAsync();
    return 1;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<StarterContentImporter>().ImportIfEmptyAsync();
}

await app.PrepareFirstAdministratorAsync();
app.UseSkillBridgeWeb();
await app.RunAsync();
return 0;

public partial class Program;
