import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface KeySource {
  key: Buffer;
  /** Where the key came from, for the start-up message. */
  origin: 'environment' | 'data-dir' | 'generated';
  file?: string;
}

/**
 * The server key is SECRET_KEY when given; in embedded mode without it, a key is generated once
 * into DATA_DIR/secret.key (mode 0600) so that restarts keep reading the same encrypted data.
 */
export function resolveSecretKey(secretKeyHex: string | undefined, dataDir: string): KeySource {
  if (secretKeyHex) return { key: Buffer.from(secretKeyHex, 'hex'), origin: 'environment' };

  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
      throw new Error(`${file} does not hold 64 hexadecimal characters`);
    }
    return { key: Buffer.from(hex, 'hex'), origin: 'data-dir', file };
  }

  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, origin: 'generated', file };
}

/** Encryption at rest (AES-256-GCM) and keyed hashes (HMAC-SHA-256), each with its own subkey. */
export class Secrets {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;
  private readonly signingKey: Buffer;
  private readonly manifestSeed: Buffer;

  constructor(master: Buffer) {
    this.encryptionKey = derive(master, 'gardenwatch/encryption');
    this.hashKey = derive(master, 'gardenwatch/keyed-hash');
    this.signingKey = derive(master, 'gardenwatch/signing');
    this.manifestSeed = derive(master, 'gardenwatch/manifest-ed25519');
  }

  /**
   * The Ed25519 key pair of export manifests, derived from the server key: anyone holding the
   * public key can check a manifest, and only the server can sign one.
   */
  manifestKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
    const privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, this.manifestSeed]),
      format: 'der',
      type: 'pkcs8',
    });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }

  /** Returns `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv, tag, body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) {
      throw new Error('sealed value has an unknown format');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** A keyed hash for matching values (identity numbers) without storing them readable. */
  keyedHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }

  /** A signature over a document (export manifests, release links). */
  sign(data: string | Buffer): string {
    return createHmac('sha256', this.signingKey).update(data).digest('base64url');
  }
}

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}
