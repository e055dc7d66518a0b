/**
 * Junos login classes: a class is a set of permission flags. The predefined
 * ones carry the flags Junos gives them; custom classes come from the config.
 */
export const PREDEFINED_CLASSES: Readonly<Record<string, readonly string[]>> = {
  'super-user': ['all'],
  operator: ['clear', 'network', 'reset', 'trace', 'view'],
  'read-only': ['view'],
  unauthorized: [],
};

export const KNOWN_PERMISSIONS = [
  'access', 'access-control', 'admin', 'admin-control', 'all', 'clear', 'configure', 'control',
  'field', 'firewall', 'firewall-control', 'floppy', 'interface', 'interface-control',
  'maintenance', 'network', 'reset', 'rollback', 'routing', 'routing-control', 'secret',
  'secret-control', 'security', 'security-control', 'shell', 'snmp', 'snmp-control', 'system',
  'system-control', 'trace', 'trace-control', 'view', 'view-configuration',
] as const;

export class LoginClasses {
  private readonly classes = new Map<string, ReadonlySet<string>>();

  constructor(custom: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [name, perms] of Object.entries({ ...PREDEFINED_CLASSES, ...custom })) {
      this.classes.set(name, new Set(perms));
    }
  }

  has(name: string): boolean {
    return this.classes.has(name);
  }

  allows(className: string, permission: string): boolean {
    const perms = this.classes.get(className);
    if (!perms) return false;
    return perms.has('all') || perms.has(permission);
  }
}
