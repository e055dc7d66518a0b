/**
 * A strict XML 1.0 well-formedness check for the fuzz oracle, written apart
 * from src/xml (the parser under test). fast-xml-parser's XMLValidator is the
 * other half of the oracle (xml-oracle.ts): it misses several XML 1.0 rules
 * (illegal characters and character references, undeclared entities, `<` in
 * attribute values, a second root, text after the root, `]]>` in text, an XML
 * declaration that is not first), which this checks.
 *
 * Namespace rules (XML Namespaces 1.0) are reported apart: a message that
 * breaks only those is XML, and what a NETCONF server does with it is a
 * choice rather than a rule.
 */

export interface CheckedElement {
  qname: string;
  prefix: string;
  local: string;
  /** Attribute values as written (references not decoded), by qualified name. */
  rawAttrs: Map<string, string>;
  children: CheckedElement[];
  /** Character data and CDATA directly inside, references decoded. */
  text: string;
}

export type CheckResult =
  | { ok: true; root: CheckedElement; depth: number; doctype: boolean; namespaceError?: string }
  | { ok: false; why: string; at: number };

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** A Name at the current position (sticky). */
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const ILLEGAL_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

class NotWellFormed extends Error {
  constructor(
    why: string,
    readonly at: number,
  ) {
    super(why);
  }
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function legalCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const NCNAME = /^[^:]+$/;

/**
 * `depthLimit` stops the walk (it recurses) past that nesting: the result is
 * then not well-formed "nesting deeper than depthLimit".
 */
export function checkXml(s: string, depthLimit = 4096): CheckResult {
  try {
    return new Checker(s, depthLimit).document();
  } catch (err) {
    if (err instanceof NotWellFormed) return { ok: false, why: err.message, at: err.at };
    throw err;
  }
}

class Checker {
  private i = 0;
  private maxDepth = 0;
  private doctype = false;
  private nsError: string | undefined;

  constructor(
    private readonly s: string,
    private readonly depthLimit: number,
  ) {}

  private fail(why: string, at = this.i): never {
    throw new NotWellFormed(why, at);
  }

  document(): CheckResult {
    const bad = ILLEGAL_CHAR.exec(this.s);
    if (bad) this.fail(`illegal character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')}`, bad.index);
    if (this.s.startsWith('<?xml') && /^<\?xml[ \t\r\n?]/.test(this.s)) {
      const m = XML_DECL.exec(this.s);
      if (!m) this.fail('bad XML declaration');
      this.i = m[0].length;
    }
    this.misc(true);
    if (this.s[this.i] !== '<') this.fail('no root element');
    const root = this.element(1, [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])]);
    this.misc(false);
    if (this.i < this.s.length) this.fail('content after the root element');
    return { ok: true, root, depth: this.maxDepth, doctype: this.doctype, ...(this.nsError ? { namespaceError: this.nsError } : {}) };
  }

  /** Comments, PIs and whitespace around the root; a DOCTYPE before it. */
  private misc(prolog: boolean): void {
    for (;;) {
      while (isSpace(this.s[this.i])) this.i++;
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<?', this.i)) this.pi();
      else if (prolog && this.s.startsWith('<!DOCTYPE', this.i) && !this.doctype) this.doctypeDecl();
      else return;
    }
  }

  /** Skips a DOCTYPE roughly (the server refuses every DOCTYPE; only its end matters). */
  private doctypeDecl(): void {
    this.doctype = true;
    let depth = 0;
    let quote = '';
    for (let j = this.i + 9; j < this.s.length; j++) {
      const c = this.s[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.i = j + 1;
        return;
      }
    }
    this.fail('unterminated DOCTYPE');
  }

  private comment(): void {
    const end = this.s.indexOf('--', this.i + 4);
    if (end < 0) this.fail('unterminated comment');
    if (this.s[end + 2] !== '>') this.fail("'--' inside a comment", end);
    this.i = end + 3;
  }

  private pi(): void {
    this.i += 2;
    const target = this.name();
    if (/^xml$/i.test(target)) this.fail('processing instruction named xml', this.i - target.length);
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) this.fail('unterminated processing instruction');
    if (end > this.i && !isSpace(this.s[this.i])) this.fail('no space after the PI target');
    this.i = end + 2;
  }

  private name(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.s);
    if (!m) this.fail('bad name');
    this.i += m[0].length;
    return m[0];
  }

  /** A reference at `&`; returns its replacement text. */
  private reference(): string {
    const semi = this.s.indexOf(';', this.i);
    if (semi < 0) this.fail("'&' that starts no reference");
    const ref = this.s.slice(this.i + 1, semi);
    if (!/^#?[\w.:-]+$/.test(ref)) this.fail("'&' that starts no reference");
    let out: string;
    if (ref[0] === '#') {
      const m = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(ref);
      if (!m) this.fail(`bad character reference &${ref};`);
      const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16);
      if (!legalCode(code)) this.fail(`character reference to an illegal character &${ref};`);
      out = String.fromCodePoint(code);
    } else {
      const v = PREDEFINED[ref];
      if (v === undefined || !Object.hasOwn(PREDEFINED, ref)) this.fail(`undeclared entity &${ref};`);
      out = v;
    }
    this.i = semi + 1;
    return out;
  }

  private element(depth: number, scopes: Array<Map<string, string>>): CheckedElement {
    if (depth > this.maxDepth) this.maxDepth = depth;
    if (depth > this.depthLimit) this.fail(`nesting deeper than ${this.depthLimit}`);
    const start = this.i;
    this.i++; // <
    const qname = this.name();
    const rawAttrs = new Map<string, string>();
    for (;;) {
      const hadSpace = isSpace(this.s[this.i]);
      while (isSpace(this.s[this.i])) this.i++;
      const c = this.s[this.i];
      if (c === '>' || c === '/') break;
      if (c === undefined) this.fail('unterminated start tag', start);
      if (!hadSpace) this.fail('no space before an attribute');
      const an = this.name();
      while (isSpace(this.s[this.i])) this.i++;
      if (this.s[this.i] !== '=') this.fail(`attribute ${an} has no value`);
      this.i++;
      while (isSpace(this.s[this.i])) this.i++;
      const q = this.s[this.i];
      if (q !== '"' && q !== "'") this.fail(`unquoted value of ${an}`);
      const end = this.s.indexOf(q, this.i + 1);
      if (end < 0) this.fail(`unterminated value of ${an}`);
      const raw = this.s.slice(this.i + 1, end);
      const lt = raw.indexOf('<');
      if (lt >= 0) this.fail(`'<' in the value of ${an}`, this.i + 1 + lt);
      for (let a = raw.indexOf('&'); a >= 0; a = raw.indexOf('&', a + 1)) {
        const save = this.i;
        this.i = this.i + 1 + a;
        this.reference();
        this.i = save;
      }
      if (rawAttrs.has(an)) this.fail(`attribute ${an} repeated`);
      rawAttrs.set(an, raw);
      this.i = end + 1;
    }
    const scope = this.namespaces(qname, rawAttrs, scopes);
    const { prefix, local } = split(qname);
    const el: CheckedElement = { qname, prefix, local, rawAttrs, children: [], text: '' };
    if (this.s[this.i] === '/') {
      if (this.s[this.i + 1] !== '>') this.fail("'/' not followed by '>'");
      this.i += 2;
      return el;
    }
    this.i++; // >
    const inner = scope === scopes[scopes.length - 1] ? scopes : [...scopes, scope];
    for (;;) {
      const lt = this.s.indexOf('<', this.i);
      const textEnd = lt < 0 ? this.s.length : lt;
      this.charData(el, textEnd);
      if (lt < 0) this.fail(`<${qname}> is not closed`, start);
      if (this.s.startsWith('</', this.i)) {
        this.i += 2;
        const closing = this.name();
        if (closing !== qname) this.fail(`</${closing}> closes <${qname}>`);
        while (isSpace(this.s[this.i])) this.i++;
        if (this.s[this.i] !== '>') this.fail('bad end tag');
        this.i++;
        return el;
      }
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<![CDATA[', this.i)) {
        const end = this.s.indexOf(']]>', this.i + 9);
        if (end < 0) this.fail('unterminated CDATA section');
        el.text += this.s.slice(this.i + 9, end);
        this.i = end + 3;
      } else if (this.s.startsWith('<?', this.i)) this.pi();
      else if (this.s.startsWith('<!', this.i)) this.fail("markup declaration inside an element");
      else el.children.push(this.element(depth + 1, inner));
    }
  }

  /** Next `]]>` and `&` at or after the position (cached: text is scanned once, not once per element). */
  private nextSeq = -2;
  private nextAmp = -2;

  private find(what: ']]>' | '&', from: number): number {
    if (what === '&') {
      if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = this.s.indexOf('&', from);
      return this.nextAmp;
    }
    if (this.nextSeq !== -1 && this.nextSeq < from) this.nextSeq = this.s.indexOf(']]>', from);
    return this.nextSeq;
  }

  /** Text up to `end`: references decoded, `]]>` refused. */
  private charData(el: CheckedElement, end: number): void {
    let from = this.i;
    const seq = this.find(']]>', from);
    if (seq >= 0 && seq < end) this.fail("']]>' in text", seq);
    for (let a = this.find('&', from); a >= 0 && a < end; a = this.find('&', this.i)) {
      el.text += this.s.slice(from, a);
      this.i = a;
      el.text += this.reference();
      from = this.i;
    }
    el.text += this.s.slice(from, end);
    this.i = end;
  }

  /** XML Namespaces 1.0, noted rather than failed. */
  private namespaces(qname: string, attrs: Map<string, string>, scopes: Array<Map<string, string>>): Map<string, string> {
    let scope = scopes[scopes.length - 1]!;
    for (const [an, v] of attrs) {
      if (an === 'xmlns' || an.startsWith('xmlns:')) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        const p = an === 'xmlns' ? '' : an.slice(6);
        if (p !== '' && v === '') this.noteNs(`empty namespace for prefix ${p}`);
        if (p === 'xmlns' || (p === 'xml') !== (v === 'http://www.w3.org/XML/1998/namespace')) this.noteNs(`reserved prefix ${p}`);
        scope.set(p, v);
      }
    }
    const check = (n: string): void => {
      const parts = n.split(':');
      if (parts.length > 2 || parts.some((x) => x === '' || !NCNAME.test(x))) {
        this.noteNs(`${n} is not a QName`);
        return;
      }
      if (parts.length === 2 && parts[0] !== 'xmlns' && !scope.has(parts[0]!)) this.noteNs(`prefix ${parts[0]} of ${n} is not declared`);
    };
    check(qname);
    const seen = new Set<string>();
    for (const an of attrs.keys()) {
      check(an);
      const parts = an.split(':');
      if (parts.length === 2 && parts[0] !== 'xmlns') {
        const expanded = `${scope.get(parts[0]!) ?? ''} ${parts[1]}`;
        if (seen.has(expanded)) this.noteNs(`attribute ${an} repeated by namespace`);
        seen.add(expanded);
      }
    }
    return scope;
  }

  private noteNs(why: string): void {
    this.nsError ??= why;
  }
}

function split(qname: string): { prefix: string; local: string } {
  const c = qname.indexOf(':');
  return c < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, c), local: qname.slice(c + 1) };
}

/** The first child element of `el` with this local name. */
export function childNamed(el: CheckedElement, local: string): CheckedElement | undefined {
  return el.children.find((c) => c.local === local);
}
