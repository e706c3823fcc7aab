import { describe, expect, it } from 'vitest';
import { redactUrls, splitCredentials, withCredentials } from './camera-url.ts';

describe('camera URLs', () => {
  it('moves credentials out of a URL and puts them back', () => {
    const split = splitCredentials('rtsp://ad%40min:p%3Ass@192.0.2.10:554/Streaming/101');
    expect(split).toEqual({
      url: 'rtsp://192.0.2.10:554/Streaming/101',
      username: 'ad@min',
      password: 'p:ss',
    });
    expect(withCredentials(split.url, split.username, split.password)).toBe(
      'rtsp://ad%40min:p%3Ass@192.0.2.10:554/Streaming/101',
    );
  });

  it('leaves a URL without credentials alone', () => {
    expect(withCredentials('rtsp://192.0.2.10/a', null, 'x')).toBe('rtsp://192.0.2.10/a');
  });

  it('strips credentials from every URL in a text', () => {
    const line =
      "rtsp://admin:secret@127.0.0.1:8554/main: Server returned 401 (from 'rtsp://u:p@h/x')";
    const redacted = redactUrls(line);
    expect(redacted).not.toContain('secret');
    expect(redacted).not.toContain('u:p');
    expect(redacted).toContain('rtsp://127.0.0.1:8554/main');
  });
});
