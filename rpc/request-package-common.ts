/**
 * The parts `request-package-add` and `request-package-validate` share: the
 * package path as given, the install target of this device, the verdict on
 * the file and the reply for a refused one.
 */
import { PROFILES } from '../src/engine/index.js';
import { chassisIdentity } from '../src/system/identity.js';
import { DeviceFiles, homeOf } from '../src/files/device-files.js';
import { judgePackage, type InstallTarget, type PackageVerdict } from '../src/packages/install.js';
import { outputXml, packageAddXml } from '../src/render/operation-results.js';
import { packageFiles } from './request-package-files.js';
import type { RpcContext } from './types.js';

export function installTarget(ctx: RpcContext): InstallTarget {
  const spec = PROFILES[ctx.device.profile];
  return { line: spec.line, model: chassisIdentity(ctx.device.model, '').productModel, running: ctx.device.model.settings.softwareVersion };
}

/** A relative name is in the user's home, where a Junos CLI session starts (`~` too). */
export function absolutePath(ctx: RpcContext, name: string): string {
  return DeviceFiles.normalize(name, homeOf(ctx.session.user), ctx.session.user);
}

export async function judge(ctx: RpcContext, name: string): Promise<PackageVerdict> {
  const bytes = /^[a-z]+:\/\//.test(name) ? undefined : await packageFiles(ctx).read(absolutePath(ctx, name));
  return judgePackage(name, bytes, installTarget(ctx));
}

/** The reply: `<output>` text, then `<package-result>` unless Junos prints none. */
export function packageReply(ctx: RpcContext, lines: readonly string[], result: number | null): { kind: 'body'; body: string } {
  const text = lines.join('\n') + '\n';
  if (ctx.format === 'text') return { kind: 'body', body: outputXml(text) };
  return { kind: 'body', body: result === null ? outputXml(`\n${text}`) : packageAddXml(text, result) };
}
