/**
 * The invitation an administrator passes on: the bare token, or a link carrying it. Atlas sends
 * no e-mail yet, so the admin copies one of these into their own message; the colleague pastes
 * either into "Have an invitation?" on the sign-in screen.
 *
 * `atlas://invite?server=…&token=…` names the server too, so a desktop pointed at another Atlas
 * server can say so instead of answering "invitation not valid".
 */
export function inviteLink(serverUrl: string, token: string): string {
  // ':' and '/' may stay as they are in a query (RFC 3986 §3.4), which keeps the server readable.
  const server = encodeURIComponent(serverUrl).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return `atlas://invite?server=${server}&token=${encodeURIComponent(token)}`;
}

export interface PastedInvite {
  token: string;
  /** The server the link names, when it names one. */
  server: string | null;
}

/** Reads what was pasted: a link with `token=` (query or fragment) or the token on its own. */
export function parsePastedInvite(pasted: string): PastedInvite {
  const text = pasted.trim();
  const token = param(text, 'token');
  if (token === null) return { token: text.replace(/\s+/g, ''), server: null };
  return { token, server: param(text, 'server') };
}

function param(text: string, name: string): string | null {
  const match = new RegExp(`[?&#]${name}=([^&#\\s]*)`).exec(text);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return match[1] ?? '';
  }
}

/** True when the link names a server other than the one this desktop uses. */
export function isForOtherServer(invite: PastedInvite, serverUrl: string | null): boolean {
  if (!invite.server || !serverUrl) return false;
  return normalise(invite.server) !== normalise(serverUrl);
}

function normalise(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}
