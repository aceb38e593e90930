namespace IoTCentral.HelpCompiler.Model;

/// <summary>The stable codes of the findings, so that a test or a reader can tell them apart.</summary>
public static class DiagnosticCodes
{
    public const string Structure = "HC001";
    public const string MissingSynopsis = "HC002";
    public const string MissingDescription = "HC003";
    public const string MissingExample = "HC004";
    public const string MissingParameterDescription = "HC005";
    public const string ParameterMetadata = "HC006";
    public const string Syntax = "HC007";
    public const string FrontMatter = "HC008";
    public const string Duplicate = "HC009";
    public const string Placeholder = "HC010";
    public const string AboutTopic = "HC011";
    public const string MissingSection = "HC100";
    public const string UnknownContent = "HC101";
}
