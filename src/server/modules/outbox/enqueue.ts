import type { Locale } from '../../../domain/locales';
import type { Tx } from '../../db/client';
import { outbox } from '../../db/schema';

export type EmailTemplate = 'invitation' | 'password_reset' | 'password_changed';

/** Queues an e-mail in the same transaction as the change that causes it. */
export async function enqueueEmail(
  tx: Tx,
  message: { recipient: string; template: EmailTemplate; locale: Locale; payload: Record<string, unknown> },
): Promise<void> {
  await tx.insert(outbox).values({ channel: 'email', ...message });
}
