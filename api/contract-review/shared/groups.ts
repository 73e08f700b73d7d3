/** Candidate groups of the procedure (contract-review-procedure.md, roles table) with standing write rights. */
export const CR_GROUPS = {
  sales: 'sales',
  pmc: 'pmc',
  service: 'service',
  admin: 'admin',
  processOwner: 'process-owner',
  apqp: 'apqp',
  quality: 'quality',
  manager: 'manager',
} as const;
