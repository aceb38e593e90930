namespace IoTCentral.Module.Tests;

/// <summary>The ids of the emulator's built-in roles, which the module tests grant and expect back.</summary>
public static class BuiltInRoles
{
    public const string Administrator = "ca310b8d-2f4a-44e0-a36e-957c202cd8d4";
    public const string Builder = "344138e9-8de4-4497-8c54-5237e96d6aaf";
    public const string Operator = "ae2c9854-393b-4f97-8c42-479d70ce626e";
    public const string OrgOperator = "b4935647-30e4-4ed3-9074-dcac66c2f8ef";
}
