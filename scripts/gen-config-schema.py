#!/usr/bin/env python3
"""Writes the compact configuration schemas the emulator validates against
(schemas/config/<family>-<release>.json.gz) from Juniper's published YANG
(github.com/Juniper/yang), read from a bare git mirror. Only structure and
value types are kept: no descriptions, no `junos:must` expressions. The YANG
itself is never copied into the project.

Usage: scripts/gen-config-schema.py [MIRROR] [OUTDIR]
Format: docs/config-schema.md.
"""
import gzip
import hashlib
import json
import re
import subprocess
import sys

MIRROR = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/Juniper+yang/repo'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'schemas/config'

# (schema id, directory holding the family's conf/*.yang). The oldest release
# whose configuration YANG the mirror has whole is 17.4R1 (14.2, 16.x and
# 17.1's single configuration.yang are over the mirror's 4 MiB file limit).
SOURCES = [
    ('junos-17.4R1', '17.4/17.4R1/junos/conf'),
    ('junos-es-17.4R1', '17.4/17.4R1/junos-es/conf'),
    ('junos-ex-17.4R1', '17.4/17.4R1/junos-ex/conf'),
    ('junos-18.4R1', '18.4/18.4R1/junos/conf'),
    ('junos-21.4R1', '21.4/21.4R1/junos/conf'),
    ('junos-23.4R1', '23.4/23.4R1/native/conf-and-rpcs/junos/conf/models'),
]

TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([{};+])|([^\s{};"\']+)', re.S)


def git(*args):
    return subprocess.run(['git', '-C', MIRROR, *args], check=True, capture_output=True).stdout


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        if m.group(1) is not None:
            out.append(('s', m.group(1).replace('\\"', '"').replace('\\\\', '\\')))
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
            return self.type_id(['s', ranges(ln[1])] if ln else ['s'])
        local = module['typedefs'].get(name) if ':' not in name else None
        if local is not None:
            return self.type_of(sub(local, 'type'), module)
        # junos-common-types (jt:...) are all plain strings.
        return self.type_id(['s'])

    def children(self, stmts, module):
        out = []
        for s in stmts:
            k = s[0]
            if k == 'container':
                out.append([0, s[1], self.children(s[2], module), 1 if sub(s, 'presence') else 0])
            elif k == 'list':
                key = sub(s, 'key')
                out.append([1, s[1], key[1] if key else 'name', self.children(s[2], module)])
            elif k == 'leaf':
                m = sub(s, 'mandatory')
                out.append([2, s[1], self.type_of(sub(s, 'type'), module), 1 if m and m[1] == 'true' else 0])
            elif k == 'leaf-list':
                out.append([3, s[1], self.type_of(sub(s, 'type'), module)])
            elif k in ('choice', 'case'):
                out.extend(self.children(s[2], module))
            elif k == 'uses':
                out.append([4, self.grouping_id(s[1], module)])
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
            digest = hashlib.sha1(json.dumps(body, separators=(',', ':')).encode()).hexdigest()
            same = self.grouping_ix.get(digest)
            if same is None:
                same = len(self.groupings)
                self.groupings.append(body)
                self.grouping_ix[digest] = same
            self.grouping_ix[key] = same
        return self.grouping_ix[key]


def load_modules(directory):
    names = git('ls-tree', '--name-only', 'HEAD', directory + '/').decode().split()
    modules = {}
    for path in names:
        if not path.endswith('.yang'):
            continue
        stmts = parse(git('show', 'HEAD:' + path).decode())
        mod = stmts[0]
        m = {
            'name': mod[1],
            'stmt': mod,
            'imports': {sub(s, 'prefix')[1]: s[1] for s in mod[2] if s[0] == 'import'},
            'groupings': {s[1]: s for s in mod[2] if s[0] == 'grouping'},
            'typedefs': {s[1]: s for s in mod[2] if s[0] == 'typedef'},
        }
        modules[m['name']] = m
    return modules


def build(directory):
    b = Builder()
    b.modules = load_modules(directory)
    root_mod = next(m for m in b.modules.values() if m['name'].endswith('conf-root'))
    conf = sub(root_mod['stmt'], 'container')
    root = [0, 'configuration', b.children(conf[2], root_mod), 0]
    groups = next(n for n in root[2] if n[0] == 1 and n[1] == 'groups')
    for m in sorted(b.modules.values(), key=lambda m: m['name']):
        for s in m['stmt'][2]:
            if s[0] != 'augment':
                continue
            target = [p.split(':')[-1] for p in s[1].strip('/').split('/')]
            node = groups if target == ['configuration', 'groups'] else root if target == ['configuration'] else None
            if node is None:
                raise SystemExit(f'unexpected augment {s[1]} in {m["name"]}')
            node[3 if node[0] == 1 else 2].extend(b.children(s[2], m))
    return {'format': 1, 'types': b.types, 'groupings': b.groupings, 'root': root}


def main():
    import os
    os.makedirs(OUT, exist_ok=True)
    for sid, directory in SOURCES:
        schema = build(directory)
        schema['id'] = sid
        schema['source'] = 'github.com/Juniper/yang ' + directory
        data = json.dumps(schema, separators=(',', ':')).encode()
        with open(f'{OUT}/{sid}.json.gz', 'wb') as f:
            f.write(gzip.compress(data, 9, mtime=0))
        print(sid, len(data), 'bytes of JSON,', len(schema['groupings']), 'groupings,', len(schema['types']), 'types')


if __name__ == '__main__':
    main()
