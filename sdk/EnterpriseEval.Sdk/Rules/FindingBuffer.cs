using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using EnterpriseEval.Sdk.Screening;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// The findings of one decision while its rules run: kept on the stack, then copied into an array of exactly their
/// number for the <see cref="Decision"/>. No path adds more than <see cref="Capacity"/>; one that did would be a bug
/// and fails loudly.
/// </summary>
internal struct FindingBuffer
{
    /// <summary>The most findings a statutory decision gets (the green channel's: honour, frontline, level, R4 twice, R6).</summary>
    internal const int Capacity = 8;

    private Items _items;
    private int _count;

    internal readonly int Count => _count;

    internal void Add(Finding finding)
    {
        if (_count == Capacity)
        {
            throw new InvalidOperationException($"A statutory decision has more than {Capacity} findings.");
        }

        _items[_count++] = finding;
    }

    /// <summary>The findings added so far.</summary>
    [UnscopedRef]
    internal ReadOnlySpan<Finding> AsSpan() => ((ReadOnlySpan<Finding>)_items)[.._count];

    /// <summary>A new array with the findings added so far.</summary>
    internal Finding[] ToArray()
    {
        var array = new Finding[_count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = _items[i];
        }

        return array;
    }

    [InlineArray(Capacity)]
    private struct Items
    {
        private Finding _element;
    }
}
