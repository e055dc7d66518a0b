/**
 * `node dist/bench/heap-census.js`: what one held session costs, by object
 * kind, in the owner and in each SSH worker. Starts an emulator child (its
 * default workers, or BENCH_WORKERS), takes V8 heap snapshots of every
 * server process before and after opening CENSUS_SESSIONS (1,000) idle
 * sessions, and prints the growth per session of each (node type, name)
 * with the most bytes (CENSUS_KIND=ceiling: the raw ssh2 echo instead). Snapshots go through --heapsnapshot-signal=SIGUSR2
 * (NODE_OPTIONS, so the workers inherit it) into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchClient } from './client.js';
import { BENCH_USER, DEFAULT_LAYOUT, Fixtures } from './fixtures.js';
import { pool, sleep, TRIVIAL_RPC } from './scenarios/common.js';
import { spawnServer, type ServerHandle } from './servers.js';
import { loadSettings } from './settings.js';

interface Census {
  /** `type:name` -> count and self bytes. */
  kinds: Map<string, { count: number; bytes: number }>;
  total: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function census(file: string): Census {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const f = s.snapshot.meta.node_fields;
  const width = f.length;
  const iType = f.indexOf('type');
  const iName = f.indexOf('name');
  const iSize = f.indexOf('self_size');
  const types = s.snapshot.meta.node_types[0];
  const kinds = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType]!] ?? '?';
    let name = s.strings[s.nodes[i + iName]!] ?? '?';
    // Strings and numbers by content would never aggregate.
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number') name = '';
    if (name.length > 60) name = `${name.slice(0, 57)}...`;
    const key = `${type}:${name}`;
    const size = s.nodes[i + iSize]!;
    const k = kinds.get(key) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += size;
    kinds.set(key, k);
    total += size;
  }
  return { kinds, total };
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '').map(Number);
  } catch {
    return [];
  }
}

/** Signals each process and waits until its snapshot file is complete (the server answers stats only after it). */
async function snap(dir: string, server: ServerHandle, pids: number[], tag: string): Promise<Map<number, string>> {
  const before = new Set(readdirSync(dir));
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  await sleep(500);
  await server.stats(false);
  const out = new Map<number, string>();
  for (;;) {
    for (const f of readdirSync(dir)) {
      if (before.has(f) || !f.endsWith('.heapsnapshot')) continue;
      const pid = pids.find((p) => f.includes(`.${p}.`));
      if (pid !== undefined) out.set(pid, join(dir, f));
    }
    if (out.size === pids.length) break;
    await sleep(200);
  }
  // The file is written in one go by the signalled thread; the stats answer (owner) or its pool reply (worker) comes after.
  await server.stats(false);
  process.stderr.write(`[census] ${tag}: ${[...out.values()].join(', ')}\n`);
  return out;
}

function report(label: string, a: Census, b: Census, n: number): void {
  const rows: Array<{ key: string; count: number; bytes: number }> = [];
  for (const [key, v] of b.kinds) {
    const w = a.kinds.get(key) ?? { count: 0, bytes: 0 };
    rows.push({ key, count: (v.count - w.count) / n, bytes: (v.bytes - w.bytes) / n });
  }
  rows.sort((x, y) => y.bytes - x.bytes);
  process.stdout.write(`\n${label}: heap growth per session ${((b.total - a.total) / n).toFixed(0)} B (self sizes)\n`);
  for (const r of rows.slice(0, Number(process.env['CENSUS_TOP'] ?? 40))) {
    process.stdout.write(`${r.bytes.toFixed(0).padStart(7)} B ${r.count.toFixed(2).padStart(7)} x  ${r.key}\n`);
  }
}

async function main(): Promise<void> {
  const settings = loadSettings();
  const n = Number(process.env['CENSUS_SESSIONS'] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'heap-census-'));
  const fixtures = new Fixtures();
  process.env['NODE_OPTIONS'] = `${process.env['NODE_OPTIONS'] ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`.trim();
  // CENSUS_KIND=ceiling: the raw ssh2 echo server, for comparison.
  const kind = process.env['CENSUS_KIND'] === 'ceiling' ? 'ceiling' : 'emulator';
  const server = await spawnServer(
    fixtures.spec(kind, { ...DEFAULT_LAYOUT, connectionLimit: n + 64, maxUnauthenticated: 256, ...(settings.workers !== undefined ? { workers: settings.workers } : {}) }),
  );
  const clients: BenchClient[] = [];
  try {
    const opts = { host: '127.0.0.1', port: server.port, username: BENCH_USER.name, password: BENCH_USER.password };
    const warm = await Promise.all(Array.from({ length: 8 }, () => BenchClient.connect(opts)));
    for (const c of warm) await c.rpc(TRIVIAL_RPC);
    await Promise.all(warm.map((c) => c.closeSession()));
    await sleep(300);
    await server.stats(true);
    const pids = [server.pid, ...childPids(server.pid)];
    const a = await snap(dir, server, pids, 'before');
    await pool(Array.from({ length: n }), 16, async () => {
      const c = await BenchClient.connect(opts);
      clients.push(c);
      await c.rpc(TRIVIAL_RPC);
    });
    await sleep(300);
    await server.stats(true);
    const b = await snap(dir, server, pids, 'after');
    for (const pid of pids) report(pid === server.pid ? `owner ${pid}` : `worker ${pid}`, census(a.get(pid)!), census(b.get(pid)!), clients.length);
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
    fixtures.remove();
    if (process.env['CENSUS_KEEP'] !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0));
