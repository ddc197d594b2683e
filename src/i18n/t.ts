import { de } from './de';

type Params = Record<string, string | number>;

/** Looks up a dotted key ("auth.signedIn") and fills {placeholders}; an unknown key is a bug. */
export function t(key: string, params: Params = {}): string {
  const value = key.split('.').reduce<unknown>(
    (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
    de,
  );
  if (typeof value !== 'string') throw new Error(`Unknown message key: ${key}`);
  return value.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
