/**
 * Junos's per-hierarchy configuration permissions. Entering configuration
 * mode takes `configure`; changing some hierarchies also takes a `-control`
 * flag, and seeing them a view flag (Juniper, "Login Class Permission
 * Flags"). Secrets (`encrypted-password`, keys) take `secret` to see and
 * `secret-control` to change; users without `secret` see `/* SECRET-DATA *\/`.
 * The most specific rule for a path wins.
 */
import type { Permission } from '../grammar/types.js';

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

export function isSecretLeaf(name: string): boolean {
  return SECRET_LEAVES.has(name);
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
  if (path.length > 0 && isSecretLeaf(path[path.length - 1]!)) return 'secret-control';
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
