/**
 * A fake RpcContext for unit-testing handlers without a transport: a real
 * DeviceModel and clock, a session view, and a persist() that counts calls.
 */
import type { RpcContext, OutputFormat, SessionView } from '../../rpc/types.js';
import type { DeviceRuntime } from '../../src/device/runtime.js';
import { DeviceModel, VirtualClock } from '../../src/engine/index.js';
import type { DeviceSettings, ProfileName } from '../../src/engine/index.js';
import type { XmlElement } from '../../src/xml/element.js';
import { ConfigurationStore } from '../../src/junos-config/store.js';
import { emptyConfiguration } from '../../src/junos-config/tree.js';
import { SystemState } from '../../src/system/state.js';
import { DeviceFiles } from '../../src/files/device-files.js';
import { MemoryBlobStore } from '../../src/files/blob-store.js';

export interface FakeDevice extends DeviceRuntime {
  persists: number;
}

export const TEST_RELEASE = '18.4R3.3';
/** A fixed virtual epoch so creation dates are predictable. */
export const TEST_EPOCH = Date.UTC(2025, 11, 15, 12, 0, 0);

export function fakeDevice(
  profile: ProfileName = 'mx960',
  settings: Partial<DeviceSettings> = {},
  clock: VirtualClock = new VirtualClock({ speed: 'instant', start: TEST_EPOCH }),
): FakeDevice {
  const model = DeviceModel.create(profile, settings, { now: clock.now() });
  const dev: FakeDevice = {
    name: 'r1',
    profile,
    model,
    clock,
    sessions: {} as unknown as DeviceRuntime['sessions'],
    locks: {} as unknown as DeviceRuntime['locks'],
    hostname: () => 'r1',
    hostnameOn: () => 'r1',
    release: () => TEST_RELEASE,
    persists: 0,
    configuration: new ConfigurationStore(clock, emptyConfiguration()),
    system: new SystemState(clock.now()),
    reboot: () => undefined,
    changeCount: () => 0,
    persist: async () => {
      dev.persists++;
    },
    files: new DeviceFiles(model, new MemoryBlobStore(), () => ({ maxFileBytes: 64 * 1024 * 1024 }), () => clock.now()),
  };
  return dev;
}

export function fakeContext(
  device: DeviceRuntime,
  opts: { format?: OutputFormat; minified?: boolean; routingEngine?: string; userClass?: string } = {},
): RpcContext {
  const session: SessionView = {
    id: 4242,
    user: 'lab',
    userClass: opts.userClass ?? 'super-user',
    routingEngine: opts.routingEngine ?? 're0',
    closed: false,
  };
  return { session, prefix: '', device, format: opts.format ?? 'xml', minified: opts.minified ?? false };
}

/** Builds an operation element: `op('request-snapshot', { partition: true, media: 'usb' })`. */
export function op(name: string, leaves: Record<string, string | true> = {}, attrs: Record<string, string> = {}): XmlElement {
  return {
    name,
    prefix: '',
    attrs,
    text: '',
    children: Object.entries(leaves).map(([k, v]) => ({ name: k, prefix: '', attrs: {}, children: [], text: v === true ? '' : v })),
  };
}
