/**
 * `junos-emulator make-package`: writes an emulator package (docs/packages.md)
 * that a test copies to a device and installs. `--platform` takes a hardware
 * line (mx, mx-ppc, ex, srx-branch, j-series, txmatrix, txmatrix-plus) or a
 * profile name (its line and model); repeat it for a package that installs
 * on several lines. `-o` names a file, or a directory to write the package
 * into under its Junos name.
 */
import { Command } from 'commander';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProfileName, PROFILES } from '../engine/index.js';
import type { HardwareLine } from '../engine/releases/index.js';
import { HARDWARE_LINES, isHardwareLine, makePackage } from '../packages/index.js';

function collect(value: string, previous: string[]): string[] {
  return previous.concat([value]);
}

interface Parsed {
  release: string;
  platform: string[];
  output?: string;
  payloadBytes?: string;
  packageName?: string;
}

function resolvePlatform(name: string): { line: HardwareLine; model?: string } {
  if (isHardwareLine(name)) return { line: name };
  if (isProfileName(name)) return { line: PROFILES[name].line, model: PROFILES[name].model };
  throw new Error(`--platform ${name}: expected one of ${HARDWARE_LINES.join(', ')} or a profile name`);
}

/** Runs the subcommand on its own arguments (after `make-package`); resolves to the exit code. */
export function makePackageMain(argv: readonly string[]): number {
  const cmd = new Command('junos-emulator make-package')
    .description('write a software package the emulator installs (docs/packages.md)')
    .requiredOption('--release <release>', 'release the package installs, e.g. 21.4R3.15')
    .option('--platform <name>', 'hardware line or profile it installs on (repeatable; default mx)', collect, [])
    .option('-o, --output <path>', 'file to write, or a directory (default: the current directory)')
    .option('--payload-bytes <n>', 'size of the software image member (default 65536)')
    .option('--package-name <name>', 'package base name instead of the Junos one for the platform')
    .exitOverride()
    .showHelpAfterError();
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : 2;
  }
  const o = cmd.opts<Parsed>();
  try {
    const resolved = (o.platform.length ? o.platform : ['mx']).map(resolvePlatform);
    const payloadBytes = o.payloadBytes === undefined ? undefined : Number(o.payloadBytes);
    const made = makePackage({
      release: o.release,
      platforms: [...new Set(resolved.map((r) => r.line))],
      model: resolved[0]!.model,
      payloadBytes,
      packageName: o.packageName,
    });
    const out = o.output ?? '.';
    const file = existsSync(out) && statSync(out).isDirectory() ? join(out, made.fileName) : out;
    writeFileSync(file, made.bytes);
    process.stdout.write(`${file}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`junos-emulator make-package: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
