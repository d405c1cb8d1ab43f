import { describe, expect, it } from 'vitest';
import { inviteLink, isForOtherServer, parsePastedInvite } from './invite-link';

const token = 'q0Zk3v9_xY-Abc123def456ghi789jkl012mno345pq';

describe('invitation links', () => {
  it('reads the token back from the link an administrator copies', () => {
    const link = inviteLink('http://127.0.0.1:4000', token);
    expect(parsePastedInvite(link)).toEqual({ token, server: 'http://127.0.0.1:4000' });
  });

  it('takes a bare token, trimmed and without line breaks a mail client added', () => {
    expect(parsePastedInvite(`  ${token.slice(0, 20)}\n${token.slice(20)} `)).toEqual({ token, server: null });
  });

  it('finds token= in any link, in the query or the fragment', () => {
    expect(parsePastedInvite(`https://atlas.example/join?token=${token}&x=1`).token).toBe(token);
    expect(parsePastedInvite(`https://atlas.example/#token=${token}`).token).toBe(token);
  });

  it('notices a link for another server', () => {
    const invite = parsePastedInvite(inviteLink('https://atlas.other.example/', token));
    expect(isForOtherServer(invite, 'https://atlas.other.example')).toBe(false);
    expect(isForOtherServer(invite, 'http://127.0.0.1:4000')).toBe(true);
    expect(isForOtherServer(parsePastedInvite(token), 'http://127.0.0.1:4000')).toBe(false);
  });
});
