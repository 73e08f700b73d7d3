/**
 * Where notifications go. A message names symbolic recipients (`group:pmc`,
 * `customer:chrysler`, `user:li.lei`) or plain addresses; the mail channel resolves them
 * through the address book and sends through SMTP, the recording channel (the embedded
 * default, no SMTP_URL) only marks them delivered so the UI shows them.
 */
export interface Notification {
  /** The idempotency key: also the mail's Message-ID, so a repeat is recognisable. */
  id: string;
  recipients: string[];
  subject: string;
  body: string;
}

export interface NotificationChannel {
  readonly name: string;
  deliver(message: Notification): Promise<void>;
}

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');

export class RecordingNotificationChannel implements NotificationChannel {
  readonly name = 'recorded';
  async deliver(): Promise<void> {
    // The row itself, with deliveredAt and channel set, is the record.
  }
}
