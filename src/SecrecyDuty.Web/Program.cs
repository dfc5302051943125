using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Operations;

// The guidance command needs neither the host nor a database: it runs before either is built.
if (GuidanceCommand.IsCommand(args))
{
    return GuidanceCommand.Run(Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSecrecyDuty();
var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();
app.UseSecrecyDuty();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory&lt;Program&gt; can host it in tests.</summary>
public partial class Program;
