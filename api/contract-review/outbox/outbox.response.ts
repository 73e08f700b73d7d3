/** GET /api/outbox: customer (and internal) communications (type-only: imported by the API and the web UI). */
export interface OutboxMessage {
  id: string;
  kind: string;
  contractNo: string | null;
  customerId: string | null;
  /** `customer:<id>` or `group:<candidate group>`. */
  recipients: string[];
  subject: string;
  body: string;
  createdAt: string;
  deliveredAt: string | null;
  channel: string | null;
  attempts: number;
  lastError: string | null;
}
