/**
 * The YANG module agrees with the option grammar (the single source of
 * truth), is served by <get-schema>, and is valid under yanglint.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { handler as getSchema } from '../../rpc/get-schema.js';
import { SCHEMA_MODULES, capabilityFor, schemaText } from '../../src/engine/index.js';
import { getSnapshotInformationGrammar } from '../../src/grammar/get-snapshot-information.js';
import { getSystemStorageGrammar } from '../../src/grammar/get-system-storage.js';
import { requestSnapshotGrammar } from '../../src/grammar/request-snapshot.js';
import type { LeafType, RpcGrammar } from '../../src/grammar/types.js';
import { RpcError } from '../../src/xml/rpc-error.js';
import { fakeContext, fakeDevice } from '../support/fake-context.js';
import type { XmlElement } from '../../src/xml/element.js';

const run = promisify(execFile);
const MODULE = SCHEMA_MODULES[0]!;
const YANG_PATH = fileURLToPath(new URL(`../../../${MODULE.file}`, import.meta.url));

/** The body of the `{ ... }` block that follows `header` (first match from `from`). */
function block(text: string, header: RegExp, from = 0): { body: string; end: number } | undefined {
  header.lastIndex = 0;
  const m = header.exec(text.slice(from));
  if (!m) return undefined;
  const open = text.indexOf('{', from + m.index + m[0].length - 1);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { body: text.slice(open + 1, i), end: i + 1 };
  }
  throw new Error('unbalanced braces');
}

interface YangLeaf {
  name: string;
  type: LeafType;
  choice?: string;
}

function parseLeaves(body: string, choice?: string): YangLeaf[] {
  const out: YangLeaf[] = [];
  let i = 0;
  for (;;) {
    const re = /\b(leaf|choice)\s+([a-z0-9-]+)\s*\{/g;
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) return out;
    const b = block(body, /\{/, m.index + m[0].length - 1)!;
    if (m[1] === 'choice') out.push(...parseLeaves(b.body, m[2]));
    else out.push({ name: m[2]!, type: parseType(b.body), ...(choice ? { choice } : {}) });
    i = b.end;
  }
}

function parseType(body: string): LeafType {
  if (/type empty;/.test(body)) return { kind: 'empty' };
  const en = block(body, /type enumeration\s*\{/);
  if (en) return { kind: 'enum', values: [...en.body.matchAll(/enum\s+([a-z0-9-]+);/g)].map((m) => m[1]!) };
  const range = /type uint\d+\s*\{\s*range "(\d+)\.\.(\d+)";/.exec(body);
  if (range) return { kind: 'uint', min: Number(range[1]), max: Number(range[2]) };
  if (/type string;/.test(body)) return { kind: 'string' };
  throw new Error(`unknown type in: ${body}`);
}

function inputLeaves(rpc: string): YangLeaf[] {
  const text = schemaText(MODULE);
  const r = block(text, new RegExp(`rpc ${rpc}\\s*\\{`));
  expect(r, `rpc ${rpc} in the YANG module`).to.not.equal(undefined);
  const input = block(r!.body, /input\s*\{/)!;
  return parseLeaves(input.body);
}

function grammarLeaves(g: RpcGrammar): YangLeaf[] {
  return g.leaves.map((l) => ({
    name: l.name,
    type: l.type.kind === 'uint' ? { kind: 'uint', min: l.type.min ?? 0, max: l.type.max ?? 4294967295 } : l.type,
    ...(l.group ? { choice: l.group } : {}),
  }));
}

const sortByName = (a: YangLeaf, b: YangLeaf): number => a.name.localeCompare(b.name);

describe('YANG module', () => {
  for (const g of [requestSnapshotGrammar, getSnapshotInformationGrammar, getSystemStorageGrammar]) {
    it(`input leaves of ${g.rpc} agree with the grammar (names, types, choices)`, () => {
      const yang = inputLeaves(g.rpc).sort(sortByName);
      const grammar = grammarLeaves(g).sort(sortByName);
      expect(yang).to.deep.equal(grammar);
    });
  }

  it('detects a disagreement (the check can fail)', () => {
    const broken: RpcGrammar = { ...requestSnapshotGrammar, leaves: requestSnapshotGrammar.leaves.filter((l) => l.name !== 'factory') };
    expect(inputLeaves('request-snapshot').sort(sortByName)).to.not.deep.equal(grammarLeaves(broken).sort(sortByName));
  });

  it('declares the advertised name, namespace and revision', () => {
    const text = schemaText(MODULE);
    expect(text).to.match(new RegExp(`^module ${MODULE.name} \\{`));
    expect(text).to.include(`namespace "${MODULE.namespace}";`);
    expect(text).to.include(`revision ${MODULE.revision} {`);
    expect(capabilityFor(MODULE)).to.equal(`urn:junos-emulator:snapshot?module=junos-emulator-snapshot&revision=${MODULE.revision}`);
  });

  it('is valid under yanglint', async function () {
    const yanglint = '/usr/bin/yanglint';
    if (!existsSync(yanglint)) {
      if (process.env['CI']) throw new Error('yanglint (libyang2-tools) is required in CI');
      this.skip();
    }
    const { stdout, stderr } = await run(yanglint, [YANG_PATH]);
    expect(stderr).to.equal('');
    expect(stdout).to.equal('');
  });
});

function schemaOp(leaves: Record<string, string>): XmlElement {
  return {
    name: 'get-schema',
    prefix: '',
    attrs: { xmlns: 'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring' },
    text: '',
    children: Object.entries(leaves).map(([k, v]) => ({ name: k, prefix: '', attrs: {}, children: [], text: v })),
  };
}

describe('get-schema', () => {
  const ctx = fakeContext(fakeDevice());

  it('returns the module text in <data>', async () => {
    const reply = await getSchema.handle(schemaOp({ identifier: MODULE.name, version: MODULE.revision, format: 'yang' }), ctx);
    expect(reply.kind).to.equal('body');
    const body = (reply as { body: string }).body;
    expect(body.startsWith('<data xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring">module junos-emulator-snapshot {')).to.equal(true);
    expect(body).to.include('rpc request-snapshot {');
  });

  it('accepts a prefixed format identity and no version', async () => {
    const reply = await getSchema.handle(schemaOp({ identifier: MODULE.name, format: 'ncm:yang' }), ctx);
    expect(reply.kind).to.equal('body');
  });

  for (const [what, leaves, bad] of [
    ['an unknown identifier', { identifier: 'ietf-nothing' }, 'identifier'],
    ['an unknown version', { identifier: MODULE.name, version: '1999-01-01' }, 'version'],
    ['a format other than yang', { identifier: MODULE.name, format: 'yin' }, 'format'],
  ] as const) {
    it(`refuses ${what} with invalid-value`, async () => {
      try {
        await getSchema.handle(schemaOp(leaves), ctx);
        expect.fail('expected an rpc-error');
      } catch (e) {
        expect(e).to.be.instanceOf(RpcError);
        expect((e as RpcError).errors[0]!.tag).to.equal('invalid-value');
        expect((e as RpcError).errors[0]!.info).to.deep.equal([['bad-element', bad]]);
      }
    });
  }
});
