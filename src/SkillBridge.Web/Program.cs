using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkillBridgeCore();
builder.AddSkillBridgeWeb();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseSkillBridgeWeb();
await app.RunAsync();

public partial class Program;
