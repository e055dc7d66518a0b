/**
 * RFC 3986 URI-reference syntax, which a namespace name must have: libxml2
 * refuses `xmlns:p="a b"` and so does the emulator. Written from the RFC's
 * grammar, read left to right as libxml2 reads it (an IP literal runs to its
 * `]` whatever it holds; a port has a digit at least). It runs only on
 * namespace declarations, and the last good name is remembered since every
 * RPC of a session declares the same ones.
 */

import { memoCopy } from './chars.js';

const UNRESERVED_OR_SUB = /[A-Za-z0-9\-._~!$&'()*+,;=]/;
const HEX = /[0-9A-Fa-f]/;
let lastGood = '';

/** The end of the run at p of unreserved, sub-delims and `extra` characters and %XX escapes. */
function run(s: string, p: number, extra: string): number {
  while (p < s.length) {
    const c = s[p]!;
    if (c === '%') {
      if (!HEX.test(s[p + 1] ?? '') || !HEX.test(s[p + 2] ?? '')) return p;
      p += 3;
    } else if (UNRESERVED_OR_SUB.test(c) || extra.includes(c)) {
      p++;
    } else {
      return p;
    }
  }
  return p;
}

/** authority = [ userinfo "@" ] host [ ":" port ]; returns its end, or -1. */
function authority(s: string, p: number): number {
  const user = run(s, p, ':');
  if (s[user] === '@') p = user + 1;
  if (s[p] === '[') {
    const close = s.indexOf(']', p);
    if (close < 0) return -1;
    p = close + 1;
  } else {
    p = run(s, p, '');
  }
  if (s[p] !== ':') return p;
  const digits = ++p;
  while (s[p]! >= '0' && s[p]! <= '9') p++;
  return p > digits ? p : -1;
}

/** The hierarchical or relative part, then `?query` and `#fragment`; true when they end the string. */
function rest(s: string, p: number, afterScheme: boolean): boolean {
  if (s.startsWith('//', p)) {
    p = authority(s, p + 2);
    if (p < 0) return false;
  } else if (s[p] !== '/') {
    // A relative path's first segment holds no colon (it would read as a scheme).
    p = run(s, p, afterScheme ? ':@' : '@');
  }
  while (s[p] === '/') p = run(s, p + 1, ':@');
  if (s[p] === '?') p = run(s, p + 1, ':@/?');
  // libxml2 accepts [ and ] in a fragment.
  if (s[p] === '#') p = run(s, p + 1, ':@/?[]');
  return p === s.length;
}

export function isUriReference(s: string): boolean {
  if (s === lastGood) return true;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(s);
  const ok = rest(s, scheme ? scheme[0].length : 0, scheme !== null);
  if (ok) lastGood = memoCopy(s);
  return ok;
}
