/**
 * Where captured Junos configurations show statements in another order than
 * the schema's children order with DISPLAY_MOVES applied
 * (docs/statement-order.md). Prints nothing when the table explains every
 * capture.
 *
 *   npx tsc -p tsconfig.json
 *   node dist/scripts/display-order-evidence.js [--schema junos-18.4R1 | --schema auto [--family junos|junos-es|junos-ex]]
 *        [--no-moves] [--summary] [--entries] [--skipped] DIR|FILE...
 *
 * `--schema auto` reads each capture against the schema the emulator gives
 * its release (its `version` statement; catalog.ts schemaIdFor) in the
 * family chosen (default junos).
 *
 * DIR is searched recursively; each file is a curly-brace `show configuration`
 * text, or an XML reply holding `<configuration>` (or `<configuration-output>`
 * / `<configuration-text>` wrapping the text).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema, schemaIdFor } from '../src/junos-config/schema/catalog.js';
import type { HardwareLine } from '../src/engine/releases/types.js';
import { DISPLAY_MOVES } from '../src/junos-config/schema/display-moves.js';
import { readCapture } from './display-order/captured-tree.js';
import { checkCapture, emptyFindings, whereText } from './display-order/order-check.js';

function filesUnder(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((n) => filesUnder(join(p, n)));
}

/** A hardware line of each YANG family, to ask catalog.ts which schema a release gets. */
const LINE_OF: Readonly<Record<string, HardwareLine>> = { junos: 'mx', 'junos-es': 'srx-branch', 'junos-ex': 'ex' };

/** The release a capture names (`version 18.4R1-S1.3;`, `<version>17.3R2.10</version>`). */
function releaseOf(text: string): string | undefined {
  return /^\s*version\s+"?(\d+\.\d+[^;"\s]*)/m.exec(text)?.[1] ?? /<version>(\d+\.\d+[^<\s]*)/.exec(text)?.[1];
}

function main(argv: readonly string[]): number {
  let schemaId = 'junos-18.4R1';
  let family = 'junos';
  const opts = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--schema') schemaId = argv[++i] ?? schemaId;
    else if (a === '--family') family = argv[++i] ?? family;
    else if (a.startsWith('--')) opts.add(a);
    else paths.push(a);
  }
  if (paths.length === 0) {
    process.stderr.write('usage: display-order-evidence [--schema ID] [--no-moves] [--summary] [--entries] [--skipped] DIR|FILE...\n');
    return 2;
  }
  const line = LINE_OF[family];
  if (!line) {
    process.stderr.write(`unknown family ${family} (junos, junos-es, junos-ex)\n`);
    return 2;
  }
  const moves = opts.has('--no-moves') ? [] : DISPLAY_MOVES;
  const found = emptyFindings();
  for (const f of paths.flatMap(filesUnder)) {
    const text = readFileSync(f, 'utf8');
    const id = schemaId === 'auto' ? schemaIdFor(line, releaseOf(text) ?? '18.4R1') : schemaId;
    const c = readCapture(f, text, loadSchema(id));
    if (!c) continue;
    if (opts.has('--skipped')) for (const s of c.skipped) console.log(`skipped ${f}: ${s}`);
    checkCapture(c, moves, found);
  }
  for (const { pair, where } of [...found.contradictions.values()].sort((a, b) => a.pair.parent.localeCompare(b.pair.parent))) {
    const reverse = found.seen.get(pair.parent)?.get(`${pair.second}\t${pair.first}`) ?? 0;
    console.log(
      `${pair.parent}: ${pair.first} before ${pair.second} (${where.length}x${reverse ? `, the other way ${reverse}x` : ''}) ${where
        .slice(0, 3)
        .map(whereText)
        .join('; ')}`,
    );
  }
  if (opts.has('--summary')) {
    for (const [parent, pairs] of [...found.seen].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`checked ${parent}: ${pairs.size} ordered pairs`);
    for (const [k, w] of found.split) console.log(`split ${k}: ${w.slice(0, 3).map(whereText).join('; ')}`);
  }
  if (opts.has('--entries')) for (const e of found.entries) console.log(`entries ${e.list}: ${e.keys.join(', ')} ${whereText(e.where)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
