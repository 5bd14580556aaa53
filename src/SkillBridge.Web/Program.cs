using SkillBridge.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddSkillBridgeCore();
var app = builder.Build();
app.Run();

public partial class Program;
