/**
 * Runs NETCONF messages through a real session (hello, ordering, dispatch,
 * envelope, framing) over an in-memory transport: no SSH, no socket. Unit,
 * property and fuzz tests use it as fastify users use `inject()`.
 */
import { NetconfDecoder } from '../framing/decoder.js';
import { frameHello, frameMessage } from '../framing/encoder.js';
import type { NetconfSession } from './netconf-session.js';
import type { SessionTransport } from './reply-writer.js';
import { BASE_1_1, NETCONF_NS } from './hello.js';

export interface InjectOptions {
  /** Offer base:1.1 in the client hello (the device must be rfc-compliant with version-1.1 to use it). Default false. */
  base11?: boolean;
  /** Largest reply accepted from the session (default 64 MiB). */
  maxReplyBytes?: number;
}

export interface InjectResult {
  /** The server hello as sent (comments included). */
  hello: string;
  /** One entry per message sent, in order: the `<rpc-reply>` (trimmed). */
  replies: string[];
  /** The session ended by itself (close-session, a framing error, a fault). */
  closed: boolean;
}

const CLIENT_HELLO = (base11: boolean): string =>
  `<hello xmlns="${NETCONF_NS}"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability>` +
  (base11 ? `<capability>${BASE_1_1}</capability>` : '') +
  '</capabilities></hello>';

/** A bare operation (`<get-config>…`) is wrapped in an `<rpc>` with the next message-id; an `<rpc>` is sent as given. */
export function asRpc(message: string, id: number): string {
  const head = message.trimStart();
  if (/^<(\?xml|([A-Za-z_][\w.-]*:)?rpc[\s>/])/.test(head)) return message;
  return `<rpc xmlns="${NETCONF_NS}" message-id="${id}">${message}</rpc>`;
}

export async function inject(
  create: (transport: SessionTransport) => NetconfSession,
  messages: readonly string[],
  o: InjectOptions = {},
): Promise<InjectResult> {
  const received: string[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const decoder = new NetconfDecoder({
    maxMessageBytes: o.maxReplyBytes ?? 64 << 20,
    onMessage: (m) => {
      received.push(m.trim());
      wake?.();
    },
    onError: () => {
      closed = true;
      wake?.();
    },
  });
  const transport: SessionTransport = {
    write: (data) => {
      decoder.push(data);
      return true;
    },
    end: () => {
      closed = true;
      wake?.();
    },
    drop: () => {
      closed = true;
      wake?.();
    },
  };
  const session = create(transport);
  session.start();
  const until = async (n: number): Promise<void> => {
    while (received.length < n && !closed) await new Promise<void>((resolve) => (wake = resolve));
  };
  await until(1);
  const hello = received[0] ?? '';
  const base11 = o.base11 === true && hello.includes(`${BASE_1_1}<`);
  session.receive(frameHello(CLIENT_HELLO(o.base11 === true), o.base11 === true));
  if (base11) decoder.mode = 'chunked';
  messages.forEach((m, i) => session.receive(frameMessage(asRpc(m, i + 1), base11 ? 'chunked' : 'eom')));
  await until(1 + messages.length);
  const endedBySession = closed;
  session.terminate('inject finished');
  return { hello, replies: received.slice(1), closed: endedBySession };
}
