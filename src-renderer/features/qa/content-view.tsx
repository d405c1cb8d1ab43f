import type { CoaContent, GdpContent, GmpContent } from '../../../shared/qa/content';
import type { DocumentRecord } from '../../../shared/qa/record';
import { hyphenateNdc11 } from '../../../shared/ndc';
import { Badge } from '../../components/badge';
import { Detail } from '../../components/detail';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { formatDate } from '../stock/format-date';
import { formatUtc } from './qa-format';

const TERM = 'text-[11.5px] text-muted';
const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('-', ' ');
const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

/** The record's content as it was signed: every field, nothing summarised away. */
export function ContentView({ record }: { record: DocumentRecord }) {
  if (record.type === 'coa') return <CoaView content={record.content} />;
  if (record.type === 'gdp') return <GdpView content={record.content} />;
  return <GmpView content={record.content} />;
}

function CoaView({ content: c }: { content: CoaContent }) {
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-5 gap-3 text-[13px]">
        <Detail term="Product" termClassName={TERM} className="font-medium">
          {c.productName}
        </Detail>
        <Detail term="NDC" termClassName={TERM} className="font-mono text-[12.5px]">
          {hyphenateNdc11(c.ndc11)}
        </Detail>
        <Detail term="Lot" termClassName={TERM} className="font-mono text-[12.5px]">
          {c.lotNumber}
        </Detail>
        <Detail term="Manufactured" termClassName={TERM}>
          {formatDate(c.manufacturedOn)}
        </Detail>
        <Detail term="Expiry" termClassName={TERM}>
          {formatDate(c.expiry)}
        </Detail>
      </dl>
      <div className="overflow-hidden rounded-md border border-line">
        <Table>
          <caption className="sr-only">Specification and results</caption>
          <thead>
            <tr>
              <HeaderCell className="w-10" align="right">
                #
              </HeaderCell>
              <HeaderCell>Test</HeaderCell>
              <HeaderCell>Method</HeaderCell>
              <HeaderCell>Limit</HeaderCell>
              <HeaderCell>Result</HeaderCell>
              <HeaderCell>Pass / fail</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {c.specification.map((l, i) => (
              <Row key={i}>
                <Cell align="right" className="text-muted">
                  {i + 1}
                </Cell>
                <Cell className="whitespace-normal">{l.test}</Cell>
                <Cell className="whitespace-normal">{l.method}</Cell>
                <Cell className="whitespace-normal">{l.limit}</Cell>
                <Cell className="whitespace-normal">{l.result}</Cell>
                <Cell>{l.pass ? <Badge tone="ok">Pass</Badge> : <Badge tone="danger">Fail</Badge>}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </div>
      <dl className="text-[13px]">
        <Detail term="Conclusion" termClassName={TERM} className="whitespace-pre-wrap">
          {orDash(c.conclusion)}
        </Detail>
      </dl>
    </div>
  );
}

function LotsList({ lots }: { lots: { ndc11: string; lotNumber: string }[] }) {
  if (lots.length === 0) return <>—</>;
  return (
    <span className="font-mono text-[12.5px]">
      {lots.map((l) => `${hyphenateNdc11(l.ndc11)} lot ${l.lotNumber}`).join(' · ')}
    </span>
  );
}

function GdpView({ content: c }: { content: GdpContent }) {
  return (
    <dl className="grid grid-cols-4 gap-3 text-[13px]">
      <Detail term="Category" termClassName={TERM} className="font-medium">
        {words(c.category)}
      </Detail>
      <Detail term="Occurred at" termClassName={TERM}>
        {formatUtc(c.occurredAt)}
      </Detail>
      <Detail term="Site" termClassName={TERM}>
        {c.site}
      </Detail>
      <Detail term="Disposition" termClassName={TERM}>
        {words(c.disposition)}
      </Detail>
      <Detail term="Temperature (°C)" termClassName={TERM}>
        {orDash(c.minTemperatureC)} to {orDash(c.maxTemperatureC)}
      </Detail>
      <Detail term="Duration (minutes)" termClassName={TERM}>
        {orDash(c.durationMinutes)}
      </Detail>
      <Detail term="Lots" termClassName={TERM} className="col-span-2">
        <LotsList lots={c.lots} />
      </Detail>
      <div className="col-span-4">
        <Detail term="Description" termClassName={TERM} className="whitespace-pre-wrap">
          {c.description}
        </Detail>
      </div>
      <div className="col-span-4">
        <Detail term="Impact assessment" termClassName={TERM} className="whitespace-pre-wrap">
          {c.impactAssessment}
        </Detail>
      </div>
    </dl>
  );
}

function GmpView({ content: c }: { content: GmpContent }) {
  return (
    <dl className="grid grid-cols-4 gap-3 text-[13px]">
      <Detail term="Category" termClassName={TERM} className="font-medium">
        {words(c.category)}
      </Detail>
      <Detail term="Reference" termClassName={TERM} className="font-mono text-[12.5px]">
        {c.reference}
      </Detail>
      <Detail term="Due date" termClassName={TERM}>
        {c.dueDate ? formatDate(c.dueDate) : '—'}
      </Detail>
      <Detail term="Lots" termClassName={TERM}>
        <LotsList lots={c.lots} />
      </Detail>
      {(
        [
          ['Description', c.description],
          ['Root cause', c.rootCause],
          ['Corrective action', c.correctiveAction],
          ['Preventive action', c.preventiveAction],
          ['Outcome', c.outcome],
        ] as const
      ).map(([term, value]) => (
        <div key={term} className="col-span-4">
          <Detail term={term} termClassName={TERM} className="whitespace-pre-wrap">
            {orDash(value)}
          </Detail>
        </div>
      ))}
    </dl>
  );
}
