/**
 * Junos's per-hierarchy configuration permissions. Entering configuration
 * mode takes `configure`; changing some hierarchies also takes a `-control`
 * flag, and seeing them a view flag (Juniper, "Login Class Permission
 * Flags"). Secrets (`encrypted-password`, keys) take `secret` to see and
 * `secret-control` to change; users without `secret` see `/* SECRET-DATA *\/`.
 * The most specific rule for a path wins.
 */
import type { Permission } from '../grammar/types.js';
import { pace, runNow, type Work } from './slices.js';
import { identity, keyOf, makeNode, type ConfigNode } from './tree.js';

interface HierarchyRule {
  /** Statement path from the top, e.g. ['system', 'login']. */
  readonly path: readonly string[];
  readonly view: Permission;
  readonly change: Permission;
}

const RULES: readonly HierarchyRule[] = [
  { path: ['system', 'login'], view: 'admin', change: 'admin-control' },
  { path: ['system'], view: 'system', change: 'system-control' },
  { path: ['interfaces'], view: 'interface', change: 'interface-control' },
  { path: ['chassis'], view: 'interface', change: 'interface-control' },
  { path: ['firewall'], view: 'firewall', change: 'firewall-control' },
  { path: ['protocols'], view: 'routing', change: 'routing-control' },
  { path: ['routing-options'], view: 'routing', change: 'routing-control' },
  { path: ['policy-options'], view: 'routing', change: 'routing-control' },
  { path: ['routing-instances'], view: 'routing', change: 'routing-control' },
  { path: ['snmp'], view: 'snmp', change: 'snmp-control' },
  { path: ['security'], view: 'security', change: 'security-control' },
];

/** Statements whose values are secrets, wherever they stand. */
const SECRET_LEAVES: ReadonlySet<string> = new Set(['encrypted-password', 'authentication-key', 'secret', 'pre-shared-key', 'simple-password']);

export const SECRET_DATA = '/* SECRET-DATA */';

/**
 * Statements that are secrets only under one parent: an NTP key's `value` and
 * the key an NTP server names (a vMX compare and a vSRX `show system ntp`:
 * `authentication-key 24 type md5 value "$9$..."; ## SECRET-DATA`,
 * `server 10.1.10.6 key 24; ## SECRET-DATA`).
 */
const SECRETS_UNDER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['authentication-key', new Set(['value'])],
  ['server', new Set(['key'])],
]);

/** Whether statement `name` (under a statement named `parent`, when known) holds a secret. */
export function isSecretLeaf(name: string, parent?: string): boolean {
  return SECRET_LEAVES.has(name) || (parent !== undefined && SECRETS_UNDER.get(parent)?.has(name) === true);
}

function ruleFor(path: readonly string[]): HierarchyRule | undefined {
  let best: HierarchyRule | undefined;
  for (const r of RULES) {
    if (r.path.length <= path.length && r.path.every((p, i) => path[i] === p) && (!best || r.path.length > best.path.length)) best = r;
  }
  return best;
}

/** The permission needed to change the statement at `path` (names only, list keys left out), beyond `configure`. */
export function changePermission(path: readonly string[]): Permission | undefined {
  if (path.length > 0 && isSecretLeaf(path[path.length - 1]!, path[path.length - 2])) return 'secret-control';
  return ruleFor(path)?.change;
}

/** The permission needed to see the statement at `path`, beyond `view`. */
export function viewPermission(path: readonly string[]): Permission | undefined {
  return ruleFor(path)?.view;
}

/** `[edit system login]` as Junos writes an error-path. */
export function editPath(path: readonly string[]): string {
  return `[edit${path.map((p) => ' ' + p).join('')}]`;
}

/** One refused change: where (`[edit system login]`) and the statement named. */
export interface DeniedChange {
  readonly path: string;
  readonly element: string;
}

/** Every permission changePermission can ask for: a class with all of them may change anything. */
const CHANGE_PERMISSIONS: readonly Permission[] = [...new Set<Permission>([...RULES.map((r) => r.change), 'secret-control'])];

type Step =
  | { readonly whole: false; readonly a: ConfigNode; readonly b: ConfigNode; readonly names: readonly string[]; readonly shown: readonly string[] }
  | { readonly whole: true; readonly n: ConfigNode; readonly names: readonly string[]; readonly shown: readonly string[] };

/**
 * The changes from `before` to `after` that a class without some permission
 * may not make. Walks only where the trees differ: unchanged subtrees are
 * shared (trees are immutable), so a small edit of a large configuration
 * costs little. A refused subtree is reported once, at its top; within an
 * allowed one, a secret or a stricter hierarchy is still checked. A class
 * that has every `-control` permission is not walked at all. Work in slices:
 * a 16,000-interface load's check took 45-125 ms at once.
 */
export function* deniedChangesWork(before: ConfigNode, after: ConfigNode, may: (p: Permission) => boolean): Work<DeniedChange[]> {
  const out: DeniedChange[] = [];
  if (before === after || CHANGE_PERMISSIONS.every((p) => may(p))) return out;
  // `names` is the statement path rules match (list keys left out); `shown`
  // is the error-path Junos prints (`[edit system login user cfg]`).
  const refuses = (names: readonly string[]): boolean => {
    const need = changePermission(names);
    return need !== undefined && !may(need);
  };
  const deny = (n: ConfigNode, shown: readonly string[]): void => {
    out.push({ path: editPath(shown), element: n.name });
  };
  const step = (shown: readonly string[], c: ConfigNode): string[] => {
    const key = keyOf(c);
    return key === undefined ? [...shown, c.name] : [...shown, c.name, key];
  };
  // Depth first with an explicit stack, children pushed last first: the same
  // order as a recursive walk.
  const stack: Step[] = [{ whole: false, a: before, b: after, names: [], shown: [] }];
  while (stack.length > 0) {
    if (pace()) yield;
    const s = stack.pop()!;
    if (s.whole) {
      // A subtree added or removed whole: its top, and any stricter statement or secret inside it.
      if (refuses(s.names)) {
        deny(s.n, s.shown);
        continue;
      }
      const here = step(s.shown, s.n);
      const kids = s.n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ whole: true, n: kids[i]!, names: [...s.names, kids[i]!.name], shown: here });
      continue;
    }
    const { a, b, names, shown } = s;
    if (a === b) continue;
    // Only statements added, removed or given another value are changes: a
    // container above them is not, so the most specific rule decides.
    // Deactivating or activating a statement changes it as much as a new value does.
    if ((a.value !== b.value || a.inactive !== b.inactive) && names.length > 0 && refuses(names)) deny(b, shown);
    const here = names.length === 0 ? [] : step(shown, b);
    const old = new Map<string, ConfigNode>();
    for (const c of a.children) old.set(identity(c.name, keyOf(c)), c);
    const next: Step[] = [];
    for (const c of b.children) {
      const id = identity(c.name, keyOf(c));
      const was = old.get(id);
      old.delete(id);
      if (was) next.push({ whole: false, a: was, b: c, names: [...names, c.name], shown: here });
      else next.push({ whole: true, n: c, names: [...names, c.name], shown: here });
    }
    for (const gone of old.values()) next.push({ whole: true, n: gone, names: [...names, gone.name], shown: here });
    if (pace(a.children.length + b.children.length)) yield;
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return out;
}

/** deniedChangesWork at once. */
export function deniedChanges(before: ConfigNode, after: ConfigNode, may: (p: Permission) => boolean): DeniedChange[] {
  return runNow(deniedChangesWork(before, after, may));
}

/** The tree as a user without `secret` sees it: every secret value replaced, everything else shared. */
export function redactSecrets(tree: ConfigNode): ConfigNode {
  let changed = false;
  const children = tree.children.map((c) => {
    const r = isSecretLeaf(c.name, tree.name) && c.value !== undefined ? makeNode(c.name, SECRET_DATA, c.children, c.inactive === true) : c.children.length > 0 ? redactSecrets(c) : c;
    if (r !== c) changed = true;
    return r;
  });
  return changed ? makeNode(tree.name, tree.value, children, tree.inactive === true) : tree;
}
