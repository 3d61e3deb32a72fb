using System.Text;

namespace EsRuntime.Modules;

/// <summary>
/// Rewrites each dynamic <c>import(</c> into a call of a module-local function so that it goes through
/// our import op (ClearScript's native dynamic import resolves before top-level await settles and does
/// not reject when the module throws). The replacement keeps every line and column in place: the
/// keyword becomes an identifier of the same length and the helper is appended to the last line of
/// code (before a trailing line comment), so no stack frame names a line past the end of the file.
/// A call V8 itself would reject — <c>import()</c>, a spread, more than two arguments — is left as
/// written, so V8 reports the SyntaxError.
/// </summary>
internal static class DynamicImportRewriter
{
    public const string HelperName = "__dyni";

    public static string Rewrite(string source)
    {
        if (!source.Contains("import", StringComparison.Ordinal)) return source;
        StringBuilder? output = null;
        var scanner = new Scanner(source);
        foreach (var position in scanner.DynamicImports())
        {
            output ??= new StringBuilder(source);
            output.Remove(position, 6).Insert(position, HelperName);
        }
        if (output is null) return source;
        output.Insert(scanner.EndOfCode(), ";function " + HelperName + "(s,o){return globalThis.__esrun_import(s,import.meta.url,o)}");
        return output.ToString();
    }

    /// <summary>A minimal JS tokenizer: enough to skip strings, templates, comments and regex literals.</summary>
    private sealed class Scanner(string text)
    {
        private readonly string _s = text;
        private int _i;
        private char _lastSignificant = '\0';
        private string _lastWord = "";
        private int _depth;
        private readonly Stack<int> _templateBraces = new();
        private char _beforeWord;
        private (int Start, int End) _lastLineComment = (-1, -1);

        public IEnumerable<int> DynamicImports()
        {
            var found = new List<int>();
            while (NextToken(out var start) != '\0')
            {
                if (_lastSignificant == 'a' && _lastWord == "import" && _beforeWord != '.' && NextNonSpace() == '(' &&
                    !IsMethodDefinition() && ArgumentCount() is 1 or 2)
                    found.Add(start);
            }
            return found;
        }

        /// <summary>
        /// Where to append code so that it stays on the last line of code: after its last character, or
        /// before the line comment that ends it. Call after <see cref="DynamicImports"/>.
        /// </summary>
        public int EndOfCode()
        {
            var end = _s.Length;
            while (end > 0 && IsSpace(_s[end - 1])) end--;
            return _lastLineComment.Start >= 0 && _lastLineComment.Start < end && _lastLineComment.End >= end ? _lastLineComment.Start : end;
        }

        /// <summary>
        /// Advances past one token, skipping spaces and comments, and returns its kind: 'a' for a word,
        /// '0' for a number, a quote for a string or template, '/' for a regex, else the punctuator
        /// character; '\0' at the end of the text.
        /// </summary>
        private char NextToken(out int start)
        {
            while (_i < _s.Length)
            {
                var c = _s[_i];
                start = _i;
                if (IsSpace(c)) { _i++; continue; }
                if (c == '/' && Peek(1) == '/') { SkipLine(); continue; }
                if (c == '/' && Peek(1) == '*') { var end = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal); _i = end < 0 ? _s.Length : end + 2; continue; }
                if (c is '"' or '\'') { SkipString(c); Mark(c); return c; }
                if (c == '`') { _i++; SkipTemplate(); Mark('`'); return '`'; }
                if (c == '/' && RegexAllowed()) { SkipRegex(); Mark('/'); return '/'; }
                if (c == '{') { _depth++; Mark(c); _i++; return c; }
                if (c == '}')
                {
                    if (_templateBraces.Count > 0 && _templateBraces.Peek() == _depth) { _templateBraces.Pop(); _i++; SkipTemplate(); Mark('`'); return '`'; }
                    _depth--; Mark(c); _i++; return c;
                }
                if (IsIdentStart(c))
                {
                    while (_i < _s.Length && IsIdentPart(_s[_i])) _i++;
                    _beforeWord = _lastSignificant;
                    _lastWord = _s[start.._i];
                    _lastSignificant = 'a';
                    return 'a';
                }
                if (char.IsDigit(c)) { while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] is '.' or '_')) _i++; Mark('0'); return '0'; }
                Mark(c);
                _i++;
                return c;
            }
            start = _i;
            return '\0';
        }

        /// <summary>
        /// How many arguments the call whose '(' comes next passes (a trailing comma is allowed); -1 for a
        /// spread, an empty argument or no closing parenthesis. Scans with a separate scanner.
        /// </summary>
        private int ArgumentCount()
        {
            var inner = new Scanner(_s) { _i = _s.IndexOf('(', _i) + 1, _lastSignificant = '(' };
            int depth = 0, commas = 0;
            var inArgument = false;
            while (true)
            {
                var kind = inner.NextToken(out var start);
                switch (kind)
                {
                    case '\0':
                        return -1;
                    case '(' or '[' or '{':
                        depth++;
                        break;
                    case ')' or ']' or '}':
                        if (depth-- == 0) return kind == ')' ? commas + (inArgument ? 1 : 0) : -1;
                        break;
                    case ',' when depth == 0:
                        if (!inArgument) return -1;
                        commas++;
                        inArgument = false;
                        continue;
                    case '.' when depth == 0 && !inArgument && string.CompareOrdinal(_s, start, "...", 0, 3) == 0:
                        return -1;
                }
                inArgument = true;
            }
        }

        private char Peek(int k) => _i + k < _s.Length ? _s[_i + k] : '\0';

        private void Mark(char c) { _lastSignificant = c; _lastWord = ""; }

        private char NextNonSpace()
        {
            var j = _i;
            while (j < _s.Length)
            {
                if (char.IsWhiteSpace(_s[j])) { j++; continue; }
                if (_s[j] == '/' && j + 1 < _s.Length && _s[j + 1] == '*') { var e = _s.IndexOf("*/", j + 2, StringComparison.Ordinal); if (e < 0) return '\0'; j = e + 2; continue; }
                if (_s[j] == '/' && j + 1 < _s.Length && _s[j + 1] == '/') { var e = _s.IndexOf('\n', j); if (e < 0) return '\0'; j = e; continue; }
                return _s[j];
            }
            return '\0';
        }

        /// <summary>
        /// <c>import(...) {</c> is a method named import (object literal or class body), not a dynamic
        /// import: skip to the matching parenthesis and look at what follows.
        /// </summary>
        private bool IsMethodDefinition()
        {
            var j = _s.IndexOf('(', _i);
            var depth = 0;
            for (; j < _s.Length; j++)
            {
                if (_s[j] == '(') depth++;
                else if (_s[j] == ')' && --depth == 0) break;
            }
            for (j++; j < _s.Length && char.IsWhiteSpace(_s[j]); j++) { }
            return j < _s.Length && _s[j] == '{';
        }

        private void SkipLine()
        {
            var e = _s.IndexOf('\n', _i);
            _lastLineComment = (_i, e < 0 ? _s.Length : e);
            _i = _lastLineComment.End;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\u00a0' or '\ufeff' or '\u2028' or '\u2029';

        private void SkipString(char quote)
        {
            _i++;
            while (_i < _s.Length && _s[_i] != quote && _s[_i] != '\n') _i += _s[_i] == '\\' ? 2 : 1;
            _i++;
        }

        /// <summary>Skips template text up to the closing backtick or a <c>${</c> (whose brace depth is remembered).</summary>
        private void SkipTemplate()
        {
            while (_i < _s.Length)
            {
                var c = _s[_i];
                if (c == '\\') { _i += 2; continue; }
                if (c == '`') { _i++; return; }
                if (c == '$' && Peek(1) == '{')
                {
                    _i += 2;
                    // The substitution ends at the '}' that brings the brace depth back to this value.
                    _templateBraces.Push(_depth);
                    return;
                }
                _i++;
            }
        }

        private bool RegexAllowed()
        {
            if (_lastSignificant == 'a')
                return _lastWord is "return" or "typeof" or "instanceof" or "in" or "of" or "new" or "delete" or "void" or "throw" or "case" or "do" or "else" or "yield" or "await";
            return _lastSignificant is '\0' or '(' or ',' or '=' or ':' or '[' or '!' or '&' or '|' or '?' or '{' or '}' or ';' or '+' or '-' or '*' or '%' or '<' or '>' or '~' or '^';
        }

        private void SkipRegex()
        {
            _i++;
            var inClass = false;
            while (_i < _s.Length && _s[_i] != '\n')
            {
                var c = _s[_i];
                if (c == '\\') { _i += 2; continue; }
                if (c == '[') inClass = true;
                else if (c == ']') inClass = false;
                else if (c == '/' && !inClass) { _i++; break; }
                _i++;
            }
            while (_i < _s.Length && IsIdentPart(_s[_i])) _i++;
        }

        private static bool IsIdentStart(char c) => char.IsLetter(c) || c is '_' or '$' || c > 0x7f && char.IsLetterOrDigit(c);
        private static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '\u200c' or '\u200d';
    }
}
