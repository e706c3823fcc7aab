/** An RTSP URL split into its address (safe to show and log) and its credentials. */
export interface SplitUrl {
  url: string;
  username: string | null;
  password: string | null;
}

/** Moves credentials out of a URL such as `rtsp://admin:pw@host/stream`. */
export function splitCredentials(raw: string): SplitUrl {
  const url = new URL(raw);
  const username = url.username ? decodeURIComponent(url.username) : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.username = '';
  url.password = '';
  return { url: url.toString(), username, password };
}

/** The URL handed to ffmpeg: the address with the credentials put back. */
export function withCredentials(
  address: string,
  username: string | null,
  password: string | null,
): string {
  if (!username) return address;
  const url = new URL(address);
  url.username = encodeURIComponent(username);
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** Removes credentials from every URL in a text (ffmpeg echoes its input URL in errors). */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]*@/gi, '$1');
}
