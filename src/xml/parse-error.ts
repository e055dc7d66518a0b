/** Anything that is not a well-formed (namespace-well-formed) XML document, or is past a limit. */
export class XmlParseError extends Error {}
