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

/** 885M, 4.7G, 1.0K: the `df -h` style Junos uses for sizes. */
export function humanKb(kb: number): string {
  if (kb === 0) return '0B';
  if (kb < 1024) return `${(kb).toFixed(1)}K`;
  const mb = kb / 1024;
  if (mb < 1024) return `${Math.round(mb)}M`;
  return `${(mb / 1024).toFixed(1)}G`;
}

export function humanMb(mb: number): string {
  return humanKb(mb * 1024);
}
