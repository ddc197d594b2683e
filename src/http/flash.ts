import type { Request, RequestHandler } from 'express';

export type FlashType = 'success' | 'info' | 'warning' | 'danger';
export interface FlashMessage {
  type: FlashType;
  text: string;
}

declare module 'express-session' {
  interface SessionData {
    flash?: FlashMessage[];
  }
}

/** A message for the next page the person sees (post/redirect/get). */
export function flash(req: Request, type: FlashType, text: string): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { type, text }];
}

export const takeFlash: RequestHandler = (req, res, next) => {
  const messages = req.session?.flash;
  res.locals.flash = messages ?? [];
  if (messages) delete req.session.flash;
  next();
};
