/**
 * The armed faults of one emulator and the decision of which fire. Each
 * layer asks through a small hook (session, listener, snapshot engine);
 * only this module knows scopes, counters and seeds.
 */
import type { VirtualClock } from '../engine/index.js';
import type { FaultAction, FaultActionType, FaultSpec, FaultStatus } from './types.js';
import { FaultSpecError, parseFault } from './parse.js';

/** Something that happened where a fault could fire. */
export interface FaultEvent {
  readonly device: string;
  /** Which actions can fire here. */
  readonly kinds: readonly FaultActionType[];
  readonly session?: number;
  readonly user?: string;
  readonly rpc?: string;
  readonly command?: string;
  /** Extra match on the action's own parameters (a medium, a target). */
  readonly accepts?: (a: FaultAction) => boolean;
  /** Said in the request log when a fault fires. */
  readonly detail: string;
}

export interface FiredFault {
  readonly id: string;
  readonly action: FaultAction;
}

export type FireListener = (fault: FiredFault, event: FaultEvent) => void;

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Armed {
  readonly spec: FaultSpec;
  readonly raw: Record<string, unknown>;
  readonly armedAt: number;
  readonly random: () => number;
  matched: number;
  fired: number;
}

export class FaultPlan {
  private readonly armed: Armed[] = [];
  private readonly clock: VirtualClock;
  private readonly listeners = new Set<FireListener>();
  private nextId = 1;
  /** Counts armed faults per action, so hot paths can skip work when none could fire. */
  private readonly byType = new Map<FaultActionType, number>();

  constructor(clock: VirtualClock) {
    this.clock = clock;
  }

  /** Arms one fault or a list, from their YAML/JSON form. All or nothing: a bad entry arms none. */
  arm(raw: unknown): FaultStatus[] {
    const list = Array.isArray(raw) ? raw : [raw];
    const specs = list.map((r, i) => {
      const id = `f${this.nextId + i}`;
      return { spec: parseFault(r, Array.isArray(raw) ? `faults[${i}]` : 'fault', id, this.nextId + i), raw: r as Record<string, unknown> };
    });
    for (const { spec } of specs) {
      if (this.armed.some((a) => a.spec.id === spec.id) || specs.filter((s) => s.spec.id === spec.id).length > 1) {
        throw new FaultSpecError(`fault id '${spec.id}' is already armed`);
      }
    }
    this.nextId += list.length;
    const now = this.clock.now();
    const added = specs.map(({ spec, raw: r }) => {
      const a: Armed = { spec, raw: { ...r, id: spec.id }, armedAt: now, random: generator(spec.scope.seed), matched: 0, fired: 0 };
      this.armed.push(a);
      this.byType.set(spec.action.type, (this.byType.get(spec.action.type) ?? 0) + 1);
      return a;
    });
    return added.map((a) => this.status(a));
  }

  list(): FaultStatus[] {
    return this.armed.map((a) => this.status(a));
  }

  /** Clears one fault by id (false if unknown), or every fault. */
  clear(id?: string): boolean {
    if (id === undefined) {
      this.armed.length = 0;
      this.byType.clear();
      return true;
    }
    const i = this.armed.findIndex((a) => a.spec.id === id);
    if (i < 0) return false;
    const [a] = this.armed.splice(i, 1);
    this.byType.set(a!.spec.action.type, (this.byType.get(a!.spec.action.type) ?? 1) - 1);
    return true;
  }

  has(type: FaultActionType): boolean {
    return (this.byType.get(type) ?? 0) > 0;
  }

  /** Some fault of one of these actions is armed (a loop, not a closure: every RPC asks). */
  hasAny(types: readonly FaultActionType[]): boolean {
    for (let i = 0; i < types.length; i++) if (this.has(types[i]!)) return true;
    return false;
  }

  onFire(listener: FireListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The faults that fire for this event, in arming order. Counters move for
   * every fault whose scope matches, so nth and seeded draws are the same
   * on every run that makes the same calls.
   */
  fire(e: FaultEvent): FiredFault[] {
    if (!this.hasAny(e.kinds)) return [];
    const out: FiredFault[] = [];
    const now = this.clock.now();
    for (const a of this.armed) {
      const { scope, action } = a.spec;
      if (!e.kinds.includes(action.type)) continue;
      if (scope.devices && !scope.devices.includes(e.device)) continue;
      if (scope.users && (e.user === undefined || !scope.users.includes(e.user))) continue;
      if (scope.rpcs && e.rpc !== undefined && !scope.rpcs.includes(e.rpc)) continue;
      if (scope.command !== undefined && (e.command === undefined || !e.command.replace(/\s+/g, ' ').startsWith(scope.command))) continue;
      if (e.accepts && !e.accepts(action)) continue;
      const age = now - a.armedAt;
      if (scope.afterMs !== undefined && age < scope.afterMs) continue;
      if (scope.beforeMs !== undefined && age >= scope.beforeMs) continue;
      a.matched++;
      if (scope.nth && !scope.nth.includes(a.matched)) continue;
      if (scope.probability !== undefined && !(a.random() < scope.probability)) continue;
      if (scope.count !== undefined && a.fired >= scope.count) continue;
      a.fired++;
      const f = { id: a.spec.id, action };
      out.push(f);
      for (const l of this.listeners) l(f, e);
    }
    return out;
  }

  private status(a: Armed): FaultStatus {
    return { id: a.spec.id, action: a.spec.action.type, spec: a.raw, matched: a.matched, fired: a.fired, armedAt: new Date(a.armedAt).toISOString() };
  }
}
