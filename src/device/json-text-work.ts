/**
 * `JSON.stringify(value, null, indent)` as work in slices
 * (src/junos-config/slices.ts), for the state file of a device with a large
 * configuration: its commit history holds up to 50 trees, each written out in
 * full, and one `JSON.stringify` of them held the event loop for as long as
 * it took. Same text as JSON.stringify, `toJSON` included; an explicit stack
 * rather than a generator per value (millions of values).
 */
import { pace, TextBuffer, type Work } from '../junos-config/slices.js';

type Frame =
  | { readonly array: true; readonly items: readonly unknown[]; i: number; readonly pad: string }
  | { readonly array: false; readonly obj: Record<string, unknown>; readonly keys: readonly string[]; i: number; written: number; readonly pad: string };

/** What JSON.stringify makes of `v` under `key` before writing it: toJSON applied. */
function resolved(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(k: string): unknown }).toJSON(key);
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return v;
}

/** True for values JSON.stringify leaves out of objects (and writes as null in arrays). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function* jsonTextWork(value: unknown, indent = 2): Work<string> {
  const step = ' '.repeat(indent);
  const out = new TextBuffer();
  const stack: Frame[] = [];
  const seen = new Set<object>();
  /** Writes a scalar, or opens a container (its frame goes on the stack). */
  const put = (v: unknown, pad: string): void => {
    if (v === null || skipped(v)) out.push('null');
    else if (typeof v === 'string' || typeof v === 'boolean') out.push(JSON.stringify(v));
    else if (typeof v === 'number') out.push(Number.isFinite(v) ? String(v) : 'null');
    else if (typeof v === 'object') {
      if (seen.has(v)) throw new TypeError('Converting circular structure to JSON');
      if (Array.isArray(v)) {
        if (v.length === 0) return out.push('[]');
        seen.add(v);
        out.push('[');
        stack.push({ array: true, items: v, i: 0, pad });
      } else {
        const obj = v as Record<string, unknown>;
        seen.add(v);
        out.push('{');
        stack.push({ array: false, obj, keys: Object.keys(obj), i: 0, written: 0, pad });
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  };
  const top = resolved(value, '');
  if (skipped(top)) return undefined as unknown as string;
  put(top, '');
  while (stack.length > 0) {
    if (pace()) yield;
    const f = stack[stack.length - 1]!;
    const inner = f.pad + step;
    if (f.array) {
      if (f.i >= f.items.length) {
        stack.pop();
        seen.delete(f.items);
        out.push(`\n${f.pad}]`);
        continue;
      }
      const i = f.i++;
      out.push(`${i === 0 ? '' : ','}\n${inner}`);
      put(resolved(f.items[i], String(i)), inner);
      continue;
    }
    if (f.i >= f.keys.length) {
      stack.pop();
      seen.delete(f.obj);
      out.push(f.written === 0 ? '}' : `\n${f.pad}}`);
      continue;
    }
    const k = f.keys[f.i++]!;
    const v = resolved(f.obj[k], k);
    if (skipped(v)) continue;
    out.push(`${f.written++ === 0 ? '' : ','}\n${inner}${JSON.stringify(k)}: `);
    put(v, inner);
  }
  return out.text();
}
