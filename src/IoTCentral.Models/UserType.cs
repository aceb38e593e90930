namespace IoTCentral.Models
{
    /// <summary>The kinds of user the service knows (the spec's <c>User.type</c>: email, servicePrincipal, adGroup).</summary>
    public enum UserType
    {
        /// <summary>A person, by email address.</summary>
        Email,

        /// <summary>A Microsoft Entra service principal, by tenant and object id.</summary>
        ServicePrincipal,

        /// <summary>A Microsoft Entra group, by tenant and object id.</summary>
        AdGroup,
    }
}
