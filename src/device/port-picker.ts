/**
 * Free ports for devices configured with port 0. Linux's bind to port 0
 * searches the ephemeral range for a free port, and that search grows with
 * the ports already taken: the 8,000th listener of one process takes about
 * 1.5 ms, the 10,000th about 2 ms (measured on Linux 6.18: 10,000 listeners
 * on port 0 take 4.3 s, on given ports 0.2 s). So after the kernel has picked
 * one free port, the next device tries the port after it, and so on: the
 * ports of a fleet come out consecutive, and a port that turns out taken
 * (EADDRINUSE) is skipped. After a run of taken ports, or past 65535, the
 * kernel picks again and the run starts anew from its choice.
 */
export class FreePortPicker {
  private next: number | undefined;
  private misses = 0;

  /** `reserved`: ports other devices are configured with, which a free-port device must not take first. */
  constructor(private readonly reserved: ReadonlySet<number> = new Set()) {}

  /** Taken ports in a row after which the kernel is asked instead. */
  static readonly MAX_MISSES = 16;

  /** The port to try: the one after the last bound, or 0 (the kernel picks). */
  candidate(): number {
    while (this.next !== undefined && this.reserved.has(this.next)) this.next++;
    if (this.next === undefined || this.next > 65535 || this.misses >= FreePortPicker.MAX_MISSES) return 0;
    return this.next;
  }

  /** A listener got `port` (kernel-picked or tried). */
  bound(port: number): void {
    this.next = port + 1;
    this.misses = 0;
  }

  /** `port` was taken by someone else; the next candidate is the one after it. */
  taken(port: number): void {
    if (port === 0) return;
    this.next = port + 1;
    this.misses++;
  }
}
