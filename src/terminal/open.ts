/**
 * Puts a CLI session on an accepted SSH channel: the device calls this for a
 * shell request (the interactive CLI; root lands in the shell) and for an
 * exec request that is not a NETCONF entry point (one command, its status).
 */
import type { ServerChannel } from 'ssh2';
import { CliSession, type CliSessionOptions } from './cli-session.js';
import { exec, interactive, loginBanner, shell } from './cli-loop.js';
import { SessionEnded } from './input.js';

export type CliEntry = { readonly kind: 'shell' } | { readonly kind: 'exec'; readonly command: string };

export function openCliChannel(channel: ServerChannel, o: CliSessionOptions, entry: CliEntry, drop: () => void): CliSession {
  let open = true;
  const session = new CliSession(
    {
      write: (text) => (open ? channel.write(text) : true),
      onceDrained: (cb) => (open ? channel.once('drain', cb) : cb()),
      pause: () => channel.pause(),
      resume: () => channel.resume(),
      close: (status) => {
        if (!open) return;
        open = false;
        channel.exit(status);
        channel.end();
      },
      drop: () => {
        open = false;
        drop();
      },
    },
    o,
  );
  channel.on('data', (d: Buffer) => session.receive(d));
  channel.on('end', () => session.endOfInput());
  channel.on('close', () => {
    open = false;
    session.transportClosed();
  });
  channel.on('error', () => undefined);
  o.device.sessions.add(session);
  void run(session, entry).then(
    (status) => session.finish(entry.kind === 'exec' ? 'command done' : 'logout', status),
    (err: unknown) => {
      if (err instanceof SessionEnded) return;
      o.hooks?.onInternalError?.(err);
      session.finish('internal error', 1);
    },
  );
  return session;
}

async function run(session: CliSession, entry: CliEntry): Promise<number> {
  if (entry.kind === 'exec') return exec(session, entry.command);
  if (session.user === 'root') {
    // root's login shell is the Unix shell; `cli` starts the CLI from there.
    session.screen.text(loginBanner(session.device.model.settings.softwareVersion));
    await shell(session, 'csh');
    return 0;
  }
  await interactive(session, { banner: true });
  return 0;
}
