using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>
/// The cmdlet assembly compiles against the engine's public surface but must not load Azure.*, MSAL or
/// System.Text.Json (they live in a private load context), so no public signature may mention them.
/// </summary>
public class ApiSurfaceTests
{
    private static readonly string[] PrivateAssemblies = { "Azure.", "Microsoft.Identity", "System.Text.Json", "System.ClientModel", "System.Memory.Data" };

    [Fact]
    public void Public_signatures_use_only_BCL_Models_and_engine_types()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(IoTCentralClient).Assembly.GetExportedTypes())
        {
            foreach (var (where, used) in SignatureTypes(type))
            {
                if (IsPrivate(used))
                {
                    offenders.Add($"{type.Name}.{where}: {used.FullName}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_engine_exports_the_agreed_types()
    {
        var names = typeof(IoTCentralClient).Assembly.GetExportedTypes().Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                "AccessTokenInfo", "ApiTokenInfo", "ApiTokensOperations", "ApplicationOperationStart", "ApplicationUrls", "CallerThread", "CollectionOperations`1", "DashboardsOperations", "DataExportOperations", "DeploymentManifestsOperations", "DeviceCommandsOperations",
                "DeviceDataOperations", "DeviceGroupsOperations", "DevicePropertiesOperations", "DeviceTemplatesOperations", "DevicesOperations", "EmulatorDiscovery", "EmulatorFeedOperations", "EnrollmentGroupsOperations",
                "EntraSignIn", "EntraSignInKind", "FileUploadsOperations", "IRequestLogSink", "IoTCentralClient", "IoTCentralClientOptions", "JobsOperations",
                "JsonText", "ListOptions", "ManagementClient", "OrganizationsOperations", "Page`1", "PathSegment", "QueryOperations",
                "RawResponse", "RequestLog", "RolesOperations", "ScheduledJobsOperations", "SignedInIdentity", "UsersOperations"
            },
            names);
    }

    private static bool IsPrivate(Type type)
    {
        if (type.HasElementType)
        {
            return IsPrivate(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(IsPrivate))
        {
            return true;
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        return PrivateAssemblies.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Where, Type Used)> SignatureTypes(Type type)
    {
        if (type.BaseType is not null)
        {
            yield return ("base", type.BaseType);
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return ("interface", implemented);
        }

        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var property in type.GetProperties(visible))
        {
            yield return (property.Name, property.PropertyType);
        }

        foreach (var method in type.GetMethods(visible).Cast<MethodBase>().Concat(type.GetConstructors(visible)))
        {
            if (method is MethodInfo info)
            {
                yield return (method.Name, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (method.Name + "(" + parameter.Name + ")", parameter.ParameterType);
            }
        }
    }
}
