using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Auth.Identity;
using IoTCentral.Emulator.Features.ApiTokens;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DeviceGroups;
using IoTCentral.Emulator.Features.DeviceFeed;
using IoTCentral.Emulator.Features.Documents;
using IoTCentral.Emulator.Features.FileUploads;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.EnrollmentGroups;
using IoTCentral.Emulator.Features.Jobs;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Features.Roles;
using IoTCentral.Emulator.Features.Users;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.Load;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator;

/// <summary>Composes the emulator's web application: services, middleware order and route groups.</summary>
internal static class EmulatorApp
{
    public const string ApiBasePath = "/api";

    /// <summary>The application; <paramref name="identity"/> is the Microsoft Entra stand-in whose tokens it accepts (and whose TLS certificate it serves https with); <paramref name="seed"/> is what a new application starts with (null: the development application).</summary>
    public static WebApplication Build(EmulatorOptions options, IdentityServices identity, ApplicationSeed? seed = null)
    {
        var settings = EmulatorSettings.From(options);
        var builder = SlimWebHost.CreateBuilder(options.Https ? identity.Certificate : null);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(seed ?? ApplicationSeed.Development);
        builder.Services.AddSingleton(identity.Validator);
        builder.Services.AddSingleton<BearerAuthenticator>();
        builder.Services.AddSingleton<UserService>();
        builder.Services.AddSingleton<OrganizationService>();
        builder.Services.AddSingleton<DeviceGroupService>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<JobService>();
        builder.Services.AddSingleton<ScheduledJobService>();
        builder.Services.AddHostedService<JobTicker>();
        builder.Services.AddSingleton<ExportHealth>();
        builder.Services.AddSingleton<ExportPublisher>();
        builder.Services.AddSingleton<DataExportService>();
        builder.Services.AddHostedService<ExportDelivery>();
        builder.Services.AddSingleton<StateStore>();
        builder.Services.AddSingleton<Paging>();
        builder.Services.AddSingleton<ApiTokenAuthenticator>();
        builder.Services.AddSingleton<ApiTokenService>();
        builder.Services.AddSingleton<DeviceService>();
        builder.Services.AddSingleton<RelationshipService>();
        builder.Services.AddSingleton<AttestationService>();
        builder.Services.AddSingleton<EnrollmentGroupService>();
        builder.Services.AddSingleton<FileUploadService>();
        builder.Services.AddSingleton<DocumentService>();
        builder.Services.AddSingleton<DeviceTemplateService>();
        builder.Services.AddSingleton<DeviceDataStore>();
        builder.Services.AddSingleton<DeviceModels>();
        builder.Services.AddSingleton<DevicePropertiesService>();
        builder.Services.AddSingleton<DeviceTelemetryService>();
        builder.Services.AddSingleton<DeviceCommandService>();
        builder.Services.AddSingleton<DeviceProvisioning>();
        builder.Services.AddSingleton<DeviceConnections>();
        builder.Services.AddSingleton<DeviceFeedAuthenticator>();
        builder.Services.AddSingleton<IQuerySource, DeviceDataQuerySource>();
        builder.Services.AddSingleton(LoadBehaviour(options, out var faults));
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton<LoadStatistics>();

        var app = builder.Build();
        SlimWebHost.Listen(app, options.Https ? SlimWebHost.WithHttps(options.Urls) : options.Urls);

        app.UseMiddleware<ErrorResponseMiddleware>();
        app.UseMiddleware<LoadMiddleware>();
        app.UseMiddleware<ApiVersionMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AuthorizationMiddleware>();

        var api = app.MapGroup(ApiBasePath);
        api.MapRoleRoutes();
        api.MapApiTokenRoutes();
        api.MapDeviceRoutes();
        api.MapRelationshipRoutes();
        api.MapAttestationRoutes();
        api.MapUserRoutes();
        api.MapOrganizationRoutes();
        api.MapDeviceGroupRoutes();
        api.MapJobRoutes();
        api.MapScheduledJobRoutes();
        api.MapEnrollmentGroupRoutes();
        api.MapDeviceTemplateRoutes();
        api.MapDeviceDataRoutes();
        api.MapQueryRoutes();
        api.MapFileUploadRoutes();
        api.MapDocumentRoutes();
        api.MapApplyManifestRoute();
        api.MapDataExportRoutes();
        app.MapDeviceFeedRoutes();
        return app;
    }

    private static RequestRateLimiter LoadBehaviour(EmulatorOptions options, out FaultInjector faults)
    {
        if (options.RateLimit < 0 || double.IsNaN(options.RateLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RateLimit, "RateLimit must be 0 (no limit) or a positive number of requests per second.");
        }

        try
        {
            faults = new FaultInjector(FaultPlan.Parse(options.Faults));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("Faults: " + e.Message, nameof(options), e);
        }

        return new RequestRateLimiter(options.RateLimit);
    }
}
