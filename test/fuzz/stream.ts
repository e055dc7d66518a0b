/**
 * One fuzz stream: the bytes a client sends on one NETCONF session (a hello,
 * some RPCs, a sentinel RPC), how they are split into writes, and what the
 * oracle expects the server to make of them.
 */
import { hello, rpc, sentinel } from './corpus.js';
import { deframeInput, frame, type DeframeResult, type Framing, type StreamEnd } from './deframe.js';
import { flipBytes, frameWith, mutateMessage, splitWrites } from './mutators.js';
import { Prng } from './prng.js';
import { classifyHello, describeRequest, type HelloVerdict, type OracleLimits, type Request } from './xml-oracle.js';

export interface FuzzLimits extends OracleLimits {
  maxMessageBytes: number;
}

export type DeviceKind = 'default' | 'rfc-1.1';
export type StreamKind = 'clean' | 'rpc' | 'framing' | 'hello';

export interface StreamSpec {
  seed: number;
  device: DeviceKind;
  kind: StreamKind;
  /** What was done to the stream, for the report. */
  mutations: string[];
  writes: Buffer[];
}

export interface Expectation {
  hello: HelloVerdict | undefined;
  /** Messages after the hello, in order: each must get one reply (until a reply ends the session). */
  requests: Array<{ request: Request; bytes: Buffer }>;
  /** How the stream ends when no reply ends the session. */
  end: StreamEnd | { kind: 'hello-refused'; why: string } | { kind: 'hello-ambiguous'; why: string } | { kind: 'hello-incomplete' };
  /** Framing of the server's replies. */
  replyFraming: Framing;
  /** Messages in the stream, the hello included. */
  messageCount: number;
}

export interface GenerateOptions {
  limits: FuzzLimits;
  /** RPCs per stream, before the sentinel. */
  maxRpcs: number;
}

/** Builds stream `seed`: a pure function of the seed and the options. */
export function generateStream(seed: number, o: GenerateOptions): StreamSpec {
  const p = new Prng(seed);
  const device: DeviceKind = p.chance(0.5) ? 'default' : 'rfc-1.1';
  const kind = p.weighted<StreamKind>([
    [15, 'clean'],
    [45, 'rpc'],
    [25, 'framing'],
    [15, 'hello'],
  ]);
  const mutations: string[] = [];
  const offer11 = p.chance(0.75);
  let helloXml = hello(p, offer11);
  if (kind === 'hello') helloXml = mutateMessage(p, helloXml, mutations);
  let helloBytes: Buffer = Buffer.from(helloXml, 'utf8');
  if (kind === 'hello' && p.chance(0.2)) {
    helloBytes = flipBytes(p, helloBytes);
    mutations.push('byte-flip');
  }
  const helloChunked = p.chance(0.1);
  if (helloChunked) mutations.push('hello-chunk-framed');
  const helloFrame = helloChunked ? frame(helloBytes, 'chunked') : Buffer.concat([helloBytes, Buffer.from(p.pick([']]>]]>', ']]>]]>\n', ']]>]]>\r\n']))]);
  // The framing the client believes in; the server decides from the hello it got.
  const intended: Framing = device === 'rfc-1.1' && offer11 ? 'chunked' : 'eom';
  const frames: Buffer[] = [helloFrame];
  const n = p.int(1, o.maxRpcs);
  for (let i = 0; i < n; i++) {
    let body: Buffer = Buffer.from(kind === 'rpc' && p.chance(0.6) ? mutateMessage(p, rpc(p).xml, mutations) : rpc(p).xml, 'utf8');
    if (kind === 'rpc' && p.chance(0.1)) {
      body = flipBytes(p, body);
      mutations.push('byte-flip');
    }
    if (kind === 'framing' && p.chance(0.03)) {
      // a message over the limit
      body = Buffer.concat([body, Buffer.alloc(o.limits.maxMessageBytes + p.int(1, 5000), 0x20)]);
      mutations.push('over-max-message-bytes');
    }
    frames.push(frameWith(p, body, intended, kind === 'framing' && p.chance(0.3), o.limits.maxMessageBytes, mutations));
  }
  let data = Buffer.concat(frames);
  if (kind === 'framing' && p.chance(0.15)) {
    // corrupt the framed stream itself
    const i = p.int(helloFrame.length, Math.max(helloFrame.length, data.length - 1));
    data = Buffer.concat([data.subarray(0, i), flipBytes(p, data.subarray(i, i + 1)), data.subarray(i + 1)]);
    mutations.push('stream-byte-flip');
  }
  // The sentinel goes in the framing the server reads at that point, so it tells whether the session still works.
  const before = expect(data, device, o.limits);
  if (before.end.kind === 'idle' || before.end.kind === 'partial') {
    data = Buffer.concat([data, frame(sentinel(seed), before.replyFraming)]);
  } else if (before.end.kind === 'hello-refused') {
    // A server that took the broken hello answers this (in the framing a lax reading of the hello gives); one that refused it has closed.
    const lax11 = device === 'rfc-1.1' && /<(?:[\w.-]+:)?capability>\s*urn:ietf:params:netconf:base:1\.1\s*<\//.test(helloBytes.toString('utf8'));
    // Chunked, then base:1.0: whichever framing the server took, one of them reaches it.
    data = Buffer.concat([data, ...(lax11 ? [frame(sentinel(seed), 'chunked')] : []), frame(sentinel(seed), 'eom')]);
  }
  const writes = splitWrites(p, data, mutations);
  return { seed, device, kind, mutations, writes };
}

/** What the server must do with `data` (pure: the oracle's model). */
export function expect(data: Buffer, device: DeviceKind, limits: FuzzLimits): Expectation {
  let helloVerdict: HelloVerdict | undefined;
  let replyFraming: Framing = 'eom';
  const r: DeframeResult = deframeInput(data, {
    maxMessageBytes: limits.maxMessageBytes,
    initial: 'eom',
    framingAfter: (index, m) => {
      if (index === 0) {
        helloVerdict = classifyHello(m.bytes, limits);
        replyFraming = helloVerdict.kind === 'accepted' && helloVerdict.base11 && device === 'rfc-1.1' ? 'chunked' : 'eom';
      }
      return replyFraming;
    },
  });
  const messageCount = r.messages.length;
  if (!helloVerdict) return { hello: undefined, requests: [], end: r.end.kind === 'framing-error' ? r.end : { kind: 'hello-incomplete' }, replyFraming, messageCount };
  const h = helloVerdict as HelloVerdict;
  if (h.kind === 'refused') return { hello: h, requests: [], end: { kind: 'hello-refused', why: h.why }, replyFraming, messageCount };
  if (h.kind === 'ambiguous') return { hello: h, requests: [], end: { kind: 'hello-ambiguous', why: h.why }, replyFraming, messageCount };
  const requests = r.messages.slice(1).map((m) => ({ request: describeRequest(m.bytes, limits), bytes: m.bytes }));
  return { hello: h, requests, end: r.end, replyFraming, messageCount };
}
