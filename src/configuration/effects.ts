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
  readonly users: ReadonlyArray<{ readonly name: string; readonly class: string | undefined }>;
}

function at(root: ConfigNode, ...path: string[]): ConfigNode | undefined {
  let n: ConfigNode | undefined = root;
  for (const p of path) n = n && childNamed(n, p);
  return n;
}

export function interpret(tree: ConfigNode): InterpretedConfiguration {
  const netconf = at(tree, 'system', 'services', 'netconf');
  const login = at(tree, 'system', 'login');
  return {
    hostName: at(tree, 'system', 'host-name')?.value,
    domainName: at(tree, 'system', 'domain-name')?.value,
    mirrorFlashOnDisk: at(tree, 'system', 'mirror-flash-on-disk') !== undefined,
    rfcCompliant: netconf !== undefined && childNamed(netconf, 'rfc-compliant') !== undefined,
    version11: netconf !== undefined && childNamed(netconf, 'version-1.1') !== undefined,
    users: (login?.children ?? [])
      .filter((c) => c.name === 'user' && keyOf(c) !== undefined)
      .map((u) => ({ name: keyOf(u)!, class: childNamed(u, 'class')?.value })),
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
  setUserClass(user: string, cls: string): void;
  /** The name the device had before any configuration said otherwise. */
  defaultHostname(): string;
}

export function applyConfiguration(tree: ConfigNode, target: ConfigurationTarget): void {
  const c = interpret(tree);
  target.setHostname(c.hostName ?? target.defaultHostname());
  target.setMirrorFlashOnDisk(c.mirrorFlashOnDisk);
  target.setNetconfOptions({ rfcCompliant: c.rfcCompliant, version11: c.version11 });
  for (const u of c.users) if (u.class !== undefined) target.setUserClass(u.name, u.class);
}
