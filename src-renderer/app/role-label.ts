import type { Role } from '../../shared/auth/schemas';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  warehouse: 'Warehouse',
  qa: 'Quality assurance',
  trader: 'Trader',
  auditor: 'Auditor',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
