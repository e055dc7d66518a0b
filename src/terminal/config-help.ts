/**
 * `?` on a configuration path: the statements under it. The configuration is
 * schema-free (src/junos-config), so the list is what the tree holds there
 * plus the common statements of the top and `system` levels with their
 * Junos help; `>` marks statements that hold others.
 */
import { readPath } from '../junos-config/path.js';
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

function nodeAt(tree: ConfigNode, words: readonly string[]): ConfigNode | undefined {
  let node: ConfigNode | undefined = tree;
  for (const s of readPath(words, 'path').steps) {
    node = node && childNamed(node, s.name, s.key);
    if (!node) return undefined;
  }
  return node;
}

/** The statements `?` lists after `words` (the edit level and the path typed so far). */
export function statementCandidates(tree: ConfigNode, words: readonly string[]): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const c of KNOWN[words.join(' ')] ?? []) out.set(c.name, c);
  const node = nodeAt(tree, words);
  for (const c of node?.children ?? []) {
    if (c.name === 'name' && c === node!.children[0]) continue;
    // Entries written bare (`interfaces ge-0/0/0`) are listed by their name.
    const key = keyOf(c);
    const name = key !== undefined && readPath([...words, key], 'path').steps.at(-1)?.key === key ? key : c.name;
    if (!out.has(name)) out.set(name, { name, help: '', ...(c.children.length > 0 ? { mark: '>' as const } : {}) });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
