/**
 * Persists device state atomically: write a temp file, fsync it, rename it
 * over the old one, fsync the directory. A kill at any moment leaves either
 * the old or the new file, never a torn one; the temp files such a kill
 * leaves behind are removed by `removeTemporaries` at the next start.
 */
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { DeviceModel, type LoadOptions } from './model.js';

/** The file operations the store uses; tests pass one that fails on purpose. */
export interface StateFs {
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  open(path: string, flags: string, mode?: number): Promise<StateFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { force: true }): Promise<void>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  readdir(path: string): Promise<string[]>;
}

export interface StateFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const TEMP_SUFFIX = '.tmp';

export class StateStore {
  /** Serialises writes per file so a slow write is never overtaken by an older one. */
  private readonly chains = new Map<string, Promise<void>>();
  private seq = 0;

  constructor(
    readonly dir: string,
    private readonly fs: StateFs = nodeFs,
  ) {}

  fileFor(deviceName: string): string {
    if (!/^[A-Za-z0-9._-]+$/.test(deviceName) || deviceName.startsWith('.')) {
      throw new Error(`device name ${JSON.stringify(deviceName)} cannot name a state file`);
    }
    return join(this.dir, `${deviceName}.json`);
  }

  /** The saved model of a device, or undefined when none was saved. */
  async load(deviceName: string, opts: LoadOptions = {}): Promise<DeviceModel | undefined> {
    let text: string;
    try {
      text = await this.fs.readFile(this.fileFor(deviceName), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      return DeviceModel.fromJSON(JSON.parse(text), opts);
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
      return JSON.parse(await this.fs.readFile(file, 'utf8')) as unknown;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`${file}: ${(e as Error).message}`);
    }
  }

  /**
   * Writes `<name>.json`. The data is serialised during the call, so the file
   * holds the state of that moment; the promise resolves once it is durable.
   */
  saveDocument(name: string, data: unknown): Promise<void> {
    const file = this.fileFor(name);
    const text = JSON.stringify(data, null, 2) + '\n';
    const prev = this.chains.get(file) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(() => this.writeAtomic(file, text));
    this.chains.set(file, next);
    void next.then(
      () => this.forget(file, next),
      () => this.forget(file, next),
    );
    return next;
  }

  /**
   * Writes `<name>.json` with a text still being made (serialised in slices
   * by the caller, from a snapshot taken at the call); writes to one file
   * keep the order of the calls. Resolves once durable.
   */
  saveDocumentText(name: string, text: Promise<string>): Promise<void> {
    const file = this.fileFor(name);
    const prev = this.chains.get(file) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(async () => this.writeAtomic(file, await text));
    this.chains.set(file, next);
    void next.then(
      () => this.forget(file, next),
      () => this.forget(file, next),
    );
    return next;
  }

  /** Removes `<name>.json` (a file of an older layout); durable when it resolves. */
  async removeDocument(name: string): Promise<void> {
    await this.fs.rm(this.fileFor(name), { force: true });
    await this.syncDir();
  }

  /** Names of the documents saved here (`r1` for `r1.json`, `r1.state` for `r1.state.json`). */
  async documents(): Promise<string[]> {
    return (await this.list()).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  /**
   * Deletes the temp files a kill in the middle of a write left behind. Only
   * one process may use a state directory, so no other writer owns them.
   */
  async removeTemporaries(): Promise<string[]> {
    const temps = (await this.list()).filter((n) => n.endsWith(TEMP_SUFFIX));
    for (const n of temps) await this.fs.rm(join(this.dir, n), { force: true });
    if (temps.length > 0) await this.syncDir();
    return temps;
  }

  private async list(): Promise<string[]> {
    try {
      return await this.fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  private forget(file: string, settled: Promise<void>): void {
    if (this.chains.get(file) === settled) this.chains.delete(file);
  }

  private async writeAtomic(file: string, text: string): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${++this.seq}${TEMP_SUFFIX}`;
    try {
      const fh = await this.fs.open(tmp, 'w', 0o644);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await this.fs.rename(tmp, file);
    } catch (e) {
      await this.fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    await this.syncDir();
  }

  /** Makes renames and removals in the directory durable. */
  private async syncDir(): Promise<void> {
    const dh = await this.fs.open(this.dir, 'r');
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
