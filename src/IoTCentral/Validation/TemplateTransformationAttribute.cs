using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Lets a template-id parameter take what names a template: a device template (its id) or a device (the template
    /// it uses), so a piped device binds by its template rather than by its own id. Other input stays as it is.
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
                    return inputData;
            }
        }
    }
}
