using EnterpriseEval.Engine.Documents;
using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Engine.Tests.Documents;
using EnterpriseEval.Engine.Tests.Support;
using EnterpriseEval.Sdk.Documents;
using EnterpriseEval.Sdk.Model;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Engine.Tests.Plugins;

/// <summary>
/// Issue 17, the findings not covered by <see cref="PluginTrustTests"/>: the allow-list covers every file, the
/// authorisation is the host's, and every call into plug-in code is guarded and budgeted (docs/plugins.md, "Trust model").
/// </summary>
public sealed class PluginTrustBoundaryTests
{
    private static readonly EmployeeRecord Eligible = Employees.SeniorWorker("OK", new DateOnly(2020, 1, 1));

    // ---- plugins.lock: every file ----

    [Theory]
    [InlineData("edit-manifest", "文件 plugin.json 的内容与插件白名单（plugins.lock）不符")]
    [InlineData("add-data", "文件 data/extra.csv 不在插件白名单（plugins.lock）中")]
    [InlineData("remove-file", "插件白名单（plugins.lock）中的文件 Fixture.Misbehaving.deps.json 已不存在")]
    [InlineData("edit-template", "文件 Templates/result.md.sbn 的内容与插件白名单（plugins.lock）不符")]
    public void A_file_added_removed_or_edited_after_locking_refuses_the_plugin_naming_the_file(string change, string reason)
    {
        using var folders = new FixturePlugins();
        var locked = folders.Add("locked", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin");
        folders.Add("other", FixturePlugins.OldJson, "Fixture.OldJson.OldJsonPlugin");
        Directory.CreateDirectory(Path.Combine(locked, "Templates"));
        File.WriteAllText(Path.Combine(locked, "Templates", "result.md.sbn"), "# 通知\n");
        File.WriteAllText(Path.Combine(folders.Directory, "plugins.lock"), PluginLock.Create(folders.Directory));
        using (var before = PluginRun.Catalog().Load(folders.Directory))
        {
            Assert.Equal(["locked", "other"], before.Loaded.Select(p => p.Manifest.Id).Order());
        }

        switch (change)
        {
            case "edit-manifest":
                File.AppendAllText(Path.Combine(locked, "plugin.json"), " ");
                break;
            case "add-data":
                Directory.CreateDirectory(Path.Combine(locked, "data"));
                File.WriteAllText(Path.Combine(locked, "data", "extra.csv"), "a,b\n");
                break;
            case "remove-file":
                File.Delete(Path.Combine(locked, "Fixture.Misbehaving.deps.json"));
                break;
            default:
                File.AppendAllText(Path.Combine(locked, "Templates", "result.md.sbn"), "{{ 1 }}");
                break;
        }

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Equal("other", Assert.Single(plugins.Loaded).Manifest.Id);
        var refused = Assert.Single(plugins.Refused).Message;
        Assert.StartsWith("插件 locked 未加载：", refused, StringComparison.Ordinal);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
    }

    // Issue 17: a folder holding only a plugin.json whose assembly is ../../outside/X.dll loaded that unapproved DLL.
    [Fact]
    public void A_folder_with_only_a_manifest_pointing_outside_is_refused_even_when_the_lock_lists_the_manifest()
    {
        using var folders = new FixturePlugins();
        var walker = folders.Add("walker", FixturePlugins.Misbehaving, "Fixture.Misbehaving.LooseningPlugin");
        var outside = Path.Combine(folders.Directory + "-outside", "outside");
        Directory.CreateDirectory(outside);
        try
        {
            foreach (var file in Directory.EnumerateFiles(walker).Where(f => Path.GetFileName(f) != "plugin.json"))
            {
                File.Move(file, Path.Combine(outside, Path.GetFileName(file)));
            }

            var manifest = Path.Combine(walker, "plugin.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
                "\"Fixture.Misbehaving.dll\"", System.Text.Json.JsonSerializer.Serialize(Path.GetRelativePath(walker, Path.Combine(outside, "Fixture.Misbehaving.dll"))), StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folders.Directory, "plugins.lock"), PluginLock.Create(folders.Directory));

            using var plugins = PluginRun.Catalog().Load(folders.Directory);
            var result = PluginRun.Screen(plugins, [Employees.SeniorWorker("EARLY", new DateOnly(2026, 1, 1))], Employees.AsOf);

            Assert.Empty(plugins.Loaded);
            Assert.Contains("插件 walker 未加载：清单中的程序集路径", Assert.Single(plugins.Refused).Message, StringComparison.Ordinal);
            Assert.Equal(Outcome.NotEligible, result.Decisions.Single(d => d.Path == ScreeningPath.SkillToTitle).Outcome);
        }
        finally
        {
            Directory.Delete(folders.Directory + "-outside", recursive: true);
        }
    }

    [Fact]
    public void A_template_outside_the_plugin_folder_is_refused_at_load_naming_the_plugin()
    {
        using var folders = new FixturePlugins();
        folders.Add("outside-template", FixturePlugins.Misbehaving, "Fixture.Misbehaving.OutsideTemplatePlugin");

        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        Assert.Empty(plugins.Loaded);
        Assert.Contains("插件 outside-template 未加载：UseTemplate 指定的模板“../outside.md.sbn”不在插件自己的文件夹内", Assert.Single(plugins.Refused).Message, StringComparison.Ordinal);
    }

    // ---- authorisation: the host's, narrowed never widened ----

    // Issue 17: a code-free plug-in claiming authorisation up to 正高级 turned out_of_scope targets into eligible ones.
    [Fact]
    public void A_self_claimed_wider_authorisation_is_narrowed_to_the_hosts_and_reported_naming_the_plugin()
    {
        using var folders = new FixturePlugins();
        folders.Add("claims", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin", authorisation: FixturePlugins.Authorisation("senior"));
        using var plugins = PluginRun.Catalog(hostAuthorisation: "intermediate").Load(folders.Directory);

        var result = PluginRun.Screen(plugins, [Employees.SeniorTechnician("ST"), Eligible], Employees.AsOf);

        var associate = result.Decisions.Single(d => d.EmployeeId == "ST" && d.TargetTitleLevel == TitleLevel.AssociateSenior);
        Assert.Equal(Outcome.OutOfScope, associate.Outcome);
        Assert.Equal(Outcome.Eligible, result.Decisions.Single(d => d.EmployeeId == "OK" && d.TargetTitleLevel == TitleLevel.Assistant).Outcome);
        var warning = Assert.Single(plugins.Warnings);
        Assert.Contains("插件 claims 的清单声明的自主评审授权（赣人社字〔2024〕1号）超出本单位配置的授权", warning, StringComparison.Ordinal);
        Assert.Contains("最高至正高级", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_authorisation_a_manifest_authorises_nothing()
    {
        using var folders = new FixturePlugins();
        folders.Add("claims", FixturePlugins.Misbehaving, "Fixture.Misbehaving.JsonPlugin", authorisation: FixturePlugins.Authorisation("senior"));
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        using var statutoryOnly = PluginRun.Catalog().Load(null);

        var result = PluginRun.Screen(plugins, [Employees.SeniorTechnician("ST"), Eligible], Employees.AsOf);
        var statutory = PluginRun.Screen(statutoryOnly, [Employees.SeniorTechnician("ST"), Eligible], Employees.AsOf);

        var titles = result.Decisions.Where(d => d.TargetTitleLevel is not null).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, d => Assert.True(d.Outcome is Outcome.OutOfScope or Outcome.NotEligible, $"{d.EmployeeId} {d.TargetTitleLevel}: {d.Outcome}"));
        Assert.Contains(titles, d => d.Findings.Any(f => f.RuleId == "AUTH" && f.Message.Contains("本单位未在主机配置中设置自主评审授权", StringComparison.Ordinal)));
        Assert.Contains("本单位未在主机配置中设置授权", Assert.Single(plugins.Warnings), StringComparison.Ordinal);

        // Neither the host nor a plug-in speaking of an authorisation: a statutory screening, nothing out of scope.
        Assert.DoesNotContain(statutory.Decisions, d => d.Outcome == Outcome.OutOfScope);
    }

    // ---- guarded calls ----

    [Theory]
    [InlineData("Fixture.Misbehaving.ThrowingGradeMapPlugin", "插件 grades 的 IPostGradeMap.GradeFor 运行出错（InvalidOperationException: 岗位等级表缺失）")]
    [InlineData("Fixture.Misbehaving.HangingGradeMapPlugin", "插件 grades 的 IPostGradeMap.GradeFor 运行超时，本次运行中已停用")]
    public void A_grade_map_that_throws_or_hangs_holds_the_equivalence_for_review_naming_plugin_and_member(string entry, string named)
    {
        using var folders = new FixturePlugins();
        folders.Add("grades", FixturePlugins.Misbehaving, entry);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 10).Select(i => Appointed($"A{i:00}")).ToList();
        var statutory = PluginRun.Screen(PluginSet.Empty, records, Employees.AsOf);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, timeoutMs: 300);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(statutory.Equivalences.Count, result.Equivalences.Count);
        Assert.NotEmpty(result.Equivalences);
        Assert.All(result.Equivalences, e => Assert.Equal(EquivalenceStatus.NeedsReview, e.Status));
        Assert.Contains(result.Equivalences, e => e.Finding.Message.Contains(named, StringComparison.Ordinal));

        // The decisions are the statutory ones: a grade map never touches them.
        Assert.Equal(statutory.Decisions.Select(d => d.Outcome), result.Decisions.Select(d => d.Outcome));
    }

    // Issue 17: the 75-employee demo with a 1.9 s criterion took 84.5 s. By default a plug-in gets 10 s a run plus a
    // little per employee, so a small roster is bounded by seconds and a million employees keep ample room.
    [Theory]
    [InlineData(75, 10.00375)]
    [InlineData(1_000_000, 60)]
    public void The_default_time_budget_is_ten_seconds_plus_a_little_per_employee(int employees, double seconds) =>
        Assert.Equal(seconds, new PluginsOptions().PluginTimeBudgetFor(employees), precision: 6);

    [Fact]
    public void No_budget_when_the_seconds_are_zero() =>
        Assert.Equal(0, new PluginsOptions { PluginTimeBudgetSeconds = 0 }.PluginTimeBudgetFor(1_000_000));

    // Issue 17: a criterion taking 1.9 s per call was never disabled; the 75-employee demo took 84.5 s.
    [Fact]
    public void A_plugin_past_its_time_budget_is_disabled_for_the_run_and_its_decisions_go_to_review()
    {
        using var folders = new FixturePlugins();
        folders.Add("slow", FixturePlugins.Misbehaving, "Fixture.Misbehaving.SlowPlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 200).Select(i => Employees.SeniorWorker($"E{i:000}", new DateOnly(2020, 1, 1))).ToList();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, budgetSeconds: 0.3);
        watch.Stop();

        // ~50 ms a call: 200 employees × their decisions would take well over 10 s without the budget.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var reviewed = result.Decisions.Where(d => d.Findings.Any(f => f.RuleId == "PLUGIN"
            && f.Message.Contains("插件 slow 本次运行累计耗时超过时间预算（0.3 秒", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(reviewed);
        Assert.All(reviewed, d => Assert.Equal(Outcome.NeedsReview, d.Outcome));
        Assert.DoesNotContain(result.Decisions, d => d.Outcome == Outcome.Eligible && !d.Findings.Any(f => f.RuleId == "SLOW"));
    }

    // The budget is kept by the coarse monotonic clock (milliseconds, a few at a tick; docs/plugins.md): calls far shorter
    // than a tick are each charged a whole tick or nothing, which must add up to the time spent, or a plug-in of many
    // short calls would never meet its budget.
    [Fact]
    public void Calls_each_shorter_than_a_tick_of_the_budgets_clock_add_up_to_the_time_spent()
    {
        using var folders = new FixturePlugins();
        folders.Add("busy", FixturePlugins.Misbehaving, "Fixture.Misbehaving.BusySkillToTitlePlugin");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        var records = Enumerable.Range(1, 1500).Select(i => Employees.SeniorWorker($"E{i:0000}", new DateOnly(2020, 1, 1))).ToList();

        // ~0.3 ms a call, one skill-to-title decision an employee: ~0.45 s in all, against a budget of 0.1 s.
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, budgetSeconds: 0.1);

        var judged = result.Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(1500, judged.Count);
        var ran = judged.Count(d => d.Findings.Any(f => f.RuleId == "BUSYS2T"));
        var stopped = judged.Count(d => d.Findings.Any(f => f.RuleId == "PLUGIN"
            && f.Message.Contains("插件 busy 本次运行累计耗时超过时间预算（0.1 秒", StringComparison.Ordinal)));
        Assert.Equal(1500, ran + stopped);

        // 0.1 s is ~330 calls of 0.3 ms; a call waiting for a core on a loaded machine counts longer, so fewer may run,
        // but never all of them, and not a handful.
        Assert.InRange(ran, 30, 1000);
    }

    // A criterion out of the run (hung, or its plug-in past the time budget) sent every later decision to review, on
    // paths it does not judge too: an 工程师 asking for 技师 was held for review because a skill-to-title criterion hung.
    // Only the decisions it would judge go to review (docs/plugins.md).
    [Theory]
    [InlineData("Fixture.Misbehaving.HangingSkillToTitlePlugin", "插件 s2t 的条件 HANGS2T 运行超时，本次筛查中已停用")]
    [InlineData("Fixture.Misbehaving.SlowSkillToTitlePlugin", "插件 s2t 本次运行累计耗时超过时间预算（0.1 秒")]
    public void A_criterion_out_of_the_run_sends_to_review_only_the_decisions_of_the_paths_it_judges(string entry, string named)
    {
        using var folders = new FixturePlugins();
        folders.Add("s2t", FixturePlugins.Misbehaving, entry);
        using var plugins = PluginRun.Catalog().Load(folders.Directory);

        // 高级工 first (skill-to-title: the criterion hangs or spends the budget there), then 工程师 holding 高级工 (title-to-skill
        // and skill promotion only, paths the criterion does not judge), then more 高级工.
        var workers = Enumerable.Range(1, 6).Select(i => Employees.SeniorWorker($"W{i:00}", new DateOnly(2020, 1, 1))).ToList();
        var engineers = Enumerable.Range(1, 20).Select(i => Employees.SeniorWorker($"T{i:00}", new DateOnly(2020, 1, 1)) with
        {
            Titles = [new ProfessionalTitle { Series = TitleSeries.Engineering, Level = TitleLevel.Intermediate, ObtainedOn = new DateOnly(2015, 1, 1) }],
        }).ToList();
        List<EmployeeRecord> records = [.. workers[..3], .. engineers, .. workers[3..]];
        var statutory = PluginRun.Screen(PluginSet.Empty, records, Employees.AsOf);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = PluginRun.Screen(plugins, records, Employees.AsOf, timeoutMs: 300, budgetSeconds: 0.1);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        var judged = result.Decisions.Where(d => d.Path == ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(6, judged.Count);
        Assert.Contains(judged, d => d.Outcome == Outcome.NeedsReview && d.Findings.Any(f => f.RuleId == "PLUGIN" && f.Message.Contains(named, StringComparison.Ordinal)));

        // Every decision on the other paths is the statutory one, as if the plug-in had not been loaded.
        var others = result.Decisions.Where(d => d.Path != ScreeningPath.SkillToTitle).ToList();
        Assert.Equal(40, others.Count);
        Assert.All(others, d =>
        {
            var alone = statutory.Decisions.Single(s => s.EmployeeId == d.EmployeeId && s.Path == d.Path);
            Assert.DoesNotContain(d.Findings, f => f.RuleId == "PLUGIN");
            Assert.Equal(alone.Outcome, d.Outcome);
            Assert.Equal(alone.Findings.Select(f => f.Message), d.Findings.Select(f => f.Message));
        });
    }

    [Fact]
    public void A_template_function_that_throws_is_a_render_error_naming_the_plugin_and_the_function()
    {
        using var folders = new FixturePlugins();
        var folder = folders.Add("stamp", FixturePlugins.Misbehaving, "Fixture.Misbehaving.ThrowingTemplateFunctionPlugin");
        Directory.CreateDirectory(Path.Combine(folder, "Templates"));
        File.WriteAllText(Path.Combine(folder, "Templates", "result.md.sbn"), "# 资格审查结果通知\n{{ firm_stamp employee.name }}\n");
        using var plugins = PluginRun.Catalog().Load(folders.Directory);
        Assert.Empty(plugins.Refused);
        var renderer = new DocumentRenderer(plugins.LoadTemplates());

        var error = Assert.Throws<DocumentRenderException>(() => renderer.Render(DocumentKind.ScreeningResultNotice, DocumentFormat.Markdown, DocumentSamples.ScreeningResult));

        Assert.Contains("插件 stamp 的 模板函数 firm_stamp 运行出错（InvalidOperationException: 印章服务不可用）", error.Message, StringComparison.Ordinal);
    }

    private static EmployeeRecord Appointed(string id)
    {
        var record = Employees.SeniorTechnician(id);
        return record with
        {
            Employee = record.Employee with { AppointedSkillLevel = SkillLevel.SeniorTechnician, AppointedFrom = new DateOnly(2020, 1, 1) },
        };
    }
}
