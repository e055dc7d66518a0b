/** Messages between the benchmark (parent) and a server child process, over Node's IPC channel. */

export type ServerKind = 'emulator' | 'ceiling';

export type ServerSpec =
  | {
      kind: 'emulator';
      /** YAML file as `--config` takes it (see fixtures.ts). */
      configFile: string;
      keysDir: string;
    }
  | {
      kind: 'ceiling';
      keysDir: string;
      username: string;
      password: string;
      /** OpenSSH public key lines. */
      authorizedKeys: string[];
      /** TCP_NODELAY on the server's sockets. */
      noDelay: boolean;
    };

export interface ServerStats {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  /** NETCONF sessions open right now (all devices). */
  sessions: number;
  /** V8 heap space sizes (reserved, in bytes) by space name: new_space, old_space, ... */
  heapSpaces: Record<string, number>;
  /** SSH worker processes whose memory is included in `memory` (their CPU is not in `cpu`). */
  workers?: number;
  /** CPU of the SSH worker processes together (not in `cpu`). */
  workerCpu?: NodeJS.CpuUsage;
  /** The SSH workers' part of `memory`. */
  workerMemory?: { rss: number; heapUsed: number; external: number };
}

export type ParentMessage =
  | { type: 'start'; spec: ServerSpec }
  | { type: 'stats'; id: number; gc: boolean }
  | { type: 'stop' };

export type ChildMessage =
  | {
      type: 'ready';
      /** Every listening port, in device order (re0 first, then re1 when configured). */
      ports: number[];
      /** Wall time from the start message to all devices listening. */
      startMs: number;
    }
  | ({ type: 'stats'; id: number } & ServerStats)
  | { type: 'error'; message: string };
