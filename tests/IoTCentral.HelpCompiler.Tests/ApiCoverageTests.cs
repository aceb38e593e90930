using System.Text.Json;
using System.Text.RegularExpressions;

namespace IoTCentral.HelpCompiler.Tests;

/// <summary>
/// docs/api-coverage.md is the promise that every data-plane operation has a cmdlet: it must list each operation of
/// the preview spec (a superset of GA) exactly once, with the method and path the spec gives, and name only cmdlets
/// the manifest exports.
/// </summary>
public sealed class ApiCoverageTests
{
    private static readonly Regex Row = new(@"^\| (?<op>\w+) \| (?<method>[A-Z]+) \| `(?<path>[^`]+)` \| [^|]+ \| (?<cmdlet>[^|]+) \|$", RegexOptions.Multiline);

    [Fact]
    public void EveryOperationHasOneRowNamingAnExportedCmdlet()
    {
        var rows = Row.Matches(File.ReadAllText(Path.Combine(TestRepo.Root, "docs", "api-coverage.md")))
            .Select(m => (Op: m.Groups["op"].Value, Method: m.Groups["method"].Value, Path: m.Groups["path"].Value, Cmdlet: m.Groups["cmdlet"].Value.Trim()))
            .ToList();
        var exported = ExportedCmdlets();

        var duplicates = rows.GroupBy(r => r.Op).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "listed more than once: " + string.Join(", ", duplicates));

        var byOp = rows.ToDictionary(r => r.Op);
        var problems = new List<string>();
        foreach (var (op, method, path) in SpecOperations())
        {
            if (!byOp.TryGetValue(op, out var row))
            {
                problems.Add(op + ": no row");
                continue;
            }

            if (row.Method != method || row.Path != path)
            {
                problems.Add($"{op}: the row says {row.Method} {row.Path}, the spec {method} {path}");
            }

            var named = Regex.Match(row.Cmdlet, @"\b[A-Z][a-z]+-IoTCentral\w+");
            if (!named.Success || !exported.Contains(named.Value))
            {
                problems.Add($"{op}: '{row.Cmdlet}' names no exported cmdlet");
            }
        }

        var unknown = rows.Select(r => r.Op).Except(SpecOperations().Select(o => o.Op)).ToList();
        problems.AddRange(unknown.Select(op => op + ": not an operation of the spec"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(120, rows.Count);
    }

    private static HashSet<string> ExportedCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(TestRepo.Root, "IoTCentral.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
        return Regex.Matches(block, @"'([\w-]+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static List<(string Op, string Method, string Path)> SpecOperations()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepo.Root, "spec", "iotcentral-2022-10-31-preview.json")));
        var operations = new List<(string, string, string)>();
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out var id))
                {
                    operations.Add((id.GetString()!, operation.Name.ToUpperInvariant(), path.Name));
                }
            }
        }

        return operations;
    }
}
