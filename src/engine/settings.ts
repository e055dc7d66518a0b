/**
 * Device settings: the YAML keys of a device entry that shape the emulated
 * hardware. They stay live state so a control API can change them at run time.
 */

export type BootMedia = 'flash' | 'disk';

export interface DeviceSettings {
  /** Junos release installed on the primary media of every RE (e.g. `18.4R3.3`). */
  softwareVersion: string;
  /** Physical memory of each RE, in MB. */
  memoryMb: number;
  /** `set system mirror-flash-on-disk`: snapshots are refused while it is set. */
  mirrorFlashOnDisk: boolean;
  /** What the REs booted from (M/MX/T: flash drive or hard disk). */
  bootMedia: BootMedia;
  /**
   * Media whose partition table is corrupted. An entry is a medium (`ad0`,
   * `flash`, `hard-disk`, `usb`...) on every RE, or `RE:medium` (`re1:ad0`,
   * `lcc2-re0:ad0`) on one RE only.
   */
  corruptPartitionTable: string[];
  /** Routing matrix: LCC slots (0-3) that are connected. */
  connectedLcc: number[];
  /** J Series: removable media present (`usb`, `removable-compact-flash`). */
  insertedMedia: string[];
  /**
   * Copy rate of every medium in MB/s, overriding each kind's own rate, so a
   * test can make snapshots take as long as on old, slow media (15 minutes and more).
   */
  mediaSpeedMbps?: number;
  /**
   * Routing engines that do not answer (`re1`, `lcc2-re0`): commands that
   * address several REs report `Could not connect to NAME : No route to host`
   * for them and answer for the others.
   */
  unreachableRe?: string[];
  /**
   * Advertise the emulator's own YANG module (junos-emulator-snapshot) in the
   * hello, for YANG-driven clients such as yangcli. Off by default: no real
   * Junos hello carries it. `<get-schema>` serves the module either way.
   */
  emulatorSchemaCapability?: boolean;
}

/** YAML key for each setting: the fixed names of the config file. */
export const SETTING_KEYS: Readonly<Record<keyof DeviceSettings, string>> = {
  softwareVersion: 'software-version',
  memoryMb: 'memory-mb',
  mirrorFlashOnDisk: 'mirror-flash-on-disk',
  bootMedia: 'boot-media',
  corruptPartitionTable: 'corrupt-partition-table',
  connectedLcc: 'connected-lcc',
  insertedMedia: 'inserted-media',
  mediaSpeedMbps: 'media-speed-mbps',
  unreachableRe: 'unreachable-re',
  emulatorSchemaCapability: 'emulator-schema-capability',
};

const KEY_TO_FIELD = new Map<string, keyof DeviceSettings>(
  Object.entries(SETTING_KEYS).map(([field, key]) => [key, field as keyof DeviceSettings]),
);

export const REMOVABLE_MEDIA = ['usb', 'removable-compact-flash'] as const;

/** True for YAML keys that are device settings (so the config loader can pass the rest on). */
export function isSettingKey(key: string): boolean {
  return KEY_TO_FIELD.has(key);
}

/**
 * Reads the setting keys of one device entry. Keys that are not settings are
 * ignored (the config loader owns them). Throws an Error naming the key.
 */
export function parseDeviceSettings(raw: Record<string, unknown>, where: string): Partial<DeviceSettings> {
  const out: Partial<DeviceSettings> = {};
  const at = (key: string): string => `${where}.${key}`;
  for (const [key, value] of Object.entries(raw)) {
    const field = KEY_TO_FIELD.get(key);
    if (!field) continue;
    switch (field) {
      case 'softwareVersion':
        if (typeof value !== 'string' || !/^\d+\.\d+[A-Z][\w.-]*$/.test(value)) {
          throw new Error(`${at(key)}: expected a Junos release such as 18.4R3.3`);
        }
        out.softwareVersion = value;
        break;
      case 'memoryMb':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
          throw new Error(`${at(key)}: expected a positive integer`);
        }
        out.memoryMb = value;
        break;
      case 'mirrorFlashOnDisk':
        if (typeof value !== 'boolean') throw new Error(`${at(key)}: expected true or false`);
        out.mirrorFlashOnDisk = value;
        break;
      case 'bootMedia':
        if (value !== 'flash' && value !== 'disk') throw new Error(`${at(key)}: expected flash or disk`);
        out.bootMedia = value;
        break;
      case 'corruptPartitionTable':
        out.corruptPartitionTable = stringList(value, at(key), (s) =>
          /^([a-z0-9-]+:)?[a-z0-9-]+$/.test(s) ? undefined : 'expected a medium name or RE:medium',
        );
        break;
      case 'connectedLcc': {
        if (!Array.isArray(value)) throw new Error(`${at(key)}: expected a list of LCC slots (0-3)`);
        const slots = value.map((v, i) => {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 3) {
            throw new Error(`${at(key)}[${i}]: expected an LCC slot from 0 through 3`);
          }
          return v;
        });
        out.connectedLcc = [...new Set(slots)].sort((a, b) => a - b);
        break;
      }
      case 'mediaSpeedMbps':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
          throw new Error(`${at(key)}: expected a positive number of MB per second`);
        }
        out.mediaSpeedMbps = value;
        break;
      case 'unreachableRe':
        out.unreachableRe = stringList(value, at(key), (s) =>
          /^(([a-z]+[0-9]+-)?re[01]|fpc[0-9]|node[01])$/.test(s) ? undefined : 'expected an RE name such as re1, lcc2-re0, fpc1 or node1',
        );
        break;
      case 'emulatorSchemaCapability':
        if (typeof value !== 'boolean') throw new Error(`${at(key)}: expected true or false`);
        out.emulatorSchemaCapability = value;
        break;
      case 'insertedMedia':
        out.insertedMedia = stringList(value, at(key), (s) =>
          (REMOVABLE_MEDIA as readonly string[]).includes(s) ? undefined : `expected one of ${REMOVABLE_MEDIA.join(', ')}`,
        );
        break;
    }
  }
  return out;
}

function stringList(value: unknown, where: string, check: (s: string) => string | undefined): string[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
  return value.map((v, i) => {
    if (typeof v !== 'string') throw new Error(`${where}[${i}]: expected a string`);
    const problem = check(v);
    if (problem) throw new Error(`${where}[${i}]: ${problem}`);
    return v;
  });
}
