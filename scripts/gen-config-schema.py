#!/usr/bin/env python3
"""Writes the compact configuration schemas the emulator validates against
(schemas/config/<family>-<release>.json.gz) from Juniper's published YANG
(github.com/Juniper/yang), read from a bare git mirror. Only structure, value
types, choice/case membership, the POSIX patterns that translate to JavaScript
with certainty and the `junos:must` expressions of a small certain grammar are
kept (compiled, with their messages): no descriptions. The YANG itself is
never copied into the project.

Usage: scripts/gen-config-schema.py [MIRROR] [OUTDIR]
Format: docs/config-schema.md.
"""
import gzip
import hashlib
import json
import re
import subprocess
import sys

sys.path.insert(0, __import__('os').path.dirname(__file__))
from schema_constraints import NotCertain, compile_must, message_text, pattern_of, yang_unescape  # noqa: E402

MIRROR = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/Juniper+yang/repo'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'schemas/config'

# (schema id, directory holding the family's conf/*.yang). The oldest release
# whose configuration YANG the mirror has whole is 17.4R1 (14.2, 16.x and
# 17.1's single configuration.yang are over the mirror's 4 MiB file limit).
# The `conf-with-extensions` directory is the same YANG plus Junos's
# extensions (junos:must, junos:posix-pattern...); a module the mirror lacks
# there (over its file limit) is read from the plain directory instead.
SOURCES = [
    ('junos-17.4R1', '17.4/17.4R1/junos/conf-with-extensions', '17.4/17.4R1/junos/conf'),
    ('junos-es-17.4R1', '17.4/17.4R1/junos-es/conf-with-extensions', '17.4/17.4R1/junos-es/conf'),
    ('junos-ex-17.4R1', '17.4/17.4R1/junos-ex/conf-with-extensions', '17.4/17.4R1/junos-ex/conf'),
    ('junos-18.2R1', '18.2/18.2R1/junos/conf-with-extensions', '18.2/18.2R1/junos/conf'),
    ('junos-18.4R1', '18.4/18.4R1/junos/conf-with-extensions', '18.4/18.4R1/junos/conf'),
    ('junos-19.2R1', '19.2/19.2R1/junos/conf-with-extensions', '19.2/19.2R1/junos/conf'),
    ('junos-19.4R1', '19.4/19.4R1/junos/conf-with-extensions', '19.4/19.4R1/junos/conf'),
    ('junos-20.4R1', '20.4/20.4R1/junos/conf-with-extensions', '20.4/20.4R1/junos/conf'),
    ('junos-21.4R1', '21.4/21.4R1/junos/conf-with-extensions', '21.4/21.4R1/junos/conf'),
    ('junos-23.4R1', '23.4/23.4R1/native/conf-and-rpcs/junos/conf-with-extensions/models', '23.4/23.4R1/native/conf-and-rpcs/junos/conf/models'),
]
FORMAT = 2

TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([{};+])|([^\s{};"\']+)', re.S)


def git(*args):
    return subprocess.run(['git', '-C', MIRROR, *args], check=True, capture_output=True).stdout


def git_maybe(*args):
    r = subprocess.run(['git', '-C', MIRROR, *args], capture_output=True)
    return r.stdout if r.returncode == 0 else None


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        if m.group(1) is not None:
            out.append(('s', yang_unescape(m.group(1))))
        elif m.group(2) is not None:
            out.append(('s', m.group(2)))
        elif m.group(3) is not None:
            out.append(('p', m.group(3)))
        elif m.group(4) is not None:
            out.append(('s', m.group(4)))
    return out


def parse(text):
    """YANG statements as (keyword, argument, substatements)."""
    toks = tokens(text)
    pos = 0
    root = []
    stack = [root]
    while pos < len(toks):
        kind, v = toks[pos]
        if kind == 'p' and v == '}':
            stack.pop()
            pos += 1
            continue
        keyword = v
        pos += 1
        arg = None
        while pos < len(toks) and toks[pos][0] == 's':
            part = toks[pos][1]
            arg = part if arg is None else arg + part
            pos += 1
            if pos < len(toks) and toks[pos] == ('p', '+'):
                pos += 1
        end = toks[pos][1]
        pos += 1
        stmt = (keyword, arg, [])
        stack[-1].append(stmt)
        if end == '{':
            stack.append(stmt[2])
    return root


def sub(stmt, keyword):
    for s in stmt[2]:
        if s[0] == keyword:
            return s
    return None


INT_TYPES = {'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'}
WILDCARD = '<.*>|$.*'


def ranges(arg):
    out = []
    for part in arg.split('|'):
        bounds = [b.strip() for b in part.split('..')]
        lo, hi = bounds[0], bounds[-1]
        out.append([lo, hi])
    return out


class Builder:
    def __init__(self):
        self.types = []
        self.type_ix = {}
        self.groupings = []
        self.grouping_ix = {}
        self.modules = {}
        self.musts = []
        self.structural = {}  # grouping id -> structural digest
        self.extended = {}  # structural digest -> grouping id, of modules read with extensions
        self.must_ix = {}
        # Counts for docs/config-schema.md: kept and left out, per kind.
        self.stats = {'patterns': 0, 'patterns_skipped': 0, 'musts': 0, 'musts_skipped': 0, 'enum_musts_skipped': 0, 'choices': 0}

    def type_id(self, t):
        k = json.dumps(t, separators=(',', ':'))
        if k not in self.type_ix:
            self.type_ix[k] = len(self.types)
            self.types.append(t)
        return self.type_ix[k]

    def type_of(self, stmt, module):
        name = stmt[1]
        base = name.split(':')[-1]
        if name == 'union':
            members = [self.type_of(s, module) for s in stmt[2] if s[0] == 'type']
            return self.type_id(['U', members])
        if name == 'enumeration':
            self.stats['enum_musts_skipped'] += sum(1 for e in stmt[2] if e[0] == 'enum' for x in e[2] if x[0] == 'junos:must')
            return self.type_id(['E', [s[1] for s in stmt[2] if s[0] == 'enum']])
        if name in INT_TYPES:
            r = sub(stmt, 'range')
            return self.type_id(['i', name, ranges(r[1]) if r else []])
        if name == 'empty':
            return self.type_id(['e'])
        if name == 'boolean':
            return self.type_id(['b'])
        if name == 'decimal64':
            return self.type_id(['d'])
        if name == 'string':
            p = sub(stmt, 'pattern')
            if p and p[1] == WILDCARD:
                return self.type_id(['w'])
            ln = sub(stmt, 'length')
            posix = sub(stmt, 'junos:posix-pattern')
            pat = None
            if posix is not None:
                msg = sub(stmt, 'junos:pattern-message')
                pat = pattern_of(posix[1], msg[1] if msg else None)
                self.stats['patterns' if pat else 'patterns_skipped'] += 1
            if pat:
                return self.type_id(['s', ranges(ln[1]) if ln else [], pat])
            return self.type_id(['s', ranges(ln[1])] if ln else ['s'])
        local = module['typedefs'].get(name) if ':' not in name else None
        if local is not None:
            return self.type_of(sub(local, 'type'), module)
        # junos-common-types (jt:...) are all plain strings.
        return self.type_id(['s'])

    def must_ids(self, stmt):
        """The node's junos:must constraints kept (indexes into `musts`): certain grammar, with a message."""
        ids = []
        subs = stmt[2]
        for j, m in enumerate(subs):
            if m[0] != 'junos:must':
                continue
            msg = subs[j + 1][1] if j + 1 < len(subs) and subs[j + 1][0] == 'junos:must-message' else None
            try:
                if msg is None:
                    raise NotCertain('no message')
                tree = compile_must(m[1])
            except NotCertain:
                self.stats['musts_skipped'] += 1
                continue
            self.stats['musts'] += 1
            msg = message_text(msg)
            k = json.dumps([tree, msg], separators=(',', ':'))
            if k not in self.must_ix:
                self.must_ix[k] = len(self.musts)
                self.musts.append([tree, msg])
            i = self.must_ix[k]
            if i not in ids:
                ids.append(i)
        return ids

    def children(self, stmts, module):
        out = []
        for s in stmts:
            k = s[0]
            node = None
            if k == 'container':
                node = [0, s[1], self.children(s[2], module), 1 if sub(s, 'presence') else 0]
            elif k == 'list':
                key = sub(s, 'key')
                node = [1, s[1], key[1] if key else 'name', self.children(s[2], module)]
            elif k == 'leaf':
                m = sub(s, 'mandatory')
                node = [2, s[1], self.type_of(sub(s, 'type'), module), 1 if m and m[1] == 'true' else 0]
            elif k == 'leaf-list':
                node = [3, s[1], self.type_of(sub(s, 'type'), module)]
            elif k == 'choice':
                # [5, cases]: each case's nodes; a node straight under the choice is a case of its own.
                cases = []
                for c in s[2]:
                    if c[0] == 'case':
                        cases.append(self.children(c[2], module))
                    elif c[0] in ('container', 'list', 'leaf', 'leaf-list', 'choice', 'uses'):
                        cases.append(self.children([c], module))
                self.stats['choices'] += 1
                out.append([5, cases])
            elif k == 'case':
                out.extend(self.children(s[2], module))
            elif k == 'uses':
                out.append([4, self.grouping_id(s[1], module)])
            if node is not None:
                ids = self.must_ids(s)
                if ids:
                    node.append(ids)
                out.append(node)
        return out

    def canon_type(self, tid):
        """A type without its kept pattern: how the plain YANG (no extensions) would have it."""
        t = self.types[tid]
        if t[0] == 's':
            return ['s', t[1] if len(t) > 1 else []]
        if t[0] == 'U':
            return ['U', [self.canon_type(m) for m in t[1]]]
        return t

    def structure(self, nodes):
        """Nodes without constraints, groupings by their structure: to match a plain module's grouping to its extended twin."""
        out = []
        for n in nodes:
            k = n[0]
            if k == 0:
                out.append([0, n[1], self.structure(n[2]), n[3]])
            elif k == 1:
                out.append([1, n[1], n[2], self.structure(n[3])])
            elif k == 2:
                out.append([2, n[1], self.canon_type(n[2]), n[3]])
            elif k == 3:
                out.append([3, n[1], self.canon_type(n[2])])
            elif k == 4:
                out.append([4, self.structural[n[1]]])
            else:
                out.append([5, [self.structure(c) for c in n[1]]])
        return out

    def grouping_id(self, ref, module):
        if ':' in ref:
            prefix, name = ref.split(':', 1)
            target = self.modules[module['imports'][prefix]]
        else:
            name = ref
            target = module
        key = (target['name'], name)
        if key not in self.grouping_ix:
            self.grouping_ix[key] = None  # a grouping never uses itself in these files
            body = self.children(target['groupings'][name][2], target)
            sd = hashlib.sha1(json.dumps(self.structure(body), separators=(',', ':')).encode()).hexdigest()
            twin = self.extended.get(sd) if target.get('plain') else None
            if twin is not None:
                # A module read without extensions: its grouping is the extended one's twin; use that.
                self.grouping_ix[key] = twin
                return twin
            digest = hashlib.sha1(json.dumps(body, separators=(',', ':')).encode()).hexdigest()
            same = self.grouping_ix.get(digest)
            if same is None:
                same = len(self.groupings)
                self.groupings.append(body)
                self.grouping_ix[digest] = same
                self.structural[same] = sd
            if not target.get('plain'):
                self.extended.setdefault(sd, same)
            self.grouping_ix[key] = same
        return self.grouping_ix[key]


def load_modules(directory, plain):
    names = git('ls-tree', '--name-only', 'HEAD', directory + '/').decode().split()
    modules = {}
    for path in names:
        if not path.endswith('.yang'):
            continue
        text = git_maybe('show', 'HEAD:' + path)
        plain_module = text is None
        if text is None:
            fallback = plain + path[len(directory):]
            print('  ', path, 'is not in the mirror; read', fallback, '(no extensions)')
            text = git('show', 'HEAD:' + fallback)
        stmts = parse(text.decode())
        mod = stmts[0]
        m = {
            'name': mod[1],
            'stmt': mod,
            'imports': {sub(s, 'prefix')[1]: s[1] for s in mod[2] if s[0] == 'import'},
            'groupings': {s[1]: s for s in mod[2] if s[0] == 'grouping'},
            'typedefs': {s[1]: s for s in mod[2] if s[0] == 'typedef'},
            'plain': plain_module,
        }
        modules[m['name']] = m
    return modules


def build(directory, plain):
    b = Builder()
    b.modules = load_modules(directory, plain)
    root_mod = next(m for m in b.modules.values() if m['name'].endswith('conf-root'))
    conf = sub(root_mod['stmt'], 'container')
    root = [0, 'configuration', b.children(conf[2], root_mod), 0]
    groups = next(n for n in root[2] if n[0] == 1 and n[1] == 'groups')
    augments = [(m, s) for m in sorted(b.modules.values(), key=lambda m: m['name']) for s in m['stmt'][2] if s[0] == 'augment']
    # Modules read with extensions first, so a plain module's groupings find their extended twins.
    built = {}
    for j, (m, s) in sorted(enumerate(augments), key=lambda e: e[1][0]['plain']):
        built[j] = b.children(s[2], m)
    for j, (m, s) in enumerate(augments):
        target = [p.split(':')[-1] for p in s[1].strip('/').split('/')]
        node = groups if target == ['configuration', 'groups'] else root if target == ['configuration'] else None
        if node is None:
            raise SystemExit(f'unexpected augment {s[1]} in {m["name"]}')
        node[3 if node[0] == 1 else 2].extend(built[j])
    return {'format': FORMAT, 'types': b.types, 'groupings': b.groupings, 'musts': b.musts, 'root': root}, b.stats


def check_patterns(schema):
    """Every kept pattern must compile as a JavaScript `su` regexp (the emulator's flags)."""
    pats = [t[2][0] for t in schema['types'] if t[0] == 's' and len(t) > 2]
    script = 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")); for (const s of p) new RegExp(s, "su");'
    subprocess.run(['node', '-e', script], input=json.dumps(pats).encode(), check=True)


def data_gz(data):
    return gzip.compress(data, 9, mtime=0)


def main():
    import os
    os.makedirs(OUT, exist_ok=True)
    only = os.environ.get('ONLY')
    for sid, directory, plain in SOURCES:
        if only and sid != only:
            continue
        schema, stats = build(directory, plain)
        check_patterns(schema)
        schema['id'] = sid
        schema['source'] = 'github.com/Juniper/yang ' + directory
        data = json.dumps(schema, separators=(',', ':')).encode()
        with open(f'{OUT}/{sid}.json.gz', 'wb') as f:
            f.write(data_gz(data))
        print(sid, len(data), 'bytes of JSON,', len(schema['groupings']), 'groupings,', len(schema['types']), 'types', len(data_gz(data)), 'gzip bytes')
        print('  ', json.dumps(stats))


if __name__ == '__main__':
    main()
