/**
 * Browser mode's access token, as Jupyter does it: the server makes a random token per run (or takes
 * EC2LAB_WEB_TOKEN), prints it in the address it announces, and answers the lab's API only to a
 * browser that opened that address (it then holds the token in an HttpOnly, SameSite=Strict cookie)
 * or to a script that sends `Authorization: Bearer <token>`. Any other local user or process reaches
 * the static console files only, never the lab.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_PARAMETER = 'token';

/** A token from the environment must be long enough not to be guessed. */
const MIN_TOKEN_LENGTH = 16;

export function makeAccessToken(fixed: string | undefined): string {
  if (fixed === undefined || fixed === '') return randomBytes(24).toString('base64url');
  if (fixed.length < MIN_TOKEN_LENGTH || !/^[A-Za-z0-9._~-]+$/.test(fixed)) {
    throw new Error(
      `EC2LAB_WEB_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters of letters, digits, '-', '_', '.' or '~'.`,
    );
  }
  return fixed;
}

/** The cookie's name carries the port: two labs on one machine (cookies ignore ports) keep theirs apart. */
export function tokenCookieName(port: number): string {
  return `ec2lab_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Whether the request carries the token, as a bearer header or as this server's cookie. */
export function carriesToken(request: IncomingMessage, port: number, token: string): boolean {
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return sameToken(bearer, token);
  const name = tokenCookieName(port);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return sameToken(value.join('='), token);
  }
  return false;
}

/** Compared in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function sameToken(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
