/**
 * Per-session transcript files in the layout of Junos NETCONF traceoptions
 * (`set system services netconf traceoptions flag all`): one line per message,
 * device time, the [NETCONF] tag, the session-id, and Incoming/Outgoing.
 * Written from the request log, so a transcript holds exactly what the log holds.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { deviceNameProblem, pathSegment } from '../options/names.js';
import type { LogEntry, RequestLog } from '../control/request-log.js';
import { syslogTime } from '../system/junos-time.js';


export function traceLine(e: LogEntry): string | undefined {
  const time = syslogTime(Date.parse(e.virtualTime));
  if (e.direction === 'cli-in' || e.direction === 'cli-out') {
    // CLI text keeps its lines: the command after Incoming:, the output under Outgoing:.
    const body = e.direction === 'cli-in' ? ` ${e.text ?? ''}\n` : `\n${e.text ?? ''}${(e.text ?? '').endsWith('\n') ? '' : '\n'}`;
    return `${time} [CLI] - [${e.session}] ${e.direction === 'cli-in' ? 'Incoming:' : 'Outgoing:'}${body}`;
  }
  if (e.direction !== 'in' && e.direction !== 'out') return undefined;
  const dir = e.direction === 'in' ? 'Incoming' : 'Outgoing';
  return `${time} [NETCONF] - [${e.session}] ${dir}: ${e.xml ?? ''}\n`;
}

/** File of one session: DIR/DEVICE/netconf-SESSIONID.log (CLI sessions: cli-SESSIONID.log). */
export function transcriptPath(dir: string, device: string, session: number, kind: 'netconf' | 'cli' = 'netconf'): string {
  if (!Number.isSafeInteger(session) || session < 0) throw new Error(`not a session id: ${session}`);
  return join(dir, pathSegment(device), `${kind}-${session}.log`);
}

export class Transcripts {
  private readonly dir: string;
  private readonly open = new Map<string, WriteStream>();
  /** Files of ended sessions still flushing; close() waits for them too. */
  private readonly finishing = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;

  constructor(dir: string, log: RequestLog) {
    this.dir = dir;
    this.unsubscribe = log.subscribe((e) => this.onEntry(e));
  }

  private onEntry(e: LogEntry): void {
    // Names are checked at load; one that is not a safe folder name gets no transcript rather than a path outside the folder.
    if (e.session === null || deviceNameProblem(e.device) !== undefined) return;
    const key = `${e.device}/${e.session}`;
    if (e.direction === 'event' && e.event?.startsWith('session end')) {
      const w = this.open.get(key);
      this.open.delete(key);
      if (w) {
        const done: Promise<void> = endStream(w).then(() => {
          this.finishing.delete(done);
        });
        this.finishing.add(done);
      }
      return;
    }
    const line = traceLine(e);
    if (line === undefined) return;
    let w = this.open.get(key);
    if (!w) {
      mkdirSync(join(this.dir, pathSegment(e.device)), { recursive: true });
      const kind = e.direction === 'cli-in' || e.direction === 'cli-out' ? 'cli' : 'netconf';
      w = createWriteStream(transcriptPath(this.dir, e.device, e.session, kind), { flags: 'a' });
      w.on('error', () => undefined);
      this.open.set(key, w);
    }
    w.write(line);
  }

  /** Flushes and closes every open file. */
  async close(): Promise<void> {
    this.unsubscribe();
    const ws = [...this.open.values()];
    this.open.clear();
    await Promise.all([...ws.map(endStream), ...this.finishing]);
  }
}

function endStream(w: WriteStream): Promise<void> {
  return new Promise((resolve) => w.end(() => resolve()));
}
