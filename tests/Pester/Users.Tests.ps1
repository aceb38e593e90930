#Requires -Modules Pester
# Users against the emulator, as the xunit UserTests run them.
# Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:url = $emulator.ApplicationUrl
    $script:admin = Connect-IoTCentral -ApplicationUrl $url -ApiToken $emulator.AdminApiToken
    $script:tenant = '027fdad7-cf0f-470a-a26a-272197813322'
    $script:operatorRole = 'ae2c9854-393b-4f97-8c42-479d70ce626e'
    $script:builderRole = '344138e9-8de4-4497-8c54-5237e96d6aaf'
    function script:New-Suffix { [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

AfterAll {
    Disconnect-IoTCentral -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-TestEmulator $script:emulator }
}

Describe 'Users' {
    It 'creates an email user, a service principal and a group with roles by name' {
        $suffix = New-Suffix
        $person = New-IoTCentralUser -Email "pat-$suffix@contoso.com" -Role Operator -Session $admin
        $person | Should -BeOfType ([IoTCentral.Models.User])
        $person.Type | Should -Be 'Email'
        $person.Id -as [guid] | Should -Not -BeNullOrEmpty
        $person.Roles.Role | Should -Be $operatorRole

        $objectId = [guid]::NewGuid()
        New-IoTCentralOrganization -Id seattle -Session $admin | Out-Null
        $principal = New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId $objectId -Role Builder, 'Org Operator' -Organization seattle -Id "sp-$suffix" -Session $admin
        $principal.Type | Should -Be 'ServicePrincipal'
        $principal.ObjectId | Should -Be $objectId.ToString()
        $principal.Roles.Organization | Should -Be @('seattle', 'seattle')

        $group = New-IoTCentralUser -AdGroup -TenantId $tenant -ObjectId ([guid]::NewGuid()) -Role (Get-IoTCentralRole -Name Operator -Session $admin) -Session $admin
        $group.Type | Should -Be 'AdGroup'

        (Get-IoTCentralUser -Id "sp-$suffix" -Session $admin).ObjectId | Should -Be $objectId.ToString()
    }

    It 'filters the list by email with wildcards' {
        $domain = (New-Suffix) + '.example'
        1..3 | ForEach-Object { New-IoTCentralUser -Email "user$_@$domain" -Role Operator -Session $admin } | Out-Null
        (Get-IoTCentralUser -Email "*@$domain" -Session $admin).Count | Should -Be 3
        (Get-IoTCentralUser -Email "USER2@$domain" -Session $admin).Email | Should -Be "user2@$domain"
    }

    It 'replaces the roles by name and returns the user with -PassThru' {
        $user = New-IoTCentralUser -Email "set-$(New-Suffix)@contoso.com" -Role Operator -Session $admin
        $updated = Set-IoTCentralUser -Id $user.Id -Role Builder -PassThru -Session $admin
        $updated.Roles.Role | Should -Be $builderRole
        Set-IoTCentralUser -Id $user.Id -Role Operator -Session $admin | Should -BeNullOrEmpty
    }

    It 'removes with -Force, then reports the id as ObjectNotFound' {
        $user = New-IoTCentralUser -Email "gone-$(New-Suffix)@contoso.com" -Role Operator -Session $admin
        $user | Remove-IoTCentralUser -Force -Session $admin
        Get-IoTCentralUser -Id $user.Id -Session $admin -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.UserNotFound,IoTCentral.Commands.User.GetIoTCentralUserCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be $user.Id
    }

    It 'changes nothing under -WhatIf, also in a pipeline' {
        $domain = (New-Suffix) + '.example'
        $user = New-IoTCentralUser -Email "w1@$domain" -Role Operator -Session $admin
        New-IoTCentralUser -Email "w2@$domain" -Role Operator -WhatIf -Session $admin
        Set-IoTCentralUser -Id $user.Id -Role Builder -WhatIf -Session $admin
        Get-IoTCentralUser -Session $admin | Where-Object { $_.Email -like "*@$domain" } | Remove-IoTCentralUser -WhatIf -Session $admin
        @(Get-IoTCentralUser -Email "*@$domain" -Session $admin).Count | Should -Be 1
        (Get-IoTCentralUser -Id $user.Id -Session $admin).Roles.Role | Should -Be $operatorRole
    }

    It 'refuses a bad id, a bad email and an unknown role before any request' {
        { New-IoTCentralUser -Email ok@contoso.com -Role Operator -Id 'has space' -Session $admin } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IoTCentral.Commands.User.NewIoTCentralUserCommand'
        { New-IoTCentralUser -Email 'not-an-address' -Role Operator -Session $admin } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IoTCentral.Commands.User.NewIoTCentralUserCommand'
        { Set-IoTCentralUser -Id some-user -Session $admin } |
            Should -Throw -ErrorId 'IoTCentral.NoChangesSpecified,IoTCentral.Commands.User.SetIoTCentralUserCommand'
        $email = "wizard-$(New-Suffix)@contoso.com"
        { New-IoTCentralUser -Email $email -Role 'Chief Wizard' -Session $admin } |
            Should -Throw -ErrorId 'IoTCentral.UnknownRole,IoTCentral.Commands.User.NewIoTCentralUserCommand'
        Get-IoTCentralUser -Email $email -Session $admin -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'shows role names in the table and list views, and the id where no name is known' {
        $suffix = New-Suffix
        New-IoTCentralOrganization -Id "views-$suffix" -Session $admin | Out-Null
        $user = New-IoTCentralUser -Email "views-$suffix@contoso.com" -Role Builder, 'Org Admin' -Organization "views-$suffix" -Session $admin
        $named = "Builder@views-$suffix, Org Admin@views-$suffix"
        ($user | Format-Table | Out-String -Width 300) | Should -BeLike "*$named*"
        ($user | Format-List | Out-String -Width 300) | Should -Match ('(?m)^Roles\s+: ' + [regex]::Escape($named) + '\s*$')
        ($user | Format-List | Out-String -Width 300) | Should -Match ('(?m)^Email\s+: views-' + $suffix)
        $user.Roles[0].ToString() | Should -Be "$builderRole@views-$suffix"

        $token = New-IoTCentralApiToken -Id "views-$suffix" -Role Operator -Session $admin
        ($token | Format-Table | Out-String -Width 300) | Should -Not -BeLike "*$operatorRole*"
        ($token | Format-List | Out-String -Width 300) | Should -Match '(?m)^Roles\s+: Operator\s*$'
        ($token | Format-List | Out-String -Width 300) | Should -Match '(?m)^Expiry\s+: '

        # A role the module could not name (a deleted or custom role, or roles it could not read) shows its id.
        $unnamed = [guid]::NewGuid().ToString()
        $made = [IoTCentral.Models.User]@{ Id = 'made'; Email = 'made@contoso.com'; Roles = @([IoTCentral.Models.RoleAssignment]::new($unnamed, 'seattle')) }
        $made.Roles[0].RoleName | Should -BeNullOrEmpty
        ($made | Format-Table | Out-String -Width 300) | Should -BeLike "*$unnamed@seattle*"
        ($made | Format-List | Out-String -Width 300) | Should -Match ('(?m)^Roles\s+: ' + $unnamed + '@seattle\s*$')
    }

    It 'stops an operator with a terminating PermissionDenied' {
        $suffix = New-Suffix
        $token = New-IoTCentralApiToken -Id "ops-$suffix" -Role Operator -Session $admin
        $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token
        { New-IoTCentralUser -Email "denied-$suffix@contoso.com" -Role Operator -Session $operator } |
            Should -Throw -ErrorId 'IoTCentral.UserAccessDenied,IoTCentral.Commands.User.NewIoTCentralUserCommand'
    }
}
