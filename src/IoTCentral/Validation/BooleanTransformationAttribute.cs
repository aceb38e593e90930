using System;
using System.Management.Automation;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Lets a true/false parameter bind from text ("True", "false", "1", "0", as Import-Csv gives them): PowerShell
    /// refuses strings for Boolean parameters, which would make CSV-driven edits fail on every row.
    /// </summary>
    public sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text))
            {
                return inputData;
            }

            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                case "1":
                case "yes":
                    return true;
                case "false":
                case "0":
                case "no":
                    return false;
                default:
                    throw new ArgumentTransformationMetadataException("'" + text + "' is not true or false.");
            }
        }
    }
}
