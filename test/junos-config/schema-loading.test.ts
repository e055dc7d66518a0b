/**
 * Reading a configuration schema never holds the event loop: the file is
 * read and gunzipped asynchronously and its JSON parsed in slices, once per
 * schema for the process, and an emulator's start begins the reads of its
 * devices' schemas without waiting for them. Proved by order, not time: with
 * the slice length 0 other callbacks run between the slices of a read; with a
 * schema source held closed, the start returns and other sessions are served
 * while a load that needs the schema waits for it.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { forgetSchemas, loadSchema, loadedSchema, schemaReady, setSchemaSource, type SchemaSource } from '../../src/junos-config/schema/catalog.js';
import { parseJsonWork } from '../../src/junos-config/schema/json-slices.js';
import { runNow, setSliceMs } from '../../src/junos-config/slices.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';

const SCHEMA_FILE = (id: string): URL => new URL(`../../../schemas/config/${id}.json.gz`, import.meta.url);

/** A source that counts reads and, while `held`, keeps them waiting. */
function gatedSource(): { source: SchemaSource; reads: string[]; open(): void; readonly waiting: number } {
  const reads: string[] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((r) => (release = r));
  let waiting = 0;
  return {
    reads,
    get waiting() {
      return waiting;
    },
    open: () => {
      release();
      gate = Promise.resolve();
    },
    source: async (id) => {
      reads.push(id);
      waiting++;
      await gate;
      waiting--;
      return readFile(SCHEMA_FILE(id));
    },
  };
}

describe('configuration schema: loading', function () {
  let slice: number;
  before(() => {
    slice = setSliceMs(0);
  });
  after(() => {
    setSliceMs(slice);
    setSchemaSource(undefined);
    forgetSchemas();
  });

  it('parses JSON in slices to the value JSON.parse gives', () => {
    const big = JSON.stringify({
      a: Array.from({ length: 5000 }, (_, i) => [i, `s${i} "q" \\ , ] } [ {`, { k: [null, true, false, -1.5e3] }]),
      '__proto__': [1, 2],
      nested: { deep: Array.from({ length: 3000 }, (_, i) => ({ [`k${i}`]: 'x'.repeat(i % 50) })) },
      empty: [],
      o: {},
    });
    const parsed = runNow(parseJsonWork(`  ${big}\n`));
    expect(parsed).to.deep.equal(JSON.parse(big));
    expect(Object.getPrototypeOf(parsed)).to.equal(Object.prototype);
    expect(() => runNow(parseJsonWork(`[${'1,'.repeat(40_000)}]`))).to.throw(SyntaxError);
    expect(() => runNow(parseJsonWork(`{"a": [${'"x",'.repeat(20_000)}"y"], "b" 1}`))).to.throw(SyntaxError);
  });

  it('parses every schema file to what JSON.parse gives', async () => {
    const { gunzipSync } = await import('node:zlib');
    for (const id of ['junos-17.4R1', 'junos-es-17.4R1']) {
      const text = gunzipSync(await readFile(SCHEMA_FILE(id))).toString('utf8');
      expect(runNow(parseJsonWork(text)), id).to.deep.equal(JSON.parse(text));
    }
  });

  it('reads a schema once, shared by everyone who asks while it is read and after', async () => {
    forgetSchemas();
    const g = gatedSource();
    setSchemaSource(g.source);
    const asks = [schemaReady('junos-21.4R1'), schemaReady('junos-21.4R1'), schemaReady('junos-21.4R1')];
    g.open();
    const got = await Promise.all(asks);
    expect(got[0]).to.equal(got[1]).and.to.equal(got[2]);
    expect(await schemaReady('junos-21.4R1')).to.equal(got[0]);
    expect(loadSchema('junos-21.4R1')).to.equal(got[0]);
    expect(g.reads).to.deep.equal(['junos-21.4R1']);
    expect(got[0]!.root.child('system')?.kind).to.equal('container');
  });

  it('lets other callbacks run between the slices of a read', async () => {
    forgetSchemas();
    setSchemaSource(undefined);
    let turns = 0;
    let done = false;
    const ticker = (): void => {
      if (done) return;
      turns++;
      setImmediate(ticker);
    };
    setImmediate(ticker);
    const s = await schemaReady('junos-23.4R1');
    done = true;
    expect(s.id).to.equal('junos-23.4R1');
    // A synchronous read and parse would let none run until it ends; in slices of 0 ms, hundreds do.
    expect(turns, 'event-loop turns while the schema was read').to.be.greaterThan(50);
  });
});

describe('configuration schema: read at start, without delaying it', function () {
  let t: TestEmulator | undefined;
  after(async () => {
    setSchemaSource(undefined);
    forgetSchemas();
    await t?.stop();
  });

  it('starts, serves sessions and holds only the load that needs the schema until it is read', async () => {
    forgetSchemas();
    const g = gatedSource();
    setSchemaSource(g.source);
    // The start returns while the schema read it began is still held.
    t = await startTestEmulator({
      yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password }], speed: 'instant', devices: [{ name: 'r1', profile: 'mx960-21.4', port: 0 }] },
    });
    // The device's schema, and the MX 18.4 one the CLI's configuration paths read.
    expect(g.reads).to.deep.equal(['junos-21.4R1', 'junos-18.4R1']);
    expect(g.waiting).to.equal(2);
    expect(loadedSchema('junos-21.4R1')).to.equal(undefined);
    const loader = await t.client();
    const other = await t.client();
    let loaded = false;
    const load = loader.rpc('<load-configuration action="set"><configuration-set>set system host-name held</configuration-set></load-configuration>').then((r) => {
      loaded = true;
      return r;
    });
    // Other sessions are answered while the load waits for the schema.
    for (let i = 0; i < 3; i++) expect(await other.rpc('<get-software-information/>')).to.include('<host-name>');
    expect(loaded, 'the load answered before its schema was read').to.equal(false);
    g.open();
    expect(await load).to.include('<load-configuration-results>\n<ok/>');
    // The load waited for the read the start began rather than reading again.
    expect(g.reads).to.deep.equal(['junos-21.4R1', 'junos-18.4R1']);
    expect(await loader.rpc('<commit-configuration/>')).to.include('<commit-success/>');
  });
});
