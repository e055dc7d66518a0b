import type { XmlElement } from '../xml/element.js';
import { commentXml, endTag, leafXml, NETCONF_NS, startTag } from '../xml/writer.js';

export { NETCONF_NS };
export const BASE_1_0 = 'urn:ietf:params:netconf:base:1.0';
export const BASE_1_1 = 'urn:ietf:params:netconf:base:1.1';

/**
 * The capability list a 16.x-21.x Junos device sends (the 18.4R3 session
 * replay, 13 capabilities). The two url capabilities differ in a default
 * session: the first says `?scheme=`, the second `?protocol=` (every default
 * hello captured: 14.1/16.2 vMX, 18.2R1 vMX, 18.4R3, branch SRX); an
 * rfc-compliant session says `?protocol=` in both (18.3R3 capture).
 */
const URL_SCHEME = 'urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file';
const URL_PROTOCOL = 'urn:ietf:params:netconf:capability:url:1.0?protocol=http,ftp,file';
const JUNOS_CAPABILITIES = [
  'urn:ietf:params:netconf:base:1.0',
  'urn:ietf:params:netconf:capability:candidate:1.0',
  'urn:ietf:params:netconf:capability:confirmed-commit:1.0',
  'urn:ietf:params:netconf:capability:validate:1.0',
  URL_SCHEME,
  'urn:ietf:params:xml:ns:netconf:base:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:candidate:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:validate:1.0',
  'urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file',
  'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring',
  'http://xml.juniper.net/netconf/junos/1.0',
  'http://xml.juniper.net/dmi/system/1.0',
];

export interface HelloOptions {
  sessionId: number;
  user: string;
  userClass: string;
  rfcCompliant: boolean;
  /** base:1.1 is advertised only with rfc-compliant and version-1.1, as on Junos. */
  version11: boolean;
  /**
   * Extra capabilities, e.g. YANG modules as `ns?module=name&revision=date`.
   * A real Junos hello has none of the emulator's own: the device passes
   * them only when its `emulator-schema-capability` setting is on.
   */
  extraCapabilities: readonly string[];
}

export function serverCapabilities(o: Pick<HelloOptions, 'rfcCompliant' | 'version11' | 'extraCapabilities'>): string[] {
  const caps = JUNOS_CAPABILITIES.map((c) => (o.rfcCompliant && c === URL_SCHEME ? URL_PROTOCOL : c));
  if (o.rfcCompliant && o.version11) caps.splice(1, 0, BASE_1_1);
  return caps.concat(o.extraCapabilities);
}

/** Junos's own names of its predefined login classes, which the hello comment prints. */
const PREDEFINED_CLASSES = new Set(['super-user', 'operator', 'read-only', 'unauthorized']);

/**
 * The class as the hello's comment names it: a predefined class by Junos's
 * internal name (`j-super-user` in every hello of a configured user captured:
 * 18.2R1 vMX, 18.4R3, branch SRX, PyEZ and Ansible traces), root's
 * `super-user` as it is (the wire facts' root session), a class of the
 * configuration by its own name.
 */
export function helloClassName(user: string, userClass: string): string {
  return user !== 'root' && PREDEFINED_CLASSES.has(userClass) ? `j-${userClass}` : userClass;
}

export function renderServerHello(o: HelloOptions): string {
  const p = o.rfcCompliant ? 'nc:' : '';
  const ns: [string, string] = o.rfcCompliant ? ['xmlns:nc', NETCONF_NS] : ['xmlns', NETCONF_NS];
  let s = `${commentXml('No zombies were killed during the creation of this user interface')}\n`;
  s += `${commentXml(`user ${o.user}, class ${helloClassName(o.user, o.userClass)}`)}\n`;
  s += `${startTag(`${p}hello`, [ns])}\n  ${startTag(`${p}capabilities`)}\n`;
  for (const c of serverCapabilities(o)) s += `    ${leafXml(`${p}capability`, c)}\n`;
  s += `  ${endTag(`${p}capabilities`)}\n  ${leafXml(`${p}session-id`, String(o.sessionId))}\n${endTag(`${p}hello`)}`;
  return s;
}

/** The capabilities a client hello offers; throws when the message is not a hello. */
export function clientCapabilities(hello: XmlElement): string[] {
  if (hello.name !== 'hello') throw new Error(`expected <hello>, got <${hello.name}>`);
  const caps = hello.children.find((c) => c.name === 'capabilities');
  if (!caps) return [];
  return caps.children.filter((c) => c.name === 'capability').map((c) => c.text.trim());
}
