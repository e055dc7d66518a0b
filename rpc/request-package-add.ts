/**
 * <request-package-add>: `request system software add PACKAGE`. The release
 * named by the package becomes active at the next reboot; the emulator has no
 * file system, so any path is taken to hold the package it names.
 */
import { platformOf } from '../src/engine/index.js';
import { requestPackageAddGrammar } from '../src/grammar/request-package-add.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { packageRelease } from '../src/upgrade/package.js';
import type { RpcHandler } from './types.js';
import { expecting } from '../src/errors/catalogue.js';
import { outputXml, packageAddXml } from '../src/render/operation-results.js';

/** Virtual time an install takes (unpacking, signature check, staging). */
export const INSTALL_MS = 3 * 60_000;
const VALIDATE_MS = 60_000;

export const handler: RpcHandler = {
  name: 'request-package-add',
  grammar: requestPackageAddGrammar,
  async handle(op, ctx) {
    const opts = parseRpcOptions(requestPackageAddGrammar, op, platformOf(ctx.device.profile));
    const name = opts.get('package-name');
    if (typeof name !== 'string') {
      throw expecting('package-name', 'request-package-add');
    }
    const base = name.slice(name.lastIndexOf('/') + 1);
    const release = packageRelease(name);
    const lines: string[] = [];
    const done = (result: number): { kind: 'body'; body: string } => {
      const text = lines.join('\n') + '\n';
      return { kind: 'body', body: ctx.format === 'text' ? outputXml(text) : packageAddXml(text, result) };
    };
    if (release === undefined) {
      lines.push(`ERROR: ${base} is not a valid Junos package`);
      return done(1);
    }
    const running = ctx.device.model.settings.softwareVersion;
    lines.push(`Installing package '${name}' ...`, 'Verified manifest signed by PackageProductionEc_2019 method ECDSA256+SHA256');
    if (!opts.has('no-validate')) {
      await ctx.device.clock.sleep(VALIDATE_MS);
      lines.push('Checking compatibility with configuration', 'Initializing...', `Using ${release}`, 'Validating against /config/juniper.conf.gz', 'mgd: commit complete', 'Validation succeeded');
    }
    await ctx.device.clock.sleep(INSTALL_MS);
    ctx.device.system.pending = { version: release, packageName: name };
    ctx.device.system.changed();
    lines.push(
      `Saving package file in /var/sw/pkg/${base} ...`,
      'Saving state for rollback ...',
      ...(release === running ? [`NOTICE: ${release} is already running; it is installed again at the next reboot`] : []),
    );
    if (opts.has('reboot')) {
      lines.push('Rebooting ...');
      ctx.device.reboot();
    } else {
      lines.push('WARNING: A reboot is required to install the software', "WARNING:     Use the 'request system reboot' command immediately");
    }
    return done(0);
  },
};
