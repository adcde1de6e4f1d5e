namespace EnterpriseEval.Workflow.Review.Store;

/// <summary>
/// The review store's schema, as ordered migrations (docs/store.md): a store is brought to the latest version on open,
/// in one write transaction, each migration with its row in <c>schema_version</c>. Never edit a shipped migration; add
/// one. The statements are written once, in SQLite's dialect; <see cref="Postgres"/> is the same schema in
/// PostgreSQL's, column for column and in the same order (a row's content hash covers its columns in table order).
/// </summary>
internal static class StoreMigrations
{
    // Every data table: id, batch_id, audit_id (the entry that wrote the row), its columns, content_hash (SHA-256 of
    // the other columns, see RowHash). The audit entry records a digest of its rows, so editing, adding or deleting
    // a row shows in `review verify`.
    public static readonly (int Version, string Sql)[] Sqlite =
    [
        (1, """
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY, batch_id INTEGER, step TEXT NOT NULL, user_name TEXT NOT NULL, at TEXT NOT NULL,
                detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE batches (
                id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL, name TEXT NOT NULL UNIQUE, year INTEGER NOT NULL,
                series TEXT NOT NULL, levels TEXT NOT NULL, as_of TEXT NOT NULL, authorisation TEXT NOT NULL,
                plugins TEXT NOT NULL, plugins_directory TEXT NOT NULL, rule_set_version TEXT NOT NULL,
                configuration TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE roster_tables (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, name TEXT NOT NULL,
                display_name TEXT NOT NULL, header TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE roster_rows (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, table_name TEXT NOT NULL,
                row_number INTEGER NOT NULL, fields TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE INDEX roster_rows_by_table ON roster_rows (batch_id, table_name, id);
            CREATE TABLE screen_chunks (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, from_index INTEGER NOT NULL,
                to_index INTEGER NOT NULL, total INTEGER NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, employee_index INTEGER NOT NULL,
                employee_id TEXT NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, target_level TEXT NOT NULL,
                target_series TEXT NOT NULL, target_occupation TEXT NOT NULL, outcome TEXT NOT NULL,
                earliest_eligible_on TEXT NOT NULL, theory_exam_exempt INTEGER NOT NULL, basis_certificate_no TEXT NOT NULL,
                rule_ids TEXT NOT NULL, reasons TEXT NOT NULL, findings TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE INDEX decisions_by_batch ON decisions (batch_id, employee_index);
            CREATE TABLE scores (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, employee_id TEXT NOT NULL,
                name TEXT NOT NULL, plugin_id TEXT NOT NULL, total TEXT NOT NULL, pass_mark TEXT NOT NULL,
                passed INTEGER NOT NULL, lines TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE votes (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, voted_on TEXT NOT NULL,
                employee_id TEXT NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, target_level TEXT NOT NULL,
                committee INTEGER NOT NULL, present INTEGER NOT NULL, votes_for INTEGER NOT NULL,
                votes_against INTEGER NOT NULL, votes_abstain INTEGER NOT NULL, quorum_met INTEGER NOT NULL,
                passed INTEGER NOT NULL, reason TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE publicity (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, start_date TEXT NOT NULL,
                end_date TEXT NOT NULL, working_days INTEGER NOT NULL, holidays TEXT NOT NULL,
                working_weekends TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE objections (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, employee_id TEXT NOT NULL,
                raised_on TEXT NOT NULL, reason TEXT NOT NULL, recorded_by TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE TABLE notices (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, employee_id TEXT NOT NULL,
                path TEXT NOT NULL, target_level TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL,
                content_hash TEXT NOT NULL);
            """),

        // 2: concurrency and anchoring (docs/security.md). UNIQUE keys make a second copy of any step's rows
        // impossible even if two commands slip past their checks; the signed head of the audit chain (one row).
        (2, """
            CREATE UNIQUE INDEX batch_steps_once ON audit (batch_id, step)
                WHERE step IN ('new', 'import', 'screen', 'score', 'vote', 'publicize', 'issue');
            CREATE UNIQUE INDEX roster_tables_once ON roster_tables (batch_id, name);
            CREATE UNIQUE INDEX roster_rows_once ON roster_rows (batch_id, table_name, row_number);
            CREATE UNIQUE INDEX screen_chunks_once ON screen_chunks (batch_id, from_index);
            CREATE UNIQUE INDEX decisions_once ON decisions (batch_id, employee_index, path, target_level);
            CREATE UNIQUE INDEX scores_once ON scores (batch_id, employee_id, plugin_id);
            CREATE UNIQUE INDEX votes_once ON votes (batch_id, employee_id, path, target_level);
            CREATE UNIQUE INDEX publicity_once ON publicity (batch_id);
            CREATE UNIQUE INDEX objections_once ON objections (batch_id, employee_id, raised_on, reason);
            CREATE UNIQUE INDEX notices_once ON notices (batch_id, employee_id, path, target_level);
            CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL, key_id TEXT NOT NULL,
                signature TEXT NOT NULL);
            """),

        // 3: local accounts and API tokens of `eeval serve` (docs/service.md). Not data of a batch: no batch_id, no
        // content_hash; each change an account or token undergoes is an audit entry (step 'account' or 'token') naming
        // the admin who made it. Passwords are ASP.NET Core PasswordHasher strings; tokens are kept only as SHA-256.
        // Plain SQL types and no SQLite-only syntax, so another provider runs the same statements.
        (3, """
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY, user_name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
                employee_id TEXT, password_hash TEXT NOT NULL, failed_sign_ins INTEGER NOT NULL, locked_until TEXT,
                disabled INTEGER NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE api_tokens (
                id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id), name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT);
            """),

        // 4: the committee's secret ballot and the resolution of objections (docs/service.md, "Secret ballot",
        // "Objections"). The round, its members, who has voted on which candidate and each resolution are ordinary data
        // rows (audit_id, content_hash). The ballots themselves are counters, one per candidate and choice, all created
        // at zero when the round opens and only ever incremented: no voter, no time, no sequence, no row per cast that
        // could be lined up with the voters table or the audit entry of a cast. They are not tied to an audit entry
        // while the round is open; closing it (the step 'vote') records a SHA-256 of the counters with the tally, which
        // `review verify` recomputes. WITHOUT ROWID keeps the counters free of a hidden insertion number (another
        // provider: a table without an identity column).
        (4, """
            CREATE TABLE ballot_rounds (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, opened_on TEXT NOT NULL,
                committee INTEGER NOT NULL, content_hash TEXT NOT NULL);
            CREATE UNIQUE INDEX ballot_rounds_once ON ballot_rounds (batch_id);
            CREATE TABLE ballot_members (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, user_name TEXT NOT NULL,
                display_name TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE UNIQUE INDEX ballot_members_once ON ballot_members (batch_id, user_name);
            CREATE TABLE ballot_voters (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, user_name TEXT NOT NULL,
                candidate TEXT NOT NULL, content_hash TEXT NOT NULL);
            CREATE UNIQUE INDEX ballot_voters_once ON ballot_voters (batch_id, user_name, candidate);
            CREATE TABLE ballot_counts (
                batch_id INTEGER NOT NULL, candidate TEXT NOT NULL, choice TEXT NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY (batch_id, candidate, choice)) WITHOUT ROWID;
            CREATE UNIQUE INDEX ballot_open_once ON audit (batch_id, step) WHERE step = 'ballot-open';
            CREATE TABLE objection_resolutions (
                id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, audit_id INTEGER NOT NULL, objection_id INTEGER NOT NULL,
                outcome TEXT NOT NULL, reason TEXT NOT NULL, resolved_on TEXT NOT NULL, resolved_by TEXT NOT NULL,
                content_hash TEXT NOT NULL);
            CREATE UNIQUE INDEX objection_resolutions_once ON objection_resolutions (objection_id);
            """),

        // 5: several `eeval serve` instances on one store (docs/service.md, "Several instances"). The background jobs
        // every instance sees and claims: operational state like the accounts' sign-in counters — no batch_id, no
        // audit_id, no content_hash; starting and cancelling a job are audit entries. The owner is the instance running
        // it (host, process, random) and `beats` counts its heartbeats: another instance that sees them stop moving for
        // the configured time takes the job over. Two indexes make the checks of a ballot cast (has this step been
        // done, this employee's decisions) look rows up instead of reading the batch's whole audit or decisions.
        (5, """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, roster TEXT NOT NULL, as_of TEXT NOT NULL,
                options TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, attempts INTEGER NOT NULL,
                owner_instance TEXT, heartbeat_at TEXT, beats INTEGER NOT NULL, started_at TEXT, ended_at TEXT,
                cancel_requested INTEGER NOT NULL, stage TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL,
                message TEXT, error TEXT, result TEXT, result_digest TEXT);
            CREATE INDEX jobs_by_state ON jobs (kind, state, created_at);
            CREATE INDEX audit_by_step ON audit (batch_id, step);
            CREATE INDEX decisions_by_employee ON decisions (batch_id, employee_id);
            """),
    ];

    /// <summary>
    /// The same migrations for PostgreSQL: every whole number is <c>BIGINT</c> (read back as the same 64-bit values SQLite
    /// gives), an <c>id</c> key is an identity column (rows keep their insertion order, as SQLite's rowid), the audit
    /// sequence and the one head row keep explicit keys, and a table has no <c>WITHOUT ROWID</c> (PostgreSQL tables
    /// have no hidden insertion number to drop).
    /// </summary>
    public static readonly (int Version, string Sql)[] Postgres = [.. Sqlite.Select(m => (m.Version, ToPostgres(m.Sql)))];

    public static int Latest => Sqlite[^1].Version;

    private static string ToPostgres(string sql)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(sql, @"\bid INTEGER PRIMARY KEY(?! CHECK)", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        text = text.Replace("INTEGER", "BIGINT", StringComparison.Ordinal);
        return text.Replace(") WITHOUT ROWID;", ");", StringComparison.Ordinal);
    }
}
