import { ArrowLeftRight, Boxes, ClipboardCheck, FileCheck, FileSpreadsheet, MapPin, PackageMinus, PackagePlus, Pill, ScrollText, ShieldAlert, SlidersHorizontal, UserRound, Users, type LucideIcon } from 'lucide-react';
import type { Role } from '../../shared/auth/schemas';
import type { ScreenId } from './routes';

export interface NavItem {
  screen: ScreenId;
  label: string;
  icon: LucideIcon;
  /** Pressed after `g` (outside a text field), as in GitHub and Gmail: `g r` opens Receive. */
  key: string;
  /** Only these roles see the entry (the server refuses the others anyway); everyone when absent. */
  roles?: readonly Role[];
  /** Drawn below a divider: the person's account and the company's administration. */
  group?: 'account';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { screen: 'stock', label: 'Stock', icon: Boxes, key: 's' },
  { screen: 'receive', label: 'Receive', icon: PackagePlus, key: 'r' },
  { screen: 'pick', label: 'Pick', icon: PackageMinus, key: 'p' },
  { screen: 'transfer', label: 'Transfer', icon: ArrowLeftRight, key: 't' },
  { screen: 'adjust', label: 'Adjust', icon: SlidersHorizontal, key: 'a' },
  { screen: 'count', label: 'Count', icon: ClipboardCheck, key: 'c' },
  { screen: 'quarantine', label: 'Quarantine', icon: ShieldAlert, key: 'q' },
  { screen: 'products', label: 'Products', icon: Pill, key: 'o' },
  { screen: 'locations', label: 'Locations', icon: MapPin, key: 'l' },
  { screen: 'import', label: 'Import', icon: FileSpreadsheet, key: 'i' },
  // `g q` already opens Quarantine, so QA documents take `g d` (documents).
  { screen: 'qa', label: 'QA documents', icon: FileCheck, key: 'd' },
  { screen: 'account', label: 'My account', icon: UserRound, key: 'm', group: 'account' },
  { screen: 'team', label: 'Team', icon: Users, key: 'e', roles: ['admin'], group: 'account' },
  // Security events are read by administrators and auditors (issue 6; the server enforces it).
  { screen: 'security', label: 'Security events', icon: ScrollText, key: 'v', roles: ['admin', 'auditor'], group: 'account' },
];

/** The entries this role may use. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

export function navItemForKey(key: string, role?: Role): NavItem | undefined {
  return (role ? navItemsFor(role) : NAV_ITEMS).find((item) => item.key === key.toLowerCase());
}
