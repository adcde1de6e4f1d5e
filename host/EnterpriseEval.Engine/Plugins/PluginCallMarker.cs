using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using System.Text;

namespace EnterpriseEval.Engine.Plugins;

/// <summary>
/// Which plug-in the current thread is calling into, kept where the parent process can read it after the worker died
/// (docs/plugins.md, "Process isolation"): a file of one 32-bit slot per thread, mapped into the worker, written with
/// <see cref="Volatile.Write(ref int, int)"/> around every call into plug-in code. A stack overflow or an
/// <c>Environment.Exit</c> leaves no managed trace; the slot still names the plug-in. Outside a worker every call is a
/// no-op (one static read).
/// </summary>
/// <remarks>
/// Call sites: <c>using var _ = PluginCallMarker.Enter(plugin.Marker);</c> around the call. Plug-in numbers come from
/// <see cref="Register"/>; their ids are appended to a names file in the same channel folder.
/// </remarks>
internal static unsafe class PluginCallMarker
{
    /// <summary>Slots in the marker file; a thread beyond them shares the last one.</summary>
    public const int Slots = 1024;

    /// <summary>
    /// Ints from one slot to the next: a slot per 64-byte cache line, so screening threads marking their calls on
    /// different cores never contend for one line (false sharing cost ~0.1 µs a call on a 100,000-employee run).
    /// </summary>
    public const int SlotStride = 16;

    /// <summary>Size of the marker file in bytes.</summary>
    public const int FileSize = Slots * SlotStride * sizeof(int);

    /// <summary>The file of slots in the channel folder.</summary>
    public const string MarkerFile = "marker";

    /// <summary>The plug-in ids in the channel folder, one a line, line n naming plug-in number n.</summary>
    public const string NamesFile = "plugins";

    private static readonly Lock Gate = new();
    private static readonly List<string> Names = [];

    [ThreadStatic]
    private static string? t_lastId;

    [ThreadStatic]
    private static int t_lastNumber;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<AssemblyLoadContext, StrongBox<int>> Contexts = [];
    private static MemoryMappedFile? s_file;
    private static MemoryMappedViewAccessor? s_view;
    private static int* s_slots;
    private static string? s_names;
    private static int s_nextSlot;

    [ThreadStatic]
    private static int t_slot;

    /// <summary>Whether this process is a worker whose calls are marked.</summary>
    public static bool Attached => s_slots != null;

    /// <summary>Maps the marker file of <paramref name="channel"/> (created by the parent) into this process.</summary>
    public static void Attach(string channel)
    {
        // Mapped for the life of the process: the view is held in static fields and never released.
        s_file = MemoryMappedFile.CreateFromFile(Path.Combine(channel, MarkerFile), FileMode.Open, null, FileSize, MemoryMappedFileAccess.ReadWrite);
        var view = s_view = s_file.CreateViewAccessor(0, FileSize, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        s_names = Path.Combine(channel, NamesFile);
        s_slots = (int*)(pointer + view.PointerOffset);
    }

    /// <summary>
    /// The number of plug-in <paramref name="id"/> (the same number again for the same id, e.g. after a reload), and the
    /// load context its code runs in, so an exception's stack can be traced back to it.
    /// </summary>
    public static int Register(string id, Assembly? assembly = null)
    {
        lock (Gate)
        {
            var index = Names.IndexOf(id) + 1;
            if (index == 0)
            {
                Names.Add(id);
                index = Names.Count;
                Numbers[id] = index;
                if (s_names is not null)
                {
                    File.AppendAllText(s_names, id.ReplaceLineEndings(" ") + "\n", Encoding.UTF8);
                }
            }

            if (assembly is not null && AssemblyLoadContext.GetLoadContext(assembly) is { } context && context != AssemblyLoadContext.Default)
            {
                Contexts.AddOrUpdate(context, new StrongBox<int>(index));
            }

            return index;
        }
    }

    /// <summary>
    /// Marks the current thread as running the plug-in with id <paramref name="id"/> (as <see cref="Enter(int)"/>), for
    /// calls that know the plug-in only by its id (<see cref="PluginCall"/>): nothing outside a worker, and nothing for
    /// an id never registered.
    /// </summary>
    public static Scope Enter(string id)
    {
        if (s_slots == null)
        {
            return default;
        }

        // A run calls the same few plug-ins millions of times with the same id string: the last one is kept per thread,
        // so the hot path (criteria during screening) compares a reference instead of hashing the id.
        // Only a found number is kept: an id looked up before its plug-in registered is looked up again next time.
        if (!ReferenceEquals(id, t_lastId))
        {
            if (!Numbers.TryGetValue(id, out var number))
            {
                return default;
            }

            (t_lastId, t_lastNumber) = (id, number);
        }

        return Enter(t_lastNumber);
    }

    /// <summary>Marks the current thread as running plug-in <paramref name="plugin"/> until the scope is disposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scope Enter(int plugin)
    {
        var slots = s_slots;
        if (slots == null)
        {
            return default;
        }

        var slot = slots + SlotOfThread();
        var previous = Volatile.Read(ref *slot);
        Volatile.Write(ref *slot, plugin);
        return new Scope(slot, previous);
    }

    /// <summary>How long <see cref="Bounded"/> waits in a worker before it calls <see cref="Hung"/>.</summary>
    public static TimeSpan BoundedLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Set by the worker: told the plug-in id and member of a call past <see cref="BoundedLimit"/>; it ends the worker.</summary>
    public static Action<string, string>? Hung { get; set; }

    /// <summary>
    /// Runs <paramref name="call"/> into plug-in <paramref name="plugin"/>, marked. In a worker the call runs on a
    /// background thread under <see cref="BoundedLimit"/>: one that never returns (a hanging Dispose) is reported
    /// through <see cref="Hung"/>, which ends the process. Outside a worker it simply runs.
    /// </summary>
    public static void Bounded(int plugin, string member, Action call)
    {
        if (s_slots == null || Hung is not { } hung)
        {
            call();
            return;
        }

        Exception? failure = null;
        var thread = new Thread(() =>
        {
            using var marked = Enter(plugin);
            try
            {
                call();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = $"plugin {member}",
        };
        thread.Start();
        if (!thread.Join(BoundedLimit))
        {
            hung(NameOf(plugin) ?? $"#{plugin}", member);
            thread.Join();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>The plug-in the current thread is marked as running, if any.</summary>
    public static string? Current
    {
        get
        {
            var slots = s_slots;
            return slots == null ? null : NameOf(Volatile.Read(ref slots[SlotOfThread()]));
        }
    }

    /// <summary>The innermost plug-in whose code is on <paramref name="trace"/> (found by its load context).</summary>
    public static string? OnStack(StackTrace trace)
    {
        foreach (var frame in trace.GetFrames())
        {
            if (frame.GetMethod()?.Module.Assembly is { } assembly
                && AssemblyLoadContext.GetLoadContext(assembly) is { } context
                && Contexts.TryGetValue(context, out var index))
            {
                return NameOf(index.Value);
            }
        }

        return null;
    }

    /// <summary>The plug-in an exception came from: its own stack first, then its inner exceptions'.</summary>
    public static string? Thrower(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (OnStack(new StackTrace(e, fNeedFileInfo: false)) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string? NameOf(int index)
    {
        lock (Gate)
        {
            return index > 0 && index <= Names.Count ? Names[index - 1] : null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOfThread()
    {
        var slot = t_slot;
        if (slot == 0)
        {
            slot = t_slot = Math.Min(Interlocked.Increment(ref s_nextSlot), Slots);
        }

        return (slot - 1) * SlotStride;
    }

    /// <summary>Restores the thread's previous mark.</summary>
    public readonly ref struct Scope
    {
        private readonly int* _slot;
        private readonly int _previous;

        internal Scope(int* slot, int previous)
        {
            _slot = slot;
            _previous = previous;
        }

        public void Dispose()
        {
            if (_slot != null)
            {
                Volatile.Write(ref *_slot, _previous);
            }
        }
    }
}
