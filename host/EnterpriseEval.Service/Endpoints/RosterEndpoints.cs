using System.Security.Claims;
using EnterpriseEval.Service.Problems;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Security;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>Roster uploads (docs/service.md, "Uploading a roster").</summary>
internal static class RosterEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var rosters = api.MapGroup("/rosters").WithTags("花名册").RequireAuthorization(Policies.Hr);

        rosters.MapPost("", async (HttpRequest request, RosterLibrary library, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var upload = await library.UploadAsync(request, Actor.Of(user), ct).ConfigureAwait(false);
            return Results.Created($"/api/v1/rosters/{upload.Roster.Id}", upload);
        })
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<RosterUpload>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("上传花名册：multipart/form-data 中的 CSV 文件、一个花名册文件夹的 .zip，或一个 .xlsx 工作簿");

        rosters.MapGet("", (RosterLibrary library) => Results.Ok(library.All())).WithSummary("已上传的花名册");

        rosters.MapGet("/{id}", (string id, RosterLibrary library) =>
            library.Find(id) is { } roster ? Results.Ok(roster) : throw ApiProblem.NotFound($"没有编号为 {id} 的花名册"))
            .WithSummary("一份花名册");
    }
}
