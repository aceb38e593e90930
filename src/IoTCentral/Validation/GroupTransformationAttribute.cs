using System.Management.Automation;

namespace IoTCentral.Validation
{
    /// <summary>Lets a device-group parameter take a device group object (its id) as well as the id itself.</summary>
    public sealed class GroupTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return input is Models.DeviceGroup group ? group.Id : inputData;
        }
    }
}
