using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Adapts a TokenCredential from another copy of Azure.Core. The module loads its Azure.Core privately, so a
/// credential the user built with their own Azure.Identity (or Az.Accounts') is a different type with the same
/// shape; it is driven by reflection through that shape.
/// </summary>
internal sealed class ForeignTokenCredential : TokenCredential
{
    public const string TokenCredentialTypeName = "Azure.Core.TokenCredential";

    private readonly object _credential;
    private readonly MethodInfo _getToken;
    private readonly MethodInfo _getTokenAsync;
    private readonly ConstructorInfo _contextConstructor;

    private ForeignTokenCredential(object credential, MethodInfo getToken, MethodInfo getTokenAsync, ConstructorInfo contextConstructor)
    {
        _credential = credential;
        _getToken = getToken;
        _getTokenAsync = getTokenAsync;
        _contextConstructor = contextConstructor;
    }

    /// <summary>Returns an adapter, or null when the object does not derive from a type named Azure.Core.TokenCredential.</summary>
    public static ForeignTokenCredential? TryCreate(object credential)
    {
        var baseType = credential.GetType();
        while (baseType is not null && baseType.FullName != TokenCredentialTypeName)
        {
            baseType = baseType.BaseType;
        }

        if (baseType is null)
        {
            return null;
        }

        var getToken = FindGetToken(baseType, "GetToken");
        var getTokenAsync = FindGetToken(baseType, "GetTokenAsync");
        var contextType = getToken?.GetParameters()[0].ParameterType;
        var contextConstructor = contextType?.GetConstructors()
            .Where(c => c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType == typeof(string[]))
            // The fullest constructor, so that continuous access evaluation (isCaeEnabled) and the rest reach the credential.
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (getToken is null || getTokenAsync is null || contextConstructor is null)
        {
            return null;
        }

        return new ForeignTokenCredential(credential, getToken, getTokenAsync, contextConstructor);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var foreignToken = Invoke(_getToken, requestContext, cancellationToken);
        return ReadAccessToken(foreignToken);
    }

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        // The result is a ValueTask<their AccessToken>; AsTask gives a Task we can await without knowing T.
        var valueTask = Invoke(_getTokenAsync, requestContext, cancellationToken);
        var task = (Task)valueTask!.GetType().GetMethod("AsTask")!.Invoke(valueTask, null)!;
        await task.ConfigureAwait(false);
        return ReadAccessToken(task.GetType().GetProperty("Result")!.GetValue(task));
    }

    private static MethodInfo? FindGetToken(Type baseType, string name) =>
        baseType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == name
                && m.GetParameters().Length == 2
                && m.GetParameters()[1].ParameterType == typeof(CancellationToken));

    private static AccessToken ReadAccessToken(object? foreignToken)
    {
        if (foreignToken is null)
        {
            throw new InvalidOperationException("The credential returned no access token.");
        }

        var type = foreignToken.GetType();
        var token = type.GetProperty("Token")?.GetValue(foreignToken) as string;
        var expiresOn = type.GetProperty("ExpiresOn")?.GetValue(foreignToken) as DateTimeOffset?;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("The credential returned an empty access token.");
        }

        return new AccessToken(token!, expiresOn ?? DateTimeOffset.UtcNow.AddMinutes(5));
    }

    private object? Invoke(MethodInfo method, TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            return method.Invoke(_credential, new[] { CreateContext(requestContext), cancellationToken });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private object CreateContext(TokenRequestContext requestContext)
    {
        var parameters = _contextConstructor.GetParameters();
        var arguments = new object?[parameters.Length];
        arguments[0] = requestContext.Scopes;
        for (var i = 1; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].Name switch
            {
                "parentRequestId" => requestContext.ParentRequestId,
                "claims" => requestContext.Claims,
                "tenantId" => requestContext.TenantId,
                "isCaeEnabled" => requestContext.IsCaeEnabled,
                _ => parameters[i].HasDefaultValue ? parameters[i].DefaultValue : DefaultOf(parameters[i].ParameterType),
            };
        }

        return _contextConstructor.Invoke(arguments);
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
