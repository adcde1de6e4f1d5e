using EnterpriseEval.Engine.Notices;
using EnterpriseEval.Workflow.Review.Store;
using Microsoft.Extensions.Options;
using EnterpriseEval.Engine;

namespace EnterpriseEval.Workflow.Review;

/// <summary>
/// Finds the audit key (docs/security.md): configuration <c>EnterpriseEval:Review:AuditKey</c> (the key itself),
/// else the key file <c>EnterpriseEval:Review:AuditKeyFile</c>, else the per-user default file
/// <see cref="DefaultPath"/>, which <c>review new</c> creates (owner read/write only) when no key exists yet.
/// </summary>
internal sealed class AuditKeys(IOptions<ReviewOptions> options)
{
    /// <summary>The default key file: <c>~/.config/eeval/audit.key</c> (Windows: <c>%APPDATA%\eeval\audit.key</c>).</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "eeval", "audit.key");

    /// <summary>The key file in use: the configured one, or the default.</summary>
    public string FilePath => string.IsNullOrWhiteSpace(options.Value.AuditKeyFile) ? DefaultPath : Path.GetFullPath(options.Value.AuditKeyFile);

    /// <summary>The key, or a Chinese refusal saying where it was looked for and how to provide one.</summary>
    public AuditKey Get()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AuditKey))
        {
            return AuditKey.Parse(options.Value.AuditKey, $"配置项 {ReviewOptions.SectionName}:AuditKey");
        }

        var file = FilePath;
        if (!File.Exists(file))
        {
            throw new UserFacingException(
                $"找不到审计密钥文件 {file}：请用配置项 {ReviewOptions.SectionName}:AuditKeyFile（环境变量 EEVAL_EnterpriseEval__Review__AuditKeyFile）"
                + "指明签名时使用的密钥文件；新装时 review new 会自动创建默认密钥文件（见 docs/security.md）");
        }

        return Load(file);
    }

    /// <summary>
    /// The key, creating the key file first when none is configured or the configured file does not exist yet.
    /// </summary>
    /// <returns>The key, and the file created (null when it already existed or the key came from configuration).</returns>
    public (AuditKey Key, string? Created) GetOrCreate()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AuditKey) || File.Exists(FilePath))
        {
            return (Get(), null);
        }

        var file = FilePath;
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // Owner read/write only from the first byte; written whole under a temporary name, then moved into place
            // without overwriting, so two commands creating a key at once end up sharing one complete key.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, create))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(AuditKey.NewText());
            }

            try
            {
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                return (Load(file), null);
            }

            return (Load(file), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法创建审计密钥文件 {file}：{e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A key from a file (e.g. the old key of <c>review rekey</c>).</summary>
    public static AuditKey Load(string file)
    {
        var full = Path.GetFullPath(file);
        try
        {
            return AuditKey.Parse(File.ReadAllText(full), full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"无法读取审计密钥文件 {full}：{e.Message}", e);
        }
    }
}
