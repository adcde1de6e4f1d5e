using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Service.Rosters;
using EnterpriseEval.Service.Screening;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Workflow.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service;

/// <summary>
/// <c>eeval serve --demo</c> (docs/service.md, "Demo"): into an empty store only, one account per role with a random
/// password printed once, the sample roster uploaded and screened, and a review batch part-way through (new, screen,
/// score) on the plug-ins the service was started with.
/// </summary>
internal sealed class DemoData(
    Accounts accounts,
    RosterLibrary rosters,
    ScreeningJobs jobs,
    ReviewStoreFactory stores,
    ReviewBatches batches,
    BatchScreening screening,
    BatchScoring scoring,
    IConfiguration configuration,
    IOptions<PluginsOptions> plugins,
    TimeProvider time)
{
    public const string DemoActor = "演示数据";

    /// <summary>The demo accounts: user name, display name, role, 工号.</summary>
    public static readonly (string UserName, string DisplayName, string Role, string? EmployeeId)[] People =
    [
        ("hr", "王审核（人事专员）", Roles.Hr, null),
        ("committee", "赵评委", Roles.Committee, null),
        ("employee", "员工 GP0014", Roles.Employee, "GP0014"),
        ("auditor", "李审计", Roles.Auditor, null),
        ("admin", "系统管理员", Roles.Admin, null),
    ];

    /// <summary>
    /// Seeds the demo; refuses a store that already has accounts or batches. The check and the accounts are one
    /// transaction under the store's write lock: of several instances started with <c>--demo</c> on one new database at
    /// once, exactly one seeds it and the others say so (docs/service.md, "Several instances").
    /// </summary>
    public IReadOnlyDictionary<string, string> Seed(Action<string> say, string? rosterFolder = null)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var store = stores.OpenAccounts(null))
        {
            using var lease = store.Lock();
            if (store.Accounts().Count > 0 || store.Batches().Count > 0)
            {
                say("评审数据库中已有账户或批次：--demo 只在新库或空库中建立演示数据，本次未改动任何内容。");
                return passwords;
            }

            foreach (var (userName, displayName, role, employeeId) in People)
            {
                var password = Accounts.NewPassword();
                accounts.Create(store, userName, displayName, role, employeeId, password, DemoActor);
                passwords[userName] = password;
            }

            lease.Commit();
        }

        var actor = new Actor(DemoActor, Roles.Hr, null);
        var folder = rosterFolder ?? FindSample("samples/rosters/ganpower");
        var roster = rosters.Import(folder, actor);
        var job = jobs.Start(roster, null, allowStatutoryOnly: false, actor);
        say($"演示花名册 {roster.Id}（{folder}，{roster.Employees} 名员工）已导入，筛查任务 {job.Id} 已开始。");

        if (HostAuthorisation.Read(configuration, out _) is null)
        {
            say("未配置自主评审授权（EnterpriseEval:Authorisation，如 --config samples/review/review.json），未建立演示评审批次。");
        }
        else
        {
            var year = time.GetLocalNow().Year;
            var name = $"{year}-工程-演示";
            using var store = stores.Open(null);
            var batch = batches.Create(store, new NewBatchRequest(name, year, "engineering", "assistant,intermediate", null, plugins.Value.Directory), actor.UserName);
            screening.Run(store, batch, rosters.ReadPath(roster), null, actor.UserName);
            scoring.Run(store, batch, null, actor.UserName);
            say($"演示评审批次“{name}”已建立，并完成资格筛查与业绩评分（下一步：评委会表决）。");
        }

        say("演示账户（密码只显示这一次，请记下）：");
        foreach (var (userName, displayName, role, employeeId) in People)
        {
            say($"  {Roles.Chinese(role),-5} 用户名 {userName,-10} 密码 {passwords[userName]}{(employeeId is null ? "" : $"（工号 {employeeId}）")}");
        }

        return passwords;
    }

    private static string FindSample(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new Engine.UserFacingException($"找不到示例花名册 {relative}：请在仓库根目录运行 eeval serve --demo");
    }
}
