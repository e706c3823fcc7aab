import { exportManifestSchema, type ExportManifest } from '@gardenwatch/contracts';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { canonical } from '../audit/audit-hash.ts';

export const MANIFEST_FILE = 'manifest.json';

export type UnsignedManifest = Omit<ExportManifest, 'signature'>;

/**
 * Ed25519 over the canonical JSON (sorted keys) of the manifest without its signature. Chosen
 * over HMAC-SHA-256 because an export leaves the system (police, courts, parents' lawyers):
 * they can check it with the public key alone, which cannot forge a manifest.
 */
export function signManifest(unsigned: UnsignedManifest, privateKey: KeyObject): ExportManifest {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const value = sign(null, Buffer.from(canonical(unsigned)), privateKey);
  return {
    ...unsigned,
    signature: {
      algorithm: 'Ed25519',
      publicKey: publicKey.toString('base64'),
      value: value.toString('base64'),
    },
  };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface VerifyResult {
  ok: boolean;
  /** One line per problem found, none when ok. */
  problems: string[];
  files: number;
}

/**
 * Checks an export folder: the manifest parses, its signature holds under the trusted public
 * key (the server's, or one given), and every file listed is there with its size and SHA-256.
 */
export async function verifyExportDir(dir: string, trusted: KeyObject): Promise<VerifyResult> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null) return { ok: false, problems: [`${MANIFEST_FILE} is missing`], files: 0 };
  const parsed = exportManifestSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    return { ok: false, problems: [`${MANIFEST_FILE} is not a valid manifest`], files: 0 };
  }

  const manifest = parsed.data;
  const problems = [...signatureProblems(manifest, trusted)];
  for (const file of manifest.files) problems.push(...(await fileProblems(dir, file)));
  return { ok: problems.length === 0, problems, files: manifest.files.length };
}

function signatureProblems(manifest: ExportManifest, trusted: KeyObject): string[] {
  const { signature, ...unsigned } = manifest;
  const trustedDer = trusted.export({ type: 'spki', format: 'der' }).toString('base64');
  if (signature.publicKey !== trustedDer) {
    return ['the manifest was signed with another key than the trusted one'];
  }
  const good = verify(
    null,
    Buffer.from(canonical(unsigned)),
    trusted,
    Buffer.from(signature.value, 'base64'),
  );
  return good ? [] : ['the signature does not match the manifest (it was changed)'];
}

async function fileProblems(dir: string, file: ExportManifest['files'][number]): Promise<string[]> {
  const full = path.join(dir, file.name);
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) return [`${file.name} is missing`];
  if (info.size !== file.bytes) return [`${file.name} has ${info.size} bytes, not ${file.bytes}`];
  const digest = await sha256File(full);
  return digest === file.sha256 ? [] : [`${file.name} does not match its SHA-256`];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
