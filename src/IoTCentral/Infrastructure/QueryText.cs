using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The limits Microsoft documents for the query API, checked before a query is sent so the user gets a clear
    /// message instead of a 400 (learn.microsoft.com/azure/iot-central/core/howto-query-with-rest-api, "Limits":
    /// at most 350 characters, at most 15 items in the SELECT list, no wildcard (*) in it; a telemetry query returns
    /// at most 10,000 rows and a property query at most 1,000). Only the shape is checked: the service parses.
    /// </summary>
    internal sealed class QueryText
    {
        internal const int MaxLength = 350;
        internal const int MaxSelectItems = 15;
        internal const int TelemetryRowCap = 10000;
        internal const int PropertyRowCap = 1000;

        private static readonly Regex Top = new Regex(@"^\s*TOP\s+(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private QueryText(int? top)
        {
            TopCount = top;
        }

        /// <summary>The query's own TOP n, if any: a result of exactly n rows is then what was asked for.</summary>
        internal int? TopCount { get; }

        /// <summary>Checks <paramref name="query"/>; on failure <paramref name="problem"/> says what and how to fix it.</summary>
        internal static QueryText? TryParse(string query, out string problem)
        {
            problem = string.Empty;
            if (query.Length > MaxLength)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "The query has {0} characters; IoT Central accepts at most {1}. Shorten names with AS aliases or split the query.", query.Length, MaxLength);
                return null;
            }

            var scanner = new Scanner(query);
            var selectStart = scanner.KeywordAtStart("SELECT");
            var from = selectStart < 0 ? -1 : scanner.FindTopLevelKeyword("FROM", selectStart);
            if (selectStart < 0 || from < 0)
            {
                problem = "A query has the form SELECT <items> FROM <device template id> [WHERE ...] [GROUP BY ...] [ORDER BY ...].";
                return null;
            }

            var top = Top.Match(query.Substring(selectStart, from - selectStart));

            var items = scanner.SplitTopLevel(selectStart + (top.Success ? top.Length : 0), from);
            if (items.Exists(item => item.IndexOf('*') >= 0))
            {
                problem = "The SELECT list cannot use the wildcard (*): name the telemetry or properties to return, such as SELECT $id, $ts, temperature.";
                return null;
            }

            if (items.Count > MaxSelectItems)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "The SELECT list has {0} items; IoT Central accepts at most {1}. Run several queries.", items.Count, MaxSelectItems);
                return null;
            }

            int? topCount = top.Success && int.TryParse(top.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            return new QueryText(topCount);
        }

        /// <summary>
        /// The cap the result may have been cut at, or null: the service says nothing when it truncates, so a result
        /// of exactly a cap's size (and not of the query's own TOP) is worth a warning.
        /// </summary>
        internal int? ReachedCap(int rows)
        {
            if (TopCount.HasValue && rows >= TopCount.Value)
            {
                return null;
            }

            if (rows >= TelemetryRowCap)
            {
                return TelemetryRowCap;
            }

            return rows == PropertyRowCap ? PropertyRowCap : (int?)null;
        }

        /// <summary>Walks the text outside string literals ('...' or "...") and brackets.</summary>
        private sealed class Scanner
        {
            private readonly string text;

            internal Scanner(string text)
            {
                this.text = text;
            }

            /// <summary>The index just after a leading keyword, or -1.</summary>
            internal int KeywordAtStart(string keyword)
            {
                var start = 0;
                while (start < text.Length && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                return IsKeywordAt(start, keyword) ? start + keyword.Length : -1;
            }

            internal int FindTopLevelKeyword(string keyword, int from)
            {
                var found = -1;
                Walk(from, text.Length, (index, depth) =>
                {
                    if (depth == 0 && IsKeywordAt(index, keyword))
                    {
                        found = index;
                        return false;
                    }

                    return true;
                });
                return found;
            }

            /// <summary>The comma-separated items between two indexes, trimmed, empty ones left out.</summary>
            internal List<string> SplitTopLevel(int start, int end)
            {
                var items = new List<string>();
                var itemStart = start;
                Walk(start, end, (index, depth) =>
                {
                    if (depth == 0 && text[index] == ',')
                    {
                        Add(items, itemStart, index);
                        itemStart = index + 1;
                    }

                    return true;
                });
                Add(items, itemStart, end);
                return items;
            }

            private void Add(List<string> items, int start, int end)
            {
                var item = text.Substring(start, end - start).Trim();
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }

            // Calls visit(index, bracket depth) for each character outside quotes until it returns false.
            private void Walk(int start, int end, Func<int, int, bool> visit)
            {
                var depth = 0;
                char? quote = null;
                for (var i = start; i < end; i++)
                {
                    var c = text[i];
                    if (quote.HasValue)
                    {
                        if (c == quote.Value)
                        {
                            quote = null;
                        }

                        continue;
                    }

                    if (c == '\'' || c == '"')
                    {
                        quote = c;
                        continue;
                    }

                    if (c == '(' || c == '[')
                    {
                        depth++;
                    }
                    else if ((c == ')' || c == ']') && depth > 0)
                    {
                        depth--;
                    }

                    if (!visit(i, depth))
                    {
                        return;
                    }
                }
            }

            private bool IsKeywordAt(int index, string keyword) =>
                index >= 0
                && index + keyword.Length <= text.Length
                && string.Compare(text, index, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (index == 0 || !IsWordChar(text[index - 1]))
                && (index + keyword.Length == text.Length || !IsWordChar(text[index + keyword.Length]));

            private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
        }
    }
}
