/** Who calls: the token's subject and groups (candidate-group ids of the procedure). */
export interface Principal {
  user: string;
  groups: string[];
}

/** Groups with standing rights across the engine. */
export const GROUPS = {
  admin: 'admin',
  processOwner: 'process-owner',
  service: 'service',
  manager: 'manager',
} as const;

export function hasAnyGroup(principal: Principal, groups: readonly string[]): boolean {
  return principal.groups.some((g) => groups.includes(g));
}
