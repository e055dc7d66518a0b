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
  if (!(DATASTORES as readonly string[]).includes(ds.name)) throw syntaxError(ds.name);
  return ds.name as Datastore;
}
