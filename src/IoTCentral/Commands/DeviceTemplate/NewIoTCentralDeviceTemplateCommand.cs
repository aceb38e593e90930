using System;
using System.IO;
using System.Management.Automation;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.DeviceTemplate
{
    /// <summary>
    /// Publishes a device template from a JSON file or an object. The template is checked here first ("@id" a
    /// DTMI, "@type", "capabilityModel"), so a broken file is reported by name before anything is sent.
    /// </summary>
    // InputObject is the default set because PowerShell binds piped objects only to the default set's parameters
    // when no argument picks a set; a positional argument still goes to -Path, the only positional parameter.
    [Cmdlet(VerbsCommon.New, "IoTCentralDeviceTemplate", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceTemplate))]
    public sealed class NewIoTCentralDeviceTemplateCommand : IoTCentralCmdlet
    {
        public const string PathSet = "Path";
        public const string InputObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object InputObject { get; set; } = null!;

        protected override string ResourceKind => "DeviceTemplate";

        // A piped object only supplies values, so -Session may name another application: that is how to copy.
        protected override bool ActsOnPipedObjects => false;

        protected override void ProcessItem()
        {
            var source = ReadSource();
            if (source == null)
            {
                return;
            }

            var document = DeviceTemplateDocument.TryCreate(source.Tree, out var problems);
            if (document == null)
            {
                WriteInvalid(source.Name + " is not a device template. " + string.Join(" ", problems), source.Target, null);
                return;
            }

            var id = document.Id;
            if (ShouldProcess("device template '" + id + "'", "Publish")
                && TryCall((c, ct) => c.DeviceTemplates.CreateAsync(id, document.Body, ct), id, out var created))
            {
                WriteObject(DeviceTemplateView.ForPowerShell(created));
            }
        }

        private Source? ReadSource()
        {
            if (ParameterSetName == PathSet)
            {
                return ReadFile(Path);
            }

            var input = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
            switch (input)
            {
                case Models.DeviceTemplate template:
                    return new Source("The -InputObject", InputObject, DeviceTemplateDocument.FromModel(template));
                case FileInfo file:
                    // Get-ChildItem *.json | New-IoTCentralDeviceTemplate: files bind here, as the pipeline object.
                    return ReadFile(file.FullName);
                default:
                    try
                    {
                        return new Source("The -InputObject", InputObject, JsonInput.ToTree(InputObject, "-InputObject"));
                    }
                    catch (ArgumentException exception)
                    {
                        WriteInvalid("The -InputObject cannot be read as a device template: " + exception.Message, InputObject, exception);
                        return null;
                    }
            }
        }

        private Source? ReadFile(string path)
        {
            string file;
            try
            {
                file = GetUnresolvedProviderPathFromPSPath(path);
            }
            catch (Exception exception) when (exception is ItemNotFoundException || exception is ProviderNotFoundException || exception is System.Management.Automation.DriveNotFoundException || exception is NotSupportedException)
            {
                WriteFileNotFound(exception.Message, path);
                return null;
            }

            if (!File.Exists(file))
            {
                WriteFileNotFound("The device template file '" + file + "' does not exist.", path);
                return null;
            }

            var name = "The file '" + path + "'";
            try
            {
                return new Source(name, path, JsonText.Parse(File.ReadAllText(file)));
            }
            catch (Exception exception) when (exception is FormatException || exception is IOException || exception is UnauthorizedAccessException)
            {
                WriteInvalid(name + " cannot be read as a device template: " + exception.Message, path, exception);
                return null;
            }
        }

        private void WriteInvalid(string message, object target, Exception? inner)
        {
            WriteError(new ErrorRecord(new ArgumentException(message, inner), ErrorIds.InvalidDeviceTemplate, ErrorCategory.InvalidData, target));
        }

        private void WriteFileNotFound(string message, string path)
        {
            WriteError(new ErrorRecord(new FileNotFoundException(message), ErrorIds.TemplateFileNotFound, ErrorCategory.ObjectNotFound, path));
        }

        /// <summary>Where a template came from (for messages and the error target) and its JSON tree.</summary>
        private sealed class Source
        {
            internal Source(string name, object target, object? tree)
            {
                Name = name;
                Target = target;
                Tree = tree;
            }

            internal string Name { get; }

            internal object Target { get; }

            internal object? Tree { get; }
        }
    }
}
