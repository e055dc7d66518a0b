/**
 * The statements the emulator acts on. Everything else in a configuration is
 * stored and returned but changes nothing.
 */
import type { ConfigNode } from './tree.js';
import { childNamed, keyOf, makeNode } from './tree.js';
import { hasGroups, inheritGroupsWork, type InheritanceContext } from './groups.js';
import { runNow } from './slices.js';

/** What groups may bring to the statements that act: the groups, the top level's apply-groups, and `system`. */
const ACTING = new Set(['groups', 'apply-groups', 'apply-groups-except', 'system']);

/** One commit-check failure: where, which statement, why. */
export interface ConfigurationProblem {
  readonly path: string;
  readonly element: string;
  readonly message: string;
  /**
   * A mandatory statement is missing. Junos then names the statement that
   * lacks it under its parent's path (`[edit]`, `'system'`, `Missing mandatory
   * statement: 'root-authentication'`) and ends with `configuration check-out
   * failed: (missing mandatory statements)`.
   */
  readonly missingMandatory?: true;
}

/** The problem Junos reports for statement `words` (`user bob`) under `parentPath` lacking `missing`. */
export function missingMandatory(parentPath: string, words: string, missing: string): ConfigurationProblem {
  return { path: parentPath, element: words, message: `Missing mandatory statement: '${missing}'`, missingMandatory: true };
}

export interface InterpretedConfiguration {
  readonly hostName: string | undefined;
  readonly domainName: string | undefined;
  readonly mirrorFlashOnDisk: boolean;
  /** `system services netconf rfc-compliant` / `version-1.1`. */
  readonly rfcCompliant: boolean;
  readonly version11: boolean;
  readonly users: readonly ConfiguredLogin[];
  /** `system login retry-options`: the statements given, as written. */
  readonly retryOptions: Readonly<Partial<Record<RetryStatement, string>>>;
  /** `system root-authentication` is there (active): Junos refuses to commit without it. */
  readonly rootAuthentication: boolean;
}

/** The `system login retry-options` statements the emulator acts on, with Junos's ranges. */
export const RETRY_RANGES = {
  'tries-before-disconnect': [1, 10],
  'backoff-threshold': [1, 3],
  'backoff-factor': [5, 10],
} as const;
export type RetryStatement = keyof typeof RETRY_RANGES;

/** What the committed retry-options set: tries, threshold, factor in ms. */
export interface ConfiguredRetryOptions {
  triesBeforeDisconnect?: number;
  backoffThreshold?: number;
  backoffFactorMs?: number;
}

/** `system login user NAME`: what logging in as NAME takes. */
export interface ConfiguredLogin {
  readonly name: string;
  readonly class: string | undefined;
  /** `authentication encrypted-password`: a crypt(3) hash. */
  readonly encryptedPassword: string | undefined;
  /** `authentication ssh-rsa|ssh-ed25519|ssh-ecdsa "KEY"`: OpenSSH public key lines. */
  readonly keys: readonly string[];
}

const SSH_KEY_STATEMENTS = ['ssh-rsa', 'ssh-ed25519', 'ssh-ecdsa', 'ssh-dsa'];

function login(u: ConfigNode): ConfiguredLogin {
  const auth = childNamed(u, 'authentication');
  return {
    name: keyOf(u)!,
    class: childNamed(u, 'class')?.value,
    encryptedPassword: auth ? childNamed(auth, 'encrypted-password')?.value : undefined,
    keys: (auth?.children ?? []).filter((k) => SSH_KEY_STATEMENTS.includes(k.name)).map((k) => keyOf(k)).filter((k): k is string => k !== undefined),
  };
}

function at(root: ConfigNode, ...path: string[]): ConfigNode | undefined {
  let n: ConfigNode | undefined = root;
  for (const p of path) n = n && childNamed(n, p);
  return n;
}

/**
 * The configuration as it acts: inactive statements (and all under them)
 * left out. Junos commits them but neither applies nor checks them. Subtrees
 * without an inactive statement are shared, not copied.
 */
export function activeOnly(tree: ConfigNode): ConfigNode {
  let changed = false;
  const kids: ConfigNode[] = [];
  for (const c of tree.children) {
    if (c.inactive) {
      changed = true;
      continue;
    }
    const a = c.children.length > 0 ? activeOnly(c) : c;
    if (a !== c) changed = true;
    kids.push(a);
  }
  return changed ? makeNode(tree.name, tree.value, kids) : tree;
}

/** The Routing Engine a device acts as: its `re0` group applies, `re1` does not. */
export const MASTER_RE: InheritanceContext = { routingEngine: 're0' };

export function interpret(whole: ConfigNode, context: InheritanceContext = MASTER_RE): InterpretedConfiguration {
  // Only `system` acts; the rest (16,000 interfaces) is not walked per commit. Its groups apply first, as on Junos.
  const acting = makeNode(whole.name, undefined, whole.children.filter((c) => ACTING.has(c.name)));
  const applied = hasGroups(acting) ? runNow(inheritGroupsWork(acting, context, undefined)).tree : acting;
  const system = childNamed(applied, 'system');
  const tree = activeOnly(makeNode(whole.name, undefined, system ? [system] : []));
  const netconf = at(tree, 'system', 'services', 'netconf');
  const logins = at(tree, 'system', 'login');
  return {
    hostName: at(tree, 'system', 'host-name')?.value,
    domainName: at(tree, 'system', 'domain-name')?.value,
    mirrorFlashOnDisk: at(tree, 'system', 'mirror-flash-on-disk') !== undefined,
    rfcCompliant: netconf !== undefined && childNamed(netconf, 'rfc-compliant') !== undefined,
    version11: netconf !== undefined && childNamed(netconf, 'version-1.1') !== undefined,
    users: (logins?.children ?? []).filter((c) => c.name === 'user' && keyOf(c) !== undefined).map(login),
    retryOptions: retryStatements(logins),
    rootAuthentication: at(tree, 'system', 'root-authentication') !== undefined,
  };
}

function retryStatements(logins: ConfigNode | undefined): Partial<Record<RetryStatement, string>> {
  const retry = logins && childNamed(logins, 'retry-options');
  const out: Partial<Record<RetryStatement, string>> = {};
  for (const k of Object.keys(RETRY_RANGES) as RetryStatement[]) {
    const v = retry && childNamed(retry, k)?.value;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function retryValue(v: string | undefined, k: RetryStatement): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  const [min, max] = RETRY_RANGES[k];
  return n >= min && n <= max ? n : undefined;
}

/** The retry-options a commit sets (values outside Junos's ranges never pass the commit check). */
export function configuredRetryOptions(c: InterpretedConfiguration): ConfiguredRetryOptions {
  const out: ConfiguredRetryOptions = {};
  const tries = retryValue(c.retryOptions['tries-before-disconnect'], 'tries-before-disconnect');
  const threshold = retryValue(c.retryOptions['backoff-threshold'], 'backoff-threshold');
  const factor = retryValue(c.retryOptions['backoff-factor'], 'backoff-factor');
  if (tries !== undefined) out.triesBeforeDisconnect = tries;
  if (threshold !== undefined) out.backoffThreshold = threshold;
  if (factor !== undefined) out.backoffFactorMs = factor * 1000;
  return out;
}

/** Checks the device adds to a commit check: what it can compute. */
export interface ValidationLimits {
  /** Why an encrypted-password cannot be used (too many rounds), or undefined. */
  hashProblem?: (hash: string) => string | undefined;
}

/** What a commit check reports (Junos wording where known). */
export function validateConfiguration(
  tree: ConfigNode,
  classExists: (name: string) => boolean,
  limits: ValidationLimits = {},
  context: InheritanceContext = MASTER_RE,
): ConfigurationProblem[] {
  const errors: ConfigurationProblem[] = [];
  // interpret() leaves inactive statements out: Junos does not check them either.
  const c = interpret(tree, context);
  // Junos's schema makes it mandatory (its YANG cannot say so of a container): a vQFX, a cJunosEvolved and
  // Juniper/go-netconf's 15.1F4 reply all name it under [edit] 'system'.
  if (!c.rootAuthentication) errors.push(missingMandatory('[edit]', 'system', 'root-authentication'));
  for (const [k, v] of Object.entries(c.retryOptions) as Array<[RetryStatement, string]>) {
    if (retryValue(v, k) === undefined) {
      const [min, max] = RETRY_RANGES[k];
      errors.push({ path: '[edit system login retry-options]', element: k, message: `Value ${v} is not within range (${min}..${max})` });
    }
  }
  for (const u of c.users) {
    const hashProblem = u.encryptedPassword !== undefined ? limits.hashProblem?.(u.encryptedPassword) : undefined;
    if (hashProblem !== undefined) {
      errors.push({ path: `[edit system login user ${u.name} authentication]`, element: 'encrypted-password', message: `encrypted-password: ${hashProblem}` });
    }
    if (u.class === undefined) {
      errors.push(missingMandatory('[edit system login]', `user ${u.name}`, 'class'));
    } else if (!classExists(u.class)) {
      errors.push({ path: `[edit system login user ${u.name}]`, element: 'class', message: `Referenced class '${u.class}' is not defined` });
    }
  }
  return errors;
}

/** The device side of the interpreted statements. */
export interface ConfigurationTarget {
  setHostname(name: string): void;
  setMirrorFlashOnDisk(on: boolean): void;
  /** Takes effect for sessions that start afterwards. */
  setNetconfOptions(o: { rfcCompliant: boolean; version11: boolean }): void;
  /** The logins the configuration defines (their class, password hash, keys). */
  setLogins(users: readonly ConfiguredLogin[]): void;
  /** `system login retry-options`; what is absent falls back to the emulator's limits. */
  setRetryOptions?(o: ConfiguredRetryOptions): void;
  /** The name the device had before any configuration said otherwise. */
  defaultHostname(): string;
}

export function applyConfiguration(tree: ConfigNode, target: ConfigurationTarget, context: InheritanceContext = MASTER_RE): void {
  const c = interpret(tree, context);
  target.setHostname(c.hostName ?? target.defaultHostname());
  target.setMirrorFlashOnDisk(c.mirrorFlashOnDisk);
  target.setNetconfOptions({ rfcCompliant: c.rfcCompliant, version11: c.version11 });
  target.setLogins(c.users);
  target.setRetryOptions?.(configuredRetryOptions(c));
}
