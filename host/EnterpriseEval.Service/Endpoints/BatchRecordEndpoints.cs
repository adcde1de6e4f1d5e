using System.Security.Claims;
using EnterpriseEval.Service.Review;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;

namespace EnterpriseEval.Service.Endpoints;

/// <summary>The export of a batch's whole record for filing (docs/service.md, "Batch record export").</summary>
internal static class BatchRecordEndpoints
{
    public const string ZipType = "application/zip";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/batches/{name}/export", (string name, ReviewStoreFactory stores, ServicePaths paths, TimeProvider time, ClaimsPrincipal user) =>
            Results.File(Build(name, stores, paths, time, Actor.Of(user), out var file), ZipType, file))
            .RequireAuthorization(Policies.HrAuditor).WithTags("自主评审").Produces(StatusCodes.Status200OK, contentType: ZipType)
            .WithSummary("批次档案导出（zip）：决策、评分、计票后的表决、无记名投票的选票（不含投票人）、公示、异议及处理、已发通知书与文件、审计记录、校验报告");
    }

    /// <summary>The zip of a batch's record in memory (a batch's record is small: its files are a few MB at most).</summary>
    public static byte[] Build(string name, ReviewStoreFactory stores, ServicePaths paths, TimeProvider time, Actor actor, out string fileName)
    {
        using var store = stores.Open(null);
        var batch = ReviewEndpoints.Find(store, name);
        using var buffer = new MemoryStream();
        BatchRecordExport.Write(buffer, store, batch, paths.BatchFolder(batch.Name), actor, time.GetUtcNow());
        fileName = BatchRecordExport.FileName(batch);
        return buffer.ToArray();
    }
}
