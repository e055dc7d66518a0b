/**
 * The emulator under fuzz, as a child process started the way a user starts
 * it (dist/src/cli/main.js), so that a crash or an exit is seen rather than
 * taking the fuzzer down with it, and its memory is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { FuzzLimits } from './stream.js';

export const FUZZ_USER = { name: 'fuzz', password: 'fuzz123' };

export interface FuzzDevice {
  name: string;
  port: number;
  rfc11: boolean;
}

export interface FuzzServerOptions {
  /** Pairs of devices (default framing, rfc-compliant base:1.1); each fuzz worker has its own pair. */
  pairs: number;
  limits: FuzzLimits;
  keysDir?: string;
}

const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');

export class FuzzServer {
  readonly devices: FuzzDevice[] = [];
  controlUrl = '';
  /** Everything the server wrote to stderr (it logs at level error only). */
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private exitWaiters: Array<() => void> = [];

  private constructor(private readonly child: ChildProcess) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(o: FuzzServerOptions): Promise<FuzzServer> {
    const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-fuzz-'));
    const devices: Array<Record<string, unknown>> = [];
    for (let i = 0; i < o.pairs; i++) {
      devices.push({ name: `fz${i}`, port: 0 });
      devices.push({ name: `fz${i}-rfc`, port: 0, 'rfc-compliant': true, 'version-1.1': true });
    }
    const config = join(dir, 'fuzz.yaml');
    writeFileSync(
      config,
      stringify({
        users: [{ name: FUZZ_USER.name, password: FUZZ_USER.password }],
        limits: { 'max-message-bytes': o.limits.maxMessageBytes, 'max-xml-depth': o.limits.maxXmlDepth, 'connection-limit': 4 * o.pairs + 8 },
        devices,
      }),
    );
    const args = ['--max-semi-space-size=2', MAIN, '--config', config, '--speed', 'instant', '--log-level', 'error', '--control-port', '0', '--keys-dir', o.keysDir ?? join(dir, 'keys')];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const s = new FuzzServer(child);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      if (s.stderr.length < 1_000_000) s.stderr += d;
    });
    // The fuzzer may die on an error of its own: the server must not outlive it.
    const killChild = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killChild);
    child.on('exit', (code, signal) => {
      process.off('exit', killChild);
      s.exit = { code, signal };
      for (const w of s.exitWaiters.splice(0)) w();
    });
    await new Promise<void>((resolveStart, reject) => {
      let out = '';
      const want = 2 * o.pairs;
      const onData = (d: Buffer): void => {
        out += d.toString('utf8');
        for (const line of out.split('\n')) {
          const m = /^device (\S+) \(re0\): \S+ port (\d+),/.exec(line);
          if (m && !s.devices.some((x) => x.name === m[1])) s.devices.push({ name: m[1]!, port: Number(m[2]), rfc11: m[1]!.endsWith('-rfc') });
          const c = /^control API: (\S+)/.exec(line);
          if (c) s.controlUrl = c[1]!;
        }
        if (s.devices.length === want && s.controlUrl) {
          child.stdout!.off('data', onData);
          child.stdout!.resume();
          resolveStart();
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', () => reject(new Error(`the emulator exited at start: ${s.stderr}`)));
    });
    return s;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** Resident set size of the server process, in bytes (Linux). */
  rss(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  }

  /** CPU time the server process used so far, in seconds (Linux). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** Live NETCONF sessions of a device, from the control API. */
  async sessions(device: string): Promise<number> {
    const r = await fetch(`${this.controlUrl}/devices/${encodeURIComponent(device)}/sessions`);
    if (!r.ok) throw new Error(`GET sessions of ${device}: HTTP ${r.status}`);
    const body = (await r.json()) as unknown;
    const list = Array.isArray(body) ? body : (body as { sessions?: unknown[] }).sessions;
    if (!Array.isArray(list)) throw new Error(`GET sessions of ${device}: unexpected ${JSON.stringify(body).slice(0, 200)}`);
    return list.length;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((r) => this.exitWaiters.push(r));
    this.child.kill('SIGTERM');
    await exited;
  }
}
