using System.Text;
using System.Xml;
using IoTCentral.HelpCompiler.Model;
using static IoTCentral.HelpCompiler.Writing.MamlNamespaces;

namespace IoTCentral.HelpCompiler.Writing;

/// <summary>
/// Writes command pages as the MAML that Get-Help reads: one command:command per page with details
/// (name, verb, noun, synopsis), description, syntax (one syntaxItem per parameter set, parameters in the
/// order of the page's syntax block), parameters, inputTypes, returnValues, alertSet (notes), examples and
/// relatedLinks. Every paragraph is its own maml:para; XmlWriter does the escaping.
/// </summary>
public static class MamlWriter
{
    public static string WriteToString(IEnumerable<CommandHelp> commands) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(WriteToBytes(commands));

    public static void WriteToFile(IEnumerable<CommandHelp> commands, string path) =>
        File.WriteAllBytes(path, WriteToBytes(commands));

    public static byte[] WriteToBytes(IEnumerable<CommandHelp> commands)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings()))
        {
            Write(writer, commands);
        }

        return stream.ToArray();
    }

    private static XmlWriterSettings Settings() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    private static void Write(XmlWriter writer, IEnumerable<CommandHelp> commands)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("helpItems", Msh);
        writer.WriteAttributeString("schema", "maml");
        foreach (var command in commands)
        {
            WriteCommand(writer, command);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter w, CommandHelp command)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);
        w.WriteAttributeString("xmlns", "MSHelp", null, MSHelp);

        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, command.Name);
        w.WriteElementString("command", "verb", Command, command.Verb);
        w.WriteElementString("command", "noun", Command, command.Noun);
        WriteParagraphs(w, "maml", "description", Maml, command.Synopsis);
        w.WriteEndElement();

        WriteParagraphs(w, "maml", "description", Maml, command.Description);
        WriteSyntax(w, command);
        WriteParameters(w, command);
        WriteTypes(w, "inputTypes", "inputType", command.Inputs);
        WriteTypes(w, "returnValues", "returnValue", command.Outputs);

        w.WriteStartElement("maml", "alertSet", Maml);
        WriteParagraphs(w, "maml", "alert", Maml, command.Notes);
        w.WriteEndElement();

        WriteExamples(w, command);
        WriteLinks(w, command);
        w.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter w, CommandHelp command)
    {
        w.WriteStartElement("command", "syntax", Command);
        foreach (var set in command.SyntaxSets)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, command.Name);
            foreach (var name in set.ParameterNames)
            {
                var parameter = command.FindParameter(name);
                var metadata = parameter?.ForSet(set.Name);
                if (parameter != null && metadata != null)
                {
                    WriteParameter(w, parameter, metadata, inSyntax: true);
                }
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteParameters(XmlWriter w, CommandHelp command)
    {
        w.WriteStartElement("command", "parameters", Command);
        foreach (var parameter in command.Parameters.Where(p => p.Metadata.Count > 0))
        {
            WriteParameter(w, parameter, Merge(parameter), inSyntax: false);
        }

        w.WriteEndElement();
    }

    /// <summary>
    /// The parameters section has one entry per parameter, so a parameter whose metadata differs between sets
    /// is shown as required if any set requires it, at its first position, taking pipeline input if any set does.
    /// </summary>
    private static ParameterMetadata Merge(ParameterHelp parameter)
    {
        var first = parameter.Metadata[0];
        if (parameter.Metadata.Count == 1)
        {
            return first;
        }

        var merged = new ParameterMetadata
        {
            Line = first.Line,
            Type = first.Type,
            Required = parameter.Metadata.Any(m => m.Required),
            Position = parameter.Metadata.Select(m => m.Position).FirstOrDefault(p => p != ParameterMetadata.Named) ?? ParameterMetadata.Named,
            DefaultValue = first.DefaultValue,
            PipelineByValue = parameter.Metadata.Any(m => m.PipelineByValue),
            PipelineByPropertyName = parameter.Metadata.Any(m => m.PipelineByPropertyName),
            Globbing = parameter.Metadata.Any(m => m.Globbing),
        };
        merged.ParameterSets.AddRange(parameter.Metadata.SelectMany(m => m.ParameterSets).Distinct(StringComparer.OrdinalIgnoreCase));
        merged.Aliases.AddRange(parameter.Metadata.SelectMany(m => m.Aliases).Distinct(StringComparer.OrdinalIgnoreCase));
        merged.AcceptedValues.AddRange(parameter.Metadata.SelectMany(m => m.AcceptedValues).Distinct(StringComparer.OrdinalIgnoreCase));
        return merged;
    }

    private static void WriteParameter(XmlWriter w, ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type;
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", Bool(metadata.Required));
        w.WriteAttributeString("variableLength", Bool(metadata.IsArray));
        w.WriteAttributeString("globbing", Bool(metadata.Globbing));
        w.WriteAttributeString("pipelineInput", metadata.PipelineInputText);
        w.WriteAttributeString("position", metadata.Position == ParameterMetadata.Named ? "named" : metadata.Position);
        w.WriteAttributeString("aliases", metadata.Aliases.Count == 0 ? "none" : string.Join(", ", metadata.Aliases));

        w.WriteElementString("maml", "name", Maml, parameter.Name);
        WriteParagraphs(w, "maml", "description", Maml, parameter.Description);

        if (inSyntax && metadata.AcceptedValues.Count > 0)
        {
            w.WriteStartElement("command", "parameterValueGroup", Command);
            foreach (var value in metadata.AcceptedValues)
            {
                w.WriteStartElement("command", "parameterValue", Command);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("variableLength", "false");
                w.WriteString(value);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }
        else if (!(inSyntax && metadata.IsSwitch))
        {
            // In syntax a switch shows no value ("[-Force]"); everywhere else the value names the type.
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", Bool(!metadata.IsSwitch));
            w.WriteAttributeString("variableLength", Bool(metadata.IsArray));
            w.WriteString(type);
            w.WriteEndElement();
        }

        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, type);
        w.WriteElementString("maml", "uri", Maml, string.Empty);
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, metadata.IsSwitch && metadata.DefaultValue == "None" ? "False" : metadata.DefaultValue);
        w.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter w, string collection, string item, IEnumerable<TypeHelp> types)
    {
        w.WriteStartElement("command", collection, Command);
        foreach (var type in types)
        {
            w.WriteStartElement("command", item, Command);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, type.TypeName);
            w.WriteEndElement();
            WriteParagraphs(w, "maml", "description", Maml, type.Description);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteExamples(XmlWriter w, CommandHelp command)
    {
        w.WriteStartElement("command", "examples", Command);
        foreach (var example in command.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, "--------- " + example.Title + " ---------");
            if (example.Introduction.Count > 0)
            {
                WriteParagraphs(w, "maml", "introduction", Maml, example.Introduction);
            }

            w.WriteElementString("dev", "code", Dev, example.Code ?? string.Empty);
            WriteParagraphs(w, "dev", "remarks", Dev, example.Remarks);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteLinks(XmlWriter w, CommandHelp command)
    {
        w.WriteStartElement("maml", "relatedLinks", Maml);
        if (command.OnlineVersion is { } online)
        {
            WriteLink(w, "Online Version:", online);
        }

        foreach (var link in command.Links)
        {
            WriteLink(w, link.Text, link.Uri);
        }

        w.WriteEndElement();
    }

    private static void WriteLink(XmlWriter w, string text, string uri)
    {
        w.WriteStartElement("maml", "navigationLink", Maml);
        w.WriteElementString("maml", "linkText", Maml, text);
        w.WriteElementString("maml", "uri", Maml, uri);
        w.WriteEndElement();
    }

    private static void WriteParagraphs(XmlWriter w, string prefix, string name, string ns, IEnumerable<string> paragraphs)
    {
        w.WriteStartElement(prefix, name, ns);
        foreach (var paragraph in paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            w.WriteElementString("maml", "para", Maml, paragraph);
        }

        w.WriteEndElement();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
