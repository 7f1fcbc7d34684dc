using Dialer.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
if (args.Contains("--migrate")) // EF logs its probe for a missing history table as an error on a new database
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

var app = builder.Build();
if (args.Contains("--migrate"))
{
    await app.MigrateDatabaseAsync();
    return;
}

app.UseApplicationPipeline();
app.MapApplicationEndpoints();
app.Run();
