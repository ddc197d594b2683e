import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise the portal still works and each
 * message is written to the log, so a pilot without a mail server loses nothing.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  const { smtpUrl, from, logger } = options;
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail) {
      if (mail.to.length === 0) return;
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      if (!smtpUrl) logger.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text } }, 'e-mail (no SMTP configured)');
      else logger.info({ messageId: info.messageId, to: mail.to.length }, 'e-mail sent');
    },
    close: () => transport.close(),
  };
}
