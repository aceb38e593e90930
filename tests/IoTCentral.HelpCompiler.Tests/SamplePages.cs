namespace IoTCentral.HelpCompiler.Tests;

/// <summary>Pages used across the tests, and helpers to break them on purpose.</summary>
internal static class SamplePages
{
    /// <summary>
    /// A complete page: three parameter sets, a parameter with two yaml blocks, a positional wildcard
    /// parameter, pipeline input, aliases, accepted values, a switch, WhatIf/Confirm, two examples (one with
    /// introduction and sample output), inputs, outputs, notes and related links, plus text to escape.
    /// </summary>
    public const string Widget = """
---
external help file: IoTCentral.dll-Help.xml
Module Name: IoTCentral
online version: https://example.test/Set-Widget
schema: 2.0.0
---

# Set-Widget

## SYNOPSIS
Changes a widget's <colour> & size.

## SYNTAX

### ByName (Default)
```
Set-Widget [-Name] <String> [-Colour <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
```

### ById
```
Set-Widget -Id <String> [-Colour <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
```

### Everything
```
Set-Widget [-Name <String>] -All [-WhatIf] [-Confirm] [<CommonParameters>]
```

## DESCRIPTION
`Set-Widget` changes widgets.
It sends a **PATCH** request; see [Get-Widget](Get-Widget.md).

- First point.
- Second point.

## EXAMPLES

### Example 1: Paint a widget
```powershell
Set-Widget -Name w1 -Colour red
```

Paints the widget red.

### Example 2: Paint all of them
Before the code, an introduction.

```powershell
Set-Widget -All -Colour blue |
    Select-Object Name
```

```Output
Name
----
w1
```

All widgets are blue now.

## PARAMETERS

### -Name
The widget's name. Wildcards are allowed.

```yaml
Type: String
Parameter Sets: ByName
Aliases: WidgetName, N

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue, ByPropertyName)
Accept wildcard characters: True
```

```yaml
Type: String
Parameter Sets: Everything
Aliases: WidgetName, N

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### -Id
The widget's id.

```yaml
Type: String
Parameter Sets: ById
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: False
```

### -All
Every widget.

```yaml
Type: SwitchParameter
Parameter Sets: Everything
Aliases:

Required: True
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Colour
The new colour.

```yaml
Type: String
Parameter Sets: ByName, ById
Aliases:
Accepted values: red, green, blue

Required: False
Position: Named
Default value: green
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Skips the question.

```yaml
Type: SwitchParameter
Parameter Sets: ByName, ById
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -WhatIf
Shows what would change.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: wi

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Confirm
Asks first.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: cf

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet takes the common parameters.

## INPUTS

### System.String
A name, from the pipeline.

## OUTPUTS

### Contoso.Widget
The changed widget.

### None
Nothing with -WhatIf.

## NOTES
Needs the Painter role.

## RELATED LINKS

[Get-Widget](Get-Widget.md)

[Widget docs](https://example.test/widgets)
""";

    /// <summary>A small about topic in the PlatyPS/PowerShell-Docs layout.</summary>
    public const string AboutWidgets = """
# about_Widgets

## SHORT DESCRIPTION
Explains widgets.

## LONG DESCRIPTION
Widgets are small things that come in three colours and that can be painted again and again without ever wearing out.

### Painting
Paint one like this:

```powershell
Set-Widget -Name w1 -Colour red
```

| Colour | Meaning |
|---|---|
| `red` | stop |
| green | go |

- A first list item.
- A second one.

## SEE ALSO
- Set-Widget
""";

    /// <summary>The one-based line of the first line that starts with <paramref name="start"/>.</summary>
    public static int LineOf(string page, string start, int occurrence = 1)
    {
        var lines = page.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(start, StringComparison.Ordinal) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{start}' is not in the page.");
    }

    /// <summary>Removes the lines from the one starting with <paramref name="from"/> up to (not including) the next line starting with <paramref name="until"/>.</summary>
    public static string Cut(string page, string from, string until)
    {
        var start = page.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, from);
        var end = page.IndexOf(until, start + from.Length, StringComparison.Ordinal);
        Assert.True(end >= 0, until);
        return page.Remove(start, end - start);
    }

    public static string Replace(string page, string oldText, string newText)
    {
        Assert.Contains(oldText, page);
        return page.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
