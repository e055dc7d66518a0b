/** The emulator's own software package format (docs/packages.md). */
export { makePackage, DEFAULT_PAYLOAD_BYTES, type MakePackageOptions, type MadePackage } from './make.js';
export { readPackage, installsOn, type PackageCheck, type PackageProblem } from './verify.js';
export { formatManifest, parseManifest, isHardwareLine, HARDWARE_LINES, MANIFEST_NAME, PACKAGE_FORMAT, type PackageManifest } from './manifest.js';
export { packageName, signingKey } from './naming.js';
