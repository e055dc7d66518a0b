/**
 * One comparison of the emulator's parser with libxml2, and the deliberate
 * differences (docs/design-notes.md, "XML the emulator accepts") applied
 * explicitly, so anything else is a disagreement.
 */
import { parseXml } from '../../src/xml/parse.js';
import type { OracleTree, OracleVerdict } from '../support/lxml-oracle.js';
import { oracleShape } from './oracle-shape.js';

const S = '[ \\t\\r\\n]';
const LEADING_SPACE = new RegExp(`^(\uFEFF?)${S}+(?=<\\?xml${S})`);
const DECLARED_ENCODING = new RegExp(`^(\uFEFF?<\\?xml${S}+version${S}*=${S}*(?:"[^"]*"|'[^']*')${S}+encoding${S}*=${S}*)(["'])[A-Za-z][A-Za-z0-9._-]*\\2`);

/**
 * What libxml2 is asked about `doc`. White space before the XML declaration is
 * framing to the emulator, and the declared encoding is never looked up (a
 * NETCONF message is UTF-8, RFC 6241), so the oracle sees the document
 * without the one and with UTF-8 for the other.
 */
export function oracleInput(doc: string): string {
  return doc.replace(LEADING_SPACE, '$1').replace(DECLARED_ENCODING, '$1$2UTF-8$2');
}

/** libxml2 reports a namespace name holding `&` with the `&` as `&#38;`; names only, never text. */
function unquirk(t: OracleTree): OracleTree {
  const fix = (s: string): string => s.replace(/&#38;/g, '&');
  return {
    tag: fix(t.tag),
    prefix: t.prefix,
    nsmap: t.nsmap.map(([p, u]) => [p, fix(u)]),
    attrs: t.attrs.map(([k, v]) => [fix(k), v]),
    text: t.text,
    children: t.children.map(unquirk),
  };
}

export interface Disagreement {
  doc: string;
  what: 'malformed accepted' | 'well-formed refused' | 'different tree';
  libxml2: string;
  emulator: string;
}

export function compare(doc: string, verdict: OracleVerdict): Disagreement | undefined {
  let ours: ReturnType<typeof oracleShape> | undefined;
  let error = '';
  try {
    ours = oracleShape(parseXml(doc, { maxDepth: 256 }));
  } catch (e) {
    error = (e as Error).message;
  }
  if (verdict.ok) {
    if (ours === undefined) {
      // The emulator refuses a DOCTYPE, as Junos does.
      if (/^DOCTYPE is not allowed/.test(error) && doc.includes('<!DOCTYPE')) return undefined;
      return { doc, what: 'well-formed refused', libxml2: 'well-formed', emulator: error };
    }
    const theirs = JSON.stringify(unquirk(verdict.root));
    const mine = JSON.stringify(ours);
    return theirs === mine ? undefined : { doc, what: 'different tree', libxml2: theirs, emulator: mine };
  }
  if (ours === undefined) return undefined;
  return { doc, what: 'malformed accepted', libxml2: verdict.error, emulator: 'well-formed' };
}
