import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Secrets, resolveSecretKey } from './secrets.ts';

describe('resolveSecretKey', () => {
  it('generates a key once into the data folder with mode 0600, then reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-key-'));

    const first = resolveSecretKey(undefined, dir);
    const second = resolveSecretKey(undefined, dir);

    expect(first.origin).toBe('generated');
    expect(second.origin).toBe('data-dir');
    expect(second.key.equals(first.key)).toBe(true);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toHaveLength(64);
  });

  it('prefers SECRET_KEY from the environment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-key-'));
    expect(resolveSecretKey('ab'.repeat(32), dir)).toMatchObject({ origin: 'environment' });
  });
});

describe('Secrets', () => {
  const secrets = new Secrets(Buffer.alloc(32, 1));

  it('round-trips encrypted values with a fresh nonce each time', () => {
    const a = secrets.encrypt('110101199003077777');
    const b = secrets.encrypt('110101199003077777');

    expect(a).not.toEqual(b);
    expect(a).not.toContain('110101');
    expect(secrets.decrypt(a)).toBe('110101199003077777');
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = secrets.encrypt('camera-password');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');

    expect(() => secrets.decrypt(tampered)).toThrow();
  });

  it('gives keyed hashes that match equal values and depend on the key', () => {
    const other = new Secrets(Buffer.alloc(32, 2));

    expect(secrets.keyedHash('x')).toBe(secrets.keyedHash('x'));
    expect(other.keyedHash('x')).not.toBe(secrets.keyedHash('x'));
  });
});
