/**
 * `request system snapshot`: plans every target, runs the steps on the
 * virtual clock and commits each target's changes when its steps are done.
 * The run does not depend on the client: once started it completes (or the
 * clock shuts down) whether or not anyone waits for the reply.
 */
import type { SnapshotOptions } from '../grammar/request-snapshot.js';
import type { VirtualClock } from './clock.js';
import { MIRROR_REFUSAL, SnapshotRefusal } from './errors.js';
import { mediaFailureMessages } from './fault-hooks.js';
import { isRemovable, type DeviceModel } from './model.js';
import { failed } from './plan.js';
import type { TargetPlan } from './plan.js';
import { planJTarget } from './plan-j.js';
import { planMxTarget } from './plan-mx.js';
import { planNewfsTarget } from './plan-ppc.js';
import { planVolumeTarget } from './plan-volume.js';
import type { RoutingEngineState } from './state.js';
import type { SnapshotResult, SnapshotStep, TargetResult } from './results.js';
import { selectTargets } from './targets.js';

/**
 * What a run reports as it goes, for callers that show output while the work
 * proceeds (the CLI): the targets once planned, each step's line as the step
 * starts (a copy line as its copy begins), and each target when it is done.
 */
export type SnapshotProgress =
  | { readonly kind: 'targets'; readonly multi: boolean; readonly reNames: readonly string[] }
  | { readonly kind: 'step'; readonly reName: string; readonly step: SnapshotStep }
  | { readonly kind: 'done'; readonly target: TargetResult };

export interface SnapshotRunOptions {
  readonly onProgress?: (e: SnapshotProgress) => void;
}

export function busyMessage(reName: string): string {
  return `Another snapshot is already in progress on ${reName}; try again when it completes.`;
}

/** Plans without running: what a snapshot would do now (used by runSnapshot and tests). */
export function planSnapshot(model: DeviceModel, sessionRe: string, opts: SnapshotOptions, now = 0): { multi: boolean; plans: TargetPlan[] } {
  const row = model.release;
  if (model.settings.mirrorFlashOnDisk && row.snapshot !== 'junos-volume') throw new SnapshotRefusal(MIRROR_REFUSAL);
  const media = opts.media;
  if (media !== undefined && row.snapshot !== 'dual-root' && !row.snapshotMedia.includes(media)) {
    throw new SnapshotRefusal(`media ${media} is not supported on this platform: use ${row.snapshotMedia.join(', ')}`, { badElement: media });
  }
  const plan = (re: RoutingEngineState): TargetPlan => {
    switch (row.snapshot) {
      case 'altroot':
        return planMxTarget(model, re, opts, row.copyStyle);
      case 'newfs-media':
        return planNewfsTarget(model, re, opts);
      case 'junos-volume':
        return planVolumeTarget(model, re, opts, now);
      case 'dual-root':
        return planJTarget(model, re, opts);
    }
  };
  const sel = selectTargets(model, sessionRe, opts.selectors, 'all');
  const plans = sel.targets.map((t) => (t.re ? plan(t.re) : failed(t.name, null, [t.error ?? 'unreachable'])));
  return { multi: sel.multi, plans };
}

export async function runSnapshot(
  model: DeviceModel,
  clock: VirtualClock,
  sessionRe: string,
  opts: SnapshotOptions,
  run: SnapshotRunOptions = {},
): Promise<SnapshotResult> {
  const { multi, plans } = planSnapshot(model, sessionRe, opts, clock.now());
  const textOnly = model.release.snapshot === 'junos-volume';
  const report = run.onProgress;
  const runOne = async (p: TargetPlan, locked: boolean): Promise<TargetResult> => {
    const t = await runTarget(model, clock, p, locked, report);
    report?.({ kind: 'done', target: t });
    return t;
  };
  if (!multi) {
    const only = plans[0]!;
    if (only.errors.length > 0) throw new SnapshotRefusal(only.errors[0]!, { more: only.errors.slice(1) });
    if (only.re && !model.tryLock(only.re.name)) throw new SnapshotRefusal(busyMessage(only.re.name));
    report?.({ kind: 'targets', multi, reNames: [only.reName] });
    return { multi, textOnly, targets: [await runOne(only, true)] };
  }
  // Claim every runnable target before the first await, so a concurrent
  // request sees them busy.
  const claimed = plans.map((p) => {
    if (!p.re || p.errors.length > 0) return p;
    return model.tryLock(p.re.name) ? p : failed(p.reName, p.re, [busyMessage(p.re.name)]);
  });
  const locked = claimed.map((p, i) => p === plans[i] && p.re !== null && p.errors.length === 0);
  report?.({ kind: 'targets', multi, reNames: claimed.map((p) => p.reName) });
  const targets = await Promise.all(claimed.map((p, i) => runOne(p, locked[i]!)));
  return { multi, textOnly, targets };
}

async function runTarget(
  model: DeviceModel,
  clock: VirtualClock,
  plan: TargetPlan,
  locked: boolean,
  report: SnapshotRunOptions['onProgress'],
): Promise<TargetResult> {
  const started = (step: SnapshotStep): void => report?.({ kind: 'step', reName: plan.reName, step });
  const steps: SnapshotStep[] = [];
  if (plan.errors.length > 0) return { reName: plan.reName, steps, errors: plan.errors };
  const hooks = model.faultHooks;
  try {
    let deadline = clock.now();
    let copyIndex = 0;
    for (const s of plan.steps) {
      const out = s.out;
      if (out?.kind === 'copy' && plan.medium && hooks?.copyFailure) {
        const target = { reName: plan.reName, medium: plan.medium.kind, device: plan.medium.device, source: out.source, destination: out.destination };
        const failure = hooks.copyFailure(target);
        if (failure) {
          // The copy line is printed as the copy starts; the failure follows it.
          steps.push(out);
          started(out);
          await clock.sleepUntil(deadline + Math.floor(s.ms * failure.progress));
          plan.interrupt?.(copyIndex, failure.progress, clock.now());
          if (failure.kind === 'removed' && isRemovable(plan.medium.kind)) {
            model.updateSettings({ insertedMedia: model.settings.insertedMedia.filter((m) => m !== plan.medium!.kind) });
          }
          model.changed();
          return { reName: plan.reName, steps, errors: mediaFailureMessages(failure.kind, target) };
        }
      }
      if (out?.kind === 'copy') copyIndex++;
      if (out) started(out);
      deadline += s.ms;
      if (s.ms > 0) await clock.sleepUntil(deadline);
      if (out) steps.push(out);
    }
    plan.commit(clock.now());
    model.changed();
  } finally {
    if (locked && plan.re) model.unlock(plan.re.name);
  }
  return { reName: plan.reName, steps, errors: [], ...(plan.boots !== undefined ? { boots: plan.boots } : {}) };
}

/** Total virtual duration of a plan set (targets run in parallel). */
export function plannedDurationMs(plans: readonly TargetPlan[]): number {
  return plans.reduce((m, p) => Math.max(m, p.steps.reduce((s, st) => s + st.ms, 0)), 0);
}
