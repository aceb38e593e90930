using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Features.EnrollmentGroups;

/// <summary>
/// EnrollmentGroups_List, _Get, _Create, _Update, _Remove, and the X.509 entry operations _GetX509, _CreateX509,
/// _RemoveX509, _GenerateVerificationCodeX509 and _VerifyX509.
/// </summary>
internal static class EnrollmentGroupRoutes
{
    private const string GroupPath = "/enrollmentGroups/{enrollmentGroupId}";
    private const string CertificatePath = GroupPath + "/certificates/{entry}";

    public static void MapEnrollmentGroupRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/enrollmentGroups", (HttpContext context, EnrollmentGroupService groups, Paging paging) =>
            {
                var idScope = groups.IdScopeFor(RequestContext.Of(context).ApiVersion);
                return Json(paging.Page(context, groups.Page, g => g.Id, g => EnrollmentGroupResponse.From(g, idScope)));
            })
            .RequirePermission(Permission.ReadEnrollmentGroups);

        api.MapGet(GroupPath, (string enrollmentGroupId, HttpContext context, EnrollmentGroupService groups) =>
                Group(context, groups, groups.Get(enrollmentGroupId)))
            .RequirePermission(Permission.ReadEnrollmentGroups);

        api.MapPut(GroupPath, async (string enrollmentGroupId, HttpContext context, EnrollmentGroupService groups) =>
            {
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                return Group(context, groups, groups.CreateOrReplace(enrollmentGroupId, body, context.Request.Headers.IfMatch));
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        // The spec's EnrollmentGroups_Update consumes only application/merge-patch+json.
        api.MapPatch(GroupPath, async (string enrollmentGroupId, HttpContext context, EnrollmentGroupService groups) =>
            {
                var patch = await JsonBody.ReadObjectAsync(context, JsonBody.MergePatchJson);
                return Group(context, groups, groups.Update(enrollmentGroupId, patch, context.Request.Headers.IfMatch));
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        api.MapDelete(GroupPath, (string enrollmentGroupId, EnrollmentGroupService groups) =>
            {
                groups.Remove(enrollmentGroupId);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        api.MapGet(CertificatePath, (string enrollmentGroupId, string entry, EnrollmentGroupService groups) =>
                Json(EnrollmentGroupResponse.Certificate(groups.GetCertificate(enrollmentGroupId, EnrollmentGroupService.Entry(entry)))))
            .RequirePermission(Permission.ReadEnrollmentGroups);

        api.MapPut(CertificatePath, async (string enrollmentGroupId, string entry, HttpContext context, EnrollmentGroupService groups) =>
            {
                var which = EnrollmentGroupService.Entry(entry);
                var body = await JsonBody.ReadObjectAsync(context, JsonBody.Json);
                return Json(EnrollmentGroupResponse.Certificate(groups.SetCertificate(enrollmentGroupId, which, body)));
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        api.MapDelete(CertificatePath, (string enrollmentGroupId, string entry, EnrollmentGroupService groups) =>
            {
                groups.RemoveCertificate(enrollmentGroupId, EnrollmentGroupService.Entry(entry));
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        api.MapPost(CertificatePath + "/generateVerificationCode", (string enrollmentGroupId, string entry, EnrollmentGroupService groups) =>
                Json(new { verificationCode = groups.GenerateVerificationCode(enrollmentGroupId, EnrollmentGroupService.Entry(entry)) }))
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);

        api.MapPost(CertificatePath + "/verify", async (string enrollmentGroupId, string entry, HttpContext context, EnrollmentGroupService groups) =>
            {
                var which = EnrollmentGroupService.Entry(entry);
                groups.Verify(enrollmentGroupId, which, await JsonBody.ReadObjectAsync(context, JsonBody.Json));
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageEnrollmentGroups)
            .Audited(AuditedChanges.EnrollmentGroup, "enrollmentGroupId", GroupName);
    }

    private static IResult Group(HttpContext context, EnrollmentGroupService groups, State.EnrollmentGroupRecord group) =>
        Json(EnrollmentGroupResponse.From(group, groups.IdScopeFor(RequestContext.Of(context).ApiVersion)));

    private static string? GroupName(EmulatorState state, string id) => state.EnrollmentGroups.GetValueOrDefault(id)?.DisplayName;

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.Options);
}
