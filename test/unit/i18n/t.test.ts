import { t } from '../../../src/i18n/t';

describe('message catalogue', () => {
  it('when a key has placeholders, then they are filled', () => {
    expect(t('validation.passwordTooShort', { min: 12 })).toBe('Das Passwort muss mindestens 12 Zeichen lang sein.');
  });

  it('when a key is unknown or names a group, then it throws rather than showing the key', () => {
    expect(() => t('nope.nothing')).toThrow(/Unknown message key/);
    expect(() => t('roles')).toThrow(/Unknown message key/);
  });

  it('when a key names an inherited property of the catalogue, then it is unknown too, however often it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => t('labels.constructor')).toThrow(/Unknown message key/);
      expect(() => t('__proto__')).toThrow(/Unknown message key/);
    }
  });

  it('when a key is asked again with other parameters, then the kept message is filled anew', () => {
    expect(t('validation.passwordTooShort', { min: 12 })).toContain('12');
    expect(t('validation.passwordTooShort', { min: 14 })).toBe('Das Passwort muss mindestens 14 Zeichen lang sein.');
  });

  it('when a message depends on a count, then one takes the singular and every other number the plural', () => {
    expect(t('reports.pages.cases', { count: 1 })).toBe('(1 Antrag)');
    expect(t('reports.pages.cases', { count: 0 })).toBe('(0 Anträge)');
    expect(t('reports.pages.cases', { count: 4 })).toBe('(4 Anträge)');
    expect(t('reports.pages.transparencySum', { count: 1, amount: '2.500,00 €' })).toBe('1 gefördertes Projekt mit 2.500,00 €.');
  });

  it('when a plural message is asked for without a count, then it throws rather than guessing', () => {
    expect(() => t('reports.pages.cases')).toThrow(/Unknown message key/);
  });
});
