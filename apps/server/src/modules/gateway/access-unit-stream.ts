import { splitAccessUnits, type AccessUnit, type VideoCodec } from '@gardenwatch/gb28181';

/**
 * Cuts an Annex B byte stream arriving in arbitrary chunks into access units. The last unit
 * of each chunk may be incomplete, so it is held back until more bytes (or the end) arrive.
 */
export class AccessUnitStream {
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly codec: VideoCodec,
    private readonly maxPendingBytes = 16 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): AccessUnit[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const units = splitAccessUnits(this.pending, this.codec);
    const last = units.pop();
    if (!last) {
      // No complete picture yet; a stream that never yields one is not H.264/H.265 at all.
      if (this.pending.length > this.maxPendingBytes) this.pending = Buffer.alloc(0);
      return [];
    }
    const cut = last.data.byteOffset - this.pending.byteOffset;
    const complete = units.map((unit) => ({ ...unit, data: Buffer.from(unit.data) }));
    this.pending = Buffer.from(this.pending.subarray(cut));
    return complete;
  }

  end(): AccessUnit[] {
    const units = splitAccessUnits(this.pending, this.codec);
    this.pending = Buffer.alloc(0);
    return units;
  }
}
