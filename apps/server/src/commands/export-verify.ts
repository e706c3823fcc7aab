import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyExportDir } from '../modules/exports/export-manifest.ts';
import type { Config } from '../platform/config.ts';
import { resolveSecretKey, Secrets } from '../platform/secrets.ts';

/**
 * The key manifests are checked against: a PEM public key file when given, else the one
 * derived from this server's key (SECRET_KEY or DATA_DIR/secret.key; never generated here).
 */
function trustedKey(config: Config, publicKeyFile: string | undefined): KeyObject | string {
  if (publicKeyFile) {
    try {
      return createPublicKey(readFileSync(publicKeyFile, 'utf8'));
    } catch {
      return `${publicKeyFile} is not a readable PEM public key`;
    }
  }
  if (!config.secretKeyHex && !existsSync(path.join(config.dataDir, 'secret.key'))) {
    return `no server key: set SECRET_KEY, point --data at the server's folder, or give --public-key`;
  }
  const { key } = resolveSecretKey(config.secretKeyHex, config.dataDir);
  return new Secrets(key).manifestKeyPair().publicKey;
}

export async function runExportVerify(
  config: Config,
  dir: string,
  publicKeyFile: string | undefined,
): Promise<number> {
  const key = trustedKey(config, publicKeyFile);
  if (typeof key === 'string') {
    process.stderr.write(`gardenwatch: ${key}\n`);
    return 2;
  }
  const result = await verifyExportDir(path.resolve(dir), key);
  if (result.ok) {
    process.stdout.write(`export intact: signature valid, ${result.files} files match\n`);
    return 0;
  }
  process.stdout.write(`export NOT intact:\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
  return 1;
}

/** The manifest public key as PEM, to hand to whoever checks exports outside the server. */
export function runExportPublicKey(config: Config): number {
  const key = trustedKey(config, undefined);
  if (typeof key === 'string') {
    process.stderr.write(`gardenwatch: ${key}\n`);
    return 2;
  }
  process.stdout.write(key.export({ type: 'spki', format: 'pem' }).toString());
  return 0;
}
