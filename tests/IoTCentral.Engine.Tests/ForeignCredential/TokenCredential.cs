using System.Threading;
using System.Threading.Tasks;

namespace Azure.Core;

/// <summary>Same full name and member shape as Azure.Core's, but a different type.</summary>
public abstract class TokenCredential
{
    public abstract ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken);

    public abstract AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken);
}
