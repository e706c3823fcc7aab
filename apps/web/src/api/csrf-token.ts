// The CSRF token of the current session. The server hands it out at sign-in (and with the
// current user); every state-changing request sends it back in `x-csrf-token`. It is kept in
// sessionStorage so that a reload of the tab keeps working, and never in localStorage.
const KEY = 'gw.csrf';

let token: string | null = null;

function storage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

export function getCsrfToken(): string | null {
  token ??= storage()?.getItem(KEY) ?? null;
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
  if (value === null) storage()?.removeItem(KEY);
  else storage()?.setItem(KEY, value);
}
