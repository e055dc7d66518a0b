/** The fault plan's vocabulary: when a fault fires (scope) and what it does (action). */
import type { RpcErrorInfo } from '../xml/rpc-error.js';

export type FaultAction =
  /** Holds the reply this long (virtual time unless `realTime`). */
  | { readonly type: 'delay'; readonly ms: number; readonly realTime: boolean }
  /** Replies with these rpc-errors instead of running the RPC; `ok` adds `<ok/>` (warnings). */
  | { readonly type: 'rpc-error'; readonly errors: readonly RpcErrorInfo[]; readonly ok: boolean }
  /**
   * Runs the RPC and adds these warnings where Junos puts them: beside an
   * `<ok/>` reply, or as the first children of the result element.
   */
  | { readonly type: 'warning'; readonly errors: readonly RpcErrorInfo[] }
  /** Replies with this content inside `<rpc-reply>` instead of running the RPC. */
  | { readonly type: 'reply'; readonly body: string }
  | { readonly type: 'drop'; readonly at: 'before-reply' | 'mid-reply' | 'mid-chunk' }
  | { readonly type: 'hang' }
  | { readonly type: 'drip'; readonly bytes: number; readonly intervalMs: number; readonly realTime: boolean }
  | { readonly type: 'refuse-netconf' }
  | { readonly type: 'refuse-login' }
  | { readonly type: 'session-limit' }
  /** Old Junos: a `]]>]]>` from the client that straddles a 4096-byte boundary is not seen. */
  | { readonly type: 'eom-split-4096' }
  | { readonly type: 'media-io-error' | 'medium-removed' | 'medium-full'; readonly medium?: string; readonly re?: string; readonly progress: number }
  | { readonly type: 'unreachable'; readonly target: string }
  /** An SCP or SFTP copy runs at this many bytes per second (real time). */
  | { readonly type: 'copy-slow'; readonly bytesPerSecond: number; readonly direction?: 'put' | 'get' }
  /** The connection drops part-way through a copy; `copy-corrupt` flips one byte of it instead. */
  | { readonly type: 'copy-cut' | 'copy-corrupt'; readonly progress: number; readonly atByte?: number; readonly direction?: 'put' | 'get' };

export type FaultActionType = FaultAction['type'];

export const FAULT_ACTIONS: readonly FaultActionType[] = [
  'delay',
  'rpc-error',
  'warning',
  'reply',
  'drop',
  'hang',
  'drip',
  'refuse-netconf',
  'refuse-login',
  'session-limit',
  'eom-split-4096',
  'media-io-error',
  'medium-removed',
  'medium-full',
  'unreachable',
  'copy-slow',
  'copy-cut',
  'copy-corrupt',
];

export interface FaultScope {
  /** Device names; absent means every device. */
  readonly devices?: readonly string[];
  readonly users?: readonly string[];
  /** RPC operation names (`request-snapshot`, `get-config`). */
  readonly rpcs?: readonly string[];
  /** CLI text a `<command>` RPC starts with (`show version`). */
  readonly command?: string;
  /** Fires on these matching calls only, counted from 1 per fault. */
  readonly nth?: readonly number[];
  /** Fires on each matching call with this probability, drawn from a generator seeded with `seed`. */
  readonly probability?: number;
  readonly seed: number;
  /** Fires at most this many times. */
  readonly count?: number;
  /** Virtual-time window after arming: active from `afterMs` until `beforeMs`. */
  readonly afterMs?: number;
  readonly beforeMs?: number;
}

export interface FaultSpec {
  readonly id: string;
  readonly scope: FaultScope;
  readonly action: FaultAction;
}

/** What the API shows of an armed fault. */
export interface FaultStatus {
  readonly id: string;
  readonly action: FaultActionType;
  readonly spec: Record<string, unknown>;
  /** Calls that matched the scope so far, and how many of them fired. */
  readonly matched: number;
  readonly fired: number;
  /** Virtual time it was armed, ISO 8601. */
  readonly armedAt: string;
}
