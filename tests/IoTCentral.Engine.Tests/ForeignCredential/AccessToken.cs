using System;

namespace Azure.Core;

public readonly struct AccessToken
{
    public AccessToken(string accessToken, DateTimeOffset expiresOn)
    {
        Token = accessToken;
        ExpiresOn = expiresOn;
    }

    public string Token { get; }

    public DateTimeOffset ExpiresOn { get; }
}
