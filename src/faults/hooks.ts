/**
 * Turns the fault plan into the hooks each layer calls: the session's
 * interceptor, the SSH listener's refusals and the snapshot engine's media
 * and reachability questions. Every fired fault goes to the request log
 * through the plan's fire listeners.
 */
import type { SnapshotFaultHooks, VirtualClock } from '../engine/index.js';
import type { Delivery, ReplyOverride, RpcDirective, SessionInterceptor } from '../session/interceptor.js';
import type { SshListenerOptions } from '../transport/ssh-listener.js';
import { EomSplitFilter } from './eom-split.js';
import type { FaultPlan } from './plan.js';
import type { FaultAction } from './types.js';
import type { RpcErrorInfo } from '../xml/rpc-error.js';
import type { CopyFault, CopyFaultHooks } from '../files/copy-access.js';

const RPC_ACTIONS = ['delay', 'rpc-error', 'warning', 'reply', 'drop', 'hang', 'drip'] as const;

function waitFor(clock: VirtualClock, ms: number, realTime: boolean): () => Promise<void> {
  if (realTime) return () => new Promise((resolve) => setTimeout(resolve, ms));
  // A clock shut down mid-wait means the emulator is stopping: just go on.
  return () => clock.sleep(ms).catch(() => undefined);
}

/** Folds the fired RPC faults into one directive: delays add up; the first reply and the first delivery win. */
export function directiveFor(actions: readonly FaultAction[], clock: VirtualClock): RpcDirective | undefined {
  if (actions.length === 0) return undefined;
  const waits: Array<() => Promise<void>> = [];
  let reply: ReplyOverride | undefined;
  let delivery: Delivery | undefined;
  const warnings: RpcErrorInfo[] = [];
  for (const a of actions) {
    switch (a.type) {
      case 'delay':
        waits.push(waitFor(clock, a.ms, a.realTime));
        break;
      case 'rpc-error':
        reply ??= { kind: 'errors', errors: a.errors, ok: a.ok };
        break;
      case 'warning':
        warnings.push(...a.errors);
        break;
      case 'reply':
        reply ??= { kind: 'body', body: a.body };
        break;
      case 'drop':
        delivery ??= { kind: 'drop', at: a.at };
        break;
      case 'hang':
        delivery ??= { kind: 'hang' };
        break;
      case 'drip':
        delivery ??= { kind: 'drip', bytes: a.bytes, pause: waitFor(clock, a.intervalMs, a.realTime) };
        break;
      default:
        break;
    }
  }
  const d: { wait?: () => Promise<void>; reply?: ReplyOverride; delivery?: Delivery; warnings?: readonly RpcErrorInfo[] } = {};
  if (warnings.length > 0) d.warnings = warnings;
  if (waits.length > 0) d.wait = async () => {
    for (const w of waits) await w();
  };
  if (reply) d.reply = reply;
  if (delivery) d.delivery = delivery;
  return d;
}

/** The interceptor of one session of `device`. */
export function sessionInterceptor(plan: FaultPlan, clock: VirtualClock, device: string, session: { id: number; user: string }): SessionInterceptor {
  const eom = new EomSplitFilter(
    () => plan.has('eom-split-4096'),
    (offset) =>
      plan.fire({
        device,
        kinds: ['eom-split-4096'],
        session: session.id,
        user: session.user,
        detail: `]]>]]> at byte ${offset} straddles a 4096-byte boundary: not seen`,
      }).length > 0,
  );
  return {
    beforeDispatch: (call) => {
      // With no RPC fault armed (the common case), no event, detail text or action list is built per RPC.
      if (!plan.hasAny(RPC_ACTIONS)) return undefined;
      const fired = plan.fire({
        device,
        kinds: RPC_ACTIONS,
        session: session.id,
        user: session.user,
        rpc: call.rpc,
        command: call.command,
        detail: `${call.rpc}${call.command ? ` "${call.command}"` : ''} message-id ${call.messageId ?? '-'}`,
      });
      return directiveFor(
        fired.map((f) => f.action),
        clock,
      );
    },
    mayDirect: () => plan.hasAny(RPC_ACTIONS),
    filterInbound: (data, framing) => (framing === 'eom' ? eom.filter(data) : data),
  };
}

export function listenerHooks(plan: FaultPlan, device: string): Pick<SshListenerOptions, 'refuseLogin' | 'refuseNetconf' | 'refuseConnection'> {
  return {
    refuseLogin: (user, ip) => plan.fire({ device, kinds: ['refuse-login'], user, detail: `login of ${user} from ${ip} refused` }).length > 0,
    refuseNetconf: (peer) =>
      plan.fire({ device, kinds: ['refuse-netconf'], user: peer.user.name, detail: `netconf subsystem refused to ${peer.user.name}` }).length > 0,
    refuseConnection: (ip) => plan.fire({ device, kinds: ['session-limit'], detail: `connection from ${ip} refused: session limit reached` }).length > 0,
  };
}

export function snapshotHooks(plan: FaultPlan, device: string): SnapshotFaultHooks {
  return {
    copyFailure: (t) => {
      const fired = plan.fire({
        device,
        kinds: ['media-io-error', 'medium-removed', 'medium-full'],
        rpc: 'request-snapshot',
        accepts: (a) =>
          (a.type === 'media-io-error' || a.type === 'medium-removed' || a.type === 'medium-full') && (a.medium === undefined || a.medium === t.medium || a.medium === t.device) && (a.re === undefined || a.re === t.reName),
        detail: `copy of ${t.source} to ${t.destination} on ${t.reName} ${t.device} (${t.medium})`,
      });
      const a = fired[0]?.action;
      if (!a || (a.type !== 'media-io-error' && a.type !== 'medium-removed' && a.type !== 'medium-full')) return undefined;
      const kind = a.type === 'media-io-error' ? 'io-error' : a.type === 'medium-full' ? 'full' : 'removed';
      return { kind, progress: a.progress };
    },
    unreachable: (name, chassis) =>
      plan.fire({
        device,
        kinds: ['unreachable'],
        accepts: (a) => a.type === 'unreachable' && (a.target === name || (chassis !== '' && a.target === chassis)),
        detail: `${name} unreachable`,
      }).length > 0,
  };
}

/** Where an SFTP upload's size is not known when it opens, `progress` counts from this many bytes. */
const UNKNOWN_SIZE_BYTES = 65_536;

/** SCP and SFTP copies: `rpc: scp` or `rpc: sftp` scopes a fault to one protocol, `direction` to put or get. */
export function copyHooks(plan: FaultPlan, device: string): CopyFaultHooks {
  return {
    onCopy: (c) => {
      const fired = plan.fire({
        device,
        kinds: ['copy-slow', 'copy-cut', 'copy-corrupt'],
        user: c.user,
        rpc: c.protocol,
        accepts: (a) => (a.type === 'copy-slow' || a.type === 'copy-cut' || a.type === 'copy-corrupt') && (a.direction === undefined || a.direction === c.direction),
        detail: `${c.protocol} ${c.direction} ${c.path}${c.size >= 0 ? ` (${c.size} bytes)` : ''}`,
      });
      if (fired.length === 0) return undefined;
      const at = (progress: number, atByte: number | undefined): number =>
        atByte ?? Math.floor(progress * (c.size >= 0 ? c.size : UNKNOWN_SIZE_BYTES));
      const f: { -readonly [K in keyof CopyFault]: CopyFault[K] } = {};
      for (const { action: a } of fired) {
        if (a.type === 'copy-slow') f.bytesPerSecond ??= a.bytesPerSecond;
        else if (a.type === 'copy-cut') f.cutAtByte ??= at(a.progress, a.atByte);
        else if (a.type === 'copy-corrupt') f.corruptAtByte ??= at(a.progress, a.atByte);
      }
      return f;
    },
  };
}
