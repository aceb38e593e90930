using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Organization
{
    /// <summary>
    /// Lists the application's organizations, streaming page by page, or gets one by id; -Parent walks the tree
    /// (its children, or with -Recurse every descendant, parents before their children).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralOrganization", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.Organization))]
    public sealed class GetIoTCentralOrganizationCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateOrganizationId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateOrganizationId]
        public string? Parent { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Recurse { get; set; }

        protected override string ResourceKind => "Organization";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                WriteOne((c, ct) => c.Organizations.GetAsync(id, ct), id);

                return;
            }

            var parent = Parent;
            try
            {
                // An unknown parent is an error rather than an empty list, so a typo does not look like a leaf.
                if (parent != null && !TryCall((c, ct) => c.Organizations.GetAsync(parent, ct), parent, out _))
                {
                    return;
                }

                var all = ReadAllPages<Models.Organization>((c, link, ct) => c.Organizations.ListAsync(link, ct));
                if (!Recurse.IsPresent)
                {
                    // Top-level organizations when no parent is named and -Recurse is absent would hide most of the
                    // tree, so without -Parent every organization streams as listed.
                    foreach (var organization in all)
                    {
                        if (parent == null || string.Equals(organization.Parent, parent, StringComparison.Ordinal))
                        {
                            WriteObject(organization);
                        }
                    }

                    return;
                }

                // The tree needs every organization before it can be walked.
                var children = all.ToLookup(o => o.Parent ?? string.Empty, StringComparer.Ordinal);
                foreach (var organization in Descendants(children, parent ?? string.Empty, new HashSet<string>(StringComparer.Ordinal)))
                {
                    WriteObject(organization);
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, parent);
            }
        }

        /// <summary>Depth first, parents before children; <paramref name="seen"/> stops a malformed tree from looping.</summary>
        private static IEnumerable<Models.Organization> Descendants(ILookup<string, Models.Organization> children, string parent, HashSet<string> seen)
        {
            foreach (var child in children[parent].OrderBy(o => o.Id, StringComparer.Ordinal))
            {
                if (!seen.Add(child.Id))
                {
                    continue;
                }

                yield return child;
                foreach (var descendant in Descendants(children, child.Id, seen))
                {
                    yield return descendant;
                }
            }
        }
    }
}
