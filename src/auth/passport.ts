import { Passport } from 'passport';

export type PassportInstance = InstanceType<typeof Passport>;
import { Strategy as LocalStrategy } from 'passport-local';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { authenticate } from './authenticate';
import { clientAddress } from '../http/client-address';
import { userForApiToken } from './api-tokens';
import { toCurrentUser } from './current-user';
import { userById } from './user-lookup';
import type { SignInThrottle } from './throttle';

/**
 * One Passport per app: the module's default singleton would keep the strategies of the first
 * app created in a process (tests create many).
 */
export function createPassport(options: { db: Db; clock: Clock; throttle: SignInThrottle }): PassportInstance {
  const { db, clock, throttle } = options;
  const passport = new Passport();

  passport.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      authenticate({ db, throttle, email, password, address: clientAddress(req) })
        .then((user) => done(null, toCurrentUser(user)))
        .catch((error: unknown) => done(error));
    }),
  );

  passport.use(
    new BearerStrategy((token, done) => {
      userForApiToken({ db, clock, token })
        .then(({ user, tokenId }) => done(null, toCurrentUser(user), { scope: 'all', tokenId } as never))
        .catch((error: unknown) => done(error));
    }),
  );

  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: string, done) => {
    userById(db, id)
      .then((user) => {
        // A deactivated user's session ends here even if its row was missed.
        if (!user || !user.active || user.organisation?.status === 'deactivated') return done(null, false);
        return done(null, toCurrentUser(user));
      })
      .catch((error: unknown) => done(error));
  });

  return passport;
}
