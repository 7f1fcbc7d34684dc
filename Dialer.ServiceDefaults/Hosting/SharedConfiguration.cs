using Dialer.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Dialer.ServiceDefaults.Hosting;

public static class SharedConfiguration
{
    /// <summary>
    /// Puts the repository's shared appsettings.json (copied next to each binary) under everything else,
    /// so a project's own appsettings, the environment's file, environment variables and flags all override it; and,
    /// outside Development, refuses to start while a setting still holds one of that file's sample secrets.
    /// </summary>
    public static IHostApplicationBuilder AddSharedDefaults(this IHostApplicationBuilder builder)
    {
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var files = new PhysicalFileProvider(AppContext.BaseDirectory);
        sources.Insert(0, Json(files, "appsettings.shared.json"));
        sources.Insert(1, Json(files, $"appsettings.shared.{builder.Environment.EnvironmentName}.json"));
        builder.Services.RefuseSampleSecretsOutsideDevelopment();
        Telemetry.RedactingLoggerFactory.Register(builder.Services);
        return builder;
    }

    static JsonConfigurationSource Json(IFileProvider files, string path) =>
        new() { FileProvider = files, Path = path, Optional = true, ReloadOnChange = false };
}
