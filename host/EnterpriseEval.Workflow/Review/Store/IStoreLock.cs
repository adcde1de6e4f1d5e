namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>The write lock of a store, held by one command (<see cref="IReviewStore.Lock"/>).</summary>
internal interface IStoreLock : IDisposable
{
    /// <summary>Commits everything written under the lock and releases it; disposing without commit rolls back.</summary>
    void Commit();
}
