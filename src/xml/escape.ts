const TEXT_RE = /[&<>]/g;
const ATTR_RE = /[&<>"]/g;
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeText(s: string): string {
  return TEXT_RE.test(s) ? s.replace(TEXT_RE, (c) => MAP[c]!) : s;
}

export function escapeAttr(s: string): string {
  return ATTR_RE.test(s) ? s.replace(ATTR_RE, (c) => MAP[c]!) : s;
}
