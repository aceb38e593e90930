using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Lets a template-id parameter take what names a template: a device template (its id), a device (the template
    /// it uses), so a piped device binds by its template rather than by its own id, or any other object by its
    /// Template, TemplateId or Id property, in that order (a CSV row of devices or of templates). Text stays as it is.
    /// </summary>
    public sealed class TemplateTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (input)
            {
                case Models.DeviceTemplate template:
                    return template.Id;
                case Device device when device.Template == null:
                    throw new ArgumentTransformationMetadataException("The device '" + device.Id + "' has no device template.");
                case Device device:
                    return device.Template;
                default:
                    return inputData is PSObject row && !(input is string) ? ByPropertyName(row) ?? inputData : inputData;
            }
        }

        private static object? ByPropertyName(PSObject row)
        {
            foreach (var name in new[] { "Template", "TemplateId", "Id" })
            {
                var value = row.Properties[name]?.Value;
                if (value != null)
                {
                    return value;
                }
            }

            return null;
        }
    }
}
