/**
 * What the file systems of a freshly installed device hold: the directories
 * every Junos box has (/var/tmp and the subdirectories the MX80 capture
 * lists, /var/log, /var/home, /var/crash), the active configuration
 * /config/juniper.conf.gz, a short /var/log/messages and one rotated log
 * that `request system storage cleanup` finds. Contents are small and kept
 * inline in the state (base64); the exact bytes are the emulator's choice.
 */
import { gzipSync } from 'node:zlib';
import { dirEntry, tableOf } from './file-table.js';
import type { DeviceModel } from './model.js';
import type { FileEntry, PartitionState, RoutingEngineState } from './state.js';
import { mountTable } from './storage.js';

const DAY = 86_400_000;

/** Directories of /var as Junos makes them (owner, mode). */
const VAR_DIRS: ReadonlyArray<readonly [string, number]> = [
  ['tmp', 0o1777],
  ['tmp/gres-tp', 0o755],
  ['tmp/install', 0o777],
  ['tmp/pics', 0o777],
  ['tmp/rtsdb', 0o755],
  ['tmp/vi.recover', 0o1777],
  ['log', 0o755],
  ['home', 0o755],
  ['crash', 0o755],
  ['db', 0o755],
  ['db/config', 0o755],
];

function file(bytes: Buffer, mtime: number, mode = 0o644, owner = 'root', group = 'wheel'): FileEntry {
  return { kind: 'file', size: bytes.length, mtime, mode, owner, group, data: bytes.toString('base64') };
}

function messagesText(re: RoutingEngineState, at: number, host: string): string {
  const d = new Date(at);
  const mon = d.toUTCString().slice(8, 11);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const time = d.toISOString().slice(11, 19);
  const p = `${mon} ${day} ${time} ${host}`;
  return [
    `${p} newsyslog[1054]: logfile turned over due to size>1024K`,
    `${p} /kernel: ${re.name}: Junos ${re.running.version} booted`,
    `${p} mgd[2041]: UI_COMMIT: User 'root' requested 'commit' operation`,
    '',
  ].join('\n');
}

function configurationText(version: string, host: string): string {
  return `## Last commit: by root\nversion ${version};\nsystem {\n    host-name ${host};\n}\n`;
}

/** Puts an entry and any missing parent directories into a table. */
function put(p: PartitionState, rel: string, e: FileEntry, now: number): void {
  const t = tableOf(p);
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    t[dir] ??= dirEntry(now);
  }
  t[rel] = e;
}

/** Fills the file systems of every RE that holds no modelled files yet. */
export function seedInitialFiles(model: DeviceModel, now: number, host = 'junos'): void {
  for (const re of model.routingEngines()) {
    const mounts = mountTable(model, re);
    const at = (mount: string): PartitionState | undefined => mounts.find((m) => m.mountedOn === mount)?.partition;
    const v = at('/var');
    const c = at('/config');
    if ((v && v.files) || (c && c.files)) continue;
    const booted = now - DAY;
    if (v) {
      for (const [dir, mode] of VAR_DIRS) put(v, dir, dirEntry(booted, 'root', 'wheel', mode), booted);
      put(v, 'log/messages', file(Buffer.from(messagesText(re, booted, host)), now), booted);
      put(v, 'log/interactive-commands', file(Buffer.from(''), booted), booted);
      put(v, 'log/messages.0.gz', file(gzipSync(Buffer.from(messagesText(re, booted - 7 * DAY, host))), booted - 7 * DAY), booted);
    }
    if (c) {
      put(c, 'juniper.conf.gz', file(gzipSync(Buffer.from(configurationText(re.running.version, host))), booted, 0o644), booted);
      if (re.rescueConfig) put(c, 'rescue.conf.gz', file(gzipSync(Buffer.from(configurationText(re.running.version, host))), booted, 0o644), booted);
    }
  }
}
