/**
 * The datastores as other sessions see them while a load runs in slices:
 * unchanged until the load ends, then changed at once; a load that another
 * session's change overtook applies again on top of it; a guard that fails
 * at the end (the candidate got locked meanwhile) leaves everything as it was.
 * Commits, private candidates and rollbacks share trees instead of copying.
 */
import { expect } from 'chai';
import { VirtualClock } from '../../src/engine/index.js';
import { parseSetLines } from '../../src/junos-config/set-format.js';
import { setSliceMs } from '../../src/junos-config/slices.js';
import { ConfigurationStore } from '../../src/junos-config/store.js';
import { renderSet } from '../../src/junos-config/text-render.js';
import { EditConflict, emptyConfiguration, sameTree } from '../../src/junos-config/tree.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const many = (n: number, what: string): string => Array.from({ length: n }, (_, i) => `set interfaces ge-0/0/${i} description "${what} ${i}"`).join('\n');

describe('configuration store: sliced loads', () => {
  let slice: number;
  let clock: VirtualClock;
  before(() => {
    // Yield at every checkpoint, so "while the load runs" does not depend on the machine's speed.
    slice = setSliceMs(0);
  });
  after(() => setSliceMs(slice));
  beforeEach(() => {
    clock = new VirtualClock({ speed: 'instant' });
  });
  afterEach(() => clock.shutdown());

  it('the candidate changes only when the load ends, all at once', async () => {
    const store = new ConfigurationStore(clock, emptyConfiguration());
    const a = {};
    const before = store.candidate(a);
    let finished = false;
    const load = store.loadSliced(a, parseSetLines(many(3000, 'big')), 'merge').then(() => (finished = true));
    let turns = 0;
    while (!finished) {
      expect(store.candidate(a), `after ${turns} turns`).to.equal(before);
      await turn();
      turns++;
    }
    await load;
    expect(turns, 'the load let the event loop turn').to.be.above(1);
    expect(renderSet(store.candidate(a)).split('\n').length - 1).to.equal(3000);
  });

  it('a load overtaken by another session\'s load applies on top of it', async () => {
    const store = new ConfigurationStore(clock, emptyConfiguration());
    const a = {};
    const b = {};
    const load = store.loadSliced(a, parseSetLines(`${many(3000, 'big')}\nset snmp location a`), 'merge');
    await turn();
    // Session b changes the shared candidate while a's load is being computed.
    store.load(b, parseSetLines('set snmp location b\nset snmp contact b'), 'merge');
    await load;
    const shown = renderSet(store.candidate(b));
    expect(shown).to.include('set snmp location a\n').and.include('set snmp contact b\n').and.include('description "big 2999"');
  });

  it('a guard that fails at the end leaves the candidate as it was', async () => {
    const store = new ConfigurationStore(clock, emptyConfiguration());
    const a = {};
    const before = store.candidate(a);
    let locked = false;
    const load = store.loadSliced(a, parseSetLines(many(3000, 'big')), 'merge', () => {
      if (locked) throw new Error('locked by another session');
    });
    await turn();
    locked = true;
    let error: unknown;
    await load.catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('locked by another session');
    expect(store.candidate(a)).to.equal(before);
  });

  it('a load that fails part way changes nothing (a create that meets an existing statement)', async () => {
    const store = new ConfigurationStore(clock, emptyConfiguration());
    const a = {};
    store.load(a, parseSetLines('set snmp location x'), 'merge');
    const before = store.candidate(a);
    const edits = [...parseSetLines(many(1000, 'new')), { name: 'snmp', op: 'create' as const, children: [] }];
    let error: unknown;
    await store.loadSliced(a, edits, 'merge').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(EditConflict);
    expect(store.candidate(a)).to.equal(before);
    expect(() => store.load(a, edits, 'merge')).to.throw(EditConflict);
    expect(store.candidate(a)).to.equal(before);
  });

  it('commit, private candidates, rollback and discard share trees instead of copying them', () => {
    const store = new ConfigurationStore(clock, emptyConfiguration());
    const a = {};
    store.load(a, parseSetLines(many(100, 'x')), 'merge');
    store.commit(a, 'lab');
    const committed = store.committed();
    // Its own root (a rendered revision is cached by it), the candidate's statements.
    expect(committed).to.not.equal(store.candidate(a));
    expect(committed.children).to.equal(store.candidate(a).children);
    expect(store.isModified(a)).to.equal(false);
    const p = {};
    store.openPrivate(p);
    expect(store.candidate(p)).to.equal(committed);
    store.load(p, parseSetLines('set interfaces ge-0/0/7 description changed'), 'merge');
    const edited = store.candidate(p);
    // Only the path to the change is new: the other interfaces are the committed nodes themselves.
    const ifs = (t: typeof edited): readonly (typeof edited)[] => t.children[0]!.children;
    expect(ifs(edited).filter((n, i) => n === ifs(committed)[i]).length).to.equal(99);
    expect(renderSet(committed)).to.include('ge-0/0/7 description "x 7"');
    store.commit(p, 'lab');
    store.loadRollback(a, 1);
    expect(store.candidate(a)).to.equal(store.rollback(1));
    store.discard(a);
    expect(sameTree(store.candidate(a), store.committed())).to.equal(true);
  });
});
