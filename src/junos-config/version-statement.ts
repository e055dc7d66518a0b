/**
 * The `version` statement a Junos configuration starts with (`version
 * 18.4R3.3;`, `<version>21.4R3-S4.9</version>`, `"version" : "18.2R1.9"`).
 * mgd writes it at every commit with the release the box runs, so a
 * committed configuration always shows the running release, before an
 * upgrade and after it. A candidate shows the running release too, unless a
 * client loaded a `version` of its own since the commit: Junos takes the
 * statement and keeps it in the candidate until the next commit stamps it.
 *
 * The statement is added when a configuration is shown, not stored: the
 * stored trees stay what clients loaded, and a release change needs no commit.
 */
import type { ConfigNode } from './tree.js';

/** Top-level `version` of a tree, if it has one. */
function ownVersion(tree: ConfigNode): string | undefined {
  return tree.children.find((c) => c.name === 'version' && c.children.length === 0)?.value;
}

// Shown trees per stored tree and version: a committed tree is shown again and again (rpc/get-config.ts caches its rendering by tree).
const shown = new WeakMap<ConfigNode, Map<string, ConfigNode>>();

function withVersion(tree: ConfigNode, version: string): ConfigNode {
  let byVersion = shown.get(tree);
  let out = byVersion?.get(version);
  if (out) return out;
  // First, as Junos orders it (the schema's first statement), and once.
  out = { ...tree, children: [{ name: 'version', value: version, children: [] }, ...tree.children.filter((c) => c.name !== 'version')] };
  if (!byVersion) shown.set(tree, (byVersion = new Map()));
  if (byVersion.size < 8) byVersion.set(version, out);
  return out;
}

/** A committed configuration as Junos shows it: `version` is the running release. */
export function committedWithVersion(tree: ConfigNode, release: string): ConfigNode {
  return withVersion(tree, release);
}

/** A candidate as Junos shows it: its own `version` where one was loaded since the commit, else the running release. */
export function candidateWithVersion(candidate: ConfigNode, committed: ConfigNode, release: string): ConfigNode {
  const own = ownVersion(candidate);
  return withVersion(candidate, own !== undefined && own !== ownVersion(committed) ? own : release);
}
