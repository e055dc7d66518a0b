/**
 * Junos release strings: `9.3R4.4`, `15.1X49-D70.3`, `18.4R3-S5.4`, `23.4R2.13`.
 * What the model needs of them: an order (which family row applies) and the
 * forms Junos prints in its XML namespaces.
 */

export interface ReleaseNumber {
  readonly major: number;
  readonly minor: number;
  /** `R`, `X`, `F`, `I`, `D`... the letter after major.minor. */
  readonly kind: string;
  /** The number after the letter: `3` in `18.4R3.3`, `49` in `15.1X49-D70.3`. */
  readonly train: number;
}

const RELEASE = /^(\d+)\.(\d+)([A-Z])(\d+)?/;

export function parseRelease(version: string): ReleaseNumber {
  const m = RELEASE.exec(version);
  if (!m) return { major: 0, minor: 0, kind: 'R', train: 0 };
  return { major: Number(m[1]), minor: Number(m[2]), kind: m[3]!, train: m[4] === undefined ? 0 : Number(m[4]) };
}

/** Compares `major.minor` of a release with a `major.minor` bound: negative, 0 or positive. */
export function compareMajorMinor(version: string, bound: string): number {
  const a = parseRelease(version);
  const [bm, bn] = bound.split('.').map(Number) as [number, number];
  return a.major !== bm ? a.major - bm : a.minor - bn;
}

export function atLeast(version: string, bound: string): boolean {
  return compareMajorMinor(version, bound) >= 0;
}

/**
 * The release as Junos writes it in `xmlns:junos` and in data-element
 * namespaces: the release without its build (`18.4R3` for 18.4R3.3,
 * `15.1R6` for 15.1R6.7, `13.3R9` for 13.3R9-S2.1, `12.3X48` for an
 * 12.3X48-D... build); from 19.1 on `xx.yR0` (20.4R0 and 23.1R0 captures).
 */
export function dataNamespaceRelease(version: string): string {
  return remembered(dataForms, version, dataForm);
}

function dataForm(version: string): string {
  const r = parseRelease(version);
  if (r.major === 0) return version;
  if (r.major >= 19) return `${r.major}.${r.minor}R0`;
  return `${r.major}.${r.minor}${r.kind}${r.train}`;
}

/**
 * The root `xmlns:junos` release: 23.2 and later print the full build at the
 * root (the CLI capture of 24.2R2.1 and a 23.2 capture) and keep `xx.yR0` on
 * data elements; earlier releases use one form for both.
 */
export function rootNamespaceRelease(version: string): string {
  return remembered(rootForms, version, rootForm);
}

function rootForm(version: string): string {
  return atLeast(version, '23.2') ? version : dataNamespaceRelease(version);
}

// Every RPC reply's root carries the release (src/render/rpc-reply.ts): its forms are worked out once per release string, not per reply.
const rootForms = new Map<string, string>();
const dataForms = new Map<string, string>();
/** Releases remembered per form; a device runs one at a time, upgrades and tests bring a few more. */
const REMEMBERED = 256;

function remembered(forms: Map<string, string>, version: string, form: (v: string) => string): string {
  let f = forms.get(version);
  if (f === undefined) {
    f = form(version);
    if (forms.size < REMEMBERED) forms.set(version, f);
  }
  return f;
}
