using System.Net;
using System.Text.Json;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Tests.Support;
using Microsoft.Data.Sqlite;
using static EnterpriseEval.Service.Tests.Support.ReviewFlow;

namespace EnterpriseEval.Service.Tests;

/// <summary>
/// The committee's secret ballot (docs/service.md, "Secret ballot"): opened by HR after the scores, one ballot per member
/// and candidate, closed into the same votes as a vote sheet, and a store in which no ballot can be traced to its voter.
/// </summary>
public sealed class BallotApiTests
{
    [Fact]
    public async Task A_member_votes_once_per_candidate_only_on_the_batch_candidates_and_a_non_member_cannot_vote()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        AddCommittee(service, "c2", "outsider");
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = new[] { Roles.Committee, "c2" }, date = "2026-12-29" }), HttpStatusCode.Created);
        var candidates = await CandidatesAsync(service);
        Assert.NotEmpty(candidates);

        var first = await service.ReadAsync<JsonElement>(await CastAsync(service, Roles.Committee, candidates[0], "赞成"), HttpStatusCode.Created);
        Assert.Equal("已投票", first.GetProperty("message").GetString());
        Assert.DoesNotContain("赞成", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"for\"", first.ToString(), StringComparison.Ordinal);

        var twice = await service.ReadAsync<JsonElement>(await CastAsync(service, Roles.Committee, candidates[0], "反对"), HttpStatusCode.BadRequest);
        Assert.Contains("只能投一次", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var outside = await service.ReadAsync<JsonElement>(await CastAsync(service, Roles.Committee, ("GP0001", "skill_to_title", "senior"), "赞成"), HttpStatusCode.BadRequest);
        Assert.Contains("没有工号 GP0001", outside.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stranger = await service.ReadAsync<JsonElement>(await CastAsync(service, "outsider", candidates[0], "赞成"), HttpStatusCode.BadRequest);
        Assert.Contains("不是批次", stranger.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CastAsync(service, Roles.Hr, candidates[0], "赞成")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CastAsync(service, "c2", candidates[0], "maybe")).StatusCode);

        // A member sees which candidates they voted on, and nothing of anyone else's; HR sees turnout, never a choice.
        var mine = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/ballot", Roles.Committee));
        Assert.True(mine.GetProperty("candidates")[0].GetProperty("votedByMe").GetBoolean());
        Assert.All(mine.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("votedCandidates").ValueKind));
        var theirs = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/ballot", "c2"));
        Assert.DoesNotContain(theirs.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("votedByMe").GetBoolean());
        var hr = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/ballot", Roles.Hr));
        Assert.Equal(1, hr.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userName").GetString() == Roles.Committee).GetProperty("votedCandidates").GetInt32());

        // A second opening is refused, and so is a vote sheet while the ballot is open.
        Assert.Equal(HttpStatusCode.BadRequest, (await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = new[] { "c2" } })).StatusCode);
        var sheet = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Sample("review/votes.csv")));
        sheet.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var import = await service.ReadAsync<JsonElement>(
            await service.SendAsync(HttpMethod.Post, $"{Url}/votes?date=2026-12-30", Roles.Hr, new MultipartFormDataContent { { sheet, "file", "votes.csv" } }), HttpStatusCode.BadRequest);
        Assert.Contains("已开启无记名投票", import.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var store = Store.Open(service);
        Assert.Single(store.BallotVoters(store.FindBatch(Batch)!.Id));
    }

    [Fact]
    public async Task Opening_refuses_accounts_that_are_not_committee_members_and_a_batch_not_yet_scored()
    {
        await using var service = await StartAsync();
        var rosterId = await service.UploadRosterAsync(RepoPaths.Sample("rosters/ganpower"));
        await service.ReadAsync<JsonElement>(
            await service.PostJsonAsync("/api/v1/batches", Roles.Hr, new { name = Batch, year = 2026, series = "工程", levels = "助理级,中级" }), HttpStatusCode.Created);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/screen", Roles.Hr, new { rosterId }));
        var early = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = new[] { Roles.Committee } }), HttpStatusCode.BadRequest);
        Assert.Contains("review score", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/score", Roles.Hr, new { }));

        var auditor = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = new[] { Roles.Committee, Roles.Auditor } }), HttpStatusCode.BadRequest);
        Assert.Contains("“auditor”不是可用的评委账户", auditor.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var none = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.Contains("评委会成员", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var status = await service.ReadAsync<JsonElement>(await service.GetAsync($"{Url}/ballot", Roles.Auditor));
        Assert.Equal("none", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_tally_applies_the_vote_rule_exactly_two_thirds_passes_and_gives_the_votes_of_a_vote_sheet()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        string[] members = [Roles.Committee, .. AddCommittee(service, "c2", "c3")];
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members, date = "2026-12-29" }), HttpStatusCode.Created);
        var candidates = await CandidatesAsync(service);
        Assert.True(candidates.Count >= 4, $"{candidates.Count} candidates");
        var (a, b, c, d) = (candidates[0], candidates[1], candidates[2], candidates[3]);

        // a: 2 of 3 for — exactly 2/3 of those present: passes.
        await Cast(members[0], a, "for");
        await Cast(members[1], a, "for");
        await Cast(members[2], a, "against");
        // b: 1 for, 1 against, 1 abstain — 1/3: fails.
        await Cast(members[0], b, "for");
        await Cast(members[1], b, "against");
        await Cast(members[2], b, "abstain");
        // c: 2 of 3 present (exactly the 2/3 quorum), both for: passes.
        await Cast(members[0], c, "for");
        await Cast(members[1], c, "for");
        // d: 1 of 3 present: below the quorum, the vote does not count.
        await Cast(members[0], d, "for");

        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostJsonAsync($"{Url}/ballot/close", Roles.Committee, new { })).StatusCode);
        var votes = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot/close", Roles.Hr, new { date = "2026-12-30" }));
        JsonElement Of((string EmployeeId, string Path, string TargetLevel) x) => votes.EnumerateArray().Single(v =>
            v.GetProperty("employeeId").GetString() == x.EmployeeId && v.GetProperty("path").GetString() == x.Path && v.GetProperty("targetLevel").GetString() == x.TargetLevel);

        Assert.Equal(candidates.Count, votes.GetArrayLength());
        Assert.True(Of(a).GetProperty("passed").GetBoolean(), Of(a).ToString());
        Assert.Equal((3, 3, 2, 1, 0), Counts(Of(a)));
        Assert.False(Of(b).GetProperty("passed").GetBoolean());
        Assert.True(Of(c).GetProperty("passed").GetBoolean(), Of(c).ToString());
        Assert.True(Of(c).GetProperty("quorumMet").GetBoolean());
        Assert.False(Of(d).GetProperty("quorumMet").GetBoolean());
        Assert.Contains("表决无效", Of(d).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(candidates.Skip(4).Select(Of), v => v.GetProperty("passed").GetBoolean());

        // Closed: no more ballots; the batch's votes are those of the tally, and publicity follows as after `review vote`.
        Assert.Equal(HttpStatusCode.BadRequest, (await CastAsync(service, members[2], d, "for")).StatusCode);
        var detail = await service.ReadAsync<JsonElement>(await service.GetAsync(Url, Roles.Auditor));
        Assert.Equal(2, detail.GetProperty("batch").GetProperty("passed").GetInt32());
        Assert.Equal("closed", detail.GetProperty("batch").GetProperty("ballot").GetString());
        var publicity = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/publicity", Roles.Hr, new { }));
        Assert.Equal(2, publicity.GetProperty("candidates").GetInt32());
        var verify = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.True(verify.GetProperty("passed").GetBoolean(), verify.ToString());

        async Task Cast(string member, (string, string, string) candidate, string choice) =>
            await service.ReadAsync<JsonElement>(await CastAsync(service, member, candidate, choice), HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_store_holds_no_link_between_a_ballot_and_its_voter_and_verify_detects_a_ballot_changed_after_the_close()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        string[] members = [Roles.Committee, .. AddCommittee(service, "c2", "c3")];
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members, date = "2026-12-29" }), HttpStatusCode.Created);
        var candidate = (await CandidatesAsync(service))[0];
        string[] choices = ["against", "for", "abstain"];
        for (var i = 0; i < members.Length; i++)
        {
            await service.ReadAsync<JsonElement>(await CastAsync(service, members[i], candidate, choices[i]), HttpStatusCode.Created);
        }

        using (var db = new SqliteConnection($"Data Source={service.StorePath};Pooling=false"))
        {
            db.Open();
            // The ballots: counters with no voter, no time, no sequence, no row per cast, no hidden rowid.
            Assert.Equal(["batch_id", "candidate", "choice", "count"], Columns(db, "ballot_counts"));
            Assert.Throws<SqliteException>(() => Scalar(db, "SELECT rowid FROM ballot_counts"));
            Assert.Equal(1L, Scalar(db, $"SELECT count FROM ballot_counts WHERE candidate = '{Key(candidate)}' AND choice = 'against'"));
            // Who voted: member and candidate, never a choice.
            Assert.Equal(["id", "batch_id", "audit_id", "user_name", "candidate", "content_hash"], Columns(db, "ballot_voters"));
            Assert.Equal(3L, Scalar(db, "SELECT COUNT(*) FROM ballot_voters"));
            // No table of the store has a column naming a voter beside a choice.
            foreach (var table in Tables(db))
            {
                var columns = Columns(db, table);
                Assert.False(columns.Contains("choice") && columns.Any(c => c.Contains("user", StringComparison.Ordinal) || c.Contains("voter", StringComparison.Ordinal)), table);
            }

            // The audit entries of the casts name the member and the candidate, never the choice.
            var casts = Strings(db, "SELECT user_name || ' ' || detail FROM audit WHERE step = 'ballot-cast'");
            Assert.Equal(3, casts.Count);
            Assert.All(casts, e => Assert.DoesNotMatch("赞成|反对|弃权|\"for\"|against|abstain", e));
            Assert.Equal(members.Order(), Strings(db, "SELECT user_name FROM audit WHERE step = 'ballot-cast'").Order());
        }

        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot/close", Roles.Hr, new { date = "2026-12-30" }));
        var passed = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.True(passed.GetProperty("passed").GetBoolean(), passed.ToString());

        // A ballot turned from 反对 into 赞成 after the close (the totals unchanged) breaks the seal in the audit chain.
        using (var db = new SqliteConnection($"Data Source={service.StorePath};Pooling=false"))
        {
            db.Open();
            using var edit = db.CreateCommand();
            edit.CommandText = $"""
                UPDATE ballot_counts SET count = count - 1 WHERE candidate = '{Key(candidate)}' AND choice = 'against';
                UPDATE ballot_counts SET count = count + 1 WHERE candidate = '{Key(candidate)}' AND choice = 'for';
                """;
            edit.ExecuteNonQuery();
        }

        var tampered = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.False(tampered.GetProperty("passed").GetBoolean());
        Assert.Contains(tampered.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("封存哈希不符", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ballot_added_while_the_round_is_open_shows_in_verify()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members = new[] { Roles.Committee } }), HttpStatusCode.Created);
        var candidate = (await CandidatesAsync(service))[0];
        await service.ReadAsync<JsonElement>(await CastAsync(service, Roles.Committee, candidate, "for"), HttpStatusCode.Created);
        using (var db = new SqliteConnection($"Data Source={service.StorePath};Pooling=false"))
        {
            db.Open();
            using var edit = db.CreateCommand();
            edit.CommandText = $"UPDATE ballot_counts SET count = count + 1 WHERE candidate = '{Key(candidate)}' AND choice = 'for'";
            edit.ExecuteNonQuery();
        }

        var verify = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.Contains(verify.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("选票（2 张）与已投票评委记录（1 人）不符", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_casts_all_count_exactly_once()
    {
        await using var service = await StartAsync();
        await ScoredAsync(service);
        string[] members = [Roles.Committee, .. AddCommittee(service, "c2", "c3", "c4", "c5")];
        await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot", Roles.Hr, new { members }), HttpStatusCode.Created);
        var candidates = await CandidatesAsync(service);

        // Every member on every candidate at once, and each member's first candidate twice more (only one may count).
        var casts = members.SelectMany(m => candidates.Select(c => (Member: m, Candidate: c)))
            .Concat(members.SelectMany(m => Enumerable.Repeat((Member: m, Candidate: candidates[0]), 2)))
            .ToList();
        var answers = await Task.WhenAll(casts.Select(x => Task.Run(() => CastAsync(service, x.Member, x.Candidate, "for"))));

        Assert.Equal(members.Length * candidates.Count, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var votes = await service.ReadAsync<JsonElement>(await service.PostJsonAsync($"{Url}/ballot/close", Roles.Hr, new { }));
        Assert.All(votes.EnumerateArray(), v =>
        {
            Assert.Equal(members.Length, v.GetProperty("present").GetInt32());
            Assert.Equal(members.Length, v.GetProperty("for").GetInt32());
        });
        var verify = await service.ReadAsync<JsonElement>(await service.GetAsync("/api/v1/review/verify", Roles.Auditor));
        Assert.True(verify.GetProperty("passed").GetBoolean(), verify.ToString());
    }

    private static (int, int, int, int, int) Counts(JsonElement v) =>
        (v.GetProperty("committee").GetInt32(), v.GetProperty("present").GetInt32(), v.GetProperty("for").GetInt32(), v.GetProperty("against").GetInt32(),
            v.GetProperty("abstain").GetInt32());

    private static string Key((string EmployeeId, string Path, string TargetLevel) c) => $"{c.EmployeeId}|{c.Path}|{c.TargetLevel}";

    private static List<string> Columns(SqliteConnection db, string table) => Strings(db, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");

    private static List<string> Tables(SqliteConnection db) => Strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
