using SkillBridge.Core;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Web;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkillBridgeCore();
builder.AddSkillBridgeWeb();
var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

if (SkillBridgeCommands.IsCommand(args))
{
    return await SkillBridgeCommands.RunAsync(app.Services, args);
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
