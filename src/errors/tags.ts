/**
 * RFC 6241 Appendix A: every error-tag and the error-types it may be sent
 * with. The type system holds errors to these pairs, so a handler cannot
 * invent a tag or send one under the wrong layer.
 */
export const ERROR_TAG_TYPES = {
  'in-use': ['protocol', 'application'],
  'invalid-value': ['protocol', 'application'],
  'too-big': ['transport', 'rpc', 'protocol', 'application'],
  'missing-attribute': ['rpc', 'protocol', 'application'],
  'bad-attribute': ['rpc', 'protocol', 'application'],
  'unknown-attribute': ['rpc', 'protocol', 'application'],
  'missing-element': ['protocol', 'application'],
  'bad-element': ['protocol', 'application'],
  'unknown-element': ['protocol', 'application'],
  'unknown-namespace': ['protocol', 'application'],
  'access-denied': ['protocol', 'application'],
  'lock-denied': ['protocol'],
  'resource-denied': ['transport', 'rpc', 'protocol', 'application'],
  'rollback-failed': ['protocol', 'application'],
  'data-exists': ['application'],
  'data-missing': ['application'],
  'operation-not-supported': ['protocol', 'application'],
  'operation-failed': ['rpc', 'protocol', 'application'],
  'malformed-message': ['rpc'],
} as const;

export type ErrorTag = keyof typeof ERROR_TAG_TYPES;
export type ErrorType = 'transport' | 'rpc' | 'protocol' | 'application';

/** A tag with a type it may go with; Junos often sends neither. */
export type TagAndType =
  | { [T in ErrorTag]: { readonly tag: T; readonly type: (typeof ERROR_TAG_TYPES)[T][number] } }[ErrorTag]
  | { readonly tag?: undefined; readonly type?: undefined };

export function isErrorTag(s: string): s is ErrorTag {
  return Object.hasOwn(ERROR_TAG_TYPES, s);
}

/** Whether RFC 6241 lets `tag` be sent with `type`. */
export function tagAllowsType(tag: ErrorTag, type: string): type is ErrorType {
  return (ERROR_TAG_TYPES[tag] as readonly string[]).includes(type);
}
