import { randomInt } from 'node:crypto';

// Without 0/O, 1/I/L and 5/S: a code read off paper is typed back without mistakes.
const ALPHABET = '2346789ABCDEFGHJKMNPQRTUVWXYZ';

/** A random code like "K7QF-93XM-2PAT" (60 bits), printed on a notice to verify it later. */
export function newVerificationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What people type: any case, with or without dashes and spaces. */
export function normaliseVerificationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.length === 12 ? [0, 4, 8].map((i) => compact.slice(i, i + 4)).join('-') : compact;
}
