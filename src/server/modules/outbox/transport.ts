/**
 * The SMTP connection: nodemailer from SMTP_URL (smtp:// or smtps://, credentials in the URL).
 * The worker talks to it through `Mailer` only, and learns from `classifyFailure` whether a
 * refusal is worth trying again.
 */
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our outbox id, so a message found in a mailbox can be traced back to its log row. */
  outboxId: number;
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

// Well under the worker's two-minute claim, so a slow server cannot make another process
// take the same message while this one is still sending it.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 };

export function createMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return {
    async send(message) {
      await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: {
          // RFC 3834: out-of-office robots do not answer automatic mail.
          'Auto-Submitted': 'auto-generated',
          'X-BioBridge-Outbox-Id': String(message.outboxId),
        },
      });
    },
    close() {
      transport.close();
    },
  };
}

export interface SendFailure {
  /** A 5xx answer (550 no such user, 553 bad address …): sending again cannot help. */
  permanent: boolean;
  /** For the log: the server's answer when there was one, else the error. */
  message: string;
}

export function classifyFailure(error: unknown): SendFailure {
  const e = error as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : null;
  const detail = typeof e?.response === 'string' && e.response ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  const prefix = typeof e?.code === 'string' && !detail.includes(e.code) ? `${e.code}: ` : '';
  return { permanent: code !== null && code >= 500 && code < 600, message: `${prefix}${detail}`.slice(0, 1000) };
}
