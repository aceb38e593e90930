using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// A device template compiled for the data-plane routes: the capability model's root interface with its components,
/// and the IoT Edge modules (each with its own root interface and components).
/// </summary>
internal sealed record DeviceModel(string TemplateId, InterfaceModel Root, IReadOnlyDictionary<string, ComponentModel> Modules)
{
    /// <summary>The interface at a level; 404 when the module or component is not in the template.</summary>
    public InterfaceModel Resolve(DeviceLevel level)
    {
        var container = Root;
        if (level.Module is { } module)
        {
            container = Modules.GetValueOrDefault(module)?.Interface
                ?? throw ApiException.NotFound($"The device template '{TemplateId}' has no module '{module}'.", ErrorCodes.ModuleNotFound);
        }

        if (level.Component is not { } component)
        {
            return container;
        }

        return container.Components.GetValueOrDefault(component)?.Interface
            ?? throw ApiException.NotFound(
                $"The device template '{TemplateId}' has no component '{component}'{(level.Module is null ? string.Empty : $" in module '{level.Module}'")}.",
                ErrorCodes.ComponentNotFound);
    }

    /// <summary>Every level of the model with its interface: root, components, modules and their components.</summary>
    public IEnumerable<(DeviceLevel Level, InterfaceModel Interface)> Levels()
    {
        foreach (var entry in LevelsOf(null, Root))
        {
            yield return entry;
        }

        foreach (var module in Modules.Values)
        {
            foreach (var entry in LevelsOf(module.Name, module.Interface))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<(DeviceLevel, InterfaceModel)> LevelsOf(string? module, InterfaceModel root)
    {
        yield return (new DeviceLevel(module, null), root);
        foreach (var component in root.Components.Values)
        {
            yield return (new DeviceLevel(module, component.Name), component.Interface);
        }
    }
}
