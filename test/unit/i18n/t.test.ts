import { t } from '../../../src/i18n/t';

describe('message catalogue', () => {
  it('when a key has placeholders, then they are filled', () => {
    expect(t('validation.passwordTooShort', { min: 12 })).toBe('Das Passwort muss mindestens 12 Zeichen lang sein.');
  });

  it('when a key is unknown or names a group, then it throws rather than showing the key', () => {
    expect(() => t('nope.nothing')).toThrow(/Unknown message key/);
    expect(() => t('roles')).toThrow(/Unknown message key/);
  });
});
