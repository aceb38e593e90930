namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>The real built-in role ids.</summary>
public static class RoleIds
{
    public const string Administrator = "ca310b8d-2f4a-44e0-a36e-957c202cd8d4";
    public const string Builder = "344138e9-8de4-4497-8c54-5237e96d6aaf";
    public const string Operator = "ae2c9854-393b-4f97-8c42-479d70ce626e";
    public const string OrgAdmin = "c495eb57-eb18-489e-9802-62c474e5645c";
    public const string OrgOperator = "b4935647-30e4-4ed3-9074-dcac66c2f8ef";
    public const string OrgViewer = "84cc62c1-dabe-49d3-b16e-8b291232b285";
}
