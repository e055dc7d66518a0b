/**
 * Authentication of one SSH connection: which methods log in, what a failure
 * costs, and when the connection is cut.
 *
 * Password and keyboard-interactive failures follow Junos `system login
 * retry-options`: from the `backoff-threshold`-th failure on, each failure is
 * answered only after a delay that grows by `backoff-factor` per failure, and
 * the `tries-before-disconnect`-th failure closes the connection. Public keys
 * that are not authorized (an agent offers every key it holds) are not
 * password tries; they have their own budget, `max-publickey-tries`.
 */
import type { AuthContext, AuthenticationType } from 'ssh2';
import { keyMatches, verifyPassword, type UserAccount } from './credentials.js';
import type { HashPool } from './hash-pool.js';

/** Junos `system login retry-options`, with the factor in ms. */
export interface RetryOptions {
  triesBeforeDisconnect: number;
  backoffThreshold: number;
  backoffFactorMs: number;
}

export interface AuthPolicy extends RetryOptions {
  /** Public keys a connection may offer that do not log in, before it is closed. */
  maxPublickeyTries: number;
  /** A configured hash with more rounds is never computed (it cannot log in). */
  maxPasswordHashRounds: number;
}

export interface AuthenticatorOptions {
  findUser: (name: string) => UserAccount | undefined;
  /** Read at each attempt: a commit of `system login retry-options` applies to the next one. */
  policy: () => AuthPolicy;
  /** Lets a fault plan refuse a login whose credentials are right. */
  refuseLogin?: (user: string, remoteAddress: string) => boolean;
  onEvent?: (event: string, detail: Record<string, unknown>) => void;
  pool?: HashPool;
}

const METHODS: AuthenticationType[] = ['publickey', 'password', 'keyboard-interactive'];

/**
 * The methods offered, which is also the whole answer to any other method
 * (`none` above all: clients send it first to learn the list). That answer
 * has no side effects and depends on nothing, so an SSH worker gives it
 * without asking the owner (one round trip less per set-up).
 */
export const OFFERED_METHODS: readonly AuthenticationType[] = METHODS;

/** The delay before answering the `failures`-th password failure. */
export function backoffDelayMs(o: RetryOptions, failures: number): number {
  return failures < o.backoffThreshold ? 0 : o.backoffFactorMs * (failures - o.backoffThreshold + 1);
}

export class ConnectionAuthenticator {
  private passwordFailures = 0;
  private keyFailures = 0;
  private done = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly o: AuthenticatorOptions,
    private readonly ip: string,
    /** Ends the connection (too many failures). */
    private readonly disconnect: () => void,
    /** Called with the user just before a login is accepted. */
    private readonly onLogin: (user: UserAccount) => void,
  ) {}

  /** The connection is gone: pending delayed answers are dropped. */
  dispose(): void {
    this.done = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  handle(ctx: AuthContext): void {
    if (this.done) return;
    const user = this.o.findUser(ctx.username);
    const policy = this.o.policy();
    switch (ctx.method) {
      case 'password':
        this.checkPassword(ctx, user, ctx.password, policy);
        return;
      case 'keyboard-interactive':
        // Every user is prompted, known or not, so the prompt tells nothing.
        ctx.prompt([{ prompt: 'Password:', echo: false }], (answers) => this.checkPassword(ctx, user, answers[0] ?? '', policy));
        return;
      case 'publickey': {
        const key = user?.keys.find((k) => keyMatches(k, ctx.key.algo, ctx.key.data));
        if (key && !ctx.signature) return ctx.accept(); // the client asks whether this key would do
        if (key && key.verify(ctx.blob!, ctx.signature!, ctx.hashAlgo) === true) return this.accept(ctx, user!);
        this.keyFailure(ctx, policy);
        return;
      }
      default:
        // `none` and methods we do not offer cost nothing: clients ask to learn the list.
        ctx.reject(METHODS);
    }
  }

  private checkPassword(ctx: AuthContext, user: UserAccount | undefined, given: string, policy: AuthPolicy): void {
    verifyPassword(user, given, policy.maxPasswordHashRounds, this.o.pool)
      .catch((err: unknown) => {
        this.o.onEvent?.('auth-error', { ip: this.ip, err: err instanceof Error ? err.message : String(err) });
        return false;
      })
      .then((ok) => {
        if (this.done) return;
        if (ok && user) this.accept(ctx, user);
        else this.passwordFailure(ctx, policy);
      })
      .catch(() => undefined);
  }

  private accept(ctx: AuthContext, user: UserAccount): void {
    if (this.o.refuseLogin?.(ctx.username, this.ip)) {
      ctx.reject(METHODS);
      return;
    }
    this.onLogin(user);
    ctx.accept();
  }

  private passwordFailure(ctx: AuthContext, policy: AuthPolicy): void {
    const failures = ++this.passwordFailures;
    const delay = backoffDelayMs(policy, failures);
    const last = failures >= policy.triesBeforeDisconnect;
    this.o.onEvent?.('login-failed', { ip: this.ip, user: ctx.username, method: ctx.method, failures, delayMs: delay });
    this.later(delay, () => {
      if (!last) return ctx.reject(METHODS);
      this.o.onEvent?.('login-tries-exceeded', { ip: this.ip, user: ctx.username, failures });
      this.dispose();
      this.disconnect();
    });
  }

  private keyFailure(ctx: AuthContext, policy: AuthPolicy): void {
    const failures = ++this.keyFailures;
    if (failures < policy.maxPublickeyTries) return ctx.reject(METHODS);
    this.o.onEvent?.('publickey-tries-exceeded', { ip: this.ip, user: ctx.username, failures });
    this.dispose();
    this.disconnect();
  }

  private later(ms: number, fn: () => void): void {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.done) fn();
    }, ms);
    this.timers.add(t);
  }
}
