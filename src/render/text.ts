/** Shared pieces of CLI text layout. */

/** Junos puts this under the `NAME:` header of each target of a multi-RE command. */
export const DASHES = '-'.repeat(74);

/**
 * Joins per-target sections: `NAME:`, 74 dashes, the section, and a blank line
 * between sections (none after the last). Sections end with a newline.
 */
export function multiSections(sections: ReadonlyArray<{ readonly reName: string; readonly text: string }>): string {
  return sections.map((s) => `${s.reName}:\n${DASHES}\n${s.text}`).join('\n');
}

export function errorLines(errors: readonly string[]): string {
  return errors.map((e) => `error: ${e}\n`).join('');
}

const PREFIXES = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];

/**
 * 885M, 4.7G, 1.0K, 270K, 0B: sizes as FreeBSD's `df -h` and `du -h` print
 * them, which is what Junos shows: libutil's humanize_number() with a 5-byte
 * buffer, HN_B | HN_NOSPACE | HN_DECIMAL. At most three digits; one decimal
 * place only below 10 (and never for bytes); divided by 1024 once more when
 * rounding would reach 1000.
 */
export function humanBytes(bytes: number): string {
  const divisor = 1024;
  const deccut = 973; // 0.95 * 1024, as humanize_number rounds
  const max = 1000; // 10 ** (5 - 1 (NUL) - 1 (prefix))
  let quotient = Math.max(0, Math.round(bytes));
  let remainder = 0;
  let i = 0;
  while ((quotient >= max || (quotient === max - 1 && remainder >= deccut)) && i < PREFIXES.length - 1) {
    remainder = quotient % divisor;
    quotient = Math.floor(quotient / divisor);
    i++;
  }
  if ((quotient < 9 || (quotient === 9 && remainder < deccut)) && i > 0) {
    const tenths = Math.floor((remainder * 10 + divisor / 2) / divisor);
    return `${quotient + Math.floor(tenths / 10)}.${tenths % 10}${PREFIXES[i]}`;
  }
  return `${quotient + Math.floor((remainder + divisor / 2) / divisor)}${PREFIXES[i]}`;
}

/** A size in KB (1024 bytes) as `df -h` prints it. */
export function humanKb(kb: number): string {
  return humanBytes(kb * 1024);
}

export function humanMb(mb: number): string {
  return humanKb(mb * 1024);
}
