/**
 * Who may log in to a device, and how often they may fail: the harness's
 * accounts (the emulator's YAML, --user) and the logins the committed
 * configuration defines (`system login user`), with the committed
 * `system login retry-options`. The SSH listener looks users up here at
 * every login, so a commit changes who gets in from the next attempt on.
 */
import type { ConfiguredLogin, ConfiguredRetryOptions } from '../junos-config/effects.js';
import type { UserSpec } from '../options/types.js';
import { parseAuthorizedKeys, readAuthorizedKeys, type UserAccount } from '../transport/credentials.js';

export class DeviceLogins {
  /** Logins from the emulator's own configuration (YAML, --user): the harness's accounts. */
  private readonly users = new Map<string, UserAccount>();
  /** Logins as the committed device configuration defines them (`system login user`). */
  private configured = new Map<string, UserAccount>();
  /** `system login retry-options` as committed; they override the limits' defaults. */
  private retry: ConfiguredRetryOptions = {};

  constructor(users: readonly UserSpec[]) {
    for (const u of users) {
      this.users.set(u.name, {
        name: u.name,
        password: u.password,
        userClass: u.class,
        keys: u.authorizedKeys ? readAuthorizedKeys(u.authorizedKeys) : [],
      });
    }
  }

  /** A configured login first, else a harness account. */
  find(name: string): UserAccount | undefined {
    return this.configured.get(name) ?? this.users.get(name);
  }

  /** The first harness account's name (who `inject` runs as by default). */
  firstHarnessUser(): string | undefined {
    return [...this.users.keys()][0];
  }

  retryOptions(): ConfiguredRetryOptions {
    return this.retry;
  }

  setRetryOptions(o: ConfiguredRetryOptions): void {
    this.retry = o;
  }

  /**
   * A configured user logs in with its encrypted-password or its keys; a
   * harness account it also names keeps its own password and gains the
   * configured class, hash and keys. Harness accounts the configuration does
   * not name keep working, so a `load override` cannot lock the test out.
   */
  setConfigured(logins: readonly ConfiguredLogin[]): void {
    const next = new Map<string, UserAccount>();
    for (const l of logins) {
      const base = this.users.get(l.name);
      const keys = l.keys.flatMap((line) => {
        try {
          return parseAuthorizedKeys(line, `system login user ${l.name}`);
        } catch {
          return [];
        }
      });
      next.set(l.name, {
        name: l.name,
        password: base?.password,
        passwordHash: l.encryptedPassword,
        userClass: l.class ?? base?.userClass ?? 'unauthorized',
        keys: [...(base?.keys ?? []), ...keys],
      });
    }
    this.configured = next;
  }
}
