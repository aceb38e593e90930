using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A device template body checked before it is sent: the service needs "@id" (a DTMI, which is also the URL),
    /// "@type" and a "capabilityModel" object, and a file that lacks one is better reported here, by name, than as
    /// a 400 from the service.
    /// </summary>
    internal sealed class DeviceTemplateDocument
    {
        private DeviceTemplateDocument(string id, IDictionary body)
        {
            Id = id;
            Body = body;
        }

        internal string Id { get; }

        internal IDictionary Body { get; }

        /// <summary>A template read from JSON or built by the user; <paramref name="problems"/> lists what is wrong.</summary>
        internal static DeviceTemplateDocument? TryCreate(object? tree, out List<string> problems)
        {
            problems = new List<string>();
            if (!(tree is IDictionary body))
            {
                problems.Add("A device template is a JSON object with \"@id\", \"@type\" and \"capabilityModel\".");
                return null;
            }

            var id = body["@id"];
            if (id == null)
            {
                problems.Add("It has no \"@id\": give the template's id, a DTMI such as dtmi:contoso:thermostat;1.");
            }
            else if (!(id is string text) || !ValidateTemplateIdAttribute.IsDtmi(text))
            {
                problems.Add("Its \"@id\" '" + id + "' is not valid: " + ValidateTemplateIdAttribute.Rule + ".");
            }

            if (!IsTypeList(body["@type"]))
            {
                problems.Add("It has no \"@type\" (a string or an array of strings); a device template's is [\"ModelDefinition\", \"DeviceModel\"].");
            }

            if (!(body["capabilityModel"] is IDictionary))
            {
                problems.Add(IsBareInterface(body)
                    ? "It has no \"capabilityModel\" object: it looks like a DTDL interface. A device template wraps it: { \"@id\": \"<template DTMI>\", \"@type\": [\"ModelDefinition\", \"DeviceModel\"], \"displayName\": \"...\", \"capabilityModel\": <the interface> }."
                    : "It has no \"capabilityModel\" object (the DTDL interface that describes the device).");
            }

            return problems.Count == 0 ? new DeviceTemplateDocument((string)id!, body) : null;
        }

        /// <summary>A template got from the service (piped in to copy it): its etag belongs to the source app.</summary>
        internal static object FromModel(DeviceTemplate template)
        {
            var body = new OrderedDictionary
            {
                ["@id"] = template.Id,
                ["@type"] = template.Types,
            };
            if (template.DisplayName != null)
            {
                body["displayName"] = template.DisplayName;
            }

            if (template.Description != null)
            {
                body["description"] = template.Description;
            }

            body["capabilityModel"] = PSObjectTree.FromPowerShell(template.CapabilityModel);
            return body;
        }

        private static bool IsTypeList(object? value)
        {
            if (value is string text)
            {
                return text.Length > 0;
            }

            if (!(value is IEnumerable items) || value is IDictionary)
            {
                return false;
            }

            var count = 0;
            foreach (var item in items)
            {
                if (!(item is string))
                {
                    return false;
                }

                count++;
            }

            return count > 0;
        }

        private static bool IsBareInterface(IDictionary body) =>
            string.Equals(body["@type"] as string, "Interface", System.StringComparison.Ordinal) || body.Contains("contents");
    }
}
