/**
 * The open-file limit (RLIMIT_NOFILE) and what it allows. Every SSH
 * connection holds one descriptor, every listening device endpoint one, a
 * transcript one more per session; the limit, not memory, is what stops a
 * process first (1,003 sessions failed on a 1,024 limit).
 *
 * Node itself raises the soft limit to the hard one when it starts (node.cc,
 * PlatformInit: under `prlimit --nofile=1024:4096` the first line of our code
 * already sees 4096:4096), so "soft up to hard" needs nothing from us; what is
 * left is going above the hard limit, which only a privileged process may do
 * (root, CAP_SYS_RESOURCE: containers and CI often run so). Node has no
 * setrlimit, so `--open-files N` asks util-linux's `prlimit --pid` to set
 * this process's limits (a few ms, once at start).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { EmulatorConfig } from '../options/types.js';

export interface OpenFileLimit {
  soft: number;
  hard: number;
  /** What raising it said, when it was tried and did not reach the target. */
  problem?: string;
}

/** Descriptors kept free for logs, state writes, worker threads and the control API's clients. */
export const RESERVED_FDS = 64;

function parseLimit(s: string): number {
  return s === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(s);
}

/** This process's limit, from /proc (Linux); undefined elsewhere. */
export function readOpenFileLimit(): OpenFileLimit | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const m = line ? /Max open files\s+(\S+)\s+(\S+)/.exec(line) : null;
    return m ? { soft: parseLimit(m[1]!), hard: parseLimit(m[2]!) } : undefined;
  } catch {
    return undefined;
  }
}

/** Descriptors open right now (Linux); 0 where /proc is missing. */
export function openDescriptors(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}

/**
 * Makes the limit at least `wanted` (default: the hard limit, which Node has
 * already made the soft one). Above the hard limit this takes privilege.
 */
export function raiseOpenFileLimit(wanted?: number): OpenFileLimit | undefined {
  const now = readOpenFileLimit();
  if (!now) return undefined;
  const target = Math.max(wanted ?? now.hard, now.soft);
  if (target <= now.soft) return now;
  const hard = Math.max(target, now.hard);
  const r = spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${target}:${hard}`], { encoding: 'utf8' });
  const after = readOpenFileLimit() ?? now;
  if (after.soft >= target) return after;
  const why = r.error ? `prlimit: ${r.error.message}` : (r.stderr.trim() || `prlimit exited with ${r.status}`);
  return { ...after, problem: why };
}

export interface SessionRoom {
  /** SSH connections the descriptors left allow (after RESERVED_FDS). */
  byFiles: number;
  /** What the devices' connection-limit allow in all. */
  byDevices: number;
}

export function sessionRoom(limit: OpenFileLimit, open: number, perSession: number, connectionLimits: readonly number[]): SessionRoom {
  return {
    byFiles: Math.max(0, Math.floor((limit.soft - open - RESERVED_FDS) / perSession)),
    byDevices: connectionLimits.reduce((a, b) => a + b, 0),
  };
}

/** The banner's line about the limits. */
export function limitLine(limit: OpenFileLimit | undefined, room: SessionRoom | undefined, wanted?: number): string {
  if (!limit || !room) return 'open files: limit unknown on this system (no /proc); each SSH session holds one descriptor';
  const fmt = (n: number): string => (n >= Number.MAX_SAFE_INTEGER ? 'unlimited' : n.toLocaleString('en-US'));
  const asked = wanted !== undefined && limit.soft < wanted ? `; asked for ${fmt(wanted)}: ${limit.problem ?? 'not raised'}` : '';
  const sessions = Math.min(room.byFiles, room.byDevices);
  return (
    `open files: limit ${fmt(limit.soft)} (hard ${fmt(limit.hard)}${asked}): room for ${fmt(sessions)} SSH sessions at once ` +
    `(${fmt(room.byFiles)} by open files, ${fmt(room.byDevices)} by the devices' connection-limit)`
  );
}

/** What a configuration needs from the limit: its listening endpoints and per-session descriptors. */
export interface LimitNeeds {
  /** Listening endpoints (devices, backup REs). */
  listeners: number;
  /** Descriptors per session: 1, or 2 with transcripts. */
  perSession: number;
  /** Each endpoint's connection-limit. */
  connectionLimits: number[];
}

/**
 * At start: raises the limit, refuses (returns an error) when the devices
 * cannot even listen, and gives the banner line once they do.
 */
export function checkStartLimits(needs: LimitNeeds, wanted?: number): { error?: string; bannerLine: () => string } {
  const limit = raiseOpenFileLimit(wanted);
  const least = needs.listeners + RESERVED_FDS;
  const error =
    limit && limit.soft < least
      ? `${needs.listeners.toLocaleString('en-US')} listening endpoints need at least ${least.toLocaleString('en-US')} open files; the limit is ${limit.soft} (hard ${limit.hard}` +
        `${limit.problem ? `; ${limit.problem}` : ''}): raise it (ulimit -n, prlimit, or --open-files N as root)`
      : undefined;
  return {
    error,
    bannerLine: () => limitLine(limit, limit ? sessionRoom(limit, openDescriptors(), needs.perSession, needs.connectionLimits) : undefined, wanted),
  };
}

export function limitNeeds(config: EmulatorConfig): LimitNeeds {
  const endpoints = config.devices.flatMap((d) => (d.backupRePort !== undefined ? [d, d] : [d]));
  return { listeners: endpoints.length, perSession: config.transcriptDir !== undefined ? 2 : 1, connectionLimits: endpoints.map((d) => d.limits.connectionLimit) };
}
