#Requires -Modules Pester
<#
Every PowerShell example of the help pages (docs/en-US/*.md, '### Example N' under '## EXAMPLES') and every
powershell block of README.md, run against the emulator and checked by the assertions in DocExamples.Cases.ps1.
Examples that need real Azure are listed, with the reason, in ExcludedExamples.psd1; the 'Coverage' tests fail
when an example is neither covered nor excluded, or when either list names an example that no longer exists.

How an example runs:
- One emulator per page; before each example the application is emptied (devices, templates, users, API tokens)
  and the runspace's default session is the emulator's development administrator.
- The case's Setup creates what the example names (a device, a template, a file, a variable such as $testToken)
  in the scope the example then runs in, and its Assert checks $Run: Output, Errors, Warnings, Verbose, Debug,
  Information, Terminating (a terminating error), WhatIf (each "What if:" message, from a transcript) and Text
  (all of them as text, to look for secrets). Assertions see the example's own variables too.
- The code runs as written except for these rewrites (ConvertTo-EmulatorExample): '-Subdomain <name>' becomes
  '-ApplicationUrl <emulator URL>' (a case may map a subdomain to a second emulator), and
  https://contoso.azureiotcentral.com, http://127.0.0.1:5180 and a bare '-Emulator' point at the test emulator,
  and '-Management -Emulator' at its management endpoint.
- Runbook examples run with stand-ins for Azure Automation's Get-AutomationVariable, Set-AutomationVariable and
  Get-AutomationPSCredential that hold the emulator's development admin token.
- The working directory is a fresh temporary folder with links to the repository's docs and out folders, so
  ./docs/examples/... and ./out/IoTCentral resolve and files the examples write are thrown away.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DocExamples.Harness.ps1')
    $covered = (& (Join-Path $PSScriptRoot 'DocExamples.Cases.ps1')).Keys
    $pages = Get-DocExample | Where-Object Key -in $covered | Group-Object Page | ForEach-Object {
        @{ Page = $_.Name; Examples = @($_.Group | ForEach-Object { @{ Key = $_.Key; Title = $_.Title } }) }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'DocExamples.Harness.ps1')
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:cases = & (Join-Path $PSScriptRoot 'DocExamples.Cases.ps1')
    $script:excluded = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ExcludedExamples.psd1')
    $script:docExamples = @(Get-DocExample)
}

Describe 'Documentation examples' {
    Context 'Coverage' {
        It 'finds the examples of every cmdlet page and of the README' {
            $cmdletPages = Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*-*.md' | ForEach-Object BaseName
            $docExamples.Page | Sort-Object -Unique | Should -Be (@($cmdletPages) + 'README' | Sort-Object -Unique)
        }

        It 'covers or excludes every example' {
            $docExamples.Key | Where-Object { -not $cases.ContainsKey($_) -and -not $excluded.ContainsKey($_) } | Should -BeNullOrEmpty
        }

        It 'names only examples that exist in the docs' {
            @($cases.Keys) + @($excluded.Keys) | Where-Object { $_ -notin $docExamples.Key } | Should -BeNullOrEmpty
        }

        It 'neither covers an excluded example nor excludes one without a reason' {
            $cases.Keys | Where-Object { $excluded.ContainsKey($_) } | Should -BeNullOrEmpty
            $excluded.GetEnumerator() | Where-Object { [string]::IsNullOrWhiteSpace($_.Value) } | Should -BeNullOrEmpty
        }

        It 'gives every case an assertion' {
            $cases.GetEnumerator() | Where-Object { $_.Value.Assert -isnot [scriptblock] } | ForEach-Object Key | Should -BeNullOrEmpty
        }
    }

    Describe '<Page>' -ForEach $pages {
        BeforeAll {
            $script:emulator = Start-TestEmulator
            $script:adminText = ConvertFrom-SecureStringToText $emulator.AdminApiToken
            $script:admin = Connect-IoTCentral -ApplicationUrl $emulator.ApplicationUrl -ApiToken $emulator.AdminApiToken
        }

        AfterAll {
            Disconnect-IoTCentral -ErrorAction SilentlyContinue
            if ($script:emulator) { Stop-TestEmulator $script:emulator }
        }

        BeforeEach {
            Reset-DocApplication -Session $admin
            Connect-IoTCentral -ApplicationUrl $emulator.ApplicationUrl -ApiToken $emulator.AdminApiToken | Out-Null
        }

        It '<Title>' -ForEach $Examples {
            $example = $docExamples | Where-Object Key -eq $Key
            $docApp = @{
                Url                   = $emulator.ApplicationUrl
                ManagementUrl         = $emulator.ManagementUrl
                AdminToken            = $emulator.AdminApiToken
                AdminTokenText        = $adminText
                Admin                 = $admin
                Subdomains            = @{}
                AutomationVariables   = @{ IoTCentralApiToken = $adminText; IoTCentralAdminToken = $adminText }
                AutomationCredentials = @{ IoTCentral = [pscredential]::new('IoTCentral', $emulator.AdminApiToken) }
                Emulators             = [System.Collections.Generic.List[object]]::new()
            }
            try {
                Invoke-DocExample -Example $example -Case $cases[$Key] -DocApp $docApp
            }
            finally {
                $docApp.Emulators | ForEach-Object { Stop-TestEmulator $_ }
            }
        }
    }
}
