/** Answers of the notifications API (shared with web/). */
export interface MailAddressResponse {
  recipient: string;
  addresses: string[];
  updatedBy: string;
  updatedAt: string;
}

export interface TaskNoticeResponse {
  id: string;
  taskId: string;
  kind: 'new' | 'due-tomorrow' | 'overdue';
  recipients: string[];
  subject: string;
  body: string;
  createdAt: string;
  deliveredAt: string | null;
  channel: string | null;
  attempts: number;
  lastError: string | null;
}
