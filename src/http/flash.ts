import type { Request, RequestHandler, Response } from 'express';

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

/**
 * Saves the session, then redirects. express-session would save while the redirect's body is
 * still being written, and browsers follow the Location header before that save is done: the
 * next page could then miss the flash message or a fresh sign-in.
 */
export function redirectAfterSave(req: Request, res: Response, location: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.session) {
      res.redirect(303, location);
      return resolve();
    }
    req.session.save((error) => {
      if (error) return reject(error as Error);
      res.redirect(303, location);
      resolve();
    });
  });
}
