/**
 * `?` on a configuration path: the statements under it. With the device's
 * configuration schema, what the release allows there; the common statements
 * of the top and `system` levels keep Junos's help text; and what the tree
 * holds there. `>` marks statements that hold others, `+` leaf-lists.
 */
import { readPath, schemaNodeAt } from '../junos-config/path.js';
import { bareListUnder, cliWordOf } from '../junos-config/schema/cli-names.js';
import type { RawType, Schema, SchemaNode } from '../junos-config/schema/model.js';
import { childNamed, keyOf, type ConfigNode } from '../junos-config/tree.js';
import type { Candidate } from './walker.js';

const KNOWN: Readonly<Record<string, readonly Candidate[]>> = {
  '': [
    { name: 'apply-groups', help: 'Groups from which to inherit configuration data' },
    { name: 'chassis', help: 'Chassis configuration', mark: '>' },
    { name: 'firewall', help: 'Define a firewall configuration', mark: '>' },
    { name: 'groups', help: 'Configuration groups', mark: '>' },
    { name: 'interfaces', help: 'Interface configuration', mark: '>' },
    { name: 'policy-options', help: 'Policy option configuration', mark: '>' },
    { name: 'protocols', help: 'Routing protocol configuration', mark: '>' },
    { name: 'routing-options', help: 'Protocol-independent routing option configuration', mark: '>' },
    { name: 'snmp', help: 'Simple Network Management Protocol configuration', mark: '>' },
    { name: 'system', help: 'System parameters', mark: '>' },
    { name: 'version', help: 'Software version information' },
  ],
  system: [
    { name: 'domain-name', help: 'Domain name for this router' },
    { name: 'host-name', help: 'Hostname for this router' },
    { name: 'login', help: 'Names, login classes, and passwords for users', mark: '>' },
    { name: 'mirror-flash-on-disk', help: 'Mirror contents of the flash drive onto hard drive' },
    { name: 'root-authentication', help: 'Authentication information for the root login', mark: '>' },
    { name: 'services', help: 'System services', mark: '>' },
  ],
  'system login': [
    { name: 'class', help: 'Login class', mark: '>' },
    { name: 'message', help: 'System login message' },
    { name: 'user', help: 'Username', mark: '>' },
  ],
  'system services': [
    { name: 'netconf', help: 'Allow NETCONF connections', mark: '>' },
    { name: 'ssh', help: 'Allow ssh access', mark: '>' },
  ],
};

/** Statements every level has, with Junos's help text. */
const EVERYWHERE: ReadonlyMap<string, string> = new Map([
  ['apply-groups', 'Groups from which to inherit configuration data'],
  ['apply-groups-except', "Don't inherit configuration data from these groups"],
  ['apply-macro', 'Macro and parameters for commit script expansion'],
]);

function nodeAt(tree: ConfigNode, words: readonly string[], schema: Schema | undefined): ConfigNode | undefined {
  let node: ConfigNode | undefined = tree;
  for (const s of readPath(words, 'path', schema).steps) {
    node = node && childNamed(node, s.name, s.key);
    if (!node) return undefined;
  }
  return node;
}

/** What a value of type `t` is, for the help column of a leaf the emulator has no Junos help text for (docs/cli.md). */
export function typeHelp(schema: Schema, t: RawType): string {
  switch (t[0]) {
    case 's':
    case 'w':
      return 'String';
    case 'e':
      return '';
    case 'b':
      return 'Boolean (true or false)';
    case 'd':
      return 'Decimal number';
    case 'i':
      return t[2].length > 0 ? `Number (${t[2].map(([lo, hi]) => (lo === hi ? lo : `${lo}..${hi}`)).join(', ')})` : 'Number';
    case 'E': {
      const all = t[1].join(', ');
      return `One of: ${all.length > 50 ? `${all.slice(0, 47)}...` : all}`;
    }
    case 'U': {
      const parts = [...new Set(t[1].map((m) => schema.type(m)).filter((m) => m[0] !== 'w').map((m) => typeHelp(schema, m)))].filter((h) => h !== '');
      return parts.length > 0 ? parts.join(' or ') : 'String';
    }
  }
}

/** `>` for statements that hold others, `+` for a leaf-list (a statement of several values, `apply-groups`), none for a leaf. */
function markOf(n: SchemaNode): Candidate['mark'] {
  return n.kind === 'container' || n.kind === 'list' ? '>' : n.kind === 'leaf-list' ? '+' : undefined;
}

/** The statements the schema allows under `words`, or none where it does not know the path. */
function schemaCandidates(words: readonly string[], schema: Schema, known: ReadonlyMap<string, Candidate>): Candidate[] {
  const here = schemaNodeAt(words, schema);
  if (!here) return [];
  const steps = readPath(words, 'path', schema).steps;
  // A list named without its entry (`set system login user ?`): what follows is a name, not a statement.
  if (here.kind === 'list' && steps.at(-1)?.key === undefined) return [];
  if (here.kind !== 'container' && here.kind !== 'list') return [];
  const bare = bareListUnder(here.name, (c) => here.child(c)?.kind === 'list');
  const out: Candidate[] = [];
  for (const c of here.children().values()) {
    // The entry's key is its name, given already; bare entries are listed by name, from the tree.
    if (here.keys.includes(c.name) || c.name === bare) continue;
    const name = cliWordOf(c.name);
    const mark = markOf(c);
    const help = known.get(name)?.help ?? EVERYWHERE.get(name) ?? (c.kind === 'leaf' || c.kind === 'leaf-list' ? typeHelp(schema, c.type!) : '');
    out.push({ name, help, ...(mark ? { mark } : {}) });
  }
  return out;
}

/**
 * The statements `?` lists after `words` (the edit level and the path typed
 * so far): with the device's schema, every statement its release allows
 * there (the emulator's Junos help text where it has one, else a leaf's
 * type); then what the candidate holds there (list entries by name, and
 * statements the schema lacks).
 */
export function statementCandidates(tree: ConfigNode, words: readonly string[], schema?: Schema): Candidate[] {
  const out = new Map<string, Candidate>();
  const known = new Map((KNOWN[words.join(' ')] ?? []).map((c) => [c.name, c]));
  for (const c of known.values()) out.set(c.name, c);
  if (schema) for (const c of schemaCandidates(words, schema, known)) out.set(c.name, c);
  const node = nodeAt(tree, words, schema);
  for (const c of node?.children ?? []) {
    if (c.name === 'name' && c === node!.children[0]) continue;
    // Entries written bare (`interfaces ge-0/0/0`) are listed by their name.
    const key = keyOf(c);
    const name = key !== undefined && readPath([...words, key], 'path', schema).steps.at(-1)?.key === key ? key : c.name;
    if (!out.has(name)) out.set(name, { name, help: '', ...(c.children.length > 0 ? { mark: '>' as const } : {}) });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
