using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Lets -Role take Role objects (piped from Get-IoTCentralRole) and role assignments (what a user's or token's
    /// Roles hold) as well as names and ids.
    /// </summary>
    public sealed class RoleTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (input is string || !(input is IEnumerable items))
            {
                return ToRoleText(input);
            }

            var result = new List<string>();
            foreach (var item in items)
            {
                result.Add(ToRoleText(item));
            }

            return result.ToArray();
        }

        private static string ToRoleText(object? item)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                case Role role:
                    return role.Id;
                case RoleAssignment assignment:
                    return assignment.Role;
                default:
                    return value?.ToString() ?? string.Empty;
            }
        }
    }
}
