/** Small helpers for the server-rendered SVG charts and map: escaping and number layout. */
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The opening of an accessible chart: role img, named by its title and described by its
 * description; the table beside it carries the same figures as text.
 */
export function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fp-chart" id="${esc(id)}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(desc)}</desc>`
  );
}

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Colours of the KERN palette with at least 3:1 contrast on white (WCAG 1.4.11). */
export const COLOURS = { bar: '#1c4e80', accent: '#b3261e', grid: '#767676', text: '#1b1b1b', budget: '#b3261e' };

/** White or the text colour, whichever contrasts more with a fill (names inside map areas). */
export function textColourOn(fill: string): string {
  return colord(fill).contrast('#ffffff') > colord(fill).contrast(COLOURS.text) ? '#ffffff' : COLOURS.text;
}

/** Five sequential classes from light to dark blue; outlines keep light areas visible. */
export const MAP_CLASSES = ['#dbe9f6', '#a6c8e4', '#5f9bcc', '#2f6ea8', '#153e6b'];
