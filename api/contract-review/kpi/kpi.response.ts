/** Answers of the KPI endpoints (type-only: imported by the API and the web UI's KPI page). */

/** One week (`2026-W49`) or month (`2026-12`) of the on-time delivery rate (CR-10). */
export interface OnTimePeriod {
  period: string;
  /** Order lines whose committed date falls in the period. */
  due: number;
  /** Of them, delivered in full by the committed date. */
  onTime: number;
  /** onTime / due (0–1); null when nothing was due. */
  rate: number | null;
  targetMet: boolean | null;
}

/** Corrective/preventive action plan (纠正/预防措施计划表) opened when the target was missed. */
export interface ActionPlanRow {
  id: string;
  kpi: string;
  period: string;
  rate: number;
  target: number;
  owner: string | null;
  actions: string[];
  dueDate: string | null;
  rootCause: string | null;
  state: 'open' | 'planned' | 'closed';
  openedAt: string;
  closedAt: string | null;
  effectiveness: string | null;
}

/** GET /api/kpi/on-time-delivery */
export interface OnTimeDeliveryResponse {
  kpi: string;
  /** 0–1 */
  target: number;
  from: string;
  to: string;
  groupBy: 'week' | 'month';
  customerId: string | null;
  periods: OnTimePeriod[];
  actionPlans: ActionPlanRow[];
}

export interface DepartmentLeadTime {
  department: string;
  /** Reviews completed in the period. */
  reviews: number;
  averageHours: number | null;
  medianHours: number | null;
  maxHours: number | null;
  /** Reviews waiting now, and the age in hours of the oldest of them. */
  open: number;
  oldestOpenHours: number | null;
}

/** GET /api/kpi/review-lead-time */
export interface ReviewLeadTimeResponse {
  from: string | null;
  to: string | null;
  departments: DepartmentLeadTime[];
}
