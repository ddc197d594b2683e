import { z } from 'zod';
import { email, newPassword, optionalEmail, optionalText, postalCode, text } from '../http/fields';
import { t } from '../i18n/t';
import { roles } from './roles';

export const organisationInput = z
  .object({
    name: text(200),
    street: text(200),
    postalCode: postalCode(),
    city: text(100),
    email: optionalEmail(),
    phone: optionalText(50),
  })
  .meta({ id: 'OrganisationInput' });
export type OrganisationInput = z.output<typeof organisationInput>;

export const userInput = z
  .object({
    email: email(),
    name: text(200),
    role: z.enum(roles, { error: t('validation.role') }),
    password: newPassword(),
    organisationId: optionalText(64),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'applicant' && !u.organisationId) {
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: t('validation.organisationRequired') });
    }
  })
  .meta({ id: 'UserInput' });
export type UserInput = z.output<typeof userInput>;

const passwordPair = z.object({ password: newPassword(), passwordConfirm: z.string() });
const matchingPasswords = (v: z.output<typeof passwordPair>, ctx: z.RefinementCtx) => {
  if (v.password !== v.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: t('validation.passwordMismatch') });
  }
};

export const registrationInput = z
  .object({
    organisationName: text(200),
    street: text(200),
    postalCode: postalCode(),
    city: text(100),
    organisationEmail: optionalEmail(),
    phone: optionalText(50),
    name: text(200),
    email: email(),
  })
  .extend(passwordPair.shape)
  .superRefine(matchingPasswords);
export type RegistrationInput = z.output<typeof registrationInput>;

export const invitationInput = z.object({ email: email() });

export const acceptInvitationInput = z
  .object({ name: text(200) })
  .extend(passwordPair.shape)
  .superRefine(matchingPasswords);

export const tokenRequest = z
  .object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(1024) })
  .meta({ id: 'TokenRequest' });
