"""The constraints gen-config-schema.py keeps from Junos's YANG extensions:
`junos:posix-pattern` translated to a JavaScript regular expression, and
`junos:must` compiled to a small tree. Anything not translated with
certainty is left out (and counted): refusing a valid value or statement is
worse than missing a bad one. What is kept: docs/config-schema.md.
"""
import re

YANG_ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}


def yang_unescape(text):
    """A double-quoted YANG string's escapes (RFC 7950 6.1.3): \\n newline, \\t tab, \\" and \\\\; others stay as written."""
    return re.sub(r'\\(.)', lambda m: YANG_ESCAPES.get(m.group(1), '\\' + m.group(1)), text, flags=re.S)


# POSIX classes in the C locale, as JavaScript class contents (ASCII only).
POSIX_CLASSES = {
    'alnum': '0-9A-Za-z',
    'alpha': 'A-Za-z',
    'digit': '0-9',
    'xdigit': '0-9A-Fa-f',
    'lower': 'a-z',
    'upper': 'A-Z',
    'space': r' \t\n\r\f\v',
    'blank': r' \t',
    'punct': r'!-\/:-@\[-`{-~',
    'print': r' -~',
    'graph': r'!-~',
    'cntrl': r'\x00-\x1f\x7f',
}

SPECIAL_OUTSIDE = set('.[]()*+?{}|^$\\')


def lit(c):
    """One literal character, written so that it means itself in a JS `u` regexp, in or out of a class."""
    o = ord(c)
    if o > 0x7f:
        return None  # non-ASCII: the C locale matches bytes, JavaScript characters
    if c.isalnum() or c in ' _':
        return c
    return '\\x%02x' % o


class Untranslatable(Exception):
    pass


def bracket(p, i):
    """A POSIX bracket expression starting after `[` at i; returns (JS class, next index)."""
    neg = False
    if i < len(p) and p[i] == '^':
        neg = True
        i += 1
    items = []
    first = True
    while True:
        if i >= len(p):
            raise Untranslatable('unterminated bracket')
        c = p[i]
        if c == ']' and not first:
            i += 1
            break
        first = False
        if c == '[' and i + 1 < len(p) and p[i + 1] in ':.=':
            kind = p[i + 1]
            end = p.find(kind + ']', i + 2)
            if end < 0 or kind != ':':
                raise Untranslatable('collating element or equivalence class')
            name = p[i + 2:end]
            if name not in POSIX_CLASSES:
                raise Untranslatable('class ' + name)
            items.append(POSIX_CLASSES[name])
            i = end + 2
            continue
        # A range a-b (a `-` first or last is literal, as in POSIX).
        if i + 2 < len(p) and p[i + 1] == '-' and p[i + 2] != ']':
            lo, hi = c, p[i + 2]
            if hi == '[' or ord(lo) > ord(hi):
                raise Untranslatable('range')
            a, b = lit(lo), lit(hi)
            if a is None or b is None:
                raise Untranslatable('non-ASCII range')
            items.append(a + '-' + b)
            i += 3
            continue
        lc = lit(c)
        if lc is None:
            raise Untranslatable('non-ASCII')
        items.append(lc)
        i += 1
    return ('[^' if neg else '[') + ''.join(items) + ']', i


def translate_ere(p):
    """A POSIX extended regular expression as JavaScript source (flags `su`), or raise Untranslatable."""
    out = []
    i = 0
    # Where a quantifier may not stand: at the start, after `(`, `|` or `^` (undefined in POSIX).
    atom_before = False
    depth = 0
    while i < len(p):
        c = p[i]
        if c == '\\':
            if i + 1 < len(p) and p[i + 1] in SPECIAL_OUTSIDE:
                out.append(lit(p[i + 1]))
                i += 2
                atom_before = True
                continue
            raise Untranslatable('escape')  # \w, \d... have no POSIX meaning
        if c == '[':
            cls, i = bracket(p, i + 1)
            out.append(cls)
            atom_before = True
            continue
        if c == '(':
            if i + 1 < len(p) and p[i + 1] in ')|*+?':
                raise Untranslatable('empty subexpression')
            out.append('(?:')
            depth += 1
            i += 1
            atom_before = False
            continue
        if c == ')':
            if depth == 0:
                raise Untranslatable('unbalanced )')
            depth -= 1
            out.append(')')
            i += 1
            atom_before = True
            continue
        if c == '|':
            if i + 1 < len(p) and p[i + 1] in '|)':
                raise Untranslatable('empty alternative')
            if i == 0:
                raise Untranslatable('empty alternative')
            out.append('|')
            i += 1
            atom_before = False
            continue
        if c in '*+?':
            if not atom_before:
                raise Untranslatable('quantifier without atom')
            if i + 1 < len(p) and p[i + 1] in '*+?{':
                raise Untranslatable('stacked quantifiers')
            out.append(c)
            i += 1
            continue
        if c == '{':
            m = re.match(r'\{(\d+)(,(\d*))?\}', p[i:])
            if not m or not atom_before:
                raise Untranslatable('brace')
            lo = int(m.group(1))
            hi = m.group(3)
            if (hi not in (None, '') and int(hi) < lo) or lo > 255 or (hi not in (None, '') and int(hi) > 255):
                raise Untranslatable('interval')
            out.append(m.group(0))
            i += len(m.group(0))
            if i < len(p) and p[i] in '*+?{':
                raise Untranslatable('stacked quantifiers')
            continue
        if c in '^$':
            out.append(c)
            i += 1
            atom_before = False if c == '^' else True
            if c == '$' and i < len(p) and p[i] in '*+?{':
                raise Untranslatable('quantified anchor')
            continue
        if c == '.':
            out.append('.')
            i += 1
            atom_before = True
            continue
        if c in '}]':
            raise Untranslatable('stray ' + c)
        lc = lit(c)
        if lc is None:
            raise Untranslatable('non-ASCII')
        out.append(lc)
        i += 1
        atom_before = True
    if depth != 0:
        raise Untranslatable('unbalanced (')
    return ''.join(out)


def message_text(message):
    """A message as Juniper wrote it: a `\\n` in it stays the two characters (it names the character, as in "excluding '\\n'")."""
    return message.replace('\n', '\\n').replace('\t', '\\t')


def pattern_of(posix, message):
    """[js source, negated 0/1, message] or None (not kept)."""
    if message is None:
        return None
    message = message_text(message)
    neg = 0
    if posix.startswith('!'):
        neg = 1
        posix = posix[1:]
    if posix == '':
        return None
    try:
        return [translate_ere(posix), neg, message]
    except Untranslatable:
        return None


# ---- junos:must ----------------------------------------------------------

MUST_TOKEN = re.compile(r'\s*(?:(\()|(\))|(!)|(&&)|(\|\|)|"((?:[^"\\]|\\.)*)"|(\S))')
WORD = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.:/-]*$')


class NotCertain(Exception):
    pass


def must_tokens(text):
    out = []
    pos = 0
    while pos < len(text):
        m = MUST_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == '':
                break
            raise NotCertain('token')
        pos = m.end()
        if m.group(7) is not None:
            raise NotCertain('bare word')  # any, unique, ...
        for k, g in zip('()!&|', m.groups()[:5]):
            if g is not None:
                out.append(k)
                break
        else:
            out.append(('path', m.group(6)))
    return out


def path_words(text):
    """The words of a quoted path: leading `..`s, then statement words, `$$` standing for the node's value."""
    words = text.split()
    if not words:
        raise NotCertain('empty path')
    seen_name = False
    for w in words:
        if w == '..':
            if seen_name:
                raise NotCertain('.. after a name')
            continue
        seen_name = True
        if w != '$$' and not WORD.match(w):
            raise NotCertain('word ' + w)
    if not seen_name:
        raise NotCertain('only ..')
    return words


def compile_must(text):
    """junos:must as ["p", words] | ["!", e] | ["&", a, b] | ["|", a, b], or raise NotCertain."""
    toks = must_tokens(text)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        t = toks[pos]
        pos += 1
        return t

    def primary():
        t = peek()
        if t is None:
            raise NotCertain('end')
        if t == '(':
            take()
            e = disj()
            if peek() != ')':
                raise NotCertain('missing )')
            take()
            return e
        if t == '!':
            take()
            return ['!', primary()]
        if isinstance(t, tuple):
            take()
            return ['p', path_words(t[1])]
        raise NotCertain('unexpected ' + str(t))

    def conj():
        e = primary()
        while peek() == '&':
            take()
            e = ['&', e, primary()]
        return e

    def disj():
        e = conj()
        while peek() == '|':
            take()
            e = ['|', e, conj()]
        return e

    e = disj()
    if pos != len(toks):
        raise NotCertain('trailing')
    return e
