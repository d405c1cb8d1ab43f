import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context';
import { auditEvents } from '../../db/schema/index';
import { createCaller } from '../../routers/_app';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';

let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

describe('audit of personal data (issue 6)', () => {
  it('records which PII fields were changed or read — never their values', async () => {
    const session = await (await createCaller(await createContextInner(t.deps))).auth.register({ companyName: 'Acme Pharma', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse battery staple' });
    const api = createCaller(await createContextInner(t.deps, { authorization: `Bearer ${session.accessToken}`, origin: { ip: '192.0.2.7', userAgent: 'test' } }));
    await api.auth.updateProfile({ phone: '+1 555 010 0199' });
    await api.company.updateProfile({ address: '1 Dock Road', licenceNumber: 'WD-123' });
    await api.company.updateProfile({});
    await api.company.invite({ email: 'wes@acme.example', role: 'warehouse' });
    await api.company.invitations();
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.companyId, session.company.id));
    const pii = events.filter((e) => e.kind === 'data.pii-changed' || e.kind === 'data.pii-read').map((e) => [e.kind, e.details, e.ip]);
    expect(pii).toHaveLength(3);
    expect(pii).toEqual(expect.arrayContaining([
      ['data.pii-changed', { what: 'profile', fields: ['phone'] }, '192.0.2.7'],
      ['data.pii-changed', { what: 'company-profile', fields: ['address', 'licenceNumber'] }, '192.0.2.7'],
      ['data.pii-read', { what: 'invitations', fields: ['email'], rows: 1 }, '192.0.2.7'],
    ]));
    expect(JSON.stringify(events)).not.toMatch(/555 010|Dock Road|WD-123|wes@acme/);
  });
});
