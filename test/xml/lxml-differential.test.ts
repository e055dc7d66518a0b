/**
 * libxml2 (python3-lxml, one process for the suite) is the oracle of the
 * hand-written parser: same verdict on every document, and the same tree
 * (names resolved to namespaces, attributes, text) where both accept it.
 * Documents: hand-written cases, the messages real clients send
 * (client-messages.json), and seeded mutations of those. Set PROPERTY_SEED to
 * replay a failure, XML_MUTATIONS for a longer run.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseXml, XmlParseError } from '../../src/xml/parse.js';
import { LxmlOracle, type OracleVerdict } from '../support/lxml-oracle.js';
import { Prng, propertySeed } from '../support/prng.js';
import { DELIBERATE, HAND_WRITTEN } from './corpus.js';
import { compare, oracleInput, type Disagreement } from './differential.js';
import { mutate } from './mutate.js';

const here = dirname(fileURLToPath(import.meta.url));
const CAPTURED = (JSON.parse(readFileSync(join(here, '..', '..', '..', 'test', 'xml', 'client-messages.json'), 'utf8')) as Array<{ client: string; messages: string[] }>);
const SEEDS = [...CAPTURED.flatMap((c) => c.messages), ...HAND_WRITTEN.map(([doc]) => doc)];
const MUTATIONS = Number(process.env['XML_MUTATIONS'] ?? 5000);
const SEED = propertySeed(20260811);

function explain(d: Disagreement | undefined): string {
  return d ? `${d.what}: ${JSON.stringify(d.doc)}\n  libxml2:  ${d.libxml2}\n  emulator: ${d.emulator}` : '';
}

describe('xml parse agrees with libxml2 (lxml)', function () {
  let oracle: LxmlOracle | undefined;
  /** libxml2's verdict on each document as the emulator reads it, and on each deliberate case as sent. */
  const verdicts = new Map<string, OracleVerdict>();
  const raw = new Map<string, OracleVerdict>();

  before(async function () {
    oracle = LxmlOracle.startOrSkip(this);
    const docs = [...HAND_WRITTEN, ...DELIBERATE].map(([d]) => d).concat(CAPTURED.flatMap((c) => c.messages));
    const answers = await oracle.check(docs.map(oracleInput));
    docs.forEach((d, k) => verdicts.set(d, answers[k]!));
    const deliberate = DELIBERATE.map(([d]) => d);
    const asSent = await oracle.check(deliberate);
    deliberate.forEach((d, k) => raw.set(d, asSent[k]!));
  });
  after(() => oracle?.close());

  describe('hand-written cases', () => {
    for (const [doc, note] of HAND_WRITTEN) {
      it(note, () => {
        const d = compare(doc, verdicts.get(doc)!);
        expect(d, explain(d)).to.equal(undefined);
      });
    }
  });

  for (const { client, messages } of CAPTURED) {
    it(`every message ${client} sent: well-formed, and the same tree`, () => {
      for (const m of messages) {
        expect(verdicts.get(m)!.ok, `libxml2 on ${m}`).to.equal(true);
        const d = compare(m, verdicts.get(m)!);
        expect(d, explain(d)).to.equal(undefined);
      }
    });
  }

  describe('where the emulator differs on purpose (docs/design-notes.md)', () => {
    for (const [doc, note] of DELIBERATE) {
      it(note, () => {
        let ours: string;
        try {
          parseXml(doc);
          ours = 'well-formed';
        } catch (e) {
          expect(e).to.be.instanceOf(XmlParseError);
          ours = (e as Error).message;
        }
        const theirs = raw.get(doc)!;
        if (doc.includes('<!DOCTYPE')) {
          expect(theirs.ok, 'libxml2 reads a DOCTYPE').to.equal(true);
          expect(ours).to.match(/^DOCTYPE is not allowed/);
        } else {
          expect(theirs.ok, 'libxml2 refuses it').to.equal(false);
          expect(ours).to.equal('well-formed');
        }
        // Read as the emulator reads it, libxml2 agrees, tree and all.
        const d = compare(doc, verdicts.get(doc)!);
        expect(d, explain(d)).to.equal(undefined);
      });
    }
  });

  it(`${MUTATIONS} seeded mutations of those messages (seed ${SEED}): no disagreement`, async () => {
    const rng = new Prng(SEED);
    const docs = Array.from({ length: MUTATIONS }, () => mutate(rng.pick(SEEDS), rng));
    const answers = await oracle!.check(docs.map(oracleInput));
    const disagreements = docs.map((d, k) => compare(d, answers[k]!)).filter((d): d is Disagreement => d !== undefined);
    const wellFormed = answers.filter((a) => a.ok).length;
    expect(wellFormed, 'some mutants are still well-formed, so trees are compared too').to.be.above(MUTATIONS / 100);
    expect(disagreements.length, `seed ${SEED}:\n${disagreements.slice(0, 5).map(explain).join('\n')}`).to.equal(0);
  });
});
