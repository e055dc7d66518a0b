/**
 * One device's configuration datastores: committed (running), the shared
 * candidate, private candidates of sessions that opened one, and the commit
 * history `rollback N` reads. Wire formats live elsewhere; this is state.
 *
 * Every tree held here is immutable (tree.ts): a commit, a private candidate,
 * a rollback or a discard takes a reference, and a load makes a new tree that
 * shares what it did not change. A reader that yields (a compare, a render)
 * keeps seeing the tree it started with.
 */
import type { VirtualClock } from '../engine/index.js';
import { MASTER_RE, type ConfigurationProblem } from './effects.js';
import { inheritGroupsWork, type InheritanceContext, type InheritedConfiguration } from './groups.js';
import { editTreeWork, overrideWork, type EditWarning } from './edit.js';
import { PendingConfirm, type ConfirmState, type PendingConfirmJson } from './pending-confirm.js';
import type { SchemaNode } from './schema/model.js';
import { runNow, runSliced, type Work } from './slices.js';
import type { ConfigNode, EditNode } from './tree.js';
import { clone, emptyConfiguration, sameTree } from './tree.js';

export const CONFIGURATION_FORMAT = 1;
/** Junos keeps rollback 0 (current) through 49. */
const HISTORY = 50;
/** `commit confirmed` without minutes. */
export const DEFAULT_CONFIRM_MINUTES = 10;

export interface CommitInfo {
  /** Virtual epoch ms. */
  readonly at: number;
  readonly user: string;
  readonly comment?: string;
}

interface Revision {
  readonly tree: ConfigNode;
  readonly info: CommitInfo;
}

export interface ConfigurationJson {
  format: typeof CONFIGURATION_FORMAT;
  /** history[0] is the committed configuration. */
  history: Revision[];
  candidate: ConfigNode;
  /** A `commit confirmed` not yet confirmed: rolls back to `previous` at `deadline` (virtual epoch ms). */
  confirm?: PendingConfirmJson;
  /** The rescue configuration (`request system configuration rescue save`), when one was saved. */
  rescue?: ConfigNode;
}

export type LoadAction = 'merge' | 'replace' | 'override' | 'update';

/**
 * A sliced load is computed again when the candidate changed under it (another
 * session's load or commit); after this many tries it is computed at once, so
 * a load never starves.
 */
const SLICED_LOAD_TRIES = 3;

/** Each revision gets a root of its own: a rendered revision is cached by its root (rpc/get-config.ts). */
const ownRoot = (tree: ConfigNode): ConfigNode => ({ ...tree });

export class CommitRefused extends Error {
  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

export type { ConfirmState } from './pending-confirm.js';

export class ConfigurationStore {
  private history: Revision[];
  private shared: ConfigNode;
  private privates = new WeakMap<object, ConfigNode>();
  private readonly confirm: PendingConfirm;
  private rescueTree: ConfigNode | undefined;
  private readonly commitListeners = new Set<(tree: ConfigNode) => void>();
  private readonly changeListeners = new Set<() => void>();
  /** Checks a configuration before it is committed; returns error messages. */
  validate: (tree: ConfigNode) => ConfigurationProblem[] = () => [];
  /** `validate` as work in slices (commitSliced, checkSliced); by default validate at once. */
  validateWork: (tree: ConfigNode) => Work<ConfigurationProblem[]> = function* (this: ConfigurationStore, tree: ConfigNode) {
    return this.validate(tree);
  };
  /** The schema root of the device's release: a load that sets one case of a YANG choice removes the other cases (edit.ts). */
  schemaRoot: () => SchemaNode | undefined = () => undefined;
  /** Which special groups (re0, node0) apply on the device (groups.ts). */
  inheritance: InheritanceContext = MASTER_RE;

  /** `tree` with its groups applied, as `inherit="inherit"` and `| display inheritance` show it. */
  inherited(tree: ConfigNode): Work<InheritedConfiguration> {
    return inheritGroupsWork(tree, this.inheritance, this.schemaRoot());
  }

  constructor(
    private readonly clock: VirtualClock,
    initial: ConfigNode | ConfigurationJson,
  ) {
    this.confirm = new PendingConfirm(clock, (previous) => this.rollBackUnconfirmed(previous));
    if ('history' in initial) {
      this.history = structuredClone(initial.history);
      const candidate = clone(initial.candidate);
      // An unmodified candidate is the committed tree itself, so comparing them stays O(1).
      this.shared = sameTree(candidate, this.history[0]!.tree) ? this.history[0]!.tree : candidate;
      // Saved while a confirmed commit was pending: it still rolls back at its deadline.
      if (initial.confirm) this.confirm.arm(initial.confirm.deadline, clone(initial.confirm.previous), initial.confirm.user);
      if (initial.rescue) this.rescueTree = clone(initial.rescue);
    } else {
      this.history = [{ tree: clone(initial), info: { at: clock.now(), user: 'root' } }];
      this.shared = this.history[0]!.tree;
    }
  }

  /**
   * Starts over from `tree` as the only commit: history, candidates, private
   * candidates and a pending confirmed commit are gone (a device reset).
   */
  reset(tree: ConfigNode): void {
    this.history = [{ tree: clone(tree), info: { at: this.clock.now(), user: 'root' } }];
    this.shared = this.history[0]!.tree;
    this.privates = new WeakMap();
    this.confirm.clear();
    this.rescueTree = undefined;
    this.committedNow();
  }

  static fromJSON(clock: VirtualClock, raw: unknown): ConfigurationStore {
    const j = raw as Partial<ConfigurationJson> | null;
    if (!j || j.format !== CONFIGURATION_FORMAT || !Array.isArray(j.history) || j.history.length === 0 || !j.candidate) {
      throw new Error('configuration state: unsupported or damaged file');
    }
    return new ConfigurationStore(clock, j as ConfigurationJson);
  }

  toJSON(): ConfigurationJson {
    // Trees are immutable: the document can share them.
    const c = this.confirm.toJSON();
    return {
      format: CONFIGURATION_FORMAT,
      history: this.history.slice(),
      candidate: this.shared,
      ...(c ? { confirm: c } : {}),
      ...(this.rescueTree ? { rescue: this.rescueTree } : {}),
    };
  }

  /** Called with the new committed tree after every commit and confirmed-commit rollback. */
  onCommit(listener: (tree: ConfigNode) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Called after any change worth persisting. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  committed(): ConfigNode {
    this.expireIfDue();
    return this.history[0]!.tree;
  }

  /** `rollback n`: the configuration committed n commits ago (0 is the current one). */
  rollback(n: number): ConfigNode | undefined {
    this.expireIfDue();
    return this.history[n]?.tree;
  }

  /** Who committed `rollback n`, and when. */
  commitInfo(n: number): CommitInfo | undefined {
    this.expireIfDue();
    return this.history[n]?.info;
  }

  lastCommit(): CommitInfo {
    return this.history[0]!.info;
  }

  /** The candidate a session edits: its private one when it opened one, else the shared one. */
  candidate(owner: object): ConfigNode {
    this.expireIfDue();
    return this.privates.get(owner) ?? this.shared;
  }

  hasPrivate(owner: object): boolean {
    return this.privates.has(owner);
  }

  /** True when the candidate differs from the committed configuration. */
  isModified(owner?: object): boolean {
    const c = owner === undefined ? this.shared : this.candidate(owner);
    return !sameTree(c, this.committed());
  }

  openPrivate(owner: object): void {
    if (!this.privates.has(owner)) this.privates.set(owner, this.committed());
  }

  /** A private candidate's uncommitted changes go with it, as on Junos. */
  closePrivate(owner: object): boolean {
    return this.privates.delete(owner);
  }

  /** Applies a load at once; returns its warnings (`statement not found`). */
  load(owner: object, edits: readonly EditNode[], action: LoadAction): EditWarning[] {
    const warnings: EditWarning[] = [];
    this.replaceCandidate(owner, runNow(loadWork(this.candidate(owner), edits, action, warnings, this.schemaRoot())));
    return warnings;
  }

  /**
   * `load`, computed in slices so other sessions are served meanwhile. The
   * candidate changes at the end, at once, after `guard` (which may throw,
   * e.g. when another session took the lock meanwhile, or the change is one
   * the user may not make): a load acts as if it ran whole at that moment.
   */
  async loadSliced(
    owner: object,
    edits: readonly EditNode[],
    action: LoadAction,
    /** Also sees the load's warnings: edit-config refuses an absent delete from 23.1 on. */
    guard: (before: ConfigNode, after: ConfigNode, warnings: readonly EditWarning[]) => void = () => undefined,
    check?: (before: ConfigNode, after: ConfigNode) => Work<void>,
  ): Promise<EditWarning[]> {
    for (let attempt = 1; ; attempt++) {
      const base = this.candidate(owner);
      const warnings: EditWarning[] = [];
      const work = loadWork(base, edits, action, warnings, this.schemaRoot());
      const sliced = attempt < SLICED_LOAD_TRIES;
      const tree = sliced ? await runSliced(work) : runNow(work);
      if (this.candidate(owner) !== base) continue;
      // `check` (the permission walk of a large change) depends on base and tree only: valid while the candidate is still base.
      if (check) {
        if (sliced) await runSliced(check(base, tree));
        else runNow(check(base, tree));
        if (this.candidate(owner) !== base) continue;
      }
      guard(base, tree, warnings);
      this.replaceCandidate(owner, tree);
      return warnings;
    }
  }

  /** Loads `rollback N` into the session's candidate, after `guard` allows the change. */
  loadRollback(owner: object, n: number, guard: (before: ConfigNode, after: ConfigNode) => void = () => undefined): void {
    const r = this.history[n];
    if (!r) throw new CommitRefused([{ path: '[edit]', element: String(n), message: `rollback ${n} does not exist` }]);
    guard(this.candidate(owner), r.tree);
    this.replaceCandidate(owner, r.tree);
  }

  /** `request system configuration rescue save`: the committed configuration becomes the rescue one. */
  saveRescue(): void {
    this.rescueTree = this.committed();
    this.changed();
  }

  /** `request system configuration rescue delete`; true when there was one (Junos answers the same either way). */
  deleteRescue(): boolean {
    if (!this.rescueTree) return false;
    this.rescueTree = undefined;
    this.changed();
    return true;
  }

  rescue(): ConfigNode | undefined {
    return this.rescueTree;
  }

  /** `load-configuration rescue="rescue"` / `rollback rescue`: the rescue configuration becomes the candidate. */
  loadRescue(owner: object, guard: (before: ConfigNode, after: ConfigNode) => void = () => undefined): void {
    const r = this.rescueTree;
    if (!r) throw new CommitRefused([{ path: '[edit]', element: 'rescue', message: 'no rescue configuration is set' }]);
    guard(this.candidate(owner), r);
    this.replaceCandidate(owner, r);
  }

  discard(owner: object): void {
    this.replaceCandidate(owner, this.committed());
  }

  private replaceCandidate(owner: object, tree: ConfigNode): void {
    if (this.privates.has(owner)) this.privates.set(owner, tree);
    else this.shared = tree;
    this.changed();
  }

  check(owner: object): void {
    const errors = this.validate(this.candidate(owner));
    if (errors.length > 0) throw new CommitRefused(errors);
  }

  /** `check` with the checks in slices (validateWork): a 16,000-interface candidate's took 30-120 ms at once. */
  async checkSliced(owner: object): Promise<void> {
    const errors = await runSliced(this.validateWork(this.candidate(owner)));
    if (errors.length > 0) throw new CommitRefused(errors);
  }

  /**
   * `commit` with its checks in slices, so other sessions are served while a
   * large candidate is checked: `guard` (write access, e.g. the lock; at
   * once), `check` (the permission walk from the committed tree to the
   * candidate) and the validation run on the trees as they were when they
   * began; if the candidate or the committed tree changed meanwhile they run
   * again (at once after a few tries), so the commit acts as if it ran whole
   * at the moment it happens.
   */
  async commitSliced(
    owner: object,
    user: string,
    opts: { comment?: string; confirmMinutes?: number } = {},
    guard: () => void = () => undefined,
    check?: (before: ConfigNode, after: ConfigNode) => Work<void>,
  ): Promise<void> {
    for (let attempt = 1; attempt < SLICED_LOAD_TRIES; attempt++) {
      guard();
      const committed = this.committed();
      const candidate = this.candidate(owner);
      if (check) await runSliced(check(committed, candidate));
      const errors = await runSliced(this.validateWork(candidate));
      if (this.committed() !== committed || this.candidate(owner) !== candidate) continue;
      guard();
      if (errors.length > 0) throw new CommitRefused(errors);
      this.commitChecked(owner, user, opts);
      return;
    }
    // Others kept changing the trees: once more, at once.
    guard();
    if (check) runNow(check(this.committed(), this.candidate(owner)));
    const errors = runNow(this.validateWork(this.candidate(owner)));
    if (errors.length > 0) throw new CommitRefused(errors);
    this.commitChecked(owner, user, opts);
  }

  /**
   * Commits the session's candidate. A plain commit also confirms a pending
   * `commit confirmed`. With `confirmMinutes`, the previous configuration
   * comes back unless another commit follows in time.
   */
  commit(owner: object, user: string, opts: { comment?: string; confirmMinutes?: number } = {}): void {
    this.check(owner);
    this.commitChecked(owner, user, opts);
  }

  /** The commit itself, after its checks. */
  private commitChecked(owner: object, user: string, opts: { comment?: string; confirmMinutes?: number }): void {
    const previous = this.committed();
    const tree = ownRoot(this.candidate(owner));
    this.push(tree, { at: this.clock.now(), user, ...(opts.comment ? { comment: opts.comment } : {}) });
    if (this.privates.has(owner) && !this.isModifiedShared(previous)) this.shared = tree;
    if (opts.confirmMinutes !== undefined) this.confirm.arm(this.clock.now() + opts.confirmMinutes * 60_000, this.confirm.previous ?? previous, user);
    else this.confirm.clear();
    this.committedNow();
  }

  pendingConfirm(): ConfirmState | undefined {
    return this.confirm.state();
  }

  private isModifiedShared(previous: ConfigNode): boolean {
    return !sameTree(this.shared, previous);
  }

  private push(tree: ConfigNode, info: CommitInfo): void {
    this.history.unshift({ tree, info });
    if (this.history.length > HISTORY) this.history.length = HISTORY;
  }

  private expireIfDue(): void {
    this.confirm.expireIfDue();
  }

  /** The confirmed commit was not confirmed in time: commit the previous configuration again. */
  private rollBackUnconfirmed(previous: ConfigNode): void {
    const tree = ownRoot(previous);
    this.push(tree, { at: this.clock.now(), user: 'root', comment: 'automatic rollback: commit confirmed was not confirmed' });
    this.shared = tree;
    this.committedNow();
  }

  private committedNow(): void {
    const t = this.history[0]!.tree;
    for (const l of this.commitListeners) l(t);
    this.changed();
  }

  private changed(): void {
    for (const l of this.changeListeners) l();
  }
}

function loadWork(base: ConfigNode, edits: readonly EditNode[], action: LoadAction, warnings: EditWarning[], schema: SchemaNode | undefined): Work<ConfigNode> {
  // `replace` only changes how marked statements apply; that is in the edits.
  return action === 'override' ? overrideWork(base, edits, schema) : editTreeWork(base, edits, warnings, schema);
}

export { emptyConfiguration };
