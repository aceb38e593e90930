namespace IoTCentral.HelpCompiler.Model;

/// <summary>One entry of RELATED LINKS; Uri is empty for links to sibling pages (Get-Help follows those by name).</summary>
public sealed record RelatedLink(string Text, string Uri);
