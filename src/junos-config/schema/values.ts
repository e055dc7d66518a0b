/**
 * Whether a leaf's value is one its YANG type allows. The messages are the
 * emulator's choice where no capture shows Junos's (docs/config-schema.md).
 */
import type { RawPattern, RawType, Schema } from './model.js';

/** Compiled once per kept pattern (the schema's types are shared by every device of a release). */
const compiled = new WeakMap<RawPattern, RegExp>();

/**
 * A group's wildcard name (`<ge-*>`, `<*>`) or a dynamic profile's variable
 * (`$junos-interface-name`): Junos matches or substitutes these, so a pattern
 * says nothing certain about them.
 */
const TEMPLATE = /^<.*>$|^\$/s;

/** undefined when the value passes Junos's `junos:posix-pattern`; else its `junos:pattern-message`. */
function patternProblem(p: RawPattern, value: string): ValueProblem | undefined {
  if (TEMPLATE.test(value)) return undefined;
  let re = compiled.get(p);
  if (!re) {
    re = new RegExp(p[0], 'su');
    compiled.set(p, re);
  }
  return re.test(value) === (p[1] === 0) ? undefined : { message: p[2] };
}

const INT_BOUNDS: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-9223372036854775808n, 9223372036854775807n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 18446744073709551615n],
};

/** A refused value: the message, and the element Junos names (the value itself). */
export interface ValueProblem {
  readonly message: string;
}

function bound(s: string, base: string, which: 0 | 1): bigint {
  if (s === 'min') return INT_BOUNDS[base]![0];
  if (s === 'max') return INT_BOUNDS[base]![1];
  return BigInt(s);
}

function checkLength(len: readonly (readonly [string, string])[], value: string): ValueProblem | undefined {
  if (len.length === 0) return undefined;
  const n = [...value].length;
  if (len.some(([lo, hi]) => n >= (lo === 'min' ? 0 : Number(lo)) && (hi === 'max' || n <= Number(hi)))) return undefined;
  const max = len[len.length - 1]![1];
  return max !== 'max' && n > Number(max) ? { message: `Must be a string of ${max} characters or less` } : { message: `Must be a string of at least ${len[0]![0]} characters` };
}

/** undefined when `value` fits `t`; else why not. */
export function checkValue(schema: Schema, t: RawType, value: string): ValueProblem | undefined {
  switch (t[0]) {
    case 'e':
      return { message: 'syntax error' };
    case 'w':
      return /^<.*>$|^\$/.test(value) ? undefined : { message: 'syntax error' };
    case 'b':
      return value === 'true' || value === 'false' ? undefined : { message: 'syntax error' };
    case 'd':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : { message: `invalid decimal value: '${value}'` };
    case 'E':
      return t[1].includes(value) ? undefined : { message: 'syntax error' };
    case 's': {
      if (t.length === 1) return undefined;
      // The length first: its message is the emulator's, the pattern's is Junos's own (junos:pattern-message).
      return checkLength(t[1], value) ?? (t.length === 3 ? patternProblem(t[2], value) : undefined);
    }
    case 'i': {
      if (!/^-?\d+$/.test(value)) return { message: `invalid numeric value: '${value}'` };
      const v = BigInt(value);
      const base = t[1];
      const ranges = t[2].length > 0 ? t[2] : [[String(INT_BOUNDS[base]![0]), String(INT_BOUNDS[base]![1])] as const];
      if (ranges.some(([lo, hi]) => v >= bound(lo, base, 0) && v <= bound(hi, base, 1))) return undefined;
      return { message: `Value ${value} is not within range (${ranges.map(([lo, hi]) => `${bound(lo, base, 0)}..${bound(hi, base, 1)}`).join(', ')})` };
    }
    case 'U': {
      let first: ValueProblem | undefined;
      for (const m of t[1]) {
        const p = checkValue(schema, schema.type(m), value);
        if (!p) return undefined;
        // The message of the first member that is not the `<*>`/`$var` wildcard (group templates).
        if (!first && schema.type(m)[0] !== 'w') first = p;
      }
      return first ?? { message: 'syntax error' };
    }
  }
}
