const DEFAULT_PATH = '/today';

/** The login page, remembering where to come back to. */
export function loginPathFor(returnTo: string): string {
  return returnTo === DEFAULT_PATH ? '/login' : `/login?next=${encodeURIComponent(returnTo)}`;
}

/**
 * Where to go after signing in. Only a path on this site is accepted: "//evil.example" or
 * "https://…" in the query string must not turn the login page into an open redirect.
 */
export function safeReturnPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return DEFAULT_PATH;
  }
  if (next.startsWith('/login') || next.startsWith('/register')) {
    return DEFAULT_PATH;
  }
  return next;
}

/** The safe return path from the current URL's ?next=, read at the time of the redirect. */
export function readReturnPath(): string {
  return safeReturnPath(new URLSearchParams(window.location.search).get('next'));
}
