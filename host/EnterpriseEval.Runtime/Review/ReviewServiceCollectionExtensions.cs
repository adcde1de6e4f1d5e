using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EnterpriseEval.Runtime.Review;

/// <summary>Composition of the self-run review (SPEC §10) inside the generic host.</summary>
internal static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds the review store factory and the steps of a batch; the notice renderer is replaceable.</summary>
    public static IServiceCollection AddEnterpriseEvalReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName));
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<ReviewStoreFactory>();
        services.AddSingleton<AuditRekey>();
        services.AddSingleton<BatchRules>();
        services.AddSingleton<ReviewBatches>();
        services.AddSingleton<BatchScreening>();
        services.AddSingleton<BatchScoring>();
        services.AddSingleton<BatchVoting>();
        services.AddSingleton<BatchPublicity>();
        services.AddSingleton<ReviewDocuments>();
        services.AddSingleton<BatchIssue>();
        services.AddSingleton<BatchReplay>();
        services.TryAddSingleton<IBatchNoticeRenderer, MarkdownNoticeRenderer>();
        return services;
    }
}
