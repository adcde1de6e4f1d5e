using EnterpriseEval.Sdk.Documents;
using Scriban.Syntax;

namespace EnterpriseEval.Engine.Documents;

/// <summary>
/// Where in the markup each <c>{{ … }}</c> of a template prints, found at load (docs/security.md, "Templates"). Escaping
/// a value is enough only in text and in quoted ordinary attributes; in a link (<c>href</c>, <c>src</c> …), an event
/// handler (<c>onclick</c>), a style, an unquoted attribute, a tag itself or a <c>&lt;script&gt;</c>/<c>&lt;style&gt;</c>
/// element a roster value could run code or open a link, so a template that prints there is refused. In Markdown, a value
/// inside a link target <c>](…)</c> and any attribute of inline HTML are refused as well (the Markdown escaper does not
/// escape quotes).
/// </summary>
internal static class OutputContexts
{
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "background", "cite", "data", "poster", "srcset", "xlink:href", "ping",
        "codebase", "manifest", "longdesc", "usemap", "lowsrc", "dynsrc", "archive", "classid", "profile", "icon",
    };

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noscript", "template"];

    private enum State
    {
        Data,
        TagName,
        InTag,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        AttributeValueDouble,
        AttributeValueSingle,
        AttributeValueUnquoted,
        Comment,
        RawText,
        LinkTarget,
    }

    /// <summary>Each statement that prints into a context where escaping is not enough, with the reason (Chinese).</summary>
    internal static IEnumerable<(ScriptNode Node, string Problem)> Check(ScriptNode? page, DocumentFormat format)
    {
        var nodes = new List<ScriptNode>();
        Collect(page, nodes);
        nodes.Sort((a, b) => a.Span.Start.Offset.CompareTo(b.Span.Start.Offset));

        var scanner = new Scanner(format);
        foreach (var node in nodes)
        {
            if (node is ScriptRawStatement raw)
            {
                scanner.Feed(raw.Text.ToString());
            }
            else if (scanner.Problem() is { } problem)
            {
                yield return (node, problem);
            }
        }
    }

    // Raw text, and the statements that print a value (not assignments, not includes of the plug-in's own files).
    private static void Collect(ScriptNode? node, List<ScriptNode> into)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptRawStatement:
                into.Add(node);
                return;
            case ScriptExpressionStatement { Expression: ScriptAssignExpression }:
                return;
            case ScriptExpressionStatement { Expression: ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" } } }:
                return;
            case ScriptExpressionStatement:
                into.Add(node);
                return;
        }

        foreach (var child in node.Children)
        {
            Collect(child, into);
        }
    }

    private sealed class Scanner(DocumentFormat format)
    {
        private State _state = State.Data;
        private string _tag = "";
        private bool _closing;
        private string _attribute = "";
        private string _rawText = "";
        private char _previous;
        private char _beforePrevious;

        public string? Problem() => _state switch
        {
            State.Data when _previous == '<' => "不能把数据输出为标签名",
            State.Data or State.Comment => null,
            State.LinkTarget => "不能在 Markdown 链接地址“](…)”中输出数据：数据可能是一个可执行的链接",
            State.AttributeValueDouble or State.AttributeValueSingle when format == DocumentFormat.Markdown =>
                $"Markdown 模板中不能在 HTML 属性（{_attribute}）中输出数据",
            State.AttributeValueDouble or State.AttributeValueSingle when IsDangerous(_attribute) =>
                $"不能在链接、事件或样式属性（{_attribute}）中输出数据：数据可能成为可执行的脚本或链接",
            State.AttributeValueDouble or State.AttributeValueSingle => null,
            State.BeforeAttributeValue or State.AttributeValueUnquoted => $"属性 {_attribute} 的值须用引号括起来才能在其中输出数据",
            State.RawText => $"不能在 <{_rawText}> 元素中输出数据",
            _ => "不能在标签内（属性名的位置）输出数据",
        };

        public void Feed(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                Step(text, i);
                _beforePrevious = _previous;
                _previous = text[i];
            }
        }

        private static bool IsDangerous(string attribute) =>
            UrlAttributes.Contains(attribute) || attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            || attribute.Equals("style", StringComparison.OrdinalIgnoreCase);

        private void Step(string text, int i)
        {
            var c = text[i];
            switch (_state)
            {
                case State.Data:
                    if (c == '<' && i + 3 < text.Length && text.AsSpan(i, 4).SequenceEqual("<!--"))
                    {
                        _state = State.Comment;
                    }
                    else if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/'))
                    {
                        _state = State.TagName;
                        _tag = "";
                        _closing = text[i + 1] == '/';
                    }
                    else if (format == DocumentFormat.Markdown && c == '(' && _previous == ']')
                    {
                        _state = State.LinkTarget;
                    }

                    break;
                case State.LinkTarget:
                    if (c is ')' or ' ' or '\n')
                    {
                        _state = State.Data;
                    }

                    break;
                case State.Comment:
                    if (c == '>' && _previous == '-' && _beforePrevious == '-')
                    {
                        _state = State.Data;
                    }

                    break;
                case State.RawText:
                    if (c == '<' && i + 1 + _rawText.Length < text.Length && text[i + 1] == '/'
                        && text.AsSpan(i + 2, _rawText.Length).Equals(_rawText, StringComparison.OrdinalIgnoreCase))
                    {
                        _state = State.TagName;
                        _tag = "";
                        _closing = true;
                    }

                    break;
                case State.TagName:
                    if (c == '/' && _tag.Length == 0)
                    {
                        break;
                    }

                    if (char.IsWhiteSpace(c) || c == '/')
                    {
                        _state = State.InTag;
                    }
                    else if (c == '>')
                    {
                        EndTag();
                    }
                    else
                    {
                        _tag += c;
                    }

                    break;
                case State.InTag:
                case State.AfterAttributeName:
                    if (c == '>')
                    {
                        EndTag();
                    }
                    else if (c == '=' && _state == State.AfterAttributeName)
                    {
                        _state = State.BeforeAttributeValue;
                    }
                    else if (!char.IsWhiteSpace(c) && c != '/')
                    {
                        _state = State.AttributeName;
                        _attribute = c.ToString();
                    }

                    break;
                case State.AttributeName:
                    if (c == '=')
                    {
                        _state = State.BeforeAttributeValue;
                    }
                    else if (c == '>')
                    {
                        EndTag();
                    }
                    else if (char.IsWhiteSpace(c))
                    {
                        _state = State.AfterAttributeName;
                    }
                    else
                    {
                        _attribute += c;
                    }

                    break;
                case State.BeforeAttributeValue:
                    _state = c switch
                    {
                        '"' => State.AttributeValueDouble,
                        '\'' => State.AttributeValueSingle,
                        '>' => EndTag(),
                        _ when char.IsWhiteSpace(c) => State.BeforeAttributeValue,
                        _ => State.AttributeValueUnquoted,
                    };
                    break;
                case State.AttributeValueDouble:
                    _state = c == '"' ? State.InTag : _state;
                    break;
                case State.AttributeValueSingle:
                    _state = c == '\'' ? State.InTag : _state;
                    break;
                case State.AttributeValueUnquoted:
                    if (c == '>')
                    {
                        EndTag();
                    }
                    else if (char.IsWhiteSpace(c))
                    {
                        _state = State.InTag;
                    }

                    break;
            }
        }

        private State EndTag()
        {
            var raw = !_closing ? Array.Find(RawTextElements, e => e.Equals(_tag, StringComparison.OrdinalIgnoreCase)) : null;
            _rawText = raw ?? "";
            _state = raw is null ? State.Data : State.RawText;
            return _state;
        }
    }
}
