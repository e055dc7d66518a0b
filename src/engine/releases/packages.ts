/**
 * Package lists of `show version` and `show system snapshot`, per software
 * generation. `{MODEL}` stands for the chassis model (`MX80`), which the
 * MX80/MX104 forwarding package carries in its comment and version.
 */
import type { SnapshotPackage, VersionPackage } from './types.js';

/** JUNOS 7.4-14.x on M/MX (FreeBSD 6): `JUNOS Base OS boot` first (PyEZ's MX960 12.3R6 fixture). */
export const MX_FREEBSD6_VERSION: readonly VersionPackage[] = [
  { name: 'junos', comment: 'JUNOS Base OS boot' },
  { name: 'jbase', comment: 'JUNOS Base OS Software Suite' },
  { name: 'jkernel', comment: 'JUNOS Kernel Software Suite' },
  { name: 'jcrypto', comment: 'JUNOS Crypto Software Suite' },
  { name: 'jpfe-common', comment: 'JUNOS Packet Forwarding Engine Support (M/T Common)' },
  { name: 'jpfe-X', comment: 'JUNOS Packet Forwarding Engine Support (MX Common)' },
  { name: 'jdocs', comment: 'JUNOS Online Documentation' },
  { name: 'jroute', comment: 'JUNOS Routing Software Suite' },
];

/** The FreeBSD-6 packages `show system snapshot` lists on M/MX/T. */
export const FREEBSD6_SNAPSHOT: readonly SnapshotPackage[] = [
  { name: 'jbase' },
  { name: 'jkernel' },
  { name: 'jcrypto' },
  { name: 'jdocs' },
  { name: 'jpfe' },
  { name: 'jroute' },
];

/** What the TX Matrix profiles have always shown (kept as shipped). */
export const MATRIX_VERSION: readonly VersionPackage[] = [
  { name: 'junos', comment: 'JUNOS Software Release' },
  { name: 'jbase', comment: 'JUNOS Base OS Software Suite' },
  { name: 'jkernel', comment: 'JUNOS Kernel Software Suite' },
  { name: 'jcrypto', comment: 'JUNOS Crypto Software Suite' },
  { name: 'jdocs', comment: 'JUNOS Online Documentation' },
  { name: 'jpfe', comment: 'JUNOS Packet Forwarding Engine Support' },
  { name: 'jroute', comment: 'JUNOS Routing Software Suite' },
];

/** MX80 15.1R7.8 `show version` (code index 30239519891), in its order. */
export const MX_PPC_VERSION: readonly VersionPackage[] = [
  { name: 'junos', comment: 'JUNOS Base OS boot' },
  { name: 'jbase', comment: 'JUNOS Base OS Software Suite' },
  { name: 'jcrypto', comment: 'JUNOS Crypto Software Suite' },
  { name: 'jpfe', comment: 'JUNOS Packet Forwarding Engine Support ({MODEL})' },
  { name: 'jweb', comment: 'JUNOS Web Management' },
  { name: 'jdocs', comment: 'JUNOS Online Documentation' },
  { name: 'jservices-alg', comment: 'JUNOS Services Application Level Gateways' },
  { name: 'jservices-jflow', comment: 'JUNOS Services Jflow Container package' },
  { name: 'jservices-sfw', comment: 'JUNOS Services Stateful Firewall' },
  { name: 'jservices-nat', comment: 'JUNOS Services NAT' },
  { name: 'jservices-rpm', comment: 'JUNOS Services RPM' },
  { name: 'jservices-cpcd', comment: 'JUNOS Services Captive Portal and Content Delivery Container package' },
  { name: 'jmacsec', comment: 'JUNOS Macsec Software Suite' },
  { name: 'jservices-crypto-base', comment: 'JUNOS Services Crypto' },
  { name: 'jservices-ipsec', comment: 'JUNOS Services IPSec' },
  { name: 'jkernel', comment: 'JUNOS Kernel Software Suite' },
];

/** MX80 15.1R6.7 `show system snapshot` (mirceaulinic/junos-system-snapshot README). */
export const MX_PPC_SNAPSHOT: readonly SnapshotPackage[] = [
  { name: 'jbase', prefix: 'ppc-' },
  { name: 'jcrypto', prefix: 'ppc-' },
  { name: 'jdocs' },
  { name: 'jkernel', prefix: 'ppc-' },
  { name: 'jmacsec' },
  { name: 'jpfe', prefix: '{MODEL}-' },
  { name: 'jroute', prefix: 'ppc-' },
  { name: 'jweb', prefix: 'ppc-' },
];

/**
 * Junos with upgraded FreeBSD on MX (names and comments of PyEZ's
 * sw_info_dual_command.xml, MX480 15.1F5, and sw_info_gnf, MX960 18.4): the
 * `os-*` base packages carry the FreeBSD build stamp, the rest the release.
 */
export const MX_UPGRADED_VERSION: readonly VersionPackage[] = [
  { name: 'os-kernel', comment: 'JUNOS OS Kernel 64-bit ', build: 'os' },
  { name: 'os-libs', comment: 'JUNOS OS libs', build: 'os' },
  { name: 'os-runtime', comment: 'JUNOS OS runtime', build: 'os' },
  { name: 'zoneinfo', comment: 'JUNOS OS time zone information', build: 'os' },
  { name: 'netstack', comment: 'JUNOS network stack and utilities' },
  { name: 'junos-libs', comment: 'JUNOS libs' },
  { name: 'os-libs-compat32', comment: 'JUNOS OS libs compat32', build: 'os' },
  { name: 'os-compat32', comment: 'JUNOS OS 32-bit compatibility', build: 'os' },
  { name: 'junos-libs-compat32', comment: 'JUNOS libs compat32' },
  { name: 'junos-runtime', comment: 'JUNOS runtime' },
  { name: 'py-extensions', comment: 'JUNOS py extensions' },
  { name: 'py-base', comment: 'JUNOS py base' },
  { name: 'os-crypto', comment: 'JUNOS OS crypto', build: 'os' },
  { name: 'junos-platform', comment: 'JUNOS platform support' },
  { name: 'junos-modules', comment: 'JUNOS modules' },
  { name: 'junos-modules-platform', comment: 'JUNOS mx modules' },
  { name: 'junos-daemons', comment: 'JUNOS daemons' },
  { name: 'junos-daemons-platform', comment: 'JUNOS mx daemons' },
  { name: 'jservices-sfw', comment: 'JUNOS Services Stateful Firewall' },
  { name: 'jservices-nat', comment: 'JUNOS Services NAT' },
  { name: 'jservices-crypto-base', comment: 'JUNOS Services Crypto' },
  { name: 'jpfe-common', comment: 'JUNOS Packet Forwarding Engine Support (M/T Common)' },
  { name: 'jpfe-X', comment: 'JUNOS Packet Forwarding Engine Support (MX Common)' },
  { name: 'jdocs', comment: 'JUNOS Online Documentation' },
];

/** J Series and branch SRX (JSR): one `junos` package. */
export const JSR_VERSION: readonly VersionPackage[] = [{ name: 'junos', comment: 'JUNOS Software Release' }];
export const JSR_SNAPSHOT: readonly SnapshotPackage[] = [{ name: 'junos' }];
/** Branch SRX images are the domestic build (SRX300 and SRX550 captures). */
export const SRX_SNAPSHOT: readonly SnapshotPackage[] = [{ name: 'junos', suffix: '-domestic' }];

/** EX4300 `show version` (names: PyEZ's EX fixtures; the set is chosen). */
export const EX_VERSION: readonly VersionPackage[] = [
  { name: 'junos', comment: 'JUNOS EX  Software Suite' },
  { name: 'fips-mode', comment: 'JUNOS FIPS mode utilities' },
  { name: 'jdocs-ex', comment: 'JUNOS Online Documentation' },
  { name: 'junos-ex-4300', comment: 'JUNOS EX 4300 Software Suite' },
  { name: 'jweb-ex', comment: 'JUNOS Web Management Platform Package' },
];

/** EX4300 15.1R6.7 `show system snapshot` (py-junos-eznc#922: jdocs-ex, junos `ex-`, junos-ex-4300). */
export const EX_SNAPSHOT: readonly SnapshotPackage[] = [
  { name: 'jdocs-ex' },
  { name: 'junos', prefix: 'ex-' },
  { name: 'junos-ex-4300' },
];
