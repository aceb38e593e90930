using System;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.ApiToken
{
    /// <summary>
    /// Creates an API token. Roles may arrive on the command line or through the pipeline; all of them go
    /// into one token, created at the end, so piping two roles does not try to create the token twice.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralApiToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.ApiToken), typeof(PlainTextApiToken))]
    public sealed class NewIoTCentralApiTokenCommand : IoTCentralCmdlet
    {
        private readonly List<string> roles = new List<string>();

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateApiTokenId]
        public string Id { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [RoleTransformation]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Role { get; set; } = Array.Empty<string>();

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        [Parameter]
        public DateTime? Expiry { get; set; }

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "ApiToken";

        // A piped object only supplies values, so -Session may name another application: that is how to copy.
        protected override bool ActsOnPipedObjects => false;

        protected override void BeginProcessing()
        {
            if (Expiry.HasValue && Expiry.Value.ToUniversalTime() <= DateTime.UtcNow)
            {
                ThrowArgumentError(ErrorIds.InvalidExpiry, "-Expiry must be in the future.", Expiry);
            }
        }

        protected override void ProcessItem()
        {
            roles.AddRange(Role);
        }

        protected override void EndProcessing()
        {
            var assignments = ResolveRoles(roles, Organization);
            var description = string.Join(", ", roles);
            if (!ShouldProcess("API token '" + Id + "'", "Create with role(s) " + description))
            {
                return;
            }

            DateTimeOffset? expiry = Expiry.HasValue ? new DateTimeOffset(Expiry.Value.ToUniversalTime()) : (DateTimeOffset?)null;
            if (!TryCall((c, ct) => c.ApiTokens.CreateAsync(Id, assignments, expiry, ct), Id, out var token))
            {
                return;
            }

            NameRoles(token.Roles);
            WriteObject(AsPlainText.IsPresent ? ToPlainText(token) : (object)token);
        }

        private static PlainTextApiToken ToPlainText(Models.ApiToken token) => new PlainTextApiToken
        {
            Id = token.Id,
            Roles = token.Roles,
            Expiry = token.Expiry,
            Token = SecureStrings.ToPlainText(token.Token) ?? string.Empty,
        };
    }
}
