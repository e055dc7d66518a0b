/**
 * The control messages between the device owner and an SSH worker. `c` is a
 * connection (numbered by the owner when it hands the socket over), `a` an
 * authentication attempt, `ch` an SSH session channel, `r` a request on it.
 * Both sides number their own objects; ids are never reused in one worker.
 */

/** The SSH server a worker runs for one listener: the same set-up the owner's ssh2 Server has. */
export interface ListenerSetup {
  /** Host key files, base64. */
  hostKeys: string[];
  ident: string;
  kex: string[];
  /** The authentication methods offered: any other method (`none`) is refused with this list in the worker itself. */
  methods?: string[];
}

export type SessionRequestKind = 'subsystem' | 'exec' | 'shell' | 'pty' | 'window-change' | 'env' | 'signal';

/** Worker to owner. */
export type WorkerEvent =
  /** The worker listens for sockets now (an ES module runs after its imports load: an earlier hand-over would be lost). */
  | { t: 'hello' }
  | {
      t: 'auth';
      c: number;
      a: number;
      user: string;
      method: string;
      password?: string;
      key?: { algo: string; data: string };
      signature?: string;
      blob?: string;
      hashAlgo?: string;
    }
  | { t: 'answers'; c: number; a: number; answers: string[] }
  /** `ident`: the client's SSH version line (ssh2's SFTP reads OpenSSH's quirks from it). */
  | { t: 'ready'; c: number; ident?: string }
  | { t: 'error'; c: number; message: string }
  | { t: 'closed'; c: number }
  | { t: 'session'; c: number; ch: number }
  | { t: 'request'; c: number; ch: number; r: number; kind: SessionRequestKind; info: Record<string, unknown>; wantReply: boolean }
  | { t: 'eof'; ch: number }
  | { t: 'chclosed'; ch: number }
  | { t: 'memory'; q: number; rss: number; heapUsed: number; external: number; connections: number; cpuUser: number; cpuSystem: number };

/** Owner to worker (over the pipe; the hand-over of a socket goes over the IPC channel). */
export type OwnerCommand =
  | { t: 'auth-accept'; c: number; a: number }
  | { t: 'auth-reject'; c: number; a: number; methods: string[] }
  | { t: 'auth-prompt'; c: number; a: number; prompts: Array<{ prompt: string; echo: boolean }> }
  | { t: 'end'; c: number }
  | { t: 'destroy'; c: number }
  | { t: 'drop'; c: number }
  | { t: 'session-accept'; c: number; ch: number }
  | { t: 'session-reject'; c: number; ch: number }
  | { t: 'request-accept'; c: number; ch: number; r: number }
  | { t: 'request-reject'; c: number; ch: number; r: number }
  | { t: 'pause'; ch: number }
  | { t: 'resume'; ch: number }
  | { t: 'exit'; ch: number; status: number }
  | { t: 'chend'; ch: number }
  | { t: 'chclose'; ch: number }
  /** Memory and CPU of the worker; `gc` collects garbage first when the worker runs with --expose-gc. */
  | { t: 'memory'; q: number; gc?: boolean };

/**
 * Over the IPC channel: a socket for a listener, sent with the socket as its
 * handle (the listener's set-up the first time this worker serves it), and
 * the end of a listener, in order with the sockets.
 */
export type HandOver = { t: 'socket'; c: number; l: number; setup?: ListenerSetup } | { t: 'unlisten'; l: number };
