/**
 * Messages as real clients send them (../shared/reference/junos-wire-facts.md
 * and transcripts of ncclient 0.7.1 / PyEZ against the emulator): hellos that
 * offer base:1.0 or base:1.1, `<nc:rpc message-id="urn:uuid:...">` with
 * unqualified (PyEZ) or `nc:`-qualified (ncclient helpers) operations, and the
 * plainer `<rpc message-id="N">` of simple clients.
 *
 * Nothing here commits, reboots or installs: a mutated message must not be
 * able to lock the fuzzer out of its own device.
 */
import { SNAPSHOT_MEDIA_VALUES } from '../../src/grammar/request-snapshot.js';
import type { Prng } from './prng.js';

export const NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
export const BASE_10 = 'urn:ietf:params:netconf:base:1.0';
export const BASE_11 = 'urn:ietf:params:netconf:base:1.1';

/** ncclient 0.7.1's client capabilities after the base ones. */
const NCCLIENT_CAPS = [
  'urn:ietf:params:netconf:capability:writable-running:1.0',
  'urn:ietf:params:netconf:capability:candidate:1.0',
  'urn:ietf:params:netconf:capability:confirmed-commit:1.0',
  'urn:ietf:params:netconf:capability:rollback-on-error:1.0',
  'urn:ietf:params:netconf:capability:startup:1.0',
  'urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file,https,sftp',
  'urn:ietf:params:netconf:capability:validate:1.0',
  'urn:ietf:params:netconf:capability:xpath:1.0',
  'urn:ietf:params:netconf:capability:notification:1.0',
  'urn:ietf:params:netconf:capability:interleave:1.0',
  'urn:ietf:params:netconf:capability:with-defaults:1.0',
];

export function hello(p: Prng, offer11: boolean): string {
  const base = offer11 ? [BASE_10, BASE_11] : [BASE_10];
  switch (p.int(0, 3)) {
    case 0: {
      // ncclient / PyEZ
      const caps = [...base, ...NCCLIENT_CAPS].map((c) => `<nc:capability>${c}</nc:capability>`).join('');
      return `<?xml version="1.0" encoding="UTF-8"?><nc:hello xmlns:nc="${NS}"><nc:capabilities>${caps}</nc:capabilities></nc:hello>`;
    }
    case 1:
      return `<hello xmlns="${NS}"><capabilities>${base.map((c) => `<capability>${c}</capability>`).join('')}</capabilities></hello>`;
    case 2: {
      // go-netconf style, pretty-printed
      const caps = base.map((c) => `    <capability>${c}</capability>\n`).join('');
      return `<?xml version="1.0" encoding="UTF-8"?>\n<hello xmlns="${NS}">\n  <capabilities>\n${caps}  </capabilities>\n</hello>`;
    }
    default:
      // a hello with a comment and an extra capability carrying an escaped query
      return `<!-- client -->\n<hello xmlns='${NS}'><capabilities>${base.map((c) => `<capability>${c}</capability>`).join('')}<capability>urn:x?module=a&amp;revision=2020-01-01</capability></capabilities></hello>`;
  }
}

const FORMATS = ['xml', 'text', 'json', 'json-minified', 'xml-minified', 'ascii'];
/** Object.prototype names: handlers must not find them through a plain object. */
export const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];

function formatAttr(p: Prng): string {
  const r = p.float();
  if (r < 0.6) return '';
  if (r < 0.95) return ` format="${p.pick(FORMATS)}"`;
  return ` format="${p.pick([...PROTO_NAMES, 'bogus', ''])}"`;
}

function size(p: Prng): string {
  return p.weighted([
    [8, String(p.int(0, 1048576))],
    [1, String(p.int(1048577, 99999999))],
    [1, p.pick(['-1', 'abc', '', '1e3', '0x10', '18446744073709551616'])],
  ]);
}

const SELECTORS: Array<(p: Prng) => string> = [
  () => '<all-chassis/>',
  () => '<all-lcc/>',
  (p) => `<lcc>${p.pick(['0', '1', '3', '4', 'x'])}</lcc>`,
  () => '<scc/>',
  (p) => `<sfc>${p.pick(['0', '1'])}</sfc>`,
];

function someOf(p: Prng, parts: Array<(p: Prng) => string>, max: number): string {
  let s = '';
  const n = p.int(0, max);
  for (let i = 0; i < n; i++) s += p.pick(parts)(p);
  return s;
}

/** Every option of src/grammar/request-snapshot.ts, as a child (PyEZ kwargs) or an attribute (PyEZ positional dict). */
function requestSnapshot(p: Prng): string {
  const leaves: Array<(p: Prng) => string> = [
    () => '<partition/>',
    () => '<as-primary/>',
    () => '<factory/>',
    (p) => {
      const leaf = p.pick(['config-size', 'data-size', 'root-size', 'swap-size']);
      return `<${leaf}>${size(p)}</${leaf}>`;
    },
    (p) => `<media>${p.chance(0.9) ? p.pick(SNAPSHOT_MEDIA_VALUES) : p.pick(['floppy', 'USB', ''])}</media>`,
    (p) => `<slice>${p.chance(0.9) ? 'alternate' : p.pick(['1', 'primary'])}</slice>`,
    ...SELECTORS,
  ];
  let children = someOf(p, leaves, 4);
  let attrs = formatAttr(p);
  if (p.chance(0.2)) attrs += p.chance(0.5) ? ` slice="alternate"` : ` media="${p.pick(SNAPSHOT_MEDIA_VALUES)}"`;
  if (p.chance(0.05)) children += '<re0/>';
  return children === '' ? `<request-snapshot${attrs}/>` : `<request-snapshot${attrs}>${children}</request-snapshot>`;
}

function getSnapshotInformation(p: Prng): string {
  const kids = someOf(p, [(p) => `<media>${p.pick([...SNAPSHOT_MEDIA_VALUES, 'bogus'])}</media>`, (p) => `<slice>${p.pick(['1', '2', 'alternate'])}</slice>`, ...SELECTORS], 2);
  const attrs = formatAttr(p);
  return kids === '' ? `<get-snapshot-information${attrs}/>` : `<get-snapshot-information${attrs}>${kids}</get-snapshot-information>`;
}

function getSystemStorage(p: Prng): string {
  const kids = someOf(p, [() => '<detail/>', ...SELECTORS], 2);
  const attrs = formatAttr(p);
  return kids === '' ? `<get-system-storage${attrs}/>` : `<get-system-storage${attrs}>${kids}</get-system-storage>`;
}

const COMMANDS = [
  'show system snapshot',
  'show system snapshot media internal',
  'show system storage',
  'show system storage detail',
  'request system snapshot',
  'request system snapshot slice alternate',
  'request system snapshot media usb partition',
  'request system snapshot| display xml rpc',
  'show version',
  'show version invoke-on all-routing-engines',
  'show version| display xml rpc',
  'show configuration',
  'show configuration | display set',
  'show configuration system | display xml',
  'show chassis hardware',
  'show chassis routing-engine',
  'show system snapshot | display json',
  'show interfaces terse',
  'show bogus command',
];

function hostToken(p: Prng): string {
  return p.pick(['r1', 'r2', 'lab-mx', 'core-01', `h${p.hex(4)}`]);
}

function loadConfiguration(p: Prng, q: string): string {
  switch (p.int(0, 4)) {
    case 0: {
      const body = `system { host-name ${hostToken(p)}; }`;
      const text = p.chance(0.3) ? `<![CDATA[${body}\ninterfaces { ge-0/0/0 { description "a&b <c>"; } }]]>` : body;
      return `<${q}load-configuration action="${p.pick(['merge', 'replace', 'override', 'update'])}" format="text"><${q}configuration-text>${text}</${q}configuration-text></${q}load-configuration>`;
    }
    case 1: {
      const lines = [`set system host-name ${hostToken(p)}`, 'set interfaces ge-0/0/0 description "x &amp; y"', 'set system domain-name example.net', 'delete interfaces ge-0/0/9'];
      return `<${q}load-configuration action="set" format="text"><${q}configuration-set>${lines.slice(0, p.int(1, 4)).join('\n')}</${q}configuration-set></${q}load-configuration>`;
    }
    case 2:
      return `<load-configuration action="${p.pick(['merge', 'replace', 'update'])}" format="xml"><configuration><system><host-name>${hostToken(p)}</host-name></system><interfaces><interface><name>ge-0/0/0</name><description>fuzz &lt;1&gt;</description></interface></interfaces></configuration></load-configuration>`;
    case 3:
      return `<load-configuration rollback="${p.pick(['0', '1', '49', '50', 'x'])}"/>`;
    default:
      return `<load-configuration format="json"><configuration-json>{"configuration":{"system":{"host-name":"${hostToken(p)}"}}}</configuration-json></load-configuration>`;
  }
}

type OpBuilder = (p: Prng, q: string) => string;

/** Operations with weights; `q` is `nc:` where ncclient's own helpers qualify them. */
const OPS: ReadonlyArray<readonly [number, OpBuilder]> = [
  [10, (p) => requestSnapshot(p)],
  [6, (p) => getSnapshotInformation(p)],
  [5, (p) => getSystemStorage(p)],
  [5, (p) => `<get-software-information${formatAttr(p)}${p.chance(0.2) ? '><brief/></get-software-information>' : '/>'}`],
  [4, (p, q) => `<${q}get-config><${q}source><${q}${p.pick(['running', 'candidate', 'startup'])}/></${q}source>${p.chance(0.3) ? `<${q}filter type="subtree"><configuration><system/></configuration></${q}filter>` : ''}</${q}get-config>`],
  [3, (p) => `<get-configuration database="${p.pick(['committed', 'candidate'])}" format="${p.pick(['xml', 'text', 'set', 'json'])}">${p.chance(0.5) ? '<configuration><system><domain-name/></system></configuration>' : ''}</get-configuration>`],
  [3, (p, q) => {
    const op = p.pick(['lock', 'unlock']);
    return `<${q}${op}><${q}target><${q}candidate/></${q}target></${q}${op}>`;
  }],
  [2, (p) => p.pick(['<lock-configuration/>', '<unlock-configuration/>', '<open-configuration><private/></open-configuration>', '<close-configuration/>', '<discard-changes/>'])],
  [6, (p, q) => `<${q}command${formatAttr(p)}>${p.pick(COMMANDS)}</${q}command>`],
  [5, (p, q) => loadConfiguration(p, q)],
  [2, (p, q) => `<${q}validate><${q}source><${q}candidate/></${q}source></${q}validate>`],
  [2, (p, q) => `<${q}kill-session><${q}session-id>${p.pick(['0', '1', '99999', 'abc', '', '4294967296', '-1'])}</${q}session-id></${q}kill-session>`],
  [1, (p, q) => `<${q}close-session/>`],
  [1, () => '<request-end-session/>'],
  [2, (p) => p.pick(['<get-route-engine-information/>', '<get-chassis-inventory/>', '<get-chassis-cluster-status/>', '<get-virtual-chassis-information/>', '<get-bridge-mac-table/>'])],
  [2, (p) => (p.chance(0.5) ? '<get-interface-information><routing-instance>__juniper_private1__</routing-instance><terse/></get-interface-information>' : '<get-interface-information/>')],
  [2, (p) => `<file-show><filename>${p.pick(['/etc/hosts.junos', '/etc/resolv.conf', '/var/etc/resolv.conf', '/etc/passwd', '../../etc/passwd'])}</filename></file-show>`],
  [1, (p) => `<file-list${p.chance(0.5) ? '><detail/><path>/var/tmp</path></file-list>' : '/>'}`],
  [1, (p, q) => `<${q}get>${p.chance(0.5) ? `<${q}filter type="subtree"><configuration/></${q}filter>` : ''}</${q}get>`],
  [1, (p) => `<get-schema xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"><identifier>${p.pick(['junos-emulator-snapshot', 'ietf-netconf', 'nope'])}</identifier></get-schema>`],
  [1, () => '<get-test/>'],
];

export type RpcStyle = 'ncclient' | 'pyez' | 'simple' | 'single-quotes' | 'pretty' | 'no-namespace';

/** One rpc as some client would send it; returns the XML and its message-id. */
export function rpc(p: Prng): { xml: string; messageId: string } {
  const style = p.weighted<RpcStyle>([
    [3, 'ncclient'],
    [3, 'pyez'],
    [2, 'simple'],
    [1, 'single-quotes'],
    [1, 'pretty'],
    [1, 'no-namespace'],
  ]);
  const q = style === 'ncclient' ? 'nc:' : '';
  const op = p.weighted(OPS)(p, q);
  switch (style) {
    case 'ncclient':
    case 'pyez': {
      const id = `urn:uuid:${p.uuid()}`;
      return { xml: `<?xml version="1.0" encoding="UTF-8"?><nc:rpc xmlns:nc="${NS}" message-id="${id}">${op}</nc:rpc>`, messageId: id };
    }
    case 'simple': {
      const id = String(p.int(1, 100000));
      return { xml: `<rpc xmlns="${NS}" message-id="${id}">${op}</rpc>`, messageId: id };
    }
    case 'single-quotes': {
      const id = String(p.int(1, 1000));
      return { xml: `<rpc message-id='${id}' xmlns="${NS}" xmlns:junos="http://xml.juniper.net/junos/*/junos">${op}</rpc>`, messageId: id };
    }
    case 'pretty': {
      const id = String(p.int(100, 999));
      return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n<rpc message-id="${id}" xmlns="${NS}">\n  ${op}\n</rpc>\n`, messageId: id };
    }
    case 'no-namespace': {
      const id = String(p.int(1, 50));
      return { xml: `<rpc message-id="${id}">${op}</rpc>`, messageId: id };
    }
  }
}

/** The last message of every stream: a fresh, well-formed request whose reply shows the session still works. */
export function sentinel(seed: number): string {
  return `<rpc xmlns="${NS}" message-id="fuzz-sentinel-${seed}"><get-software-information/></rpc>`;
}
