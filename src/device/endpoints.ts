/**
 * A device's SSH endpoints: one listener per routing engine that has a port
 * (re0, and re1 when a backup RE port is set). It binds them all or none,
 * remembers the ports of the first start so a restart comes back on the
 * same ones even where the configuration said 0, and lets a fleet's
 * free-port picker choose port-0 ports (port-picker.ts). What a listener
 * does with a connection is the device's business (the factory).
 */
import type { SshListener } from '../transport/ssh-listener.js';
import type { FreePortPicker } from './port-picker.js';

/** A routing engine's port. */
export interface Endpoint {
  re: string;
  port: number;
}

export class DeviceEndpoints {
  private listeners: Array<{ re: string; listener: SshListener }> = [];
  /** Ports bound at the first start; a restart reuses them even where the config said 0. */
  private bound: Endpoint[] = [];

  constructor(
    /** A listener of `re` on `port`, not yet started. */
    private readonly makeListener: (re: string, port: number) => SshListener,
    /** Where endpoints configured with port 0 look for a free port first (shared by a fleet). */
    private readonly freePorts: FreePortPicker | undefined,
  ) {}

  /** Ports actually bound (a configured port of 0 picks a free one). */
  ports(): Endpoint[] {
    return this.listeners.map(({ re, listener }) => ({ re, port: listener.port }));
  }

  /** The ports of the last start, also while stopped. */
  lastPorts(): Endpoint[] {
    return this.running ? this.ports() : this.bound.map((b) => ({ ...b }));
  }

  get running(): boolean {
    return this.listeners.length > 0;
  }

  /** Listens on every endpoint (ports of an earlier start first); if one fails, none stays open. */
  async start(endpoints: readonly Endpoint[]): Promise<void> {
    if (this.running) return;
    const started: Array<{ re: string; listener: SshListener }> = [];
    try {
      for (const ep of endpoints) {
        const port = this.bound.find((b) => b.re === ep.re)?.port ?? ep.port;
        started.push({ re: ep.re, listener: await this.listen(ep.re, port) });
      }
    } catch (err) {
      await Promise.all(started.map((s) => s.listener.stop()));
      throw err;
    }
    this.listeners = started;
    this.bound = this.ports();
  }

  /** A listening endpoint of `re`; port 0 takes the free-port picker's candidates first (port-picker.ts). */
  private async listen(re: string, port: number): Promise<SshListener> {
    const picker = port === 0 ? this.freePorts : undefined;
    for (;;) {
      const tried = picker?.candidate() ?? port;
      const listener = this.makeListener(re, tried);
      try {
        await listener.start();
      } catch (err) {
        if (picker && tried !== 0 && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          picker.taken(tried);
          continue;
        }
        throw err;
      }
      picker?.bound(listener.port);
      return listener;
    }
  }

  /** Stops every listener: the ports refuse connections and theirs are dropped. */
  async stop(): Promise<void> {
    const ls = this.listeners;
    this.listeners = [];
    await Promise.all(ls.map((l) => l.listener.stop()));
  }
}
