namespace EnterpriseEval.Engine.Documents;

/// <summary>How documents are rendered: privacy and the sandbox's limits. Configure with <c>o =&gt; o with { … }</c>.</summary>
internal sealed record DocumentRenderOptions
{
    /// <summary>The defaults: identity numbers masked, generous limits that still stop a runaway template quickly.</summary>
    public static DocumentRenderOptions Default { get; } = new();

    /// <summary>身份证号 printed as <c>360102********1234</c> (docs/documents.md); turn off only where configuration says so.</summary>
    public bool MaskIdentityNumbers { get; init; } = true;

    /// <summary>Iterations one loop may run; a publicity list of a large enterprise stays well below it.</summary>
    public int LoopLimit { get; init; } = 100_000;

    /// <summary>Nesting depth of function calls and includes.</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>
    /// Characters one document may have. A template that writes more fails with a message naming the limit instead of
    /// being cut: the publicity list of 100,000 employees is about 20 million characters, so the default leaves room.
    /// </summary>
    public int OutputLimit { get; init; } = 64_000_000;

    /// <summary>From this many documents on, a batch is rendered in parallel (output order is kept).</summary>
    public int ParallelThreshold { get; init; } = 32;
}
