/**
 * Persists device state atomically: write a temp file, fsync it, rename it
 * over the old one, fsync the directory. A kill at any moment leaves either
 * the old or the new file, never a torn one.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DeviceModel } from './model.js';

export class StateStore {
  /** Serialises writes per file so a slow write is never overtaken by an older one. */
  private readonly chains = new Map<string, Promise<void>>();
  private seq = 0;

  constructor(readonly dir: string) {}

  fileFor(deviceName: string): string {
    if (!/^[A-Za-z0-9._-]+$/.test(deviceName) || deviceName.startsWith('.')) {
      throw new Error(`device name ${JSON.stringify(deviceName)} cannot name a state file`);
    }
    return join(this.dir, `${deviceName}.json`);
  }

  /** The saved model of a device, or undefined when none was saved. */
  async load(deviceName: string): Promise<DeviceModel | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(deviceName), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      return DeviceModel.fromJSON(JSON.parse(text));
    } catch (e) {
      throw new Error(`${this.fileFor(deviceName)}: ${(e as Error).message}`);
    }
  }

  save(deviceName: string, model: DeviceModel): Promise<void> {
    return this.saveDocument(deviceName, model.toJSON());
  }

  /**
   * Another document of a device (`r1.configuration.json` for part
   * `configuration`), read back with loadDocument; undefined when never saved.
   */
  async loadDocument(deviceName: string, part: string): Promise<unknown> {
    const file = this.fileFor(`${deviceName}.${part}`);
    try {
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`${file}: ${(e as Error).message}`);
    }
  }

  saveDocument(name: string, data: unknown): Promise<void> {
    const file = this.fileFor(name);
    // Snapshot the state now, so the write reflects the moment of the call.
    const text = JSON.stringify(data, null, 2) + '\n';
    const prev = this.chains.get(file) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(() => this.writeAtomic(file, text));
    this.chains.set(file, next);
    return next;
  }

  private async writeAtomic(file: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${++this.seq}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o644);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    const dh = await open(this.dir, 'r');
    try {
      await dh.sync();
    } catch (e) {
      // Some file systems refuse fsync on a directory; the rename is still atomic there.
      if ((e as NodeJS.ErrnoException).code !== 'EINVAL' && (e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
    } finally {
      await dh.close();
    }
  }
}
