namespace IoTCentral.HelpCompiler.Writing;

/// <summary>The namespaces and prefixes PowerShell's help system expects in a MAML file.</summary>
public static class MamlNamespaces
{
    public const string Msh = "http://msh";
    public const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    public const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public const string MSHelp = "http://msdn.microsoft.com/mshelp";
}
