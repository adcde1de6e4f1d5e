using EnterpriseEval.Sdk.Model;

namespace Ganjiang.HeavyMachinery.Pay;

/// <summary>
/// A configured amount table keyed by skill-level code (<c>technician</c> …). Configuration binds into a string-keyed
/// dictionary that starts with the defaults, so a key overrides one level and the others keep their default; codes
/// only, because a Chinese key would sit beside the default code of the same level and make it ambiguous.
/// </summary>
internal static class LevelAmounts
{
    /// <summary>Parses the table; a key that is not a level code or a negative amount refuses the plug-in, by name.</summary>
    /// <param name="table">The bound dictionary.</param>
    /// <param name="setting">The option's name, for the message, e.g. <c>SkillPostWage</c>.</param>
    public static IReadOnlyDictionary<SkillLevel, decimal> Parse(IReadOnlyDictionary<string, decimal> table, string setting)
    {
        var parsed = new Dictionary<SkillLevel, decimal>();
        foreach (var (key, amount) in table)
        {
            if (!Vocabulary.TryParse<SkillLevel>(key, out var level) || !string.Equals(level.ToCode(), key.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"配置项 Plugins:ganjiang-heavy:{setting} 的键“{key}”不是技能等级代码，应为{Vocabulary.Describe<SkillLevel>()}之一的代码");
            }

            if (amount < 0)
            {
                throw new InvalidOperationException($"配置项 Plugins:ganjiang-heavy:{setting}:{key} 不能为负数，当前为{amount}");
            }

            parsed[level] = amount;
        }

        return parsed;
    }
}
