import { join } from 'node:path';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { SignerKeys } from '../../src-main/core/qa/signer-keys';
import { TestDesktop } from './support/desktop';

/**
 * The network between a QA desktop and the server, as the tests need it: it can be down, it
 * records every request body (the key leak scan reads them), and it can rewrite `qa.pull`
 * answers to play a server whose ledger was forked, rolled back or re-signed.
 */
export class QaNetwork {
  down = false;
  readonly bodies: string[] = [];
  readonly urls: string[] = [];
  /** Rewrites the `result.data` of a qa.pull answer (null: pass it through). */
  rewritePull: ((data: PullData) => PullData) | null = null;
  /** Every qa.pull answer seen, so a test can replay an old one (rollback). */
  readonly pulls: PullData[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.down) throw new TypeError('fetch failed: network is down');
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.urls.push(url);
    if (typeof init?.body === 'string') this.bodies.push(init.body);
    const res = await fetch(input, init);
    if (!url.includes('/trpc/qa.pull') || !res.ok) return res;
    const body = (await res.json()) as { result: { data: PullData } };
    this.pulls.push(structuredClone(body.result.data));
    const data = this.rewritePull ? this.rewritePull(structuredClone(body.result.data)) : body.result.data;
    return new Response(JSON.stringify({ result: { data } }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

export interface PullData {
  entries: { seq: number; canonical: string }[];
  treeHead: { companyId: string; treeSize: number; rootHash: string; signedAt: string; signature: string; keyId: string } | null;
  consistency: string[];
  serverPublicKey: string;
  serverKeyId: string;
  hasMore: boolean;
}

/** A desktop on its own network; dispose() also removes the sealed signing keys it stored. */
export class QaDesktop extends TestDesktop {
  constructor(
    serverUrl: string,
    readonly net = new QaNetwork(),
  ) {
    super(serverUrl, { fetch: net.fetch });
  }

  get replicaFile(): string {
    return join(this.dir, 'replica.db');
  }

  keychain(): OsKeychain {
    return new OsKeychain(this.service);
  }

  signingKeyName(): string {
    const s = this.core.session.current();
    if (!s) throw new Error('not signed in');
    return SignerKeys.entryName({ companyId: s.company.id, userId: s.user.id });
  }

  override dispose(): void {
    try {
      this.keychain().delete(this.signingKeyName());
    } catch {
      // signed out or never signed in: nothing stored
    }
    super.dispose();
  }
}
