// WeChat and WeCom speak flat XML documents (<xml><Field>value</Field>…</xml>). Parsing and building go
// through fast-xml-parser; every value is read as a string so a 19-digit MsgId keeps its digits.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlFields = Record<string, string>;

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: true,
});
const builder = new XMLBuilder({ format: false, processEntities: true, suppressEmptyNode: false });

/** The fields of a flat <xml> document, or null when the text is not well-formed XML of that shape. */
export function parseXmlFields(text: string): XmlFields | null {
  // The platforms never send a DOCTYPE; refusing it rules out entity-expansion tricks.
  if (!text.trim() || /<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) return null;
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    return null;
  }
  const root = (doc as { xml?: unknown })?.xml;
  if (!root || typeof root !== 'object') return null;
  const out: XmlFields = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  }
  return out;
}

/** Builds a flat <xml> document; text is entity-escaped. */
export function buildXml(fields: Record<string, string | number>): string {
  return builder.build({ xml: fields }) as string;
}
