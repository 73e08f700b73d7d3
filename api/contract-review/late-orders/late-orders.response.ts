/** Answers of the late-order endpoints (type-only: imported by the API and the web UI). */

/** One meeting's entry on a late order: daily PMC re-review or weekly production-sales decision. */
export interface LateOrderMeetingEntry {
  id: string;
  meeting: 'daily' | 'weekly';
  reason: string;
  newDate: string | null;
  communication: string;
  outcome: string;
  recordedAt: string;
}

/** One row of the late-order tracking sheet (掉期订单跟踪表), GET /api/late-orders. */
export interface LateOrderRow {
  id: string;
  contractNo: string;
  customerId: string;
  lineNos: number[];
  source: 'auto' | 'declared';
  declaredBy: string | null;
  reason: string;
  originalDate: string;
  newDate: string | null;
  state: 'open' | 'escalated' | 'resolved';
  instanceId: string | null;
  openedAt: string;
  resolvedAt: string | null;
  reviews: LateOrderMeetingEntry[];
}

/** A 5D corrective action report (CR-12.3), GET /api/5d-reports. */
export interface FiveDReportRow {
  id: string;
  lateOrderId: string;
  contractNo: string;
  disciplines: {
    d1Problem?: string;
    d2Containment?: string;
    d3RootCause?: string;
    d4CorrectiveAction?: string;
    d5Verification?: string;
  };
  state: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
}
