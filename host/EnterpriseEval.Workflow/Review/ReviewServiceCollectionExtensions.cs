using EnterpriseEval.Engine.Roster.Sources;
using EnterpriseEval.Workflow.Excel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnterpriseEval.Workflow.Review;

/// <summary>Composition of the host side of the engine (docs/architecture.md): the self-run review, the workbook roster format.</summary>
internal static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds the workbook roster format, the review store factory and the steps of a batch.</summary>
    public static IServiceCollection AddEnterpriseEvalReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITableSourceOpener, WorkbookRosterFormat>();
        services.AddOptions<Store.StoreOptions>().Bind(configuration.GetSection(Store.StoreOptions.SectionName));
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<ReviewStoreFactory>();
        services.AddSingleton<AuditRekey>();
        services.AddSingleton<StoreCopy>();
        services.AddSingleton<BatchRules>();
        services.AddSingleton<ReviewBatches>();
        services.AddSingleton<BatchScreening>();
        services.AddSingleton<BatchScoring>();
        services.AddSingleton<BatchVoting>();
        services.AddSingleton<BatchBallot>();
        services.AddSingleton<BatchPublicity>();
        services.AddSingleton<ReviewDocuments>();
        services.AddSingleton<BatchIssue>();
        services.AddSingleton<BatchReplay>();
        return services;
    }
}
