using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Converts between what PowerShell users write (hashtables, PSCustomObjects, arrays) and the neutral
    /// tree the engine serialises, so the cmdlet assembly never touches a JSON library type.
    /// </summary>
    internal static class PSObjectTree
    {
        private const int MaxDepth = 64;

        /// <summary>A hashtable or PSCustomObject body to a tree of dictionaries, arrays and scalars.</summary>
        internal static object? FromPowerShell(object? value) => FromPowerShell(value, 0);

        /// <summary>The engine's tree to PSCustomObjects, as Invoke-RestMethod presents JSON.</summary>
        internal static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case IDictionary dictionary:
                    var result = new PSObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        result.Properties.Add(new PSNoteProperty(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture), ToPowerShell(entry.Value)));
                    }

                    return result;
                case object?[] array:
                    var items = new object?[array.Length];
                    for (var i = 0; i < array.Length; i++)
                    {
                        items[i] = ToPowerShell(array[i]);
                    }

                    return items;
                default:
                    return value;
            }
        }

        private static object? FromPowerShell(object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException("The body is nested more than " + MaxDepth + " levels deep (is there a cycle?).");
            }

            var unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            switch (unwrapped)
            {
                case null:
                    return null;
                case System.IO.Stream _:
                    throw new ArgumentException(
                        "A stream cannot be a body: read it first (for example Get-Content -Raw for JSON text) and pass the text or an object.");
                case string _:
                case bool _:
                case char _:
                case DateTime _:
                case DateTimeOffset _:
                case Guid _:
                case Enum _:
                    return unwrapped is char c ? c.ToString() : unwrapped;
                case RoleAssignment _:
                    // The engine writes it as the API's {role, organization}; its own properties (RoleName, ApplicationUrl) are not the API's.
                    return unwrapped;
                case IDictionary dictionary:
                    var map = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = FromPowerShell(entry.Value, depth + 1);
                    }

                    return map;
                case PSObject custom:
                    return FromProperties(custom, depth);
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                    {
                        list.Add(FromPowerShell(item, depth + 1));
                    }

                    return list.ToArray();
                default:
                    if (unwrapped.GetType().IsPrimitive || unwrapped is decimal)
                    {
                        return unwrapped;
                    }

                    // Any other .NET object: its public properties, as ConvertTo-Json would see them.
                    return FromProperties(PSObject.AsPSObject(unwrapped), depth);
            }
        }

        private static OrderedDictionary FromProperties(PSObject source, int depth)
        {
            var properties = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var property in source.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (ExtendedTypeSystemException exception)
                {
                    // An object whose properties throw when read (a handle, a closed resource) is no JSON body.
                    throw new ArgumentException(
                        "The body's property '" + property.Name + "' cannot be read: " + (exception.InnerException ?? exception).Message, exception);
                }

                properties[property.Name] = FromPowerShell(value, depth + 1);
            }

            return properties;
        }
    }
}
