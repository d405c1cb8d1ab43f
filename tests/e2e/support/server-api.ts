/**
 * Calls to the Atlas server's tRPC API over HTTP, as an administrator's script would: tRPC v11
 * with no transformer takes a mutation's input as the raw JSON body of `POST /trpc/<path>` and
 * answers `{ result: { data } }` (or `{ error }`).
 */
export async function trpcMutation<T>(serverUrl: string, path: string, input: unknown, accessToken?: string): Promise<T> {
  const res = await fetch(`${serverUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${path} failed (HTTP ${res.status}): ${JSON.stringify(body.error ?? body)}`);
  return body.result.data;
}

export interface Member {
  name: string;
  email: string;
  password: string;
  role: 'admin' | 'warehouse' | 'qa' | 'trader' | 'auditor';
}

/** Signs in as the administrator and adds colleagues with `auth.addMember` (admin only). */
export async function addMembers(serverUrl: string, admin: { email: string; password: string }, members: Member[]): Promise<void> {
  const session = await trpcMutation<{ accessToken: string }>(serverUrl, 'auth.signIn', { email: admin.email, password: admin.password });
  for (const m of members) await trpcMutation(serverUrl, 'auth.addMember', { email: m.email, name: m.name, role: m.role, password: m.password }, session.accessToken);
}
