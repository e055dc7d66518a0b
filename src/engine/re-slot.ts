/**
 * The slot of the RE a session is logged in to, read from the RE's name
 * (`re1`, `lcc0-re1`, `scc-re1` are slot re1; every other name is re0).
 */
export function localReSlot(sessionRe: string): 're0' | 're1' {
  return sessionRe.endsWith('re1') ? 're1' : 're0';
}
