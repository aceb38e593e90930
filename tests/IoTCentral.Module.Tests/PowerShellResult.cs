using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Everything one script wrote, stream by stream, so tests can assert on each.</summary>
public sealed class PowerShellResult
{
    public PowerShellResult(IReadOnlyList<PSObject> output, PSDataStreams streams, Exception? terminatingError)
    {
        Output = output;
        Errors = streams.Error.ToList();
        Warnings = streams.Warning.Select(w => w.Message).ToList();
        Verbose = streams.Verbose.Select(v => v.Message).ToList();
        Debug = streams.Debug.Select(d => d.Message).ToList();
        Information = streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();
        Progress = streams.Progress.ToList();
        TerminatingError = terminatingError;
    }

    public IReadOnlyList<PSObject> Output { get; }

    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<string> Debug { get; }

    public IReadOnlyList<string> Information { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    public Exception? TerminatingError { get; }

    /// <summary>
    /// The error that stopped the script, or the first error: a cmdlet's terminating error ends only its
    /// statement inside a script, so PowerShell reports it on the error stream rather than by throwing.
    /// </summary>
    public ErrorRecord? TerminatingRecord => (TerminatingError as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();

    /// <summary>All text any stream carried, for "no secret anywhere" checks.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Output.Select(Describe));
        parts.AddRange(Errors.Select(DescribeError));
        parts.AddRange(Warnings);
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Information);
        if (TerminatingError != null)
        {
            parts.Add(TerminatingError.ToString());
            if (TerminatingRecord != null)
            {
                parts.Add(DescribeError(TerminatingRecord));
            }
        }

        return string.Join("\n", parts);
    }

    public void AssertNoErrors()
    {
        var problems = Errors.Select(DescribeError).ToList();
        if (TerminatingError != null)
        {
            problems.Add("terminating: " + TerminatingError);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Describe(PSObject value)
    {
        var properties = value.Properties.Select(p =>
        {
            try
            {
                return p.Name + "=" + p.Value;
            }
            catch (Exception exception)
            {
                return p.Name + "!" + exception.GetType().Name;
            }
        });
        return value + " {" + string.Join("; ", properties) + "}";
    }

    private static string DescribeError(ErrorRecord record) =>
        $"{record.FullyQualifiedErrorId} [{record.CategoryInfo.Category}] {record.Exception} | {record.ErrorDetails?.Message} | target={record.TargetObject}";
}
