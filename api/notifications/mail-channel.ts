/**
 * Notifications by mail: nodemailer over SMTP_URL, From SMTP_FROM, the recipients
 * resolved through the address book. A recipient without an address fails the delivery
 * (the message stays pending with the reason, and goes out once the address is entered).
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { AddressBook } from './address-book';
import type { Notification, NotificationChannel } from './notification-channel';

export class MailChannel implements NotificationChannel {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly addressBook: AddressBook,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async deliver(message: Notification): Promise<void> {
    const { addresses, missing } = await this.addressBook.resolve(message.recipients);
    if (missing.length) throw new Error(`no mail address for ${missing.join(', ')}`);
    if (!addresses.length) throw new Error('the message has no recipient');
    await this.transport.sendMail({
      from: this.from,
      to: addresses,
      subject: message.subject,
      text: message.body,
      messageId: `<${encodeURIComponent(message.id)}@bpmn-temporal>`,
      headers: { 'X-Notification-Id': message.id },
    });
  }

  close(): void {
    this.transport.close();
  }
}
