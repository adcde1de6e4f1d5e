using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EnterpriseEval.Sdk.Rules;

/// <summary>
/// A few items collected on the stack while one employee or one decision is screened — the findings of a decision,
/// the targets of a path, the decisions of an employee — then copied into an array of exactly their number. None
/// of them exceeds <see cref="Capacity"/>; one that did would be a bug in a path and fails loudly.
/// </summary>
internal struct StackList<T>
{
    /// <summary>
    /// The most items: a green-channel decision has at most seven findings (honour, skill level, frontline, level, R4 twice, R6), an
    /// employee without applications at most seven decisions (three rungs, two green-channel levels, one on each skill
    /// path).
    /// </summary>
    internal const int Capacity = 8;

    private Items _items;
    private int _count;

    internal readonly int Count => _count;

    internal void Add(T item)
    {
        if (_count == Capacity)
        {
            throw new InvalidOperationException($"More than {Capacity} {typeof(T).Name} items for one employee or decision.");
        }

        _items[_count++] = item;
    }

    /// <summary>Forgets the items, to collect again.</summary>
    internal void Clear()
    {
        ((Span<T>)_items)[.._count].Clear();
        _count = 0;
    }

    /// <summary>The items added so far.</summary>
    [UnscopedRef]
    internal ReadOnlySpan<T> AsSpan() => ((ReadOnlySpan<T>)_items)[.._count];

    /// <summary>A new array with the items added so far.</summary>
    internal T[] ToArray()
    {
        if (_count == 0)
        {
            return [];
        }

        var array = new T[_count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = _items[i];
        }

        return array;
    }

    [InlineArray(Capacity)]
    private struct Items
    {
        private T _element;
    }
}
