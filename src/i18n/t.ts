import { de } from './de';

type Params = Record<string, string | number>;

const plurals = new Intl.PluralRules('de-DE');

/** A message whose wording follows a number: German needs "1 Antrag", "2 Anträge". */
interface PluralMessage {
  one: string;
  other: string;
}

const isPlural = (value: unknown): value is PluralMessage =>
  !!value && typeof value === 'object' && Object.keys(value).length === 2 && typeof (value as PluralMessage).one === 'string' && typeof (value as PluralMessage).other === 'string';

/** Messages by dotted key, found once: a page asks for hundreds, most of them many times. */
const found = new Map<string, unknown>();

function lookUp(key: string): unknown {
  if (found.has(key)) return found.get(key);
  const node = key.split('.').reduce<unknown>(
    (node, part) => (node && typeof node === 'object' && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined),
    de,
  );
  // Only keys that name something are kept, so a stream of wrong keys cannot grow the map.
  if (node !== undefined) found.set(key, node);
  return node;
}

/**
 * Looks up a dotted key ("auth.signedIn") and fills {placeholders}; an unknown key is a bug. A
 * message of the form { one, other } is chosen by the `count` parameter (Intl.PluralRules).
 */
export function t(key: string, params: Params = {}): string {
  const node = lookUp(key);
  const value = isPlural(node) && 'count' in params ? (plurals.select(Number(params.count)) === 'one' ? node.one : node.other) : node;
  if (typeof value !== 'string') throw new Error(`Unknown message key: ${key}`);
  return value.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
