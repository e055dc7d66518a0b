/**
 * The fuzz client: one SSH connection (ssh2) that carries NETCONF sessions
 * one after the other, each fed a stream's bytes as given, and judged as the
 * stream's expectation says. The project's NetconfClient opens one
 * connection per session and frames what it sends; the fuzzer needs many
 * sessions per connection (handshakes would dominate) and raw bytes.
 */
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import { OutputDecoder, OutputFramingError } from './deframe.js';
import type { Expectation, StreamSpec } from './stream.js';
import { checkXml, childNamed } from './xml-check.js';
import { checkReply, problemClass, replyEndsSession } from './xml-oracle.js';

const { Client } = ssh2;

export interface StreamFinding {
  check: string;
  detail: string;
  /** Index of the message (after the hello) the finding is about. */
  index?: number;
}

export interface StreamOutcome {
  replies: number;
  /** The replies themselves, when asked for. */
  texts?: string[];
  closedByServer: boolean;
  finding?: StreamFinding;
}

export class FuzzConnection {
  private constructor(private readonly conn: InstanceType<typeof Client>) {}
  closed = false;

  static open(port: number, username: string, password: string): Promise<FuzzConnection> {
    const conn = new Client();
    return new Promise((resolve, reject) => {
      conn.once('ready', () => {
        const c = new FuzzConnection(conn);
        conn.on('error', () => undefined);
        conn.on('close', () => {
          c.closed = true;
        });
        resolve(c);
      });
      conn.once('error', reject);
      conn.connect({ host: '127.0.0.1', port, username, password, readyTimeout: 20_000, tryKeyboard: false });
    });
  }

  channel(): Promise<ClientChannel> {
    return new Promise((resolve, reject) => this.conn.subsys('netconf', (err, ch) => (err ? reject(err) : resolve(ch))));
  }

  close(): void {
    this.conn.end();
  }
}

const snippet = (s: string | Buffer, n = 300): string => {
  const t = typeof s === 'string' ? s : s.toString('utf8');
  return JSON.stringify(t.length > n ? `${t.slice(0, n)}…(${t.length} chars)` : t);
};

/**
 * Runs one stream on a new session of `conn` and checks what comes back.
 * `deadlineMs` bounds the wait for replies and for the close, counted from the
 * last write: no fixed sleeps, only a limit on waiting.
 */
export async function runStream(conn: FuzzConnection, spec: Pick<StreamSpec, 'device' | 'writes'>, exp: Expectation, deadlineMs: number, keepReplies = false): Promise<StreamOutcome> {
  const ch = await conn.channel();
  const prefix = spec.device === 'rfc-1.1' ? 'nc' : '';
  return new Promise<StreamOutcome>((resolve) => {
    let serverHello: string | undefined;
    let replies = 0;
    let closed = false;
    let endedByReply = false;
    let finding: StreamFinding | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let wrote = false;
    let waitHello: NodeJS.Timeout | undefined;
    const texts: string[] = [];

    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(waitHello);
      const out: StreamOutcome = { replies, closedByServer: closed, ...(keepReplies ? { texts } : {}), ...(finding ? { finding } : {}) };
      if (closed) {
        resolve(out);
        return;
      }
      // Close our end and wait for the channel to go, so the next session on this connection starts clean.
      const t = setTimeout(() => resolve({ ...out, finding: out.finding ?? { check: 'channel not closed after the client closed it', detail: `within ${deadlineMs} ms` } }), deadlineMs);
      ch.once('close', () => {
        clearTimeout(t);
        resolve(out);
      });
      ch.close();
    };

    const fail = (check: string, detail: string, index?: number): void => {
      finding ??= { check, detail, ...(index !== undefined ? { index } : {}) };
      finish();
    };

    const noReply = (i: number, later: number, reply: string): void =>
      fail('no reply to a message (the next reply answers a later one)', `message ${snippet(exp.requests[i]!.bytes)}\n    next reply answers message ${later}: ${snippet(reply, 200)}`, i);

    /** Done when every expected reply came and, where the server must end the session, it did. */
    const evaluate = (): void => {
      if (settled || !wrote) return;
      const n = exp.requests.length;
      const mustClose = endedByReply || (replies === n && (exp.end.kind === 'framing-error' || exp.end.kind === 'hello-refused'));
      if (closed) {
        if (mustClose || exp.end.kind === 'hello-ambiguous') finish();
        else fail(replies === 0 && exp.end.kind !== 'framing-error' ? 'well-formed hello refused: the session closed before any reply' : `session closed before every message was answered (${exp.end.kind === 'framing-error' ? 'replies to the messages before a framing error were dropped' : 'no framing error'})`, `${replies} of ${n} replies; model end ${JSON.stringify(exp.end)}; next message ${snippet(exp.requests[replies]?.bytes ?? '')}`, replies);
        return;
      }
      if (!mustClose && (replies === n || exp.end.kind === 'hello-ambiguous')) finish();
    };

    const onMessage = (m: string): void => {
      if (serverHello === undefined) {
        serverHello = m;
        const problem = checkServerHello(m, spec.device === 'rfc-1.1');
        if (problem) fail('server hello', problem);
        else start();
        return;
      }
      if (exp.end.kind === 'hello-ambiguous') return;
      const i = replies++;
      if (keepReplies) texts.push(m);
      const req = exp.requests[i];
      if (!req && exp.end.kind === 'hello-refused') {
        fail(`broken hello accepted: ${problemClass(exp.end.why)}`, `${exp.end.why}; the session answered ${snippet(m, 200)}`);
        return;
      }
      if (!req || endedByReply) {
        fail('reply to no message', `reply #${i} ${snippet(m)}; the stream has ${exp.requests.length} messages after the hello`, i);
        return;
      }
      const id = /^<(?:nc:)?rpc-reply\b[^>]*\smessage-id=(["'])(.*?)\1/.exec(m)?.[2];
      // A reply carrying the message-id of a later message, which this one does not hold, answers that one.
      if (req.request.messageId === undefined && id !== undefined && !req.bytes.includes(id)) {
        const later = exp.requests.findIndex((r, j) => j > i && r.request.messageId === id);
        if (later > i) {
          noReply(i, later, m);
          return;
        }
      }
      const problem = checkReply(m, req.request, prefix);
      if (problem) {
        // A reply that fits a later message (its message-id, or its whole check) means this one got none.
        let later = id === undefined ? -1 : exp.requests.findIndex((r, j) => j > i && r.request.messageId === id);
        for (let j = i + 1; later < 0 && j < Math.min(exp.requests.length, i + 4); j++) if (!checkReply(m, exp.requests[j]!.request, prefix)) later = j;
        if (later > i) {
          noReply(i, later, m);
          return;
        }
        fail(problem.check, `${problem.detail}\n    message ${snippet(req.bytes)}\n    reply   ${snippet(m)}`, i);
        return;
      }
      if (replyEndsSession(m, req.request)) endedByReply = true;
      evaluate();
    };

    const decoder = new OutputDecoder(() => exp.replyFraming);
    ch.on('data', (d: Buffer) => {
      if (settled) return;
      try {
        for (const m of decoder.push(d)) {
          onMessage(m);
          if (settled) return;
        }
        // After a hello the server must refuse, any byte (in whichever framing) shows it took the hello.
        if (serverHello !== undefined && exp.end.kind === 'hello-refused' && decoder.peek().trim() !== '') {
          fail(`broken hello accepted: ${problemClass(exp.end.why)}`, `${exp.end.why}; the session answered ${snippet(decoder.peek(), 200)}`);
        }
      } catch (err) {
        if (err instanceof OutputFramingError) fail('reply framing', err.message);
        else throw err;
      }
    });
    ch.stderr.on('data', () => undefined);
    ch.on('error', () => undefined);
    ch.on('close', () => {
      closed = true;
      if (serverHello === undefined) fail('session closed before the server hello', '');
      else if (!wrote) fail('session closed before the client wrote', '');
      else evaluate();
    });

    // The device speaks first; the client sends once it has the server's hello, as ncclient does.
    waitHello = setTimeout(() => fail('no server hello', `within ${deadlineMs} ms`), deadlineMs);
    function start(): void {
      clearTimeout(waitHello);
      if (settled) return;
      for (const w of spec.writes) {
        if (closed) break;
        ch.write(w);
      }
      wrote = true;
      timer = setTimeout(() => {
        fail('no reply or close within the bound', `${deadlineMs} ms after the last write: ${replies} of ${exp.requests.length} replies, closed=${closed}, endedByReply=${endedByReply}, model end ${JSON.stringify(exp.end)}; waiting on ${snippet(exp.requests[replies]?.bytes ?? '')}`, replies);
      }, deadlineMs);
      evaluate();
    }
  });
}

function checkServerHello(m: string, rfc11: boolean): string | undefined {
  const c = checkXml(m);
  if (!c.ok) return `not well-formed: ${c.why}`;
  if (c.root.local !== 'hello') return `root <${c.root.qname}>`;
  const caps = childNamed(c.root, 'capabilities')?.children.map((x) => x.text.trim()) ?? [];
  if (caps.includes('urn:ietf:params:netconf:base:1.1') !== rfc11) return `base:1.1 advertised: ${!rfc11}`;
  if (!/^\d+$/.test(childNamed(c.root, 'session-id')?.text.trim() ?? '')) return 'no session-id';
  return undefined;
}
