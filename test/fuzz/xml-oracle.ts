/**
 * What the fuzz oracle expects of one message and of its reply.
 *
 * A message is well-formed when fast-xml-parser's XMLValidator and the strict
 * check of xml-check.ts both say so. Broken messages, and messages the server
 * refuses by documented policy (a DOCTYPE, nesting past max-xml-depth), must
 * get an rpc-error. Where the two oracles disagree, or only a namespace rule
 * or UTF-8 is broken, either answer is fine: that is a choice, not a rule.
 */
import { XMLValidator } from 'fast-xml-parser';
import { checkXml, childNamed, type CheckedElement } from './xml-check.js';

export const NETCONF_NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

export type Verdict =
  | { kind: 'well-formed'; root: CheckedElement }
  | { kind: 'broken'; why: string }
  | { kind: 'ambiguous'; why: string; root?: CheckedElement };

export interface OracleLimits {
  maxXmlDepth: number;
}

/** Counts of oracle disagreements, for the run summary. */
export const oracleNotes = new Map<string, number>();

function note(why: string): void {
  oracleNotes.set(why, (oracleNotes.get(why) ?? 0) + 1);
}

export function classify(bytes: Buffer, limits: OracleLimits): Verdict {
  const text = bytes.toString('utf8');
  const validUtf8 = Buffer.byteLength(text, 'utf8') === bytes.length && Buffer.from(text, 'utf8').equals(bytes);
  // The server drops whitespace before a message (docs/design-notes.md).
  const s = text.replace(/^[ \t\r\n]+/, '');
  // Past max-xml-depth + 1 the server must refuse it whatever else it holds.
  const c = checkXml(s, limits.maxXmlDepth + 1);
  if (!c.ok) return { kind: 'broken', why: c.why };
  if (c.doctype) return { kind: 'broken', why: 'DOCTYPE (refused by policy)' };
  const v = XMLValidator.validate(s);
  if (v !== true) {
    note(`XMLValidator refuses what the strict check accepts: ${v.err.code}`);
    return { kind: 'ambiguous', why: `XMLValidator: ${v.err.msg}`, root: c.root };
  }
  if (!validUtf8) return { kind: 'ambiguous', why: 'not valid UTF-8', root: c.root };
  if (c.depth === limits.maxXmlDepth + 1) return { kind: 'ambiguous', why: 'nesting at the limit (self-closing elements may not count)', root: c.root };
  if (c.namespaceError) return { kind: 'ambiguous', why: `namespace: ${c.namespaceError}`, root: c.root };
  return { kind: 'well-formed', root: c.root };
}

/** What a message asks, as far as the oracle needs it. */
export interface Request {
  verdict: Verdict;
  /** The root is `rpc` with a message-id and an operation: a reply that is not an error may come. */
  rpc: boolean;
  /** message-id as written, when the message is well-formed. */
  messageId?: string;
  /** Local name of the operation element. */
  op?: string;
}

export function describeRequest(bytes: Buffer, limits: OracleLimits): Request {
  const verdict = classify(bytes, limits);
  const root = verdict.kind === 'broken' ? undefined : verdict.root;
  if (!root) return { verdict, rpc: false };
  const op = root.local === 'rpc' ? root.children[0]?.local : undefined;
  const req: Request = { verdict, rpc: false, ...(op !== undefined ? { op } : {}) };
  if (verdict.kind !== 'well-formed') return req;
  const messageId = root.local === 'rpc' ? root.rawAttrs.get('message-id') : undefined;
  if (messageId !== undefined) req.messageId = messageId;
  req.rpc = root.local === 'rpc' && messageId !== undefined && op !== undefined;
  return req;
}

/** What a hello tells the server: refused, or accepted with these capabilities. */
export type HelloVerdict = { kind: 'refused'; why: string } | { kind: 'accepted'; base11: boolean } | { kind: 'ambiguous'; why: string };

export const BASE_1_1 = 'urn:ietf:params:netconf:base:1.1';

export function classifyHello(bytes: Buffer, limits: OracleLimits): HelloVerdict {
  const v = classify(bytes, limits);
  if (v.kind === 'broken') return { kind: 'refused', why: v.why };
  if (v.kind === 'ambiguous') return { kind: 'ambiguous', why: v.why };
  if (v.root.local !== 'hello') return { kind: 'refused', why: `root <${v.root.qname}> is not a hello` };
  const caps = childNamed(v.root, 'capabilities');
  const list = caps ? caps.children.filter((c) => c.local === 'capability').map((c) => c.text.trim()) : [];
  return { kind: 'accepted', base11: list.includes(BASE_1_1) };
}

function rpcErrors(reply: CheckedElement): CheckedElement[] {
  return reply.children.filter((c) => c.local === 'rpc-error');
}

export interface ReplyProblem {
  /** The class of problem, stable across runs (names and numbers left out): findings group by it. */
  check: string;
  detail: string;
}

const PROTO = /\b(constructor|__proto__|toString|hasOwnProperty|valueOf|prototype|__defineGetter__|isPrototypeOf|propertyIsEnumerable|toLocaleString|__lookupGetter__|__defineSetter__|__lookupSetter__)\b/g;

/** A problem text without the names and numbers that differ from one message to the next. */
export function problemClass(why: string): string {
  return why
    .replace(PROTO, 'OBJECT_PROTOTYPE_NAME')
    .replace(/&#x?[0-9a-fA-F]+;/g, '&#N;')
    .replace(/&[\w.:-]+;/g, '&name;')
    .replace(/U\+[0-9a-f]{4,6}/gi, 'U+XXXX')
    .replace(/ (in|at offset|at) [^()]*$/, '')
    .replace(/ of \S+( is not declared)$/, '$1')
    .replace(/^\S+ is not a QName$/, 'a name that is not a QName')
    .replace(/<\/?[\w.:-]+>/g, '<x>')
    .replace(/(attribute|prefix|entity) (?!OBJECT_PROTOTYPE_NAME)[^\s()]+/g, '$1 X')
    .replace(/\d+/g, 'N');
}

/**
 * Checks one reply against the message it answers; returns what is wrong,
 * or undefined. `prefix` is the server's NETCONF prefix ('' or 'nc').
 */
export function checkReply(reply: string, req: Request, prefix: string): ReplyProblem | undefined {
  const p = (check: string, detail: string): ReplyProblem => ({ check, detail });
  const c = checkXml(reply);
  if (!c.ok) {
    const inStartTag = c.at < reply.indexOf('>');
    return p(
      inStartTag ? `reply's start tag is not well-formed (the rpc's attributes echoed as written): ${problemClass(c.why)}` : `reply body is not well-formed XML: ${problemClass(c.why)}`,
      `reply is not well-formed XML (${c.why} at ${c.at}: ${JSON.stringify(reply.slice(Math.max(0, c.at - 160), c.at + 80))}); the request is ${req.verdict.kind}${req.verdict.kind !== 'well-formed' ? ` (${req.verdict.why})` : ''}`,
    );
  }
  const nsOk = req.verdict.kind === 'ambiguous' && req.verdict.why.startsWith('namespace');
  if (c.namespaceError && !nsOk) {
    const echoed = !/^<(?:nc:)?rpc-reply xmlns(?::nc)?="[^"]*" xmlns:junos="[^"]*"(?: xmlns:nc="[^"]*")?>/.test(reply);
    return p(
      echoed ? `reply's start tag is not well-formed (the rpc's attributes echoed as written): namespaces: ${problemClass(c.namespaceError)}` : `reply breaks XML namespaces: ${problemClass(c.namespaceError)}`,
      `${c.namespaceError}; the request is ${req.verdict.kind}${req.verdict.kind !== 'well-formed' ? ` (${req.verdict.why})` : ''}`,
    );
  }
  const root = c.root;
  if (root.local !== 'rpc-reply' || root.prefix !== prefix) return p('reply root is not rpc-reply', `reply root is <${root.qname}>, expected <${prefix ? `${prefix}:` : ''}rpc-reply>`);
  const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
  if (root.rawAttrs.get(nsAttr) !== NETCONF_NS) return p('reply is not in the NETCONF namespace', `reply's ${nsAttr} is ${JSON.stringify(root.rawAttrs.get(nsAttr))}`);
  const errors = rpcErrors(root);
  for (const e of errors) {
    const sev = childNamed(e, 'error-severity')?.text.trim();
    if (sev !== 'error' && sev !== 'warning') return p('rpc-error without a valid error-severity', JSON.stringify(sev));
    if (!childNamed(e, 'error-message') && !childNamed(e, 'error-tag')) return p('rpc-error with neither error-message nor error-tag', '');
    if (childNamed(e, 'error-message')?.text.trim() === 'internal error') return p('a handler failed on this input (error-message "internal error")', '');
  }
  const hasError = errors.some((e) => childNamed(e, 'error-severity')?.text.trim() === 'error');
  if (req.verdict.kind === 'broken' && !hasError) return p(`broken message answered without an rpc-error: ${problemClass(req.verdict.why)}`, req.verdict.why);
  if (req.verdict.kind === 'well-formed') {
    // A namespace name that is no RFC 3986 URI reference breaks a Namespaces
    // constraint, not a well-formedness rule: this checker lets it through,
    // libxml2 refuses it, and the server follows libxml2 (the lxml
    // differential test in test/xml checks that case against libxml2 itself).
    const malformed = errors.filter(
      (e) => childNamed(e, 'error-tag')?.text.trim() === 'malformed-message' && !/is not a URI reference/.test(childNamed(e, 'error-message')?.text ?? ''),
    );
    if (malformed.length > 0) {
      const why = malformed.map((e) => childNamed(e, 'error-message')?.text.trim() ?? '').join('; ');
      return p(`well-formed message refused as malformed: ${problemClass(why)}`, why);
    }
    if (!req.rpc && !hasError) return p('message that is not an <rpc message-id=...> with an operation answered without an rpc-error', '');
  }
  if (req.messageId !== undefined && root.rawAttrs.get('message-id') !== req.messageId) {
    return p("reply's message-id is not the request's", `reply's message-id ${JSON.stringify(root.rawAttrs.get('message-id'))}, the request's ${JSON.stringify(req.messageId)}`);
  }
  return undefined;
}

/** The reply ends the session (an `<ok/>` to close-session, `<end-session/>`). */
export function replyEndsSession(reply: string, req: Request): boolean {
  const ok = /<(?:nc:)?ok\/>\s*<\/(?:nc:)?rpc-reply>\s*$/.test(reply) || /<end-session\/>/.test(reply);
  if (req.op !== undefined) return ok && (req.op === 'close-session' || req.op === 'request-end-session');
  // A parser that took a broken message for a close-session ends the session too (checkReply flags it).
  return ok && req.verdict.kind === 'broken';
}
