/**
 * Puts SCP and SFTP on accepted SSH channels of a device: builds what the
 * connection's user may do (login class, home, RE) and runs the protocol.
 * The SSH listener only hands the channels over (onExec for `scp -t|-f`,
 * onSftp for the subsystem).
 */
import type { ServerChannel, SFTPWrapper } from 'ssh2';
import type { CopyAccess, CopyFaultHooks } from './copy-access.js';
import { homeOf, type DeviceFiles } from './device-files.js';
import { parseScpCommand, runScp } from './scp.js';
import { serveSftp } from './sftp.js';

export interface CopyPeer {
  readonly user: string;
  readonly userClass: string;
  readonly re: string;
  drop(): void;
}

export interface CopyDevice {
  readonly files: DeviceFiles;
  persist(): Promise<void>;
  /** Whether a login class holds a permission flag. */
  allows(userClass: string, permission: string): boolean;
  readonly faults?: CopyFaultHooks;
}

function access(dev: CopyDevice, peer: CopyPeer): CopyAccess {
  dev.files.ensureHome(peer.re, peer.user);
  return {
    files: dev.files,
    re: peer.re,
    user: peer.user,
    home: homeOf(peer.user),
    mayRead: dev.allows(peer.userClass, 'view'),
    mayWrite: dev.allows(peer.userClass, 'maintenance'),
    persist: () => dev.persist(),
    ...(dev.faults ? { faults: dev.faults } : {}),
    drop: () => peer.drop(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** True when an exec command is the remote end of scp. */
export function isScpCommand(command: string): boolean {
  return parseScpCommand(command) !== undefined;
}

export function openScp(channel: ServerChannel, command: string, dev: CopyDevice, peer: CopyPeer, onError: (e: unknown) => void): void {
  const cmd = parseScpCommand(command)!;
  channel.on('error', () => undefined);
  void runScp(channel, cmd, access(dev, peer)).then(
    (status) => {
      channel.exit(status);
      channel.end();
    },
    (e: unknown) => {
      onError(e);
      channel.exit(1);
      channel.end();
    },
  );
}

export function openSftp(accept: () => SFTPWrapper, dev: CopyDevice, peer: CopyPeer, onEof: (cb: () => void) => void): void {
  const sftp = accept();
  sftp.on('error', () => undefined);
  // The client's EOF ends the session: report exit status 0, as sshd does
  // when its sftp-server exits (OpenSSH's scp in SFTP mode fails without
  // one), then close. ssh2's SFTP object has no exit(): its protocol does.
  onEof(() => {
    const inner = sftp as unknown as { _protocol?: { exitStatus?: (chan: number, status: number) => void }; outgoing?: { id: number; state: string } };
    if (inner.outgoing?.state === 'open' || inner.outgoing?.state === 'eof') inner._protocol?.exitStatus?.(inner.outgoing.id, 0);
    sftp.end();
  });
  serveSftp(sftp, access(dev, peer));
}
