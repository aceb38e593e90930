using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Validation
{
    /// <summary>Lets -Role take Role objects (piped from Get-IoTCentralRole) as well as names and ids.</summary>
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
            return value is Role role ? role.Id : value?.ToString() ?? string.Empty;
        }
    }
}
