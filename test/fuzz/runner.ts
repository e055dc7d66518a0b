/**
 * The fuzz driver: streams in batches over a child emulator, the per-stream
 * oracle (client.ts), and after each batch the checks that the server is
 * still itself: the process is up, a fresh session works in both framings,
 * no session is left behind, and its RSS stays bounded.
 */
import { FuzzConnection, runStream, type StreamFinding } from './client.js';
import { frame } from './deframe.js';
import { hello, NS } from './corpus.js';
import { Prng, streamSeed } from './prng.js';
import { FUZZ_USER, FuzzServer, type FuzzDevice } from './server.js';
import { expect, generateStream, type DeviceKind, type FuzzLimits, type StreamSpec } from './stream.js';
import { oracleNotes } from './xml-oracle.js';

export interface FuzzRunOptions {
  seed: number;
  /** Messages to send in all (hellos and sentinels included). */
  messages: number;
  /** Workers; each has its own pair of devices, so that no stream sees another's sessions or locks. */
  concurrency: number;
  batchMessages: number;
  maxRpcs: number;
  /** Bound on waiting for a reply or a close, from the last write of a stream. */
  deadlineMs: number;
  limits: FuzzLimits;
  /** RSS is measured against its value after this share of the messages. */
  warmupFraction: number;
  /** Largest RSS growth accepted after warm-up. */
  rssGrowthBytes: number;
  /** Replays these stream seeds only (from a report), instead of the run's streams. */
  replay?: number[];
  progress?: (line: string) => void;
  keysDir?: string;
}

/** About how many messages a stream holds (hello, 1-16 RPCs, sentinel): sizes the batches. */
const MESSAGES_PER_STREAM = 9;

export const DEFAULT_LIMITS: FuzzLimits = { maxMessageBytes: 256 * 1024, maxXmlDepth: 64 };

export interface FindingExample {
  streamSeed: number;
  streamIndex: number;
  /** The message (after the hello) the finding is about, when it is about one. */
  messageIndex?: number;
  detail: string;
  mutations: string[];
  kind: string;
  device: DeviceKind;
}

export interface FuzzSummary {
  seed: number;
  streams: number;
  messages: number;
  elapsedMs: number;
  messagesPerSecond: number;
  verdicts: Record<string, number>;
  ends: Record<string, number>;
  /** Stream findings, by check. */
  findings: Array<{ check: string; count: number; examples: FindingExample[] }>;
  /** Whole-server failures: the process, fresh sessions, leaked sessions, memory. */
  serverFailures: string[];
  /**
   * RSS in bytes: the largest during warm-up and after it (V8 frees in bursts, so the peak of a
   * phase says more than one sample), and medians of each quarter of the run after warm-up.
   */
  rss: { startBytes: number; warmMaxBytes: number; maxAfterWarmBytes: number; endBytes: number; quarterMedians: number[]; samples: Array<[number, number]> };
  oracleNotes: Record<string, number>;
  serverStderr: string;
  /** CPU seconds used by the server and by the fuzzer (client and oracle). */
  cpu: { serverSeconds: number; fuzzerSeconds: number };
}

interface Worker {
  conns: Map<DeviceKind, FuzzConnection>;
  devices: Map<DeviceKind, FuzzDevice>;
}

const bump = (m: Record<string, number>, k: string, n = 1): void => {
  m[k] = (m[k] ?? 0) + n;
};

export async function runFuzz(o: FuzzRunOptions): Promise<FuzzSummary> {
  const log = o.progress ?? (() => undefined);
  const server = await FuzzServer.start({ pairs: o.concurrency, limits: o.limits, ...(o.keysDir ? { keysDir: o.keysDir } : {}) });
  const findings = new Map<string, { count: number; examples: FindingExample[] }>();
  const serverFailures: string[] = [];
  const verdicts: Record<string, number> = {};
  const ends: Record<string, number> = {};
  const samples: Array<[number, number]> = [];
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  let messages = 0;
  let streams = 0;
  const warmUntil = o.messages * o.warmupFraction;
  let warmMax = 0;
  let maxAfterWarm = 0;
  const sample = (r: number): void => {
    samples.push([messages, r]);
    if (messages < warmUntil || o.replay) warmMax = Math.max(warmMax, r);
    else maxAfterWarm = Math.max(maxAfterWarm, r);
  };
  const startBytes = server.rss();
  const sampler = setInterval(() => {
    if (!server.alive) return;
    sample(server.rss());
  }, 250);

  const record = (spec: StreamSpec, index: number, f: StreamFinding): void => {
    let e = findings.get(f.check);
    if (!e) findings.set(f.check, (e = { count: 0, examples: [] }));
    e.count++;
    if (e.examples.length < 5) e.examples.push({ streamSeed: spec.seed, streamIndex: index, ...(f.index !== undefined ? { messageIndex: f.index } : {}), detail: f.detail, mutations: spec.mutations, kind: spec.kind, device: spec.device });
  };

  const workers: Worker[] = [];
  try {
    for (let w = 0; w < o.concurrency; w++) {
      const def = server.devices.find((d) => d.name === `fz${w}`)!;
      const rfc = server.devices.find((d) => d.name === `fz${w}-rfc`)!;
      const devices = new Map<DeviceKind, FuzzDevice>([
        ['default', def],
        ['rfc-1.1', rfc],
      ]);
      const conns = new Map<DeviceKind, FuzzConnection>();
      for (const [k, d] of devices) conns.set(k, await FuzzConnection.open(d.port, FUZZ_USER.name, FUZZ_USER.password));
      workers.push({ conns, devices });
    }

    // Worker w runs streams w, w+W, w+2W, ... in order: what each device sees, and so any finding
    // that depends on what ran before on it, is the same on every run of a seed and concurrency.
    const replay = o.replay;
    const streamsPerBatch = replay ? replay.length : Math.max(o.concurrency, Math.round(o.batchMessages / MESSAGES_PER_STREAM));
    let batchStart = 0;
    let batch = 0;
    while (server.alive && (replay ? batch === 0 : messages < o.messages)) {
      const batchEnd = batchStart + streamsPerBatch;
      await Promise.all(
        workers.map(async (w, wi) => {
          for (let index = batchStart + (replay ? 0 : wi); server.alive && index < batchEnd; index += replay ? 1 : o.concurrency) {
            if (replay && wi > 0) break;
            const seed = replay ? replay[index]! : streamSeed(o.seed, index);
            const spec = generateStream(seed, { limits: o.limits, maxRpcs: o.maxRpcs });
            const exp = expect(Buffer.concat(spec.writes), spec.device, o.limits);
            messages += exp.messageCount;
            streams++;
            for (const r of exp.requests) bump(verdicts, r.request.verdict.kind);
            bump(ends, exp.end.kind);
            let conn = w.conns.get(spec.device)!;
            if (conn.closed) {
              serverFailures.push(`SSH connection of ${w.devices.get(spec.device)!.name} dropped before stream ${seed}`);
              conn = await FuzzConnection.open(w.devices.get(spec.device)!.port, FUZZ_USER.name, FUZZ_USER.password);
              w.conns.set(spec.device, conn);
            }
            let outcome;
            try {
              outcome = await runStream(conn, spec, exp, o.deadlineMs);
            } catch (err) {
              outcome = { replies: 0, closedByServer: false, finding: { check: 'could not open a session', detail: String(err) } };
            }
            if (outcome.finding) record(spec, replay ? -1 : index, outcome.finding);
          }
        }),
      );
      batchStart = batchEnd;
      batch++;
      if (!server.alive) break;
      await afterBatch(server, o, serverFailures, batch);
      const rss = server.rss();
      sample(rss);
      const mb = (b: number): string => (b / 1048576).toFixed(1);
      const secs = (Date.now() - t0) / 1000;
      log(
        `batch ${batch}: ${messages} messages, ${streams} streams, ${Math.round(messages / secs)} msg/s, RSS ${mb(rss)} MB` +
          ` (max ${mb(Math.max(warmMax, maxAfterWarm))} MB)${messages >= warmUntil ? '' : ' warming up'}, findings ${[...findings.values()].reduce((a, f) => a + f.count, 0)}, server failures ${serverFailures.length}`,
      );
    }
    if (!server.alive) serverFailures.push(`the emulator process exited (${JSON.stringify(server.exit)}); stderr: ${server.stderr.slice(0, 2000)}`);
  } finally {
    clearInterval(sampler);
    for (const w of workers) for (const c of w.conns.values()) c.close();
  }
  const endBytes = server.alive ? server.rss() : 0;
  const serverSeconds = server.alive ? server.cpuSeconds() : 0;
  const used = process.cpuUsage(cpu0);
  if (maxAfterWarm > 0 && maxAfterWarm - warmMax > o.rssGrowthBytes) {
    serverFailures.push(`RSS peaked ${((maxAfterWarm - warmMax) / 1048576).toFixed(1)} MB above its warm-up peak (bound ${(o.rssGrowthBytes / 1048576).toFixed(0)} MB)`);
  }
  const serverStderr = server.stderr;
  await server.stop();
  if (serverStderr.trim() !== '') serverFailures.push(`the emulator wrote to stderr: ${serverStderr.slice(0, 2000)}`);
  const elapsedMs = Date.now() - t0;
  return {
    seed: o.seed,
    streams,
    messages,
    elapsedMs,
    messagesPerSecond: Math.round((messages / elapsedMs) * 1000),
    verdicts,
    ends,
    findings: [...findings.entries()].map(([check, f]) => ({ check, ...f })).sort((a, b) => b.count - a.count),
    serverFailures,
    rss: { startBytes, warmMaxBytes: warmMax, maxAfterWarmBytes: maxAfterWarm, endBytes, quarterMedians: quarterMedians(samples, warmUntil), samples },
    oracleNotes: Object.fromEntries(oracleNotes),
    serverStderr,
    cpu: { serverSeconds, fuzzerSeconds: (used.user + used.system) / 1e6 },
  };
}

/** After a batch: a fresh connection and session work in both framings, and no session is left on any device. */
async function afterBatch(server: FuzzServer, o: FuzzRunOptions, failures: string[], batch: number): Promise<void> {
  for (const kind of ['default', 'rfc-1.1'] as const) {
    const d = server.devices.find((x) => x.rfc11 === (kind === 'rfc-1.1'))!;
    try {
      const conn = await FuzzConnection.open(d.port, FUZZ_USER.name, FUZZ_USER.password);
      try {
        const framing = kind === 'rfc-1.1' ? 'chunked' : 'eom';
        const data = Buffer.concat([Buffer.from(`${hello(new Prng(batch), true)}]]>]]>`), frame(`<rpc xmlns="${NS}" message-id="probe-${batch}"><get-software-information/></rpc>`, framing)]);
        const spec = { device: kind, writes: [data] };
        const out = await runStream(conn, spec, expect(data, kind, o.limits), o.deadlineMs, true);
        const reply = out.texts?.[0] ?? '';
        if (out.finding || !reply.includes('<software-information')) {
          failures.push(`batch ${batch}: a fresh ${kind} session did not work: ${out.finding ? out.finding.detail : reply.slice(0, 300)}`);
        }
      } finally {
        conn.close();
      }
    } catch (err) {
      failures.push(`batch ${batch}: a fresh connection to ${d.name} failed: ${String(err)}`);
    }
  }
  // Sessions end when their channel closes; the server may see the close a moment after the client.
  const until = Date.now() + o.deadlineMs;
  for (const d of server.devices) {
    let n = await server.sessions(d.name);
    while (n > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      n = await server.sessions(d.name);
    }
    if (n > 0) failures.push(`batch ${batch}: ${n} session(s) left on ${d.name} after every client closed`);
  }
}

function quarterMedians(samples: Array<[number, number]>, from: number): number[] {
  const after = samples.filter(([m]) => m >= from);
  if (after.length < 4) return [];
  const last = after[after.length - 1]![0];
  const out: number[] = [];
  for (let q = 0; q < 4; q++) {
    const lo = from + ((last - from) * q) / 4;
    const hi = from + ((last - from) * (q + 1)) / 4;
    const v = after.filter(([m]) => m >= lo && (q === 3 ? m <= hi : m < hi)).map(([, r]) => r).sort((a, b) => a - b);
    out.push(v.length ? v[v.length >> 1]! : 0);
  }
  return out;
}

export function formatSummary(s: FuzzSummary): string {
  const mb = (b: number): string => (b / 1048576).toFixed(1);
  const lines = [
    `fuzz seed ${s.seed}: ${s.messages} messages in ${s.streams} streams, ${(s.elapsedMs / 1000).toFixed(1)} s, ${s.messagesPerSecond} messages/s`,
    `  messages after the hello: ${Object.entries(s.verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  stream ends: ${Object.entries(s.ends).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  CPU: server ${s.cpu.serverSeconds.toFixed(1)} s, fuzzer ${s.cpu.fuzzerSeconds.toFixed(1)} s`,
    `  RSS: start ${mb(s.rss.startBytes)} MB, peak in warm-up ${mb(s.rss.warmMaxBytes)} MB, peak after ${mb(s.rss.maxAfterWarmBytes)} MB, end ${mb(s.rss.endBytes)} MB; medians of the quarters after warm-up ${s.rss.quarterMedians.map(mb).join(', ')} MB`,
  ];
  if (Object.keys(s.oracleNotes).length) lines.push(`  oracle notes: ${JSON.stringify(s.oracleNotes)}`);
  for (const f of s.serverFailures) lines.push(`  SERVER: ${f}`);
  for (const f of s.findings) {
    lines.push(`  FINDING x${f.count}: ${f.check}`);
    for (const e of f.examples.slice(0, 3)) {
      lines.push(`    stream seed ${e.streamSeed} (index ${e.streamIndex}, ${e.kind}, ${e.device}; ${e.mutations.join(' ')})`);
      lines.push(`    ${e.detail.split('\n').join('\n    ')}`);
    }
  }
  return lines.join('\n');
}
