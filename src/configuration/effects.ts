/**
 * The statements the emulator acts on. Everything else in a configuration is
 * stored and returned but changes nothing.
 */
import type { ConfigNode } from './tree.js';
import { childNamed, keyOf } from './tree.js';

/** One commit-check failure: where, which statement, why. */
export interface ConfigurationProblem {
  readonly path: string;
  readonly element: string;
  readonly message: string;
}

export interface InterpretedConfiguration {
  readonly hostName: string | undefined;
  readonly domainName: string | undefined;
  readonly mirrorFlashOnDisk: boolean;
  /** `system services netconf rfc-compliant` / `version-1.1`. */
  readonly rfcCompliant: boolean;
  readonly version11: boolean;
  readonly users: readonly ConfiguredLogin[];
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

export function interpret(tree: ConfigNode): InterpretedConfiguration {
  const netconf = at(tree, 'system', 'services', 'netconf');
  const logins = at(tree, 'system', 'login');
  return {
    hostName: at(tree, 'system', 'host-name')?.value,
    domainName: at(tree, 'system', 'domain-name')?.value,
    mirrorFlashOnDisk: at(tree, 'system', 'mirror-flash-on-disk') !== undefined,
    rfcCompliant: netconf !== undefined && childNamed(netconf, 'rfc-compliant') !== undefined,
    version11: netconf !== undefined && childNamed(netconf, 'version-1.1') !== undefined,
    users: (logins?.children ?? []).filter((c) => c.name === 'user' && keyOf(c) !== undefined).map(login),
  };
}

/** What a commit check reports (Junos wording where known). */
export function validateConfiguration(tree: ConfigNode, classExists: (name: string) => boolean): ConfigurationProblem[] {
  const errors: ConfigurationProblem[] = [];
  const c = interpret(tree);
  for (const u of c.users) {
    if (u.class === undefined) {
      errors.push({ path: `[edit system login user ${u.name}]`, element: 'class', message: "Missing mandatory statement: 'class'" });
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
  /** The name the device had before any configuration said otherwise. */
  defaultHostname(): string;
}

export function applyConfiguration(tree: ConfigNode, target: ConfigurationTarget): void {
  const c = interpret(tree);
  target.setHostname(c.hostName ?? target.defaultHostname());
  target.setMirrorFlashOnDisk(c.mirrorFlashOnDisk);
  target.setNetconfOptions({ rfcCompliant: c.rfcCompliant, version11: c.version11 });
  target.setLogins(c.users);
}
