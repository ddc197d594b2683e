import type { Request } from 'express';

/** The list's current filters as a query string for its download links (no page, no format, no table choice). */
export function exportQueryOf(req: Request): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) {
    if (key === 'page' || key === 'format' || key === 'tabelle' || typeof value !== 'string' || value === '') continue;
    params.append(key, value);
  }
  return params.toString();
}
