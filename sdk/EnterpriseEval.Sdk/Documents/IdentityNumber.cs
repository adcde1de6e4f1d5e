namespace EnterpriseEval.Sdk.Documents;

/// <summary>Identity numbers (身份证号) as documents print them. Pure; plug-ins may use it.</summary>
public static class IdentityNumber
{
    /// <summary>
    /// Keeps the first 6 and the last 4 characters and masks the rest: <c>360102199001011234</c> →
    /// <c>360102********1234</c>. A text of 10 characters or fewer is masked entirely; empty stays empty.
    /// </summary>
    /// <param name="idNumber">The identity number as recorded.</param>
    public static string Mask(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        const int head = 6, tail = 4;
        return idNumber.Length <= head + tail
            ? new string('*', idNumber.Length)
            : string.Concat(idNumber.AsSpan(0, head), new string('*', idNumber.Length - head - tail), idNumber.AsSpan(idNumber.Length - tail));
    }
}
