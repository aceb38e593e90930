using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Lets -Organization take what the module's objects hold: a device's Organizations array (the service allows one
    /// organization per device) or a role assignment's organization.
    /// </summary>
    public sealed class OrganizationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (input is RoleAssignment assignment)
            {
                return assignment.Organization;
            }

            if (input is string || !(input is IEnumerable items))
            {
                return inputData;
            }

            var organizations = new List<object?>();
            foreach (var item in items)
            {
                organizations.Add(Transform(engineIntrinsics, item));
            }

            if (organizations.Count > 1)
            {
                throw new ArgumentTransformationMetadataException("Give one organization; a device or user belongs to at most one here (" + string.Join(", ", organizations) + ").");
            }

            return organizations.Count == 0 ? null : organizations[0];
        }
    }
}
