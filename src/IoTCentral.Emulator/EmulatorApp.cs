using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.ApiTokens;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IoTCentral.Emulator;

/// <summary>Composes the emulator's web application: services, middleware order and route groups.</summary>
internal static class EmulatorApp
{
    public const string ApiBasePath = "/api";

    public static WebApplication Build(EmulatorOptions options)
    {
        var settings = EmulatorSettings.From(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<StateStore>();
        builder.Services.AddSingleton<Paging>();
        builder.Services.AddSingleton<ApiTokenAuthenticator>();
        builder.Services.AddSingleton<ApiTokenService>();
        builder.Services.AddSingleton<DeviceService>();

        var app = builder.Build();
        app.Urls.Clear();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            app.Urls.Add(url);
        }

        app.UseMiddleware<ErrorResponseMiddleware>();
        app.UseMiddleware<ApiVersionMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AuthorizationMiddleware>();

        var api = app.MapGroup(ApiBasePath);
        api.MapRoleRoutes();
        api.MapApiTokenRoutes();
        api.MapDeviceRoutes();
        return app;
    }
}
