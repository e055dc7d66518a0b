/**
 * Shrinks the stream of a finding to a small reproducer on a fresh emulator:
 * first to the hello and the one message the finding is about, then that
 * message byte by byte (delta debugging), keeping the same check failing.
 */
import { FuzzConnection, runStream } from './client.js';
import { frame } from './deframe.js';
import type { FindingExample, FuzzRunOptions, FuzzSummary } from './runner.js';
import { FUZZ_USER, FuzzServer } from './server.js';
import { sentinel } from './corpus.js';
import { expect, generateStream, type DeviceKind } from './stream.js';

const MAX_TRIES = 600;

export async function minimizeFindings(summary: FuzzSummary, o: FuzzRunOptions, maxFindings = 40): Promise<string[]> {
  const out: string[] = [];
  const server = await FuzzServer.start({ pairs: 1, limits: o.limits, ...(o.keysDir ? { keysDir: o.keysDir } : {}) });
  try {
    for (const f of summary.findings.slice(0, maxFindings)) out.push(await minimizeOne(server, f.check, f.examples[0]!, o));
  } finally {
    await server.stop();
  }
  return out;
}

async function minimizeOne(server: FuzzServer, check: string, ex: FindingExample, o: FuzzRunOptions): Promise<string> {
  const spec = generateStream(ex.streamSeed, { limits: o.limits, maxRpcs: o.maxRpcs });
  const device = server.devices.find((d) => d.rfc11 === (spec.device === 'rfc-1.1'))!;
  let conn = await FuzzConnection.open(device.port, FUZZ_USER.name, FUZZ_USER.password);
  let tries = 0;
  const fails = async (writes: Buffer[], kind: DeviceKind = spec.device): Promise<boolean> => {
    tries++;
    if (conn.closed) conn = await FuzzConnection.open(device.port, FUZZ_USER.name, FUZZ_USER.password);
    const exp = expect(Buffer.concat(writes), kind, o.limits);
    // A short bound: a cut that makes the server wait is not the finding being reduced (unless it is a hang).
    const r = await runStream(conn, { device: kind, writes }, exp, Math.min(o.deadlineMs, 2000));
    return r.finding?.check === check;
  };
  const head = `- ${check}\n  stream seed ${ex.streamSeed} (${spec.device}, ${spec.kind}: ${spec.mutations.join(' ')})`;
  try {
    if (!(await fails(spec.writes))) return `${head}\n  does not reproduce alone (it depends on what ran before it)`;
    const data = Buffer.concat(spec.writes);
    const exp = expect(data, spec.device, o.limits);
    // Stage 1: the hello and the message the finding is about, framed as the server reads them.
    const i = ex.messageIndex;
    const msg = i !== undefined ? exp.requests[i]?.bytes : undefined;
    const helloEnd = data.indexOf(']]>]]>');
    if (msg && helloEnd > 0 && !data.subarray(0, helloEnd).includes('\n#')) {
      const hello = data.subarray(0, helloEnd + 6);
      const build = (m: Buffer): Buffer[] => [Buffer.concat([hello, frame(m, exp.replyFraming), frame(sentinel(0), exp.replyFraming)])];
      if (await fails(build(msg))) {
        const small = await ddmin(msg, (m) => fails(build(m)), () => tries < MAX_TRIES);
        return `${head}\n  reproduced by the hello, then this one message (${small.length} bytes, ${exp.replyFraming}), then a well-formed rpc; ${tries} runs:\n  ${JSON.stringify(small.toString('utf8'))}`;
      }
    }
    // Stage 2: the whole stream in one write, then byte by byte.
    let writes = spec.writes;
    if (writes.length > 1 && (await fails([data]))) writes = [data];
    if (writes.length > 1) return `${head}\n  needs its ${writes.length} writes; not reduced`;
    const small = await ddmin(data, (d) => fails([d]), () => tries < MAX_TRIES);
    return `${head}\n  reduced to ${small.length} bytes of stream in ${tries} runs:\n  ${JSON.stringify(small.toString('utf8'))}`;
  } finally {
    conn.close();
  }
}

/** Zeller's ddmin over bytes: removes the largest pieces that keep `fails` true. */
async function ddmin(data: Buffer, fails: (d: Buffer) => Promise<boolean>, more: () => boolean): Promise<Buffer> {
  let cur = data;
  let n = 2;
  while (cur.length >= 2 && more()) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let i = 0; i < cur.length && more(); i += size) {
      const candidate = Buffer.concat([cur.subarray(0, i), cur.subarray(i + size)]);
      if (candidate.length > 0 && (await fails(candidate))) {
        cur = candidate;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  return cur;
}
