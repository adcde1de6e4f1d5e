using EnterpriseEval.Sdk.Rules;

namespace EnterpriseEval.Sdk.Tests.Rules;

/// <summary>The stack buffer the paths collect findings, targets and decisions in.</summary>
public sealed class StackListTests
{
    [Fact]
    public void Holds_up_to_its_capacity_and_copies_exactly_what_was_added()
    {
        var list = new StackList<string>();
        Assert.Empty(list.ToArray());

        for (var i = 0; i < StackList<string>.Capacity; i++)
        {
            list.Add($"第{i}项");
        }

        Assert.Equal(StackList<string>.Capacity, list.Count);
        Assert.Equal(Enumerable.Range(0, StackList<string>.Capacity).Select(i => $"第{i}项"), list.ToArray());
    }

    [Fact]
    public void One_item_more_than_the_capacity_is_a_bug_and_fails_loudly()
    {
        var list = new StackList<int>();
        for (var i = 0; i < StackList<int>.Capacity; i++)
        {
            list.Add(i);
        }

        var error = Assert.Throws<InvalidOperationException>(() => list.Add(99));
        Assert.Contains("More than 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleared_it_collects_again_from_empty()
    {
        var list = new StackList<string>();
        list.Add("甲");
        list.Add("乙");
        list.Clear();
        list.Add("丙");

        Assert.Equal(["丙"], list.ToArray());
        Assert.Equal(1, list.AsSpan().Length);
    }
}
