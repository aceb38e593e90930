# Documentation examples that DocExamples.Tests.ps1 does not run, keyed 'Page / Example title' as it finds them.
# Only examples that need real Azure, or that would change the machine of whoever runs the tests, belong here;
# everything else runs against the emulator.
@{
    "Connect-IoTCentral / Example 6: Runbook signed in with the Automation account's managed identity" = "Needs an Azure Automation account's managed identity (SignIn.Tests.ps1 covers -Identity against the emulator's stand-in)."
    'Connect-IoTCentral / Example 7: A service principal with a client secret'                 = 'Needs an app registration in the Microsoft Entra tenant contoso.onmicrosoft.com and a person answering Get-Credential.'
    'Connect-IoTCentral / Example 8: A service principal with a certificate'                   = "Needs a Microsoft Entra app registration and its certificate in the personal certificate store."
    'Connect-IoTCentral / Example 9: A person signs in with a device code'                     = 'Needs a person to complete the Microsoft Entra device-code sign-in.'
    'Connect-IoTCentral / Example 10: Whatever credential the environment provides'            = 'Needs an Azure credential in the environment (variables, workload or managed identity, Azure CLI, Azure PowerShell).'
    'Connect-IoTCentral / Example 13: Manage applications in a runbook with the managed identity' = "Needs an Azure Automation account's managed identity with a role on a subscription (ApplicationLifecycle.Tests.ps1 covers -Management -Identity against the emulator)."
    'New-IoTCentralApplication / Example 3: Runbook that creates an application with its managed identity' = "Needs an Azure Automation account's managed identity with rights on a resource group (ApplicationLifecycle.Tests.ps1 covers the -Identity pipeline against the emulator)."
    'Get-IoTCentralDeviceCredential / Example 4: Runbook that stores a device key in Azure Key Vault' = 'Needs Connect-AzAccount with a managed identity and an Azure Key Vault.'
    'README / Sign in'                                                                          = "Signs in with an Azure Automation account's managed identity before the API-token variant."
    'README / Install'                                                                          = "Installs into the user's own module path and repository list; Package.Tests.ps1 runs the same three commands in a private home against the package the build published."
}
