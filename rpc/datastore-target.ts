import type { XmlElement } from '../src/xml/element.js';
import { child } from '../src/xml/element.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { Datastore } from '../src/session/locks.js';
import { missingWrapper } from '../src/errors/catalogue.js';

const DATASTORES: readonly Datastore[] = ['running', 'candidate', 'startup'];

/** Reads `<target><candidate/></target>` (or `<source>`) of a base operation. */
export function readDatastore(op: XmlElement, wrapper: 'target' | 'source'): Datastore {
  const w = child(op, wrapper);
  if (!w) {
    throw missingWrapper(wrapper, op.name);
  }
  const ds = w.children[0];
  if (!ds) throw syntaxError(wrapper);
  if (!(DATASTORES as readonly string[]).includes(ds.name)) {
    // Junos names what a source may be (a 20.3R0 reply to `<source><non-exist/></source>`).
    throw wrapper === 'source' ? syntaxError(ds.name, 'syntax error, expecting <candidate/> or <running/>') : syntaxError(ds.name);
  }
  return ds.name as Datastore;
}
