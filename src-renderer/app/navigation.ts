import { ArrowLeftRight, Boxes, ClipboardCheck, FileCheck, FileSpreadsheet, MapPin, PackageMinus, PackagePlus, Pill, ShieldAlert, SlidersHorizontal, type LucideIcon } from 'lucide-react';
import type { ScreenId } from './routes';

export interface NavItem {
  screen: ScreenId;
  label: string;
  icon: LucideIcon;
  /** Pressed after `g` (outside a text field), as in GitHub and Gmail: `g r` opens Receive. */
  key: string;
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
];

export function navItemForKey(key: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => item.key === key.toLowerCase());
}
