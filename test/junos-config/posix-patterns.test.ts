/**
 * The generator's translation of Junos's `junos:posix-pattern` (POSIX
 * extended regular expressions) to JavaScript (scripts/schema_constraints.py),
 * against a real POSIX ERE engine: GNU grep -E in the C locale. Every pattern
 * here is one of Juniper's YANG; each kept translation must accept and refuse
 * exactly what grep does, and the doubtful ones must be left out.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';

const KEPT = [
  '![/ %]',
  '^.{1,64}$',
  '!^((__.*)|(.{65,}))$',
  '!^((__.*__)|(all)|(.*[ ].*)|("")|(.{129,}))$',
  '^[[:alnum:]][[:alnum:]_-]*$',
  '^[0-9]{1,4}(.[0-9])?$',
  '^[A-Za-z0-9][_0-9A-Za-z-]{0,62}$',
  '^([[:alpha:]][[:alnum:]_.-]+)|^([1-9][0-9]{0,2}|[1-3][0-9]{3}|40[0-8][0-9]|409[0-4])$',
  '^[[:xdigit:]]+$',
  '^[a-z]+:[0-9.]+L?:[0-9]+$',
  '^[[:alnum:]][[:alnum:]/.:_-]*$',
  '^([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5]|0x[0-f]|0x[0-f][0-f])(-([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5]|0x[0-f]|0x[0-f][0-f]))?$',
  '^([[:digit:].]){1,15}$|^([[:digit:]]){0,10}:([[:digit:].]){0,15}:([[:digit:]]){1,10}$',
  '^[*]*.[^*]*[*]*$',
  '![^a-zA-Z0-9_-]|(^(all|.{64,})$)',
  '![*<>]',
  '!/',
  '^((ge-)|(mge-)|(xe-)|(et-)|(gr-)|(ae)|(irb))',
  '(^(0[xX])?[A-Fa-f0-9]{0,8}$)',
  '^[]a-]+$',
  '^[\\]+$',
];
const LEFT_OUT = ['^1677[0-6][0-9]0-9][0-9]$', '[^a-zA-Z0-9_-]|^[^a-zA-Z]|(^(all|.{64,}|.{,1})$)', '^\\w+$', '^(|a)$', '^[[.a.]]$', '*a'];

const VALUES = [
  '', 'a', 'A1', 'ge-0/0/0', 'xe-1/2/3', 'ae0', 'irb', '__x', '__x__', 'all', '"x"', '""', 'a b', 'x/y', 'a%b', '65', '4094', '4095', '409',
  '0x1f', '0xg', '1.5', '1234.5', '12345', '12:30', 'target:65000:1', 'a:1.2L:3', '10.0.0.1', '1:2.3:4', '*', '**a**', 'a*b', '<x>', 'deadBEEF',
  'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(65), 'y'.repeat(129), 'a-b_c.d', '_a', '-a', ']', 'a]-', '\\', 'a\\b', 'ab', '255', '256', '0x0-255',
];

function translations(patterns: readonly string[]): (readonly [string, number] | null)[] {
  const script = [
    'import json, sys',
    "sys.path.insert(0, 'scripts')",
    'from schema_constraints import pattern_of',
    'out = []',
    'for p in json.loads(sys.stdin.read()):',
    "    r = pattern_of(p, 'message')",
    '    out.append(r[:2] if r else None)',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(patterns), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as (readonly [string, number] | null)[];
}

/** For each value (none has a newline), whether POSIX (GNU grep -E, C locale) finds the pattern in it: one grep per pattern. */
function posixMatches(pattern: string, values: readonly string[]): boolean[] {
  const r = spawnSync('grep', ['-E', '-n', '-e', pattern], { input: values.map((v) => `${v}\n`).join(''), encoding: 'utf8', env: { LC_ALL: 'C', PATH: process.env['PATH'] ?? '' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`grep -E ${pattern}: ${r.stderr}`);
  const hit = new Set(r.stdout.split('\n').filter((l) => l !== '').map((l) => Number(l.slice(0, l.indexOf(':'))) - 1));
  return values.map((_, i) => hit.has(i));
}

describe('schema constraints: POSIX patterns translated to JavaScript, against grep -E', () => {
  it('every kept translation accepts and refuses what POSIX does', function () {
    this.timeout(120_000);
    const got = translations(KEPT);
    KEPT.forEach((posix, i) => {
      const t = got[i];
      expect(t, posix).to.not.equal(null);
      const [source, negated] = t!;
      expect(negated, posix).to.equal(posix.startsWith('!') ? 1 : 0);
      const bare = negated ? posix.slice(1) : posix;
      const re = new RegExp(source, 'su');
      const posixSays = posixMatches(bare, VALUES);
      VALUES.forEach((v, j) => expect(re.test(v), `${posix} on ${JSON.stringify(v)} (JS ${source})`).to.equal(posixSays[j]));
    });
  });

  it("reads the YANG string's escapes: `\\n` in a pattern is a newline (full-name: no colons or new lines), in a message the two characters", () => {
    const script = [
      'import json, sys',
      "sys.path.insert(0, 'scripts')",
      'from schema_constraints import pattern_of, yang_unescape',
      "print(json.dumps(pattern_of(yang_unescape(r'![:\\n]'), yang_unescape(r\"excluding '\\n'\"))))",
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const [source, negated, message] = JSON.parse(r.stdout) as [string, number, string];
    expect(negated).to.equal(1);
    expect(message).to.equal("excluding '\\n'");
    const re = new RegExp(source, 'su');
    // Refused when it matches: a colon or a newline, and nothing else (the letter n is no newline).
    expect(['Ansible User', 'n\\n'].map((v) => re.test(v))).to.deep.equal([false, false]);
    expect(['a:b', 'a\nb'].map((v) => re.test(v))).to.deep.equal([true, true]);
  });

  it('leaves out what it cannot translate with certainty', () => {
    expect(translations(LEFT_OUT)).to.deep.equal(LEFT_OUT.map(() => null));
  });
});

describe('schema constraints: junos:must expressions the generator keeps', () => {
  const compiled = (exprs: readonly string[]): unknown[] => {
    const script = [
      'import json, sys',
      "sys.path.insert(0, 'scripts')",
      'from schema_constraints import NotCertain, compile_must',
      'out = []',
      'for e in json.loads(sys.stdin.read()):',
      '    try:',
      '        out.append(compile_must(e))',
      '    except NotCertain:',
      '        out.append(None)',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as unknown[];
  };

  it('paths, !, && and || with parentheses; $$ as a word', () => {
    expect(compiled(['("system tracing")', '(!(".. exclude"))', '((".. .. .. input" || ".. input"))', '(!("a b") && ("c $$"))'])).to.deep.equal([
      ['p', ['system', 'tracing']],
      ['!', ['p', ['..', 'exclude']]],
      ['|', ['p', ['..', '..', '..', 'input']], ['p', ['..', 'input']]],
      ['&', ['!', ['p', ['a', 'b']]], ['p', ['c', '$$']]],
    ]);
  });

  it('leaves out any, unique, wildcards, variables, $$-IFL, $$={...} and a .. after a name', () => {
    const refused = ['(any ".. flow-server <*>")', '(unique "security address-book <*> attach zone $$")', '("interfaces ${interface} unit")', '("interfaces $$-IFL family inet address")', '(!("protocols ptp profile-type $$={g.8275.1}"))', '("..inner-vlan members")', '("a .. b")'];
    expect(compiled(refused)).to.deep.equal(refused.map(() => null));
  });
});
