using EnterpriseEval.Workflow.Review.Store;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>The order of a batch's steps: each refuses to run before the one it builds on, or twice.</summary>
internal static class BatchSteps
{
    public static void RequireScreened(IReviewStore store, ReviewBatch batch)
    {
        if (!store.ScreenProgress(batch.Id).Complete)
        {
            throw new UserFacingException($"批次“{batch.Name}”的资格筛查尚未完成，请先运行 eeval review screen");
        }
    }

    public static bool Done(IReviewStore store, ReviewBatch batch, string step) => store.HasStep(batch.Id, step);

    public static void RequireDone(IReviewStore store, ReviewBatch batch, string step, string command)
    {
        if (!Done(store, batch, step))
        {
            throw new UserFacingException($"批次“{batch.Name}”尚未完成上一步，请先运行 eeval review {command}");
        }
    }

    public static void RequireNotDone(IReviewStore store, ReviewBatch batch, string step, string what)
    {
        if (Done(store, batch, step))
        {
            throw new UserFacingException($"批次“{batch.Name}”已经{what}，不能重复进行");
        }
    }
}
