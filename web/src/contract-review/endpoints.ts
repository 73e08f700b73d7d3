/** The pack's API calls, typed with the API's own response types (type-only imports). */
import type {
  CalendarDayRow,
  CalendarYearResponse,
} from '../../../api/contract-review/calendar/calendar.response';
import type { LateOrderRow, LedgerResponse } from '../../../api/contract-review/records/ledger.response';
import { api, download, seg } from '../api/client';
import type { ContractDetail, Page } from '../api/types';
import { sectionT } from '../i18n';

export const tr = sectionT('cr');

export type LedgerQuery = Partial<Record<'customerId' | 'class' | 'status' | 'late' | 'from' | 'to', string>>;

export interface CsrDocument {
  documentId: string;
  customerId: string;
  title: string;
  version: string;
  kind: string;
  receivedAt: string;
  receivedBy: string;
  transmittedAt: string | null;
  escalatedAt: string | null;
  reviewedAt: string | null;
  instanceId: string | null;
}

export interface CsrRequirement {
  id: string;
  customerId: string;
  documentId: string;
  documentVersion: string;
  text: string;
  departments: string[];
  symbol?: string | null;
  feasibility: 'pending' | 'feasible' | 'not-feasible';
  verification: 'open' | 'verified';
  verifiedAt: string | null;
}

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
  reviewRecordPdf: (contractNo: string) =>
    download(`/contracts/${seg(contractNo)}/review-record.pdf`, `review-record-${contractNo}.pdf`),
  lateOrders: (state?: string) =>
    api.get<Page<LateOrderRow>>('/late-orders', { query: { state, limit: 200 } }),
  lateOrdersCsv: (state?: string) => download(`/late-orders.csv${queryString({ state })}`, 'late-orders.csv'),
  csrDocuments: (customerId?: string) =>
    api.get<Page<CsrDocument>>('/csr/documents', { query: { customerId, limit: 200 } }),
  csrRequirements: (customerId?: string) =>
    api.get<Page<CsrRequirement>>('/csr', { query: { customerId, limit: 200 } }),
  receiveCsr: (body: unknown) => api.post<CsrDocument>('/csr/documents', body),
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
