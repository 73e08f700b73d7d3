/** The pack's API calls, typed with the API's own response types (type-only imports). */
import type {
  CalendarDayRow,
  CalendarYearResponse,
} from '../../../api/contract-review/calendar/calendar.response';
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import type {
  CsrDocument,
  CsrRequirement,
  ReceivedCsrDocument,
} from '../../../api/contract-review/csr/csr.response';
import type {
  OnTimeDeliveryResponse,
  ReviewLeadTimeResponse,
} from '../../../api/contract-review/kpi/kpi.response';
import type {
  FiveDReportRow,
  LateOrderRow,
} from '../../../api/contract-review/late-orders/late-orders.response';
import type { OutboxMessage } from '../../../api/contract-review/outbox/outbox.response';
import type { LedgerResponse } from '../../../api/contract-review/records/ledger.response';
import { api, download, seg, upload } from '../api/client';
import type { Page } from '../api/types';
import { sectionT } from '../i18n';

export const tr = sectionT('cr');

export type LedgerQuery = Partial<Record<'customerId' | 'class' | 'status' | 'late' | 'from' | 'to', string>>;

export const pack = {
  ledger: (query: LedgerQuery) => api.get<LedgerResponse>('/contract-ledger', { query }),
  ledgerCsv: (query: LedgerQuery) => download(`/contracts.csv${queryString(query)}`, 'contracts.csv'),
  contract: (contractNo: string) => api.get<ContractDetail>(`/contracts/${seg(contractNo)}`),
  create: (body: unknown) =>
    api.post<{ contractNo: string; instanceId: string; proposedClass: string }>('/contracts', body),
  deliver: (contractNo: string, body: unknown) =>
    api.post<unknown>(`/contracts/${seg(contractNo)}/deliveries`, body),
  delay: (contractNo: string, body: unknown) =>
    api.post<unknown>(`/contracts/${seg(contractNo)}/delays`, body),
  amend: (contractNo: string, body: unknown) =>
    api.post<unknown>(`/contracts/${seg(contractNo)}/amendments`, body),
  confirmMemo: (contractNo: string, body: unknown) =>
    api.post<unknown>(`/contracts/${seg(contractNo)}/confirmation`, body),
  reviewRecordPdf: (contractNo: string) =>
    download(`/contracts/${seg(contractNo)}/review-record.pdf`, `review-record-${contractNo}.pdf`),
  lateOrders: (state?: string) =>
    api.get<Page<LateOrderRow>>('/late-orders', { query: { state, limit: 200 } }),
  lateOrdersCsv: (state?: string) => download(`/late-orders.csv${queryString({ state })}`, 'late-orders.csv'),
  csrDocuments: (customerId?: string) =>
    api.get<Page<CsrDocument>>('/csr/documents', { query: { customerId, limit: 200 } }),
  csrRequirements: (customerId?: string) =>
    api.get<Page<CsrRequirement>>('/csr', { query: { customerId, limit: 200 } }),
  /** With a file: multipart (fields + `file`), so the document and its file are recorded together. */
  receiveCsr: (fields: Record<string, string>, file?: File) => {
    if (!file) return api.post<ReceivedCsrDocument>('/csr/documents', fields);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    return upload<ReceivedCsrDocument>('/csr/documents', form);
  },
  csrFile: (documentId: string, fileName: string) =>
    download(`/csr/documents/${seg(documentId)}/file`, fileName),
  communications: (contractNo: string) =>
    api.get<Page<OutboxMessage>>('/outbox', { query: { contractNo, limit: 200 } }),
  onTimeDelivery: (query: { groupBy: 'week' | 'month'; from: string; to: string }) =>
    api.get<OnTimeDeliveryResponse>('/kpi/on-time-delivery', { query }),
  reviewLeadTime: (query: { from?: string; to?: string } = {}) =>
    api.get<ReviewLeadTimeResponse>('/kpi/review-lead-time', { query }),
  fiveDReports: (state?: 'open' | 'closed') =>
    api.get<Page<FiveDReportRow>>('/5d-reports', { query: { state, limit: 500 } }),
  calendar: (year: number) => api.get<CalendarYearResponse>('/calendar', { query: { year } }),
  putCalendarDay: (date: string, body: { kind: string; name: string }) =>
    api.put<CalendarDayRow>(`/calendar/days/${seg(date)}`, body),
  removeCalendarDay: (date: string) => api.delete<void>(`/calendar/days/${seg(date)}`),
  customers: () =>
    api.get<Page<{ customerId: string; name: string }>>('/customers', { query: { limit: 200 } }),
};

function queryString(query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
