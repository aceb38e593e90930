using System;
using System.Management.Automation;

namespace IoTCentral.Validation
{
    /// <summary>Microsoft Entra tenant and object ids, in any of the usual GUID spellings.</summary>
    public sealed class ValidateGuidAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is string text && Guid.TryParse(text, out _)) && !(value is Guid))
            {
                throw new ValidationMetadataException("'" + value + "' is not valid: give a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.");
            }
        }
    }
}
