# Installs the module the way users do: from the PSResourceGet repository and the Azure Automation zip that
# `build.ps1 -Task Package` writes. build.ps1 -Task Test names them in IOTCENTRAL_TEST_REPOSITORY and
# IOTCENTRAL_TEST_AUTOMATION_ZIP; a bare Invoke-Pester skips these tests.

BeforeDiscovery {
    $packaged = [bool] ($env:IOTCENTRAL_TEST_REPOSITORY -and $env:IOTCENTRAL_TEST_AUTOMATION_ZIP)
}

Describe 'The published package' -Skip:(-not $packaged) {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force

        # The pwsh that runs these tests, started afresh: the .NET tool runs as `dotnet pwsh.dll`.
        $script:pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh.dll')) { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) } else { @((Get-Process -Id $PID).Path) }
        function Invoke-FreshPwsh([string] $Command) {
            $exe = $script:pwsh[0]
            $rest = @($script:pwsh | Select-Object -Skip 1)
            # Without an inherited PSModulePath the child computes its own, from the private home.
            $modulePath = $env:PSModulePath
            $env:PSModulePath = $null
            try { $output = & $exe @rest -NoProfile -NonInteractive -Command $Command 2>&1 }
            finally { $env:PSModulePath = $modulePath }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
        }

        # A private home: the user-scope module path and PSResourceGet's repository list live under it, so the
        # install touches nothing of the user's own. PSResourceGet installs under HOME/.local/share even where
        # pwsh reads XDG_DATA_HOME, so the XDG variables are cleared for the child rather than pointed here.
        $script:installHome = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-install-' + [guid]::NewGuid().ToString('N'))
        # .NET answers an empty special-folder path for a folder that does not exist, so create it first.
        New-Item -ItemType Directory (Join-Path $script:installHome '.local/share') -Force | Out-Null
        $script:saved = @{}
        foreach ($name in 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') {
            $script:saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $(if ($name -eq 'HOME') { $script:installHome } else { $null }))
        }
        $script:emulator = Start-TestEmulator
    }

    AfterAll {
        if ($script:emulator) { Stop-TestEmulator $script:emulator }
        foreach ($name in $script:saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:saved[$name]) }
        if (Test-Path $script:installHome) { Remove-Item $script:installHome -Recurse -Force }
    }

    It 'installs with Install-PSResource from the local repository into the user scope' {
        $install = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name IoTCentralLocal -Uri '$env:IOTCENTRAL_TEST_REPOSITORY' -Trusted
Install-PSResource -Name IoTCentral -Repository IoTCentralLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name IoTCentral).InstalledLocation
"@
        $install.ExitCode | Should -Be 0 -Because $install.Output
        $install.Output | Should -BeLike "*$($script:installHome)*"
    }

    It 'imports by name in a fresh pwsh and drives the emulator' {
        $env:IOTC_TEST_URL = $script:emulator.ApplicationUrl
        $run = Invoke-FreshPwsh @'
$ErrorActionPreference = 'Stop'
Import-Module IoTCentral
$module = Get-Module IoTCentral
Connect-IoTCentral -Emulator -ApplicationUrl $env:IOTC_TEST_URL | Out-Null
New-IoTCentralDevice -Id installed-01 -DisplayName 'Installed 01' | Out-Null
$device = Get-IoTCentralDevice -Id installed-01
$help = Get-Help New-IoTCentralDevice
[pscustomobject]@{
    Path        = $module.Path
    Version     = "$($module.Version)"
    DeviceId    = $device.Id
    DisplayName = $device.DisplayName
    Synopsis    = $help.Synopsis
    Cmdlets     = $module.ExportedCmdlets.Count
} | ConvertTo-Json -Compress
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $result = ($run.Output -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $result.Path | Should -BeLike "$($script:installHome)*IoTCentral.dll"
        $result.Version | Should -Be (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../IoTCentral.psd1')).ModuleVersion
        $result.DeviceId | Should -Be 'installed-01'
        $result.DisplayName | Should -Be 'Installed 01'
        $result.Synopsis | Should -Not -BeNullOrEmpty
        $result.Cmdlets | Should -Be (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../IoTCentral.psd1')).CmdletsToExport.Count
    }

    It 'carries the manifest metadata a gallery shows' {
        $nupkg = Get-ChildItem $env:IOTCENTRAL_TEST_REPOSITORY -Filter 'IoTCentral.*.nupkg' | Select-Object -First 1
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($nupkg.FullName)
        try {
            $entry = $archive.Entries | Where-Object FullName -eq 'IoTCentral.nuspec'
            $reader = [System.IO.StreamReader]::new($entry.Open())
            $nuspec = [xml] $reader.ReadToEnd()
            $reader.Dispose()
            $names = $archive.Entries.FullName
        }
        finally { $archive.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'IoTCentral'
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.releaseNotes | Should -Not -BeNullOrEmpty
        $metadata.tags | Should -Match 'IoTCentral'
        $names | Should -Contain 'dependencies/IoTCentral.Engine.dll'
        $names | Should -Contain 'en-US/IoTCentral.dll-Help.xml'
    }
}

Describe 'The Azure Automation zip' -Skip:(-not $packaged) {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($env:IOTCENTRAL_TEST_AUTOMATION_ZIP)
        try { $script:entries = @($archive.Entries.FullName) } finally { $archive.Dispose() }
    }

    It 'is named after the module' {
        Split-Path $env:IOTCENTRAL_TEST_AUTOMATION_ZIP -Leaf | Should -Be 'IoTCentral.zip'
    }

    It 'has the module folder at its root and nothing beside it' {
        $script:entries | Where-Object { $_ -notlike 'IoTCentral/*' } | Should -BeNullOrEmpty
        $script:entries | Where-Object { $_ -like '*\*' } | Should -BeNullOrEmpty -Because 'Automation expects / separators'
    }

    It 'holds the manifest, both default-context assemblies, the engine, the format file and help' {
        foreach ($name in 'IoTCentral/IoTCentral.psd1', 'IoTCentral/IoTCentral.dll', 'IoTCentral/IoTCentral.Models.dll',
            'IoTCentral/dependencies/IoTCentral.Engine.dll', 'IoTCentral/dependencies/Azure.Core.dll',
            'IoTCentral/IoTCentral.Format.ps1xml', 'IoTCentral/en-US/IoTCentral.dll-Help.xml') {
            $script:entries | Should -Contain $name
        }
    }

    It 'imports from its unpacked folder' {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-zip-' + [guid]::NewGuid().ToString('N'))
        try {
            Expand-Archive $env:IOTCENTRAL_TEST_AUTOMATION_ZIP -DestinationPath $folder
            $manifest = Test-ModuleManifest (Join-Path $folder 'IoTCentral/IoTCentral.psd1')
            $manifest.Name | Should -Be 'IoTCentral'
            $manifest.ExportedCmdlets.Keys | Should -Contain 'Connect-IoTCentral'
        }
        finally { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'The emulator tool, installed from its package' -Skip:(-not $packaged) {
    # build.ps1 -Task Test installs the tool the way users do and puts it first on PATH (tools/build/Build.psm1).
    It 'carries the storage client it delivers Blob Storage exports with' {
        $command = Get-Command iotcentral-emulator -CommandType Application | Select-Object -First 1
        $store = Join-Path (Split-Path $command.Source) '.store'
        $store | Should -Exist -Because 'the command should be the one dotnet tool install made'
        $files = @(Get-ChildItem $store -Recurse -File -Filter '*.dll' | Select-Object -ExpandProperty Name)
        foreach ($name in 'IoTCentral.Emulator.dll', 'Microsoft.Data.Sqlite.dll', 'Azure.Storage.Blobs.dll', 'Azure.Storage.Common.dll', 'Azure.Core.dll') {
            $files | Should -Contain $name
        }
    }
}
