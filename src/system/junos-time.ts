/**
 * Every form in which Junos prints a time, written once. The emulated devices
 * run in UTC, so each form reads the UTC fields of the instant.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const zero2 = (n: number): string => String(n).padStart(2, '0');
const space2 = (n: number): string => String(n).padStart(2, ' ');
const hms = (d: Date): string => `${zero2(d.getUTCHours())}:${zero2(d.getUTCMinutes())}:${zero2(d.getUTCSeconds())}`;
const month = (d: Date): string => MONTHS[d.getUTCMonth()] as string;

/** `Mar  4 10:31:22`: syslog time, the day padded with a space (trace files). */
export function syslogTime(ms: number): string {
  const d = new Date(ms);
  return `${month(d)} ${space2(d.getUTCDate())} ${hms(d)}`;
}

/** `Dec 01 11:38:08`: the `set cli timestamp` line, the day padded with a zero. */
export function cliTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${month(d)} ${zero2(d.getUTCDate())} ${hms(d)}`;
}

/** `Sep 3 22:19:31 2017`: snapshot creation dates, the day not padded (#401, #922, the SRX100H2 and MX80 captures). */
export function snapshotDate(ms: number): string {
  const d = new Date(ms);
  return `${month(d)} ${d.getUTCDate()} ${hms(d)} ${d.getUTCFullYear()}`;
}

/** `Wed Aug 15 10:50:42 UTC 2018`: ctime with the zone, the day padded with a space (the recovery snapshot date). */
export function ctimeDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${month(d)} ${space2(d.getUTCDate())} ${hms(d)} UTC ${d.getUTCFullYear()}`;
}

/** `Wed Jul  9 18:15:00 2014`: ctime without the zone (a delayed reboot's shutdown time). */
export function ctimeNoZone(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${month(d)} ${space2(d.getUTCDate())} ${hms(d)} ${d.getUTCFullYear()}`;
}

/** `2026-12-01 12:00:00 UTC`: Junos localtime (commit-localtime, lock holders, RE start time). */
export function localtime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
