import { AccountScreen } from '../features/account/account-screen';
import { AdjustScreen } from '../features/adjust/adjust-screen';
import { SecurityEventsScreen } from '../features/admin/security-events-screen';
import { TeamScreen } from '../features/admin/team-screen';
import { CountScreen } from '../features/count/count-screen';
import { ImportScreen } from '../features/import/import-screen';
import { LocationsScreen } from '../features/locations/locations-screen';
import { LotDetailScreen } from '../features/lot/lot-detail-screen';
import { QaDetailScreen } from '../features/qa/qa-detail-screen';
import { QaEditorScreen } from '../features/qa/qa-editor-screen';
import { QaKeysScreen } from '../features/qa/qa-keys-screen';
import { QaListScreen } from '../features/qa/qa-list-screen';
import { PickScreen } from '../features/pick/pick-screen';
import { ProductsScreen } from '../features/products/products-screen';
import { QuarantineScreen } from '../features/quarantine/quarantine-screen';
import { ReceiveScreen } from '../features/receive/receive-screen';
import { StockScreen } from '../features/stock/stock-screen';
import { TransferScreen } from '../features/transfer/transfer-screen';
import type { SessionInfo } from './router-types';
import { formatRoute, type Route } from './routes';

/**
 * The screen for the current route. Keyed by the full address, so following a link with a new
 * preselection (Lot detail → Count at another location) starts that screen afresh.
 */
export function ScreenOutlet({ route, session }: { route: Route; session: SessionInfo }) {
  const key = formatRoute(route);
  switch (route.screen) {
    case 'lot':
      return <LotDetailScreen key={key} lotId={route.lotId} />;
    case 'receive':
      return <ReceiveScreen key={key} />;
    case 'pick':
      return <PickScreen key={key} params={route.params} />;
    case 'transfer':
      return <TransferScreen key={key} params={route.params} />;
    case 'adjust':
      return <AdjustScreen key={key} params={route.params} />;
    case 'count':
      return <CountScreen key={key} params={route.params} />;
    case 'quarantine':
      return <QuarantineScreen key={key} params={route.params} />;
    case 'products':
      return <ProductsScreen key={key} params={route.params} />;
    case 'locations':
      return <LocationsScreen key={key} />;
    case 'import':
      return <ImportScreen key={key} importId={route.params.import ?? null} />;
    case 'stock':
      return <StockScreen key={key} />;
    case 'qa':
      return <QaListScreen key={key} />;
    case 'qa-keys':
      return <QaKeysScreen key={key} />;
    case 'qa-new':
      return <QaEditorScreen key={key} mode={{ kind: 'new', docType: route.docType }} />;
    case 'qa-edit':
      return <QaEditorScreen key={key} mode={{ kind: 'edit', documentId: route.documentId }} />;
    case 'qa-doc':
      return <QaDetailScreen key={key} documentId={route.documentId} />;
    case 'account':
      return <AccountScreen key={key} session={session} />;
    case 'team':
      return <TeamScreen key={key} session={session} />;
    case 'security':
      return <SecurityEventsScreen key={key} />;
  }
}
