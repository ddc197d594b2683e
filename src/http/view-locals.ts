import type { RequestHandler } from 'express';
import type { CurrentUser } from '../auth/current-user';
import { t } from '../i18n/t';

interface NavItem {
  href: string;
  label: string;
}

export function navigationFor(user: CurrentUser | undefined): NavItem[] {
  const home = { href: '/', label: t('nav.home') };
  if (!user) return [home, { href: '/transparenz', label: t('nav.transparency') }, { href: '/registrieren', label: t('nav.register') }];
  switch (user.role) {
    case 'applicant':
      return [home, { href: '/antraege', label: t('nav.applications') }, { href: '/stellungnahmen', label: t('nav.statements') }];
    case 'coordinator':
      return [
        home,
        { href: '/antraege', label: t('nav.inbox') },
        { href: '/stellungnahmen', label: t('nav.statements') },
        { href: '/foerderrunden', label: t('nav.rounds') },
        { href: '/admin/organisationen', label: t('nav.organisations') },
        { href: '/berichte', label: t('nav.reports') },
      ];
    case 'head':
      return [
        home,
        { href: '/antraege', label: t('nav.inbox') },
        { href: '/stellungnahmen', label: t('nav.statements') },
        { href: '/foerderrunden', label: t('nav.rounds') },
        { href: '/berichte', label: t('nav.reports') },
      ];
    case 'admin':
      return [
        home,
        { href: '/admin/organisationen', label: t('nav.organisations') },
        { href: '/admin/benutzer', label: t('nav.users') },
        { href: '/admin/behoerde', label: t('nav.authority') },
        { href: '/admin/foerderprogramme', label: t('nav.programmes') },
        { href: '/admin/ortsteile', label: t('nav.districts') },
        { href: '/berichte', label: t('nav.reports') },
        { href: '/admin/karte', label: t('nav.map') },
      ];
  }
}

/** What the layout needs on every page: who is signed in, the navigation, the CSRF token. */
export function viewLocals(generateCsrfToken: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return (req, res, next) => {
    const user = req.user;
    res.locals.currentUser = user
      ? { name: user.name, roleLabel: t(`roles.${user.role}`), organisationName: user.organisation?.name ?? null }
      : null;
    res.locals.currentUserId = user?.id ?? null;
    res.locals.currentRole = user?.role ?? null;
    res.locals.nav = navigationFor(user).map((item) => ({
      ...item,
      current: item.href === '/' ? req.path === '/' : req.path.startsWith(item.href),
    }));
    // Made on first use only, so that pages without a form do not start a session.
    Object.defineProperty(res.locals, 'csrfToken', { get: () => generateCsrfToken(req), enumerable: true });
    next();
  };
}
