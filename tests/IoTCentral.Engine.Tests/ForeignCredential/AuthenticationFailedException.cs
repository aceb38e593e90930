using System;

namespace Azure.Identity;

/// <summary>Same full name as Azure.Identity's, but a different type, as another load context's copy is.</summary>
public class AuthenticationFailedException : Exception
{
    public AuthenticationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
