using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Auth.Identity;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// The management endpoint: an Azure Resource Manager stand-in (the role of https://management.azure.com) serving the
/// control-plane operations of spec/iotcentral-arm-2021-06-01.json over https, with bearer tokens from the emulator's
/// token service for the audience https://management.azure.com. Subscriptions and resource groups are plain
/// containers: the development subscription always exists, and a resource group exists while it holds applications.
/// </summary>
internal static class ManagementApp
{
    private const string Provider = "providers/Microsoft.IoTCentral";
    private const string AppPath = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/" + Provider + "/iotApps/{resourceName}";
    private const string RetryAfterSeconds = "1";

    public static WebApplication Build(EmulatorOptions options, IdentityServices identity, ManagedApplications applications, Func<Uri> authorityHost)
    {
        var builder = SlimWebHost.CreateBuilder(identity.Certificate);
        var app = builder.Build();
        SlimWebHost.Listen(app, options.ManagementUrls);
        var operations = new ArmOperations(options.ManagementOperationPolls, options.Clock);
        var pageSize = options.PageSize;

        app.Use(async (context, next) =>
        {
            context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString("D");
            try
            {
                if (!context.Request.Path.StartsWithSegments("/metadata", StringComparison.OrdinalIgnoreCase))
                {
                    CheckApiVersion(context);
                    context.Items[typeof(EntraPrincipal)] = Authenticate(context, identity);
                }

                await next(context);
                if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && context.Response.ContentType is null)
                {
                    await new ArmException(404, "InvalidResourceType", $"The resource type could not be found for '{context.Request.Path}'.").WriteAsync(context);
                }
            }
            catch (ArmException e) when (!context.Response.HasStarted)
            {
                await e.WriteAsync(context);
            }
        });
        app.UseRouting();

        app.MapGet("/metadata/endpoints", (HttpContext context) => Results.Json(new JsonObject
        {
            ["name"] = "IoTCentralEmulator",
            ["resourceManager"] = $"{context.Request.Scheme}://{context.Request.Host}/",
            ["authentication"] = new JsonObject
            {
                ["loginEndpoint"] = authorityHost().ToString(),
                ["audiences"] = new JsonArray(EntraTokens.ManagementResource + "/"),
                ["tenant"] = EmulatorIdentities.DefaultTenantId,
            },
        }));

        app.MapGet("/providers/Microsoft.IoTCentral/operations", () => Results.Json(new JsonObject { ["value"] = ArmCatalog.OperationsJson() }));

        app.MapGet("/subscriptions/{subscriptionId}/" + Provider + "/iotApps", (string subscriptionId, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "iotApps/read");
            return Page(context, applications.List(subscriptionId, null), pageSize);
        });

        app.MapGet("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/" + Provider + "/iotApps",
            (string subscriptionId, string resourceGroupName, HttpContext context) =>
            {
                Authorize(context, identity, subscriptionId, "iotApps/read");
                var apps = applications.List(subscriptionId, resourceGroupName);
                return apps.Count == 0
                    ? throw ArmException.NotFound("ResourceGroupNotFound", $"Resource group '{resourceGroupName}' could not be found.")
                    : Page(context, apps, pageSize);
            });

        app.MapGet(AppPath, (string subscriptionId, string resourceGroupName, string resourceName, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "iotApps/read");
            var found = applications.Find(subscriptionId, resourceGroupName, resourceName) ?? throw ManagedApplications.NotFound(resourceGroupName, resourceName);
            return Results.Json(found.ToJson());
        });

        app.MapPut(AppPath, async (string subscriptionId, string resourceGroupName, string resourceName, HttpContext context) =>
        {
            var caller = Authorize(context, identity, subscriptionId, "iotApps/write");
            CheckNames(resourceGroupName, resourceName);
            var request = await AppRequest.ReadAsync(context.Request, patch: false);
            var (result, created) = await applications.PutAsync(subscriptionId, resourceGroupName, resourceName, request, caller, context.RequestAborted);
            return Accepted(context, operations.Start(result.Location, result.Id), subscriptionId, created ? 201 : 200, result.ToJson());
        });

        app.MapPatch(AppPath, async (string subscriptionId, string resourceGroupName, string resourceName, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "iotApps/write");
            var request = await AppRequest.ReadAsync(context.Request, patch: true);
            var result = await applications.PatchAsync(subscriptionId, resourceGroupName, resourceName, request, context.RequestAborted);
            return Accepted(context, operations.Start(result.Location, result.Id), subscriptionId, 202, null);
        });

        app.MapDelete(AppPath, async (string subscriptionId, string resourceGroupName, string resourceName, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "iotApps/delete");
            var existing = applications.Find(subscriptionId, resourceGroupName, resourceName);

            // As everywhere in Azure Resource Manager, deleting what is not there is a success with nothing to wait for.
            if (existing is null || !await applications.DeleteAsync(subscriptionId, resourceGroupName, resourceName, context.RequestAborted))
            {
                return Results.NoContent();
            }

            return Accepted(context, operations.Start(existing.Location, null), subscriptionId, 202, null);
        });

        app.MapPost("/subscriptions/{subscriptionId}/" + Provider + "/checkNameAvailability", async (string subscriptionId, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "checkNameAvailability/action");
            var name = await AvailabilityName(context);
            return Results.Json(!AppRequest.NamePattern().IsMatch(name)
                ? Availability(false, "Invalid", $"The name '{name}' is not valid: use 3 to 100 letters, digits and hyphens, not only digits, not starting with a hyphen or ending with one.")
                : applications.IsNameTaken(name)
                    ? Availability(false, "AlreadyExists", $"The name '{name}' is already in use.")
                    : Availability(true, null, null));
        });

        app.MapPost("/subscriptions/{subscriptionId}/" + Provider + "/checkSubdomainAvailability", async (string subscriptionId, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "checkSubdomainAvailability/action");
            var subdomain = await AvailabilityName(context);
            return Results.Json(!AppRequest.SubdomainPattern().IsMatch(subdomain)
                ? Availability(false, "Invalid", $"The subdomain '{subdomain}' is not valid: use 2 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit.")
                : applications.IsSubdomainTaken(subdomain)
                    ? Availability(false, "AlreadyExists", $"The subdomain '{subdomain}' is already in use.")
                    : Availability(true, null, null));
        });

        app.MapPost("/subscriptions/{subscriptionId}/" + Provider + "/appTemplates", (string subscriptionId, HttpContext context) =>
        {
            Authorize(context, identity, subscriptionId, "appTemplates/action");
            return Results.Json(new JsonObject { ["value"] = ArmCatalog.TemplatesJson() });
        });

        app.MapGet("/subscriptions/{subscriptionId}/" + Provider + "/locations/{location}/operationStatuses/{operationId}",
            (string subscriptionId, string operationId, HttpContext context) =>
            {
                Authorize(context, identity, subscriptionId, "iotApps/read");
                var done = operations.Poll(operationId, out var operation);
                if (!done)
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds;
                }

                var status = new JsonObject
                {
                    ["id"] = context.Request.Path.Value,
                    ["name"] = operation.Id,
                    ["status"] = done ? "Succeeded" : "InProgress",
                    ["startTime"] = EmulatorJson.FormatTimestamp(operation.Started),
                };
                if (operation.Ended is { } ended)
                {
                    status["endTime"] = EmulatorJson.FormatTimestamp(ended);
                }

                return Results.Json(status);
            });

        app.MapGet("/subscriptions/{subscriptionId}/" + Provider + "/locations/{location}/operationResults/{operationId}",
            (string subscriptionId, string operationId, HttpContext context) =>
            {
                Authorize(context, identity, subscriptionId, "iotApps/read");
                if (!operations.Poll(operationId, out var operation))
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds;
                    context.Response.Headers.Location = context.Request.Path + context.Request.QueryString;
                    return Results.StatusCode(StatusCodes.Status202Accepted);
                }

                if (operation.ResourceId is null)
                {
                    return Results.NoContent();
                }

                var app = applications.List(subscriptionId, null).FirstOrDefault(a => string.Equals(a.Id, operation.ResourceId, StringComparison.OrdinalIgnoreCase));
                return app is null ? Results.NoContent() : Results.Json(app.ToJson());
            });

        return app;
    }

    private static IResult Accepted(HttpContext context, ArmOperations.Operation operation, string subscriptionId, int status, JsonObject? body)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}/subscriptions/{subscriptionId}/{Provider}/locations/{operation.Location}";
        var query = "?api-version=" + ArmCatalog.ApiVersion;
        context.Response.Headers["Azure-AsyncOperation"] = $"{root}/operationStatuses/{operation.Id}{query}";
        context.Response.Headers.Location = $"{root}/operationResults/{operation.Id}{query}";
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return body is null ? Results.StatusCode(status) : Results.Json(body, statusCode: status);
    }

    private static IResult Page(HttpContext context, IReadOnlyList<ManagedApplication> apps, int pageSize)
    {
        var skip = int.TryParse(context.Request.Query["$skipToken"], out var s) && s > 0 ? s : 0;
        var page = apps.Skip(skip).Take(pageSize).ToList();
        var body = new JsonObject { ["value"] = new JsonArray(page.Select(a => (JsonNode)a.ToJson()).ToArray()) };
        if (skip + page.Count < apps.Count)
        {
            body["nextLink"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?api-version={ArmCatalog.ApiVersion}&$skipToken={skip + page.Count}";
        }

        return Results.Json(body);
    }

    private static JsonObject Availability(bool available, string? reason, string? message)
    {
        var body = new JsonObject { ["nameAvailable"] = available };
        if (reason is not null)
        {
            body["reason"] = reason;
            body["message"] = message;
        }

        return body;
    }

    private static async Task<string> AvailabilityName(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ArmException.BadRequest("InvalidRequestContent", "The request body is not valid JSON: " + e.Message);
        }

        var name = body?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
        var type = body?["type"] is JsonValue t && t.TryGetValue<string>(out var tt) ? tt : "IoTApps";
        if (string.IsNullOrEmpty(name))
        {
            throw ArmException.BadRequest("InvalidRequestContent", "The body needs a 'name': {\"name\":\"...\",\"type\":\"IoTApps\"}.", "name");
        }

        return string.Equals(type, "IoTApps", StringComparison.OrdinalIgnoreCase)
            ? name
            : throw ArmException.BadRequest("InvalidResourceType", $"The type '{type}' is not supported; use 'IoTApps'.", "type");
    }

    private static void CheckNames(string resourceGroup, string name)
    {
        if (!AppRequest.ResourceGroupPattern().IsMatch(resourceGroup) || resourceGroup.EndsWith('.'))
        {
            throw ArmException.BadRequest("InvalidResourceGroupName", $"The resource group name '{resourceGroup}' is not valid.", "resourceGroupName");
        }

        if (!AppRequest.NamePattern().IsMatch(name))
        {
            throw ArmException.BadRequest("InvalidResourceName",
                $"The application name '{name}' is not valid: use 3 to 100 letters, digits and hyphens, not only digits, not starting or ending with a hyphen.", "resourceName");
        }
    }

    private static void CheckApiVersion(HttpContext context)
    {
        var version = context.Request.Query["api-version"].ToString();
        if (string.IsNullOrEmpty(version))
        {
            throw ArmException.BadRequest("MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }

        if (version != ArmCatalog.ApiVersion)
        {
            throw ArmException.BadRequest("NoRegisteredProviderFound",
                $"No registered resource provider found for api version '{version}'. The supported api-versions are '{ArmCatalog.ApiVersion}'.");
        }
    }

    private static EntraPrincipal Authenticate(HttpContext context, IdentityServices identity)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new ArmException(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }

        if (!BearerAuthenticator.IsBearer(header))
        {
            throw new ArmException(401, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is not a Bearer token; an IoT Central API token cannot manage applications.");
        }

        try
        {
            return identity.Validator.Validate(header[BearerAuthenticator.Scheme.Length..].Trim(), EntraTokens.ManagementResource, "Azure Resource Manager");
        }
        catch (ApiException e)
        {
            throw new ArmException(401, e.WrongAudience ? "InvalidAuthenticationTokenAudience" : e.Code == ErrorCodes.ExpiredToken ? "ExpiredAuthenticationToken" : "InvalidAuthenticationToken", e.Message);
        }
    }

    /// <summary>The development subscription is the only one; a caller needs management access (granted per identity) to use it.</summary>
    private static EntraPrincipal Authorize(HttpContext context, IdentityServices identity, string subscriptionId, string action)
    {
        var caller = (EntraPrincipal)context.Items[typeof(EntraPrincipal)]!;
        if (!string.Equals(subscriptionId, EmulatorDefaults.DevelopmentSubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            throw ArmException.NotFound("SubscriptionNotFound", $"The subscription '{subscriptionId}' could not be found.");
        }

        if (!identity.Identities.HasManagementAccess(caller.ObjectId))
        {
            throw new ArmException(403, "AuthorizationFailed",
                $"The client '{caller.UserPrincipalName ?? caller.ClientId ?? caller.ObjectId}' with object id '{caller.ObjectId}' does not have authorization to perform action 'Microsoft.IoTCentral/{action}' over scope '/subscriptions/{subscriptionId}' or the scope is invalid.");
        }

        return caller;
    }
}
