import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GreyFrame } from './tamper-measures.ts';

/**
 * The reference view of each camera, against which turn and defocus are judged, kept as a
 * binary PGM (`DATA_DIR/health/<camera>.pgm`) so that it outlives a restart and can be looked at.
 */
export class ReferenceStore {
  constructor(private readonly dir: string) {}

  async load(cameraId: string): Promise<GreyFrame | null> {
    const bytes = await readFile(this.file(cameraId)).catch(() => null);
    return bytes ? parsePgm(bytes) : null;
  }

  async save(cameraId: string, frame: GreyFrame): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const header = Buffer.from(`P5\n${frame.width} ${frame.height}\n255\n`, 'ascii');
    await writeFile(this.file(cameraId), Buffer.concat([header, frame.data]));
  }

  async remove(cameraId: string): Promise<void> {
    await rm(this.file(cameraId), { force: true });
  }

  private file(cameraId: string): string {
    return path.join(this.dir, `${cameraId}.pgm`);
  }
}

export function parsePgm(bytes: Buffer): GreyFrame | null {
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 32).toString('ascii'));
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const data = bytes.subarray(match[0].length);
  if (data.length !== width * height) return null;
  return { width, height, data: Uint8Array.from(data) };
}
